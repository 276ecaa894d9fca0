"""Assembling the whole site: read, validate, resolve. One entry point for build and check.

``load_site`` runs a named list of passes over a ``SiteDraft``; the ``Site`` it returns is
frozen and never changed afterwards (the adapter makes a new one with ``dataclasses.replace``
when page URLs are known).
"""

from __future__ import annotations

import dataclasses
import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field

from .content_types import (
    AUDIT_RECORD,
    AUDIT_RESULT,
    COURSE,
    LEGISLATION,
    PAGE,
    RESERVED_COURSE_IDS,
    TAG,
    TYPES,
    schema_of,
)
from .problems import Problems
from .safety import check_project as check_safety
from .schema import Schemas, load_schemas, suggest
from .settings import Project
from .structure.abbreviations import Abbreviations, abbreviation_index
from .structure.audit_cycles import check_overdue_actions
from .structure.audit_results import results_of
from .structure.blog import blogs_of, check_avatars, check_posts
from .structure.contacts import check_contacts, check_key_points, check_services
from .structure.edited import newness
from .structure.events import check_events
from .structure.examples import check_examples
from .structure.frameworks import Framework, read_frameworks
from .structure.graph import check_unique, resolve
from .structure.items import Item, of_type
from .structure.load import read_every_file, relative
from .structure.review import check_reviews
from .structure.staff_voice import check_staff_voice
from .structure.synonyms import SYNONYMS_FILE, Synonyms, read_synonyms
from .structure.thread import Thread, report_gaps
from .structure.tools import check_tool_files
from .structure.training import check_courses


@dataclass(frozen=True)
class Site:
    project: Project
    schemas: Schemas
    items: list[Item]
    by_id: dict[str, Item]
    tags: dict[str, Item]
    audit_results: list[Item]
    problems: Problems
    thread: Thread
    drafts: list[Item] = field(default_factory=list)  # every draft; published only with show_drafts
    refused: frozenset = frozenset()  # files of docs/ that may not be published
    urls: dict[str, str] = field(default_factory=dict)  # page path under docs/ -> URL
    legislation: dict[str, str] = field(default_factory=dict)  # title -> official URL
    synonyms: Synonyms = field(default_factory=Synonyms)  # the search's (docs/_data/synonyms.yml)
    abbreviations: Abbreviations = field(default_factory=lambda: abbreviation_index([]))
    page_uris: frozenset = frozenset()  # every page of the build, generated ones included
    additions: dict = field(default_factory=dict)  # page path -> what Practice Hub adds to it
    frameworks: dict[str, Framework] = field(default_factory=dict)  # docs/_data/frameworks/<id>.yml
    _pages: dict = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self):
        pages = {item.uri: item for item in self.items if not item.anchor and not item.from_yaml}
        pages.update({item.uri: item for item in self.items if TYPES[item.type].entries_have_pages})
        object.__setattr__(self, "_pages", pages)

    def of_type(self, type_name: str) -> list[Item]:
        return of_type(self.items, type_name)

    def listed(self, type_name: str) -> list[Item]:
        """Items shown in listings: archived items stay reachable by URL but are not listed."""
        return [item for item in self.of_type(type_name) if item.status != "archived"]

    @property
    def hidden_drafts(self) -> list[Item]:
        """Drafts left out of this build (every draft, unless show_drafts is on)."""
        return [] if self.project.settings.show_drafts else self.drafts

    def item_for_page(self, uri: str) -> Item | None:
        return self._pages.get(uri)

    def pages_by_uri(self) -> dict[str, Item]:
        """Every item that has a page of its own, by the page's path under docs/."""
        return dict(self._pages)

    def legislation_for(self, item: Item) -> list[tuple[str, str]]:
        """(text as written, official URL) for each legislation entry that names a known act."""
        found = []
        entries = item.data.get("legislation")
        for entry in entries if isinstance(entries, list) else []:
            title = match_legislation(str(entry), self.legislation)
            if title:
                found.append((str(entry), self.legislation[title]))
        return found

    def url_of(self, item: Item) -> str:
        url = self.urls.get(item.uri, "")
        return f"{url}#{item.anchor}" if item.anchor else url

    def with_pages(self, **known) -> Site:
        """A copy that also knows the build's pages (urls, page_uris, additions)."""
        return dataclasses.replace(self, **known)


