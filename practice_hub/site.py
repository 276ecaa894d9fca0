"""Assembling the whole site: read, validate, resolve. One entry point for build and check."""

from __future__ import annotations

from dataclasses import dataclass, field

from .content_types import RESERVED_COURSE_IDS, TYPES
from .problems import Problems
from .renderer.glossary import abbreviation_index
from .renderer.sections import check_tool_files
from .schema import Schemas, load_schemas, suggest
from .settings import Project
from .structure.graph import check_unique, resolve
from .structure.items import Item
from .structure.load import _relative, read_all
from .structure.thread import Thread, check_results, report_gaps
from .structure.review import check_reviews
from .structure.training import check_courses
from .audit_tool.cycles import check_overdue_actions
from .safety import check_project as check_safety

# Where YAML entries are shown: a page per course, one shared page for glossary and links.
ENTRY_PAGES = {
    "course": lambda item: (f"training/{item.id}.md", ""),
    "glossary": lambda item: ("glossary/index.md", item.id),
    "link": lambda item: ("links/index.md", item.id),
}


@dataclass
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
    urls: dict[str, str] = field(default_factory=dict)  # page path under docs/ -> URL
    legislation: dict[str, str] = field(default_factory=dict)  # title -> official URL
    abbreviations: object = None  # glossary acronyms that pages may use (renderer.glossary.Abbreviations)
    page_uris: set = field(default_factory=set)  # every page of the build, generated ones included
    additions: dict = field(default_factory=dict)  # page path -> what Practice Hub adds to it
    _pages: dict | None = field(default=None, repr=False)

    def of_type(self, type_name: str) -> list[Item]:
        return [item for item in self.items if item.type == type_name]

    def listed(self, type_name: str) -> list[Item]:
        """Items shown in listings: archived items stay reachable by URL but are not listed."""
        return [item for item in self.of_type(type_name) if item.status != "archived"]

    @property
    def hidden_drafts(self) -> list[Item]:
        """Drafts left out of this build (every draft, unless show_drafts is on)."""
        return [] if self.project.settings.show_drafts else self.drafts

    def item_for_page(self, uri: str) -> Item | None:
        return self.pages_by_uri().get(uri)

    def pages_by_uri(self) -> dict[str, Item]:
        """Every item that has a page of its own, by the page's path under docs/."""
        if self._pages is None:
            self._pages = {item.uri: item for item in self.items if not item.anchor and not item.from_yaml}
            self._pages.update({item.uri: item for item in self.items if item.type == "course"})
        return self._pages

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


def load_site(project: Project) -> Site:
    schemas = load_schemas(project.schema_dir)
    read, problems, unread = read_all(project.root, project.docs_dir, schemas)
    content = [item for item in read if item.type in TYPES]
    tag_items = [item for item in read if item.type == "tag"]
    results = [item for item in read if item.type == "audit_result"]
    for item in content:
        if item.type in ENTRY_PAGES:
            item.uri, item.anchor = ENTRY_PAGES[item.type](item)
        else:
            item.anchor = ""
    check_safety(project.docs_dir, _relative(project.docs_dir, project.root), schemas, problems)  # issue 14
    check_unique(content, problems)
    for item in content:
        if item.type == "course" and item.id in RESERVED_COURSE_IDS:
            problems.add(item.path, item.line_of("id"), f'course id "{item.id}" is the name of a training page',
                         f"choose another id; {', '.join(sorted(RESERVED_COURSE_IDS))} are taken",
                         type="course", field="id")
        elif item.type == "course" and (project.docs_dir / item.uri).exists():
            problems.add(item.path, item.line_of("id"),
                         f'course id "{item.id}" would replace the page docs/{item.uri}',
                         "rename the page or choose another course id", type="course", field="id")
    tags = check_unique(tag_items, problems, "tag id")
    settings = project.settings
    by_id = resolve(content, tags, schemas, problems, settings.show_drafts, unread)
    drafts = [item for item in content if item.status == "draft"]
    if not settings.show_drafts:
        content = [item for item in content if item.status != "draft"]
        by_id = {item.id: item for item in content}
        for item in content:
            item.related = {kind: [i for i in ids if i in by_id] for kind, ids in item.related.items()}
            item.related = {kind: ids for kind, ids in item.related.items() if ids}
    check_reviews(content, settings.build_date, problems, settings.overdue_reviews_are_errors)
    check_courses([item for item in content if item.type == "course"], problems)
    check_overdue_actions(content, settings.build_date, problems, settings.overdue_reviews_are_errors)  # issue 15: audit cycles
    thread = Thread.of(content, by_id)
    thread.results = check_results(results, by_id, problems)
    report_gaps(thread, problems, project.settings.gaps_are_errors)
    laws = {str(i.data.get("title")): str(i.data.get("url")) for i in read if i.type == "legislation"}
    check_unique([i for i in read if i.type == "legislation"], problems, "legislation id")
    check_legislation(content, laws, problems)
    check_tool_files(content, project.docs_dir, problems)
    news_index = project.docs_dir / "news" / "index.md"
    if not news_index.is_file():  # else Material's blog plugin writes a bare one into docs/
        path = f"{_relative(project.docs_dir, project.root)}/news/index.md".lstrip("/")
        problems.add(path, 1, "the news section has no front page",
                     f"create {path} with front matter (id: news, title: News) and a heading", type="page")
    site = Site(project, schemas, content, by_id, tags, results, problems, thread, drafts)
    site.legislation = laws
    site.abbreviations = abbreviation_index(content)
    return site


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
            problems.add(item.path, item.line_of("legislation", index),
                         f'legislation "{entry}" does not start with the title of an act in docs/_data/legislation.yml',
                         f'did you mean "{guess}"?' if guess else
                         "write the act's title as listed there, then the section, or add the act to the list",
                         type=item.type, field="legislation")