@dataclass
class SiteDraft:
    """The site while ``load_site``'s passes assemble it; becomes a frozen ``Site`` at the end."""

    project: Project
    schemas: Schemas | None = None
    problems: Problems = field(default_factory=Problems)
    read: list[Item] = field(default_factory=list)
    unread: set = field(default_factory=set)
    unread_words: set = field(default_factory=set)  # every word of the files that could not be read
    content: list[Item] = field(default_factory=list)
    tags: dict[str, Item] = field(default_factory=dict)
    results: list[Item] = field(default_factory=list)
    records: list[Item] = field(default_factory=list)  # counted audits (docs/_data/audits_counted.yml)
    by_id: dict[str, Item] = field(default_factory=dict)
    drafts: list[Item] = field(default_factory=list)
    thread: Thread | None = None
    laws: dict[str, str] = field(default_factory=dict)
    synonyms: Synonyms = field(default_factory=Synonyms)
    refused: frozenset = frozenset()
    frameworks: dict = field(default_factory=dict)

    @property
    def docs_path(self) -> str:
        return relative(self.project.docs_dir, self.project.root)

    def site(self) -> Site:
        return Site(
            self.project,
            self.schemas,
            self.content,
            self.by_id,
            self.tags,
            self.results,
            self.problems,
            self.thread,
            self.drafts,
            refused=self.refused,
            legislation=self.laws,
            synonyms=self.synonyms,
            abbreviations=abbreviation_index(self.content),
            frameworks=self.frameworks,
        )


def _read(draft: SiteDraft) -> None:
    project = draft.project
    draft.schemas = load_schemas(project.schema_dir)
    reading = read_every_file(project.root, project.docs_dir, draft.schemas)
    draft.read, draft.problems, draft.unread = reading.items, reading.problems, reading.unread
    draft.unread_words = reading.unread_words
    draft.results = of_type(draft.read, AUDIT_RESULT)
    draft.records = of_type(draft.read, AUDIT_RECORD)


def _place_entries(draft: SiteDraft) -> None:
    """YAML entries are shown on the page their type names (a page per course; one glossary page)."""
    placed = []
    for item in draft.read:
        if item.type not in TYPES:
            continue
        place = TYPES[item.type].place_of(item.id)
        uri, anchor = place if place else (item.uri, "")
        placed.append(
            item
            if (uri, anchor) == (item.uri, item.anchor)
            else dataclasses.replace(item, uri=uri, anchor=anchor)
        )
    draft.content = placed


def _check_safety(draft: SiteDraft) -> None:
    project = draft.project
    draft.refused = check_safety(
        project.docs_dir, draft.docs_path, draft.schemas, draft.problems, root=project.root
    )


def _check_ids(draft: SiteDraft) -> None:
    problems = draft.problems
    ids = [item.id for item in draft.content]
    duplicated = len(set(ids)) < len(ids)  # git is asked only when an id is used twice
    check_unique(draft.content, problems, newness=newness(draft.project.root) if duplicated else None)
    for item in draft.content:
        if not TYPES[item.type].entries_have_pages:
            continue
        if item.id in RESERVED_COURSE_IDS:
            problems.about(
                item,
                "id",
                f'{item.label} id "{item.id}" is taken by a page of {TYPES[item.type].folder}/',
                f"choose another id; {', '.join(sorted(RESERVED_COURSE_IDS))} are taken",
            )
        elif (draft.project.docs_dir / item.uri).exists():
            problems.about(
                item,
                "id",
                f'{item.label} id "{item.id}" would replace the page docs/{item.uri}',
                f"rename the page or choose another {item.label} id",
            )
    draft.tags = check_unique(of_type(draft.read, TAG), problems, "tag id")


def _resolve(draft: SiteDraft) -> None:
    draft.by_id = resolve(
        draft.content,
        {TAG: draft.tags},
        draft.schemas,
        draft.problems,
        draft.project.settings.show_drafts,
        draft.unread,
    )


def _leave_out_drafts(draft: SiteDraft) -> None:
    draft.drafts = [item for item in draft.content if item.status == "draft"]
    if draft.project.settings.show_drafts:
        return
    content = [item for item in draft.content if item.status != "draft"]
    by_id = {item.id: item for item in content}
    for item in content:
        related = {kind: [i for i in ids if i in by_id] for kind, ids in item.related.items()}
        item.related = {kind: ids for kind, ids in related.items() if ids}
    draft.content, draft.by_id = content, by_id


def _check_posts(draft: SiteDraft) -> None:
    project = draft.project
    posts = [item for item in draft.content if TYPES[item.type].blog]
    blogs = blogs_of(project.plugins)
    check_posts(posts, blogs, project.docs_dir, draft.docs_path, draft.problems)
    check_avatars(blogs, project.docs_dir, draft.docs_path, draft.problems)
    _posts_outside_posts(posts, blogs, draft.problems)


def _posts_outside_posts(posts, blogs, problems: Problems) -> None:
    """A post saved beside the blog's index (docs/news/x.md) instead of in its posts/ folder: the
    blog does not read it, so it would be published as a plain page in the blog's menu."""
    folders = ["" if blog.blog_dir == "." else blog.blog_dir + "/" for blog in blogs]
    for post in posts:
        if not folders or posixpath.basename(post.uri) == "index.md":
            continue
        if any(post.uri.startswith(folder + "posts/") for folder in folders):
            continue
        folder = next((f for f in folders if post.uri.startswith(f)), folders[0])
        where = posixpath.dirname(post.path)
        moved = posixpath.join(
            post.path[: len(post.path) - len(post.uri)] + folder + "posts", posixpath.basename(post.uri)
        )
        problems.add(
            post.path,
            post.line_of("date") if "date" in post.data else post.line,
            f"this news post is saved in {where}/, not in its posts/ folder, so it would be published "
            "as a plain page in the menu, not as a post",
            f"move it to {posixpath.dirname(moved)}/: {moved}",
            type=post.type,
        )


def _check_reviews(draft: SiteDraft) -> None:
    settings = draft.project.settings
    raw = draft.schemas.raw if draft.schemas is not None else {}
    archive_dated = frozenset(
        name for name in TYPES if "archived_date" in raw.get(schema_of(name), {}).get("properties", {})
    )
    check_reviews(
        draft.content,
        settings.build_date,
        draft.problems,
        settings.overdue_reviews_are_errors,
        archive_dated,
        settings.clock.latest_today,
    )
    check_courses(of_type(draft.content, COURSE), draft.problems)
    check_overdue_actions(
        draft.content, settings.build_date, draft.problems, settings.overdue_reviews_are_errors
    )  # an audit cycle's overdue actions are reported like overdue reviews


def _golden_thread(draft: SiteDraft) -> None:
    draft.thread = Thread.of(draft.content, draft.by_id)
    # Results from the hand-kept entries and the counted audits, checked (structure/audit_results.py).
    results = results_of(draft.results, draft.records, draft.by_id, draft.project.settings, draft.problems)
    draft.thread.results = results.overall()
    draft.thread.series = results.series
    draft.thread.cycle_results = results.cycles
    draft.thread.small_sample = draft.project.settings.audit_small_sample
    report_gaps(
        draft.thread,
        draft.problems,
        draft.project.settings.gaps_are_errors,
        unread=draft.unread,
        unread_words=draft.unread_words,
    )


def _legislation(draft: SiteDraft) -> None:
    laws = of_type(draft.read, LEGISLATION)
    draft.laws = {str(i.data.get("title")): str(i.data.get("url")) for i in laws}
    check_unique(laws, draft.problems, "legislation id")
    check_legislation(draft.content, draft.laws, draft.problems)


def _synonyms(draft: SiteDraft) -> None:
    """The search's synonyms (docs/_data/synonyms.yml), each problem at its line."""
    file = draft.project.docs_dir / SYNONYMS_FILE
    if not file.is_file() or draft.schemas is None:
        return
    path = f"{draft.docs_path}/{SYNONYMS_FILE}".lstrip("/")
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        draft.problems.add(
            path, 1, "the file cannot be read as text", "save it as UTF-8 text", type="synonyms"
        )
        return
    draft.synonyms = read_synonyms(text, path, draft.schemas)
    draft.problems.extend(draft.synonyms.problems)


def _check_files(draft: SiteDraft) -> None:
    check_tool_files(draft.content, draft.project.docs_dir, draft.problems)
    blog = next((t for t in TYPES.values() if t.blog), None)
    news_index = draft.project.docs_dir / blog.index_uri if blog else None
    if news_index is not None and not news_index.is_file():  # else Material's blog plugin writes a bare one
        path = f"{draft.docs_path}/{blog.index_uri}".lstrip("/")
        problems = draft.problems
        problems.add(
            path,
            1,
            f"the {blog.name} section has no front page",
            f"create {path} with the fields id: {blog.name} and title: {blog.label} between --- lines, then a heading",
            type=PAGE,
        )


def _check_contacts(draft: SiteDraft) -> None:
    settings = draft.project.settings
    check_contacts(draft.content, draft.project.docs_dir, draft.problems)
    check_services(draft.content, settings.audit_services, draft.problems)
    check_key_points(draft.content, settings.key_points_required, draft.problems)


#: The passes of ``load_site``, in order (problems are reported in this order too).
PASSES: tuple[tuple[str, Callable[[SiteDraft], None]], ...] = (
    ("read and validate every file", _read),
    ("place YAML entries on their pages", _place_entries),
    ("safe content", _check_safety),
    ("unique ids", _check_ids),
    ("cross-references", _resolve),
    (
        "capability and inspection frameworks",
        lambda draft: setattr(draft, "frameworks", read_frameworks(draft.project.docs_dir, draft.docs_path)),
    ),
    ("leave out drafts", _leave_out_drafts),
    ("news authors and categories", _check_posts),
    ("reviews, courses and audit actions", _check_reviews),
    ("staff voice", lambda draft: check_staff_voice(draft.content, draft.problems)),
    ("events", lambda draft: check_events(draft.content, draft.project.settings.build_date, draft.problems)),
    ("golden thread", _golden_thread),
    ("legislation", _legislation),
    ("search synonyms", _synonyms),
    ("downloads and the news front page", _check_files),
    ("contacts, services and key points", _check_contacts),
    ("examples made by start", lambda draft: check_examples(draft.project, draft.problems)),
)


def check_rendered(site: Site) -> None:
    """Judge every published page's body as the build renders it; ``check`` runs it
    on every site, the build when its own checks found errors (else it judges MkDocs' own HTML)."""
    from .safety import check_rendered as judge_bodies
    from .safety.rendered import Renderer

    judge_bodies(site.items, Renderer(site.project.markdown_extensions), site.problems)


def load_site(project: Project) -> Site:
    draft = SiteDraft(project)
    for _name, run in PASSES:
        run(draft)
    return draft.site()


def match_legislation(entry: str, laws: dict[str, str]) -> str | None:
    """The longest known title that the entry starts with ("Children Act 1989 s47" -> "Children Act 1989")."""
    best = None
    for title in laws:
        if entry == title or entry.startswith(title + " ") or entry.startswith(title + ","):
            if best is None or len(title) > len(best):
                best = title
    return best


def check_legislation(items: list[Item], laws: dict[str, str], problems: Problems) -> None:
    for item in items:
        entries = item.data.get("legislation")
        for index, entry in enumerate(entries if isinstance(entries, list) else []):
            if not isinstance(entry, str) or match_legislation(entry, laws):
                continue
            guess = suggest(entry.rsplit(" s", 1)[0], laws)
            problems.add(
                item.path,
                item.line_of("legislation", index),
                f'legislation "{entry}" does not start with the title of an act in docs/_data/legislation.yml',
                f'did you mean "{guess}"?'
                if guess
                else "write the act's title as listed there, then the section, or add the act to the list",
                type=item.type,
                field="legislation",
            )
