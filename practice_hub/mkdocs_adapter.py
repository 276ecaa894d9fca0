"""The one module that knows MkDocs: connects MkDocs events to Practice Hub calls.

A site names the engine with one line in its ``mkdocs.yml`` (``plugins: [..., practice-hub]``):
``PracticeHubPlugin`` (below) puts the engine's theme between the site's own ``custom_dir`` and
Material's, and runs the hooks in ``hooks/`` (one event each, packaged with the engine) in the
order of ``HOOKS``. Hooks call these functions. State for one build lives in one ``Build`` object on
the MkDocs config (a fresh config for every build, ``mkdocs serve`` rebuilds included), never in
modules; what outlives a build (caches for ``mkdocs serve``) lives in ``cache.SERVE_CACHE``.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from markdown.postprocessors import Postprocessor
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel

from .cache import SERVE_CACHE
from .content_types import LISTING_PAGE, PAGE, TYPES, classify, read_elsewhere
from .export import content_json
from .markup import Markup, comment, escape
from .menu import EDITORS, EditorsPages, audience_of
from .problems import Problem, summary
from .renderer.compact import compact_html
from .renderer.front_door import main_sections
from .renderer.glossary import abbreviations_for
from .renderer.learning import REPLACE_BODY
from .renderer.link_check import check_site_links
from .renderer.page_view import PageView
from .renderer.problems_page import PROBLEMS_URI, problems_banner, problems_page
from .renderer.site_pages import (
    BLOG_TYPES,
    CONTINUE_LIST,
    END_LIST,
    feed_file,
    generated_pages,
    out_of_menu,
    page_additions,
    post_build_files,
    who_to_contact,
    with_additions,
)
from .renderer.suggest import suggest_link
from .renderer.tags import tag_uri
from .resources import hooks_dir, schema_dir, theme_dir
from .safety import accessible, case_data_seen, plain_text
from .safety import rendered as judged
from .safety.engine_files import engine_files
from .safety.files import OutsideCheck, unpublished_attachments
from .safety.published import is_refused
from .settings import Environment, Project, Settings, SettingsError, settings_lines
from .site import Site, check_rendered, load_site
from .structure import build_messages
from .structure.changes import changed_pages
from .structure.examples import ACCESSIBILITY_PAGE
from .structure.review import change_badge
from .structure.thread import Thread
from .theme_assets import bundles, missing

if TYPE_CHECKING:
    from .search import SearchIndexer

LOG = logging.getLogger("mkdocs.plugins.practice_hub")
ADVISORY_LOGGER = "practice_hub.advisory"  # not under "mkdocs": see advisory_logger()
_KEY = "practice_hub_build"
_SERVING_KEY = "practice_hub_serving"  # on the MkDocs config: the plugin saw `mkdocs serve` start
PROBLEMS_MARKER = ".practice-hub-problems"


def project_for(config: MkDocsConfig) -> Project:
    """The project of this build: its settings, the environment read once, the clock started."""
    environment = Environment.read()
    if config.get(_SERVING_KEY) if hasattr(config, "get") else False:
        environment = dataclasses.replace(environment, serving=True)
    try:
        settings = Settings.from_extra(config.extra, environment, Path(config.docs_dir))
    except SettingsError as error:  # each at its line, then the count, as check says them
        located = error.with_lines(_settings_lines(config))
        shown = Path(os.path.relpath(config.config_file_path or "mkdocs.yml")).as_posix()
        problems = located.as_problems(shown if not shown.startswith("..") else "mkdocs.yml")
        for problem in problems:
            LOG.error(str(problem) if problem.line else f"{problem.path}: {problem.message}")
        raise PluginError(f"Practice Hub: {summary(problems)}") from None
    root = Path(config.config_file_path).resolve().parent
    return Project(
        root=root,
        docs_dir=Path(config.docs_dir).resolve(),
        schema_dir=schema_dir(),
        settings=settings,
        use_directory_urls=config.use_directory_urls,
        site_url=config.site_url or "",
        markdown_extensions=tuple(
            {name: config.mdx_configs[name]} if name in config.mdx_configs else name
            for name in config.markdown_extensions
            if isinstance(name, str)
        ),
        plugins=tuple(
            {name: dict(plugin.config)}
            for name, plugin in dict(getattr(config, "plugins", None) or {}).items()
            if name.split(" #")[0].split("/")[-1] == "blog"
        ),
    )


def _settings_lines(config: MkDocsConfig) -> dict[str, int]:
    try:
        return settings_lines(Path(config.config_file_path).read_text(encoding="utf-8"))
    except (OSError, TypeError, UnicodeDecodeError):
        return {}


@dataclass
class Build:
    """One build's scratch: the site (replaced, never changed, as pages become known), MkDocs'
    files, whether this build shows only the problems page, and the search indexer."""

    site: Site
    files: Files | None = None
    problems_page: bool = False
    search: SearchIndexer | None = None
    nav: object = None  # MkDocs' navigation and template environment, kept for `mkdocs serve`
    env: object = None  # to rebuild one edited page (see rebuild_edited_pages)
    one_page: bool = False  # rebuilding one edited page: the search index stays as it is
    # What Practice Hub adds to an editor's page is marked with this (random, never
    # published) token, so the editor's part is judged by the content allow-list and the
    # engine's by the site's; problems found in the rendered HTML wait here for on_env.
    nonces: dict = field(default_factory=dict)  # page path -> its token (see _nonce)
    rendered_problems: list = field(default_factory=list)
    # Pages whose editor's text Practice Hub places inside its own additions (a briefing's boxes):
    # their body is judged for accessibility as check judges it, rendered alone.
    replaced: set = field(default_factory=set)
    renderer: judged.Renderer | None = None


def build_of(config: MkDocsConfig) -> Build:
    build = config.get(_KEY) if hasattr(config, "get") else None
    if build is None:
        raise PluginError("Practice Hub: hooks/validate.py must run before the other Practice Hub hooks")
    return build


def site_of(config: MkDocsConfig) -> Site:
    return build_of(config).site


# --- on_config, before Material's blog: an authors file it would refuse -----------------------------
def leave_refused_authors_unread(config: MkDocsConfig) -> None:
    """Before Material's blog reads the news authors file (its on_config): if the file has a
    problem check reports (at its line, in plain words), this build's blog leaves it unread, so the
    build stops at the same lines as check (hooks/validate.py), the preview shows them, and the
    blog's own words without a line are never printed. Every build reads mkdocs.yml afresh, so
    the next build after the fix reads the authors file again."""
    from .safety import AUTHORS_FILE
    from .schema import load_schemas
    from .structure.blog import authors_file_refused

    plugins = dict(getattr(config, "plugins", None) or {})
    for name, plugin in plugins.items():
        options = getattr(plugin, "config", None)
        if name.split(" #")[0].split("/")[-1] != "blog" or options is None:
            continue
        if not options.get("enabled", True) or not options.get("authors", True):
            continue
        blog_dir = str(options.get("blog_dir") or "blog")
        uri = os.path.normpath(
            str(options.get("authors_file") or "{blog}/.authors.yml").format(blog=blog_dir)
        )
        if Path(uri).as_posix() != AUTHORS_FILE:  # check reads that file: any other is the blog's
            continue
        if authors_file_refused(Path(config.docs_dir) / AUTHORS_FILE, load_schemas(schema_dir())):
            options["authors"] = False


# --- on_config: the site's own CSS and JavaScript ---------------------------------------------
def add_theme_assets(config: MkDocsConfig) -> MkDocsConfig:
    """List the theme folder's stylesheets and scripts in extra_css / extra_javascript, each kind
    joined into one file named by its content (``theme_assets.bundles``; written by
    ``add_theme_bundles``): two requests instead of fifteen on a slow connection."""
    for bundle in bundles(theme_dir()):
        listed = config.extra_css if bundle.path.endswith(".css") else config.extra_javascript
        listed.extend(missing(listed, [bundle.path]))
    return config


# --- on_files: the joined stylesheets and scripts -------------------------------------------
def add_theme_bundles(files: Files, config: MkDocsConfig) -> Files:
    """The files ``add_theme_assets`` listed, written into the site (never into docs/)."""
    for bundle in bundles(theme_dir()):
        files.append(File.generated(config, bundle.path, content=bundle.text))
    return files


# --- on_files: validation ---------------------------------------------------------------------
def validate(files: Files, config: MkDocsConfig) -> Files:
    """Read and check every content file; fail the build once, listing every problem."""
    site = load_site(project_for(config))
    locate_engine_messages(config, site.project)
    hidden = {item.uri for item in site.hidden_drafts if not item.from_yaml}
    hidden |= unpublished_attachments(site.items + site.hidden_drafts, site.hidden_drafts)
    _drop_refused(files, config, site, hidden)  # never copied, not even for the problems page
    check_site_links(site)
    for problem in site.problems.warnings:
        (advisory_logger() if problem.advisory else LOG).warning(str(problem))
    errors = site.problems.errors
    if errors:  # judge the rendered bodies too, so that one build lists what check lists
        check_rendered(site)
        errors = site.problems.errors
        for problem in errors:
            LOG.error(str(problem))
        if site.project.settings.serving:  # `mkdocs serve`: show the problems in the browser
            return _problems_only(files, config, site)
        raise PluginError(f"Practice Hub: {summary(errors + site.problems.counted_warnings)}")
    marker = Path(config.site_dir) / PROBLEMS_MARKER
    if marker.exists():  # the last build showed the problems: rebuild every page once
        _forget_problems(Path(config.site_dir))
        for file in files:
            file.is_modified = lambda: True  # noqa: E731
    config[_KEY] = Build(site)
    archived = {item.uri for item in site.items if item.status == "archived" and not item.from_yaml}
    leads_outside = OutsideCheck(site.project.docs_dir)
    for file in list(files):
        kind = classify(file.src_uri)
        if file.abs_src_path and leads_outside(Path(file.abs_src_path)):  # a link to a file nobody checked
            files.remove(file)
            continue
        # YAML content and data files are read by Practice Hub, not published as they are; nor
        # are the data files its own modules read (the search's synonyms, the frameworks).
        if (
            (kind.format in ("yaml", "data") and kind.type)
            or read_elsewhere(file.src_uri)
            or file.src_uri in hidden
        ):
            files.remove(file)
        elif file.src_uri in archived:
            file.inclusion = InclusionLevel.NOT_IN_NAV  # reachable by URL, not listed
    return files


def _drop_refused(files: Files, config: MkDocsConfig, site: Site, hidden: set[str]) -> None:
    """Remove every file of docs/ that may not be published (reported by the checks) and the
    attachments of drafts left out (*hidden*); where a refused file stood in for a theme file of
    the same path, the theme's own file is put back."""
    docs_dir = Path(config.docs_dir).resolve()
    engine = engine_files(site.project.root)
    in_docs: dict[str, bool] = {}  # by src_dir: every file of docs/ has the same one
    for file in list(files):
        if file.generated_by or not file.src_dir:
            continue
        if file.src_dir not in in_docs:
            in_docs[file.src_dir] = Path(file.src_dir).resolve() == docs_dir
        if not in_docs[file.src_dir]:
            continue
        if file.src_uri in hidden and not file.is_documentation_page():
            files.remove(file)
            continue
        if not is_refused(file.src_uri, site.refused, engine):
            continue
        files.remove(file)
        if file.src_uri.endswith(".html"):  # templates are rendered by the theme, never copied
            continue
        for folder in config.theme.dirs:
            if os.path.isfile(os.path.join(folder, file.src_uri)):
                files.append(File(file.src_uri, folder, config.site_dir, config.use_directory_urls))
                break


def advisory_logger() -> logging.Logger:
    """Where advisory warnings go (golden-thread gaps, overdue reviews while their *_are_errors
    setting is false): printed like every MkDocs warning ("WARNING  -  path:line: ..."), through the
    same stream handler, but from a logger outside the ``mkdocs`` hierarchy, so that
    ``--strict`` (which counts what reaches the ``mkdocs`` logger) does not count them.
    Set up again on every build (idempotent); nothing is kept in this module."""
    handlers: list[logging.Handler] = []
    node: logging.Logger | None = LOG
    while node is not None:  # MkDocs: the "mkdocs" logger; ProperDocs: its parent, "properdocs"
        handlers += [h for h in node.handlers if type(h) is logging.StreamHandler and h not in handlers]
        node = node.parent if node.propagate else None
    logger = logging.getLogger(ADVISORY_LOGGER)
    logger.handlers = handlers
    logger.propagate = not handlers  # outside a MkDocs command: Python's own last-resort output
    logger.setLevel(logging.INFO)
    return logger


# --- on_files: generated pages ----------------------------------------------------------------
def add_generated_pages(files: Files, config: MkDocsConfig) -> Files:
    build = build_of(config)
    site = build.site
    if build.problems_page:
        return files
    existing = {file.src_uri for file in files}
    generated = generated_pages(site, existing)
    for uri, markdown in generated.items():
        # Entry pages (courses...) and topic pages are reached from their listing and the topics
        # page: in the menu they would put hundreds of links on every page (the registry's
        # entries_in_menu says which types' entries are in it).
        level = InclusionLevel.NOT_IN_NAV if out_of_menu(uri) else InclusionLevel.INCLUDED
        files.append(File.generated(config, uri, content=markdown, inclusion=level))
    urls = {file.src_uri: file.url for file in files if file.generated_by or file.src_uri.endswith(".md")}
    build.files = files
    site = site.with_pages(
        urls=urls, page_uris=frozenset(file.src_uri for file in files.documentation_pages())
    )
    uri, feed = feed_file(site, config.site_name)
    files.append(File.generated(config, uri, content=feed, inclusion=InclusionLevel.INCLUDED))
    site = site.with_pages(urls={**urls, uri: files.get_file_from_path(uri).url})
    generated[uri] = feed
    build.site = _follow_changes(files, site, generated, config)
    return files


def _follow_changes(files: Files, site: Site, generated: dict, config: MkDocsConfig) -> Site:
    """For `mkdocs serve --dirty`: rebuild exactly the pages whose output can have changed.

    MkDocs rebuilds a page when its source is newer than its output, and every generated
    page always. Practice Hub knows better: a generated page changes when its content does,
    and an editor's page also when what Practice Hub adds to it does (a standard's courses).
    """
    site = site.with_pages(
        additions={
            uri: page_additions(site, uri, item.body, site.page_uris)
            for uri, item in site.pages_by_uri().items()
            if not item.from_yaml
        }
    )
    changed = changed_pages(str(config.site_dir), generated, site.additions)
    for file in files:  # per-file overrides of MkDocs' own check
        if file.src_uri in changed.editor_pages:
            file.is_modified = lambda: True  # noqa: E731
        elif file.src_uri in generated and file.src_uri not in changed.generated:
            file.is_modified = lambda: False  # noqa: E731
    return site


# --- on_page_markdown: lifecycle -------------------------------------------------------------
def apply_lifecycle(markdown: str, page, config: MkDocsConfig) -> str:
    """Archived pages leave search; Material's nav badge shows New/Updated, never our status word."""
    site = site_of(config)
    item = site.item_for_page(page.file.src_uri)
    page.meta.pop("status", None)
    # Pagefind is the search engine (see the search section below): Material's own index is
    # thrown away, so its plugin is told to skip every page instead of parsing each one.
    page.meta["search"] = {"exclude": True}
    if item is None:
        return markdown
    badge = change_badge(item, site.project.settings.build_date)
    if badge and item.status not in ("archived", "draft"):
        page.meta["status"] = badge
    return markdown


# --- on_page_context: data for templates ----------------------------------------------------
def page_context(context: dict, page, config: MkDocsConfig) -> dict:
    site = site_of(config)
    item = site.item_for_page(page.file.src_uri)
    today = site.project.settings.build_date
    context["ph"] = (
        PageView.of(item, today, page.content or "", who_to_contact(site, item, page.file.src_uri))
        if item
        else None
    )
    context["ph_accessibility"] = ACCESSIBILITY_PAGE in site.page_uris  # the footer links it if it exists
    if page.is_homepage:  # the front door has no review box
        context["ph"] = None
    context["ph_suggest"] = suggest_link(  # "Suggest a change" on every page
        page.title or config.site_name,
        page.canonical_url or "/" + page.url,
        page.edit_url,
        site.project.settings.suggest_email,
    )
    if item is not None:
        context["tags"] = [
            {
                # Markup: Material writes it as it is, and the review box's "| e" does not escape it twice
                "name": escape(str(site.tags[t].data.get("label", t))),
                "url": site.urls.get(tag_uri(t), ""),
            }
            for t in item.data.get("tags") or []
            if t in site.tags
        ]
    return context


# --- on_template_context: the 404 page --------------------------------------------------------
def error_page_context(context: dict, template_name: str, config: MkDocsConfig) -> dict:
    """The main sections for the "page not found" page, in the readers' menu order."""
    build = config.get(_KEY)
    if template_name != "404.html" or build is None or build.site is None:
        return context
    site = build.site
    context["ph_accessibility"] = ACCESSIBILITY_PAGE in site.page_uris
    context["ph_sections"] = main_sections(
        site.items, set(site.page_uris), site.urls, site.project.settings.menu
    )
    return context


# --- on_page_markdown: additions to editors' pages ---------------------------------------------
def add_to_page(markdown: str, page, config: MkDocsConfig, files: Files) -> str:
    site = site_of(config)
    if page.file.generated_by:
        return markdown + abbreviations_for(markdown, site.abbreviations, page.file.src_uri)
    addition = site.additions.get(page.file.src_uri)  # made in on_files for every editor's page
    if addition is None:
        addition = page_additions(site, page.file.src_uri, markdown, site.page_uris)
    build = build_of(config)
    nonce = build.nonces[page.file.src_uri] = _nonce(markdown)
    if addition.startswith(REPLACE_BODY):
        build.replaced.add(page.file.src_uri)
    return with_additions(site, page.file.src_uri, markdown, _marked(addition, nonce))


def _nonce(markdown: str) -> str:
    """A page's token: a hash of the editor's own text, so that no text can hold its own token
    (it would have to hold its own hash) and two builds of the same text are byte-identical."""
    return hashlib.sha256(markdown.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _marked(addition: str, nonce: str) -> str:
    """Practice Hub's addition between two comments that only this build knows."""
    if addition.startswith(CONTINUE_LIST) and END_LIST in addition:  # the list, then Practice Hub's own
        listed, _, own = addition.partition(END_LIST)
        return listed + "\n\n" + _marked(own, nonce)
    if not addition or addition.startswith(CONTINUE_LIST):  # list items, as an editor writes them
        return addition
    prefix = REPLACE_BODY if addition.startswith(REPLACE_BODY) else ""
    body = addition[len(prefix) :]
    start, end = _engine_marks(nonce)
    return "".join([prefix, start, "\n\n", body.strip("\n"), "\n\n", end, "\n"])


def _engine_marks(nonce: str) -> tuple[str, str]:
    """The two comments around Practice Hub's addition to a page, made with the page's token."""
    return str(comment(f"ph-engine-{nonce}")), str(comment(f"/ph-engine-{nonce}"))


# --- on_page_content: judge what is published ----------------------------------------------------
def judge_published(html_text: str, page, config: MkDocsConfig) -> str:
    """Every page's HTML as MkDocs rendered it, through the allow-list: the editor's part through
    the content list (reported at its source line), Practice Hub's additions and generated pages
    through the site's. Returns what is published: the allow-listed HTML, always."""
    build = build_of(config)
    site = build.site
    item = None if page.file.generated_by else site.item_for_page(page.file.src_uri)
    if item is None:  # a generated page: Practice Hub's own markup, with escaped values
        published, found = judged.judge_page(html_text, "", judged.SITE)
        problems = [(page.file.src_uri, line, message, hint, "") for line, message, hint in found]
    else:
        nonce = build.nonces.get(page.file.src_uri, "")
        style = accessible.Style.of(*judged.extension_settings(site.project.markdown_extensions))
        published, found = _judge_parts(html_text, nonce, item, style)
        if page.file.src_uri in build.replaced and item.body:
            if build.renderer is None:
                build.renderer = judged.Renderer(site.project.markdown_extensions)
            alone = accessible.check(build.renderer.render(item.body), item.body, style)
            found += [(line + item.body_line - 1, m, h) for line, m, h in alone]
        problems = [(item.path, line, m, h, item.type) for line, m, h in found]
        excerpt = getattr(page, "excerpt", None)  # Material's blog: a post's excerpt on news pages
        if excerpt is not None and "practice-hub-judge" not in excerpt.md.postprocessors:
            blog = config.plugins.get("material/blog")
            separator = str(  # plain text: the excerpt is split on it and joined again
                getattr(getattr(blog, "config", None), "post_excerpt_separator", Markup("<!-- more -->"))
            )
            excerpt.md.postprocessors.register(_JudgeExcerpt(nonce, item, separator), "practice-hub-judge", 0)
    if problems and build.one_page:  # `mkdocs serve`: the full rebuild reports them
        raise PluginError("Practice Hub: the edited page needs a full rebuild")
    build.rendered_problems.extend(problems)
    return published


def _judge_parts(html_text: str, nonce: str, item, style: accessible.Style | None = None) -> tuple[str, list]:
    """(published HTML, [(line in the file, message, hint)]) for an editor's page: its own text
    through the content list, Practice Hub's additions (between the page's tokens) through the
    site's, case data in what the reader sees of the editor's text and, given the site's
    Markdown *style*, its pictures, headings, links and tables (``safety/accessible.py``), judged
    on the editor's parts together, as ``check`` judges the body."""
    start = ""
    pieces = [html_text]
    if nonce:  # [text, mark, text, mark, ...]: the text after a start mark is Practice Hub's
        start, end = _engine_marks(nonce)
        pieces = re.split(f"({re.escape(start)}|{re.escape(end)})", html_text)
    parts, problems, inside = [], [], False
    editors: list[str] = []
    plain = plain_text(item.body)  # check's fast path: nothing to report in the editor's text
    for number, piece in enumerate(pieces):
        if number % 2:
            inside = piece == start
            continue
        if not inside:
            editors.append(piece)
        if plain and not inside:
            parts.append(judged.CONTENT.cleaner().clean(piece))  # still published allow-listed
            continue
        out, found = judged.judge_page(
            piece, "" if inside else item.body, judged.SITE if inside else judged.CONTENT
        )
        parts.append(out)
        if not inside:
            problems += [(line + item.body_line - 1, m, h) for line, m, h in found]
            problems += case_data_seen(out, item.body, item.body_line)
    if style is not None:
        found = accessible.check("".join(editors), item.body, style)
        problems += [(line + item.body_line - 1, m, h) for line, m, h in found]
    return "".join(parts), problems


class _JudgeExcerpt(Postprocessor):
    """A news post's excerpt, rendered by Material's blog for the news pages, judged as the post's
    own page is (its problems are reported there): published allow-listed, the excerpt's
    separator kept."""

    def __init__(self, nonce: str, item, separator: str):
        super().__init__()
        self.nonce, self.item, self.separator = nonce, item, separator

    def run(self, text: str) -> str:
        parts = text.split(self.separator)
        return self.separator.join(_judge_parts(part, self.nonce, self.item)[0] for part in parts)


def fail_on_rendered_problems(config: MkDocsConfig, files: Files | None = None) -> None:
    """on_env, after every page was rendered: one failed build listing every problem found in the
    rendered HTML (none when check passed: it judges the same rendering)."""
    build = build_of(config)
    if not build.rendered_problems:
        return
    from .problems import Problems

    found = Problems()
    for path, line, message, hint, kind in build.rendered_problems:
        found.add(path, line, message, hint, type=kind)
    errors = found.errors
    for problem in errors:
        LOG.error(str(problem))
    if not build.site.project.settings.serving:  # `mkdocs serve` shows the published (allow-listed) pages
        raise PluginError(f"Practice Hub: {summary(errors)}")
    if files is not None:
        _show_rendered_problems(config, files, errors)


def _show_rendered_problems(config: MkDocsConfig, files: Files, errors: list[Problem]) -> None:
    """`mkdocs serve` writes pages whose rendered HTML had problems (allow-listed, as published):
    the preview names the problems in its box on every page, as it does those of a build that
    stops at them, with their list as one more page of this build (MkDocs writes the pages it was
    given after on_env). The next build without problems removes both."""
    from mkdocs.commands import build as engine
    from mkdocs.structure.pages import Page

    content = problems_page(errors, summary(errors), home=False)
    listing = File.generated(config, PROBLEMS_URI, content=content, inclusion=InclusionLevel.NOT_IN_NAV)
    files.append(listing)
    engine._populate_page(Page(None, listing, config), config, files)
    # The pages with the problems were written anew (allow-listed), so no page is "as it was".
    _keep_shown(Path(config.site_dir), errors, listing, home=False, pages=set())


# --- on_post_page: smaller pages ----------------------------------------------------------------
def compact_page(output: str) -> str:
    return compact_html(output)


# --- on_post_build: content.json --------------------------------------------------------------
def write_content_json(config: MkDocsConfig) -> None:
    build = build_of(config)
    site = build.site
    if build.files is not None:  # final URLs: plugins such as the blog move pages after on_files
        final = {file.src_uri: file.url for file in build.files if file.src_uri.endswith(".md")}
        site = build.site = site.with_pages(urls={**site.urls, **final})
    for uri, data in post_build_files(site, config.site_name).items():
        target = Path(config.site_dir) / uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    target = Path(config.site_dir) / "content.json"
    target.write_text(json.dumps(content_json(site), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


# --- Search: Pagefind behind Material's search interface ---------------------------------------
# One SearchIndexer per build, kept in the Build like the Site. Pages are fed to Pagefind's own
# process as MkDocs writes them (on_post_page); on_post_build waits and writes site/pagefind/;
# a failed build stops the process (on_build_error), and so does leaving Python (atexit).


def index_for_search(output: str, page, config: MkDocsConfig) -> str:
    from .search.index import link_lists_left_out

    output = link_lists_left_out(output)  # lists of links are not the page's text (published so)
    build = build_of(config)
    site = build.site
    indexer = build.search
    if build.one_page:  # `mkdocs serve` rebuilt one edited page: the index stays until a full rebuild
        return output
    if indexer is None:
        from .search import PagefindError, SearchIndexer

        try:
            indexer = build.search = SearchIndexer(site.items, _shard_pages(site), site.synonyms.groups)
        except PagefindError as error:
            raise PluginError(f"Practice Hub: the search index could not be started: {error}") from None
    item = site.item_for_page(page.file.src_uri)
    excluded = item is not None and item.status in (
        "archived",
        "draft",
    )  # search: exclude is set on every page
    if not excluded and not for_readers(page, item, site):  # editors' pages: not in readers' search
        excluded = True
    if not excluded:
        kind = item.type if item else (LISTING_PAGE if page.file.generated_by else PAGE)
        indexer.add_page(output, "/" + page.url, kind, page.title or "", item)
    return output


def for_readers(page, item, site: Site) -> bool:
    """Whether a page is for readers: not ``audience: editors`` (an editor's page's fields, or a
    generated page's), nor named by the ``editors_pages`` setting."""
    audience = (item.data if item is not None else page.meta or {}).get("audience")
    return audience != EDITORS and page.file.src_uri not in EditorsPages(
        named=tuple(site.project.settings.editors_pages)
    )


def _shard_pages(site: Site) -> str:
    return site.project.settings.environment.search_shard_pages


def write_search_index(config: MkDocsConfig) -> None:
    from .search import PagefindError, SearchIndexer

    build = build_of(config)
    indexer = build.search
    build.search = None
    try:
        indexer = indexer or SearchIndexer(
            build.site.items, _shard_pages(build.site), build.site.synonyms.groups
        )
        indexer.finish(Path(config.site_dir))
    except PagefindError as error:
        raise PluginError(f"Practice Hub: the search index could not be built: {error}") from None
    finally:
        if indexer is not None:
            indexer.close()


def stop_search() -> None:
    """A failed build: MkDocs' build_error event has no config, so stop every live indexer."""
    from .search.pagefind_service import PagefindService

    PagefindService.close_all()


# --- on_files: MkDocs' own words about a page, at path:line ---------------------------------------
_ENGINE_LOGGERS = tuple(
    f"{engine}.{module}"
    for engine in ("mkdocs", "properdocs")
    for module in ("structure.pages", "commands.build")
)


class _AtTheLine(logging.Filter):
    """MkDocs' warnings and errors about a page ("Doc file 'x.md' contains an absolute link ...",
    "Error reading page 'x.md':" then the reason) rewritten as path:line problems in plain words
    (practice_hub/structure/build_messages.py). check reports each of them first; this shows the
    file and line even when a build fails for a reason check did not know. One filter per build:
    it remembers the page whose reason MkDocs prints on the next line, and nothing else."""

    def __init__(self, docs_dir: Path, docs_rel: str):
        super().__init__()
        self.docs_dir, self.docs_rel = docs_dir, docs_rel
        self.reading = ""  # the page MkDocs could not read, until the reason is printed

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            return True
        rewritten = build_messages.link_message(message, self.docs_dir, self.docs_rel)
        reading = build_messages.reading_page(message) if rewritten is None else None
        if reading is not None:
            page, why = reading
            if not why:  # a BuildError: MkDocs prints its reason next
                self.reading = page
                return False
            rewritten = build_messages.page_error(page, why, self.docs_dir, self.docs_rel)
        elif rewritten is None and self.reading and record.levelno >= logging.ERROR:
            rewritten = build_messages.page_error(self.reading, message, self.docs_dir, self.docs_rel)
            self.reading = ""
        if rewritten is not None:
            record.msg, record.args = rewritten, None
        return True


def locate_engine_messages(config: MkDocsConfig, project: Project) -> None:
    """Set up this build's _AtTheLine on MkDocs' (and ProperDocs') page and build loggers."""
    docs_rel = Path(os.path.relpath(project.docs_dir, project.root)).as_posix()
    for name in _ENGINE_LOGGERS:
        logger = logging.getLogger(name)
        for old in [f for f in logger.filters if isinstance(f, _AtTheLine)]:
            logger.removeFilter(old)
        logger.addFilter(_AtTheLine(project.docs_dir, "" if docs_rel == "." else docs_rel))


# --- on_startup: no "dirty build" warning for editors -------------------------------------------
class _DirtyBuildNotice(logging.Filter):
    """`./dev serve` rebuilds with --dirty on purpose and Practice Hub decides what to rebuild
    (see _follow_changes), so MkDocs' "A 'dirty' build ... inaccurate navigation" warning is noise."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("A 'dirty' build is being performed")


def quiet_dirty_build_warning() -> None:
    logger = logging.getLogger("mkdocs.commands.build")
    if not any(isinstance(f, _DirtyBuildNotice) for f in logger.filters):  # once per process
        logger.addFilter(_DirtyBuildNotice())


def startup(command: str) -> None:
    """on_startup: quiet MkDocs' dirty-build notice. (The plugin itself remembers that MkDocs
    started `serve`, and tells each build so: see ``PracticeHubPlugin.on_config``.)"""
    quiet_dirty_build_warning()


def _problems_only(files: Files, config: MkDocsConfig, site: Site) -> Files:
    """While content is broken, `mkdocs serve` builds one page, the list of problems, and leaves
    the pages of the last build without problems as they were: the preview shows them with a box
    naming the problems at the top of each (``show_problems_in_preview``). When there is no such
    build (the preview started with the problem), the list is the home page too. MkDocs' live
    reload brings the browser back to the site once the problems are fixed."""
    errors = site.problems.errors
    site_dir = Path(config.site_dir)
    empty = Site(site.project, site.schemas, [], {}, {}, [], site.problems, Thread.of([], {}), [])
    config[_KEY] = Build(empty, problems_page=True)
    blog_roots = {TYPES[name].index_uri for name in BLOG_TYPES}  # Material's blog plugin needs them
    kept = Files(
        [
            file
            for file in files
            if file.src_uri in blog_roots
            or (not file.is_documentation_page() and classify(file.src_uri).format is None)
        ]
    )
    before = _problems_shown(site_dir)
    home = not (site_dir / "index.html").exists() or bool(before and before.get("home"))
    closing = summary(errors)
    listing = File.generated(config, PROBLEMS_URI, content=problems_page(errors, closing, home=False))
    kept.append(listing)
    if home:
        kept.append(File.generated(config, "index.md", content=problems_page(errors, closing)))
    _keep_shown(site_dir, errors, listing, home=home, pages=_pages_of(errors, site.project.root, config))
    return kept


def _keep_shown(site_dir: Path, errors: list[Problem], listing: File, home: bool, pages: set[str]) -> None:
    """Leave in the site folder what the preview's box shows (``show_problems_in_preview``); its
    being there also makes the next build rebuild every page (``validate``)."""
    shown = {
        "home": home,  # the list is the home page too
        "list_url": listing.url,
        "list_file": listing.dest_uri,
        "pages": sorted(pages),  # the pages shown as they were before the save with problems
        "problems": [problem.as_json() for problem in errors],
    }
    site_dir.mkdir(parents=True, exist_ok=True)
    (site_dir / PROBLEMS_MARKER).write_text(json.dumps(shown), encoding="utf-8")


def _pages_of(problems: list[Problem], root: Path, config: MkDocsConfig) -> set[str]:
    """The URLs (as MkDocs writes them, "procedures/recording/") of the pages whose own files
    have these problems."""
    docs_dir = Path(config.docs_dir).resolve()
    urls = set()
    for problem in problems:
        try:
            uri = (root / problem.path).resolve().relative_to(docs_dir).as_posix()
        except (OSError, ValueError):
            continue
        if uri.endswith(".md"):
            urls.add(File(uri, str(docs_dir), config.site_dir, config.use_directory_urls).url)
    return urls


def _problems_shown(site_dir: Path) -> dict | None:
    """What the last build with problems left for the preview to show (None: no problems)."""
    try:
        shown = json.loads((site_dir / PROBLEMS_MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return shown if isinstance(shown, dict) else {}


def _forget_problems(site_dir: Path) -> None:
    """The problems are fixed: the preview's box and its list of problems go."""
    shown = _problems_shown(site_dir) or {}
    (site_dir / PROBLEMS_MARKER).unlink(missing_ok=True)
    listed = shown.get("list_file")
    if isinstance(listed, str) and listed and listed != "index.html":
        (site_dir / listed).unlink(missing_ok=True)


def show_problems_in_preview(server):
    """on_serve: while the last save has problems, every page the preview serves has a box at the
    top of its content naming them (``renderer.problems_page.problems_banner``). The box is put
    into the HTML as it is sent to the browser, so it is never in a built site; what it names is
    what the last build left in the site folder (``_problems_only``), so nothing is kept here."""
    app = server.get_app()
    root = Path(server.root)
    mount = getattr(server, "mount_path", "/") or "/"

    def with_problems(request, start_response):  # request: the WSGI environ of one request
        answer: dict = {}

        def hold(status, headers, exc_info=None):
            answer["status"], answer["headers"] = status, headers
            return lambda data: None  # MkDocs' server never writes through it

        body = app(request, hold)
        headers = answer.get("headers", [])
        html = any(name.lower() == "content-type" and "text/html" in value for name, value in headers)
        shown = _problems_shown(root) if html and "status" in answer else None
        if shown is None:
            if "status" in answer:
                start_response(answer["status"], headers)
            return body
        content = b"".join(body)
        if hasattr(body, "close"):
            body.close()
        path = request.get("PATH_INFO", "/").encode("latin-1").decode("utf-8", "ignore")
        content = _with_banner(content, shown, path[len(mount) :] if path.startswith(mount) else path, mount)
        headers = [(n, v) for n, v in headers if n.lower() != "content-length"]
        start_response(answer["status"], [*headers, ("Content-Length", str(len(content)))])
        return [content]

    server.set_app(with_problems)
    return server


_CONTENT_START = (re.compile(rb"<article\b[^>]*\bmd-content__inner\b[^>]*>"), re.compile(rb"<body\b[^>]*>"))


def _with_banner(content: bytes, shown: dict, page_url: str, mount: str) -> bytes:
    """The page's HTML with the box at the top of its content (none on the list of problems)."""
    page_url = page_url.lstrip("/")
    if page_url.endswith("index.html"):
        page_url = page_url[: -len("index.html")]
    list_url = str(shown.get("list_url", ""))
    if page_url == list_url or (page_url == "" and shown.get("home")):
        return content
    fields = {f.name for f in dataclasses.fields(Problem)}
    problems = [
        Problem(**{key: value for key, value in problem.items() if key in fields})
        for problem in shown.get("problems", [])
        if isinstance(problem, dict)
    ]
    if not problems:
        return content
    banner = problems_banner(problems, mount.rstrip("/") + "/" + list_url, page_url in shown.get("pages", []))
    found = _CONTENT_START[0].search(content) or _CONTENT_START[1].search(content)
    at = found.end() if found else 0  # the top of the content (Material's article), else of the page
    return content[:at] + str(banner).encode("utf-8") + content[at:]


# --- on_nav: the readers' menu ------------------------------------------------------------------
def order_nav(nav, config: MkDocsConfig):
    """Top level in the configured order, numbered items by number, procedures by service, no
    editors' pages, previous/next within a section (and a service's procedures) only."""
    from . import menu

    build = config.get(_KEY)
    site = build.site if build is not None else None
    settings = site.project.settings if site else project_for(config).settings
    numbers = {}
    for item in site.items if site else []:
        number = item.data.get("number")
        if item.uri and isinstance(number, (int, float)) and not isinstance(number, bool):
            numbers[item.uri] = number
    groups = menu.service_groups(site.items if site else [], settings.audit_services)
    before = list(nav.pages)
    files = build.files if build is not None else None
    nav.items = menu.arrange(
        nav.items,
        menu.menu_entries(settings.menu),
        numbers,
        editors_pages(site, files, settings),
        groups,
    )
    nav.pages = menu.pages_in_order(nav.items)
    menu.link_within_sections(nav.items, groups=groups)
    menu.mark_long_sections(nav.items, settings.menu_section_limit)
    kept = {id(page) for page in nav.pages}
    for page in before:
        if id(page) not in kept:
            menu.unlink(page)
            page.parent = None
    if build is not None:
        build.nav = nav
    return nav


def editors_pages(site: Site | None, files: Files | None, settings: Settings) -> EditorsPages:
    """The pages for editors: an editor's page or a generated one that says ``audience: editors``,
    and whatever the ``editors_pages`` setting names."""
    own = {item.uri for item in site.items if item.data.get("audience") == EDITORS} if site else set()
    made = {
        file.src_uri
        for file in (files.documentation_pages() if files is not None else [])
        if file.generated_by and audience_of(file.content_string) == EDITORS
    }
    return EditorsPages(frozenset(own | made), tuple(settings.editors_pages))


# --- on_nav: Material's blog asks every page whether it is a post or a view ------------------
# Material's blog plugin asks of every page whether it is one of the blog's posts (``page in
# posts``, twice) and one of its views (``page in self._resolve_views(blog)``: index, archive and
# category pages, and their further pages). A list or generator compares the page with each by
# title and file (MkDocs' Page.__eq__): pages x (posts + views) comparisons, which at 10,000
# pages and 1,200 news posts (370 views) cost more than all the rest of the blog. A page is a
# post or view only as the same object (the blog makes those pages itself), so asking by
# identity gives the same answers.
class _Posts(list):
    """A blog's posts, asked ``page in posts`` by identity."""

    def __contains__(self, page) -> bool:
        ids = self.__dict__.get("_ids")
        if ids is None or len(ids) != len(self):
            ids = self._ids = {id(post) for post in self}
        return id(page) in ids


class _Views:
    """The blog's views as its ``_resolve_views`` yields them, asked ``page in views`` by identity."""

    def __init__(self, views) -> None:
        self._views = views

    def __iter__(self):
        return iter(self._views)

    def __contains__(self, page) -> bool:
        return any(view is page for view in self._views)


def quick_blog_lookups(config: MkDocsConfig) -> None:
    """Each Material blog's posts (set in its on_files) and views asked by identity."""
    for name, plugin in config.plugins.items():
        blog = getattr(plugin, "blog", None)
        if not name.startswith("material/blog") or not isinstance(getattr(blog, "posts", None), list):
            continue
        blog.posts = _Posts(blog.posts)
        resolve = type(plugin).__dict__.get("_resolve_views")
        if callable(resolve) and "_resolve_views" not in plugin.__dict__:
            plugin._resolve_views = lambda view, _resolve=resolve, _plugin=plugin: _Views(
                _resolve(_plugin, view)
            )


# --- mkdocs serve: saving a page's text rebuilds that page alone -------------------------------
@dataclass
class _ServeBuild:
    """The last complete build of `mkdocs serve`: what rebuilding one page needs."""

    config: MkDocsConfig
    build: Build
    stamps: dict


def _watched(config: MkDocsConfig) -> list[Path]:
    roots = [Path(config.docs_dir)]
    if config.config_file_path:
        roots.append(Path(config.config_file_path))
    return roots + [Path(path) for path in config.watch if Path(path).exists()]


def title_unread_pages(config: MkDocsConfig, files: Files) -> None:
    """on_env: give every page this build did not read the title (and menu badge) a full build
    gives it, before any page is written.

    A `--dirty` rebuild (as `mkdocs serve` runs) reads and writes only the pages whose output can
    have changed: MkDocs skips the others (``_populate_page``). But every build makes new page
    objects (generated pages come from ``File.generated`` each build), and a page that was not read
    has no title, so the menu and the "Previous"/"Next" links of every page that is written would
    say "None" for it (after a save with problems, every editor's page is rewritten, so the menu
    lost every generated page's title). An editor's page takes its title from its item, read this
    build; any other page's source is read (not rendered) for its front matter or first heading."""
    build = config.get(_KEY)
    site = build.site if build is not None else None
    for file in files.documentation_pages():
        page = file.page
        if page is None or page.markdown is not None:
            continue  # read this build: MkDocs knows its title
        item = site.item_for_page(file.src_uri) if site is not None else None
        title = item.data.get("title") if item is not None and not item.from_yaml else None
        if isinstance(title, str) and title:
            page.title = title
            markdown = ""
        else:
            page.read_source(config)
            markdown = page.markdown or ""
        if build is not None:
            apply_lifecycle(markdown, page, config)  # the menu's New/Updated badge, as a full build


def remember_env(env, config: MkDocsConfig):
    """on_env: keep the template environment with the build (for one-page rebuilds)."""
    build = config.get(_KEY)
    if build is not None:
        build.env = env
    return env


def remember_serve_build(config: MkDocsConfig) -> None:
    """on_post_build (last): in `mkdocs serve`, keep this build for one-page rebuilds."""
    from .serve_edits import stamps

    build = config.get(_KEY)
    if build is None or not build.site.project.settings.serving:
        return
    usable = (
        not build.problems_page
        and not build.rendered_problems  # the preview shows them until a full build has none
        and build.nav is not None
        and build.env is not None
    )
    SERVE_CACHE.last_serve_build = _ServeBuild(config, build, stamps(_watched(config))) if usable else None


def serve_one_page_rebuilds(server, builder):
    """on_serve: before each rebuild, try rebuilding only the pages whose text was edited."""

    def rebuild(config: MkDocsConfig | None = None) -> None:
        if config is None and rebuild_edited_pages():
            return
        SERVE_CACHE.last_serve_build = None  # a full rebuild keeps its own when it succeeds
        builder(config)

    server.builder = rebuild
    _poll_sooner(server)
    return server


SERVE_POLL_S = 0.25  # MkDocs looks for saved files every 0.5 s: half the 1 s an edit may take


def _poll_sooner(server) -> None:
    """MkDocs' file watcher (watchdog's polling observer) checks every 0.5 s. Check twice as
    often (one look at docs/'s folders, about 10 ms at 3,000 pages): watchers already set up
    and those added after this. Left as it is if watchdog's internals are not as expected."""
    observer = getattr(server, "observer", None)
    for watcher in [observer, *getattr(observer, "emitters", ())]:
        if watcher is not None and isinstance(getattr(watcher, "_timeout", None), (int, float)):
            watcher._timeout = SERVE_POLL_S


def rebuild_edited_pages() -> bool:
    """Rebuild the pages whose body alone changed since the last complete build; False (nothing
    done) when anything else changed, so that the whole site is rebuilt as usual."""
    import time

    from mkdocs.commands import build as engine

    from .serve_edits import body_edits, changed_files, stamps, with_new_bodies

    last = SERVE_CACHE.last_serve_build
    if last is None:
        return False
    start = time.perf_counter()
    config, build = last.config, last.build
    now = stamps(_watched(config))
    paths = changed_files(last.stamps, now)
    if paths is None or build.files is None:
        return False
    fresh = body_edits(build.site, Path(config.docs_dir), paths)
    site = with_new_bodies(build.site, fresh) if fresh else None
    if site is None:
        return False
    build.site = site
    files = [build.files.get_file_from_path(uri) for uri in fresh]
    if any(file is None or file.page is None for file in files):
        return False
    doc_files = build.files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
    build.one_page = True
    try:
        for file in files:
            engine._populate_page(file.page, config, build.files, dirty=False)
            engine._build_page(file.page, config, doc_files, build.nav, build.env, dirty=False)
    except Exception as error:  # noqa: BLE001 - anything unexpected: the full rebuild reports it
        LOG.debug(f"Practice Hub: one-page rebuild failed ({error}); rebuilding the site")
        return False
    finally:
        build.one_page = False
    last.stamps = now
    logging.getLogger("mkdocs.commands.serve").info(
        f"Rebuilt {', '.join(sorted(fresh))} in {time.perf_counter() - start:.2f} s (only its text changed)"
    )
    return True


# --- the plugin: one line in a site's mkdocs.yml ------------------------------------------------
#: The hooks in hooks/, in the order they run within each event (the validation first; the
#: serve cache last, so that it keeps the finished build).
HOOKS = (
    "serve_quiet",
    "assets",  # the site's own CSS and JavaScript, from the engine's theme
    "validate",
    "pages",
    "asset_bundles",  # the site's own CSS and JavaScript joined into one stylesheet and one script
    "judge",  # every page's HTML judged after rendering, through the allow-list
    "judged",  # ... and the build fails once, listing what was found
    "thread",
    "nav",
    "blog_posts",  # Material's blog asks "is this page a post or view?" by identity
    "not_found",
    "lifecycle",
    "review",
    "export",
    "compact",
    "search_index",
    "search_write",
    "search_stop",
    "serve_titles",  # before serve_env: the pages kept for one-page rebuilds have their titles
    "serve_env",
    "serve_pages",
    "serve_banner",  # after serve_pages: the box naming the problems, on every page served
    "serve_remember",  # keep last: it keeps the finished build for `mkdocs serve`
)


def load_hooks() -> list:
    """The hook modules, loaded afresh from the engine's hooks folder (they keep no state)."""
    import importlib.util

    modules = []
    for name in HOOKS:
        spec = importlib.util.spec_from_file_location(
            f"practice_hub_hooks.{name}", hooks_dir() / f"{name}.py"
        )
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        modules.append(module)
    return modules


class _InOrder(CombinedEvent):
    """One event in parts that MkDocs runs at their own priorities (among other plugins'); called
    directly, as a test does, the parts run one after the other, each given what the last returned."""

    def __get__(self, instance, owner=None):
        return _InOrder(*(f.__get__(instance, owner) for f in self.methods))

    def __call__(self, item, *args, **kwargs):
        for method in self.methods:
            result = method(item, *args, **kwargs)
            item = item if result is None else result
        return item


class PracticeHubPlugin(BasePlugin):
    """Practice Hub as a MkDocs (or ProperDocs) plugin: list it last under ``plugins:``."""

    def __init__(self):
        super().__init__()
        self._hooks = load_hooks()
        # MkDocs keeps a plugin that has on_startup for every rebuild of `mkdocs serve`, so
        # what on_startup saw is known to each build (on_config puts it on the build's config).
        self._serving = False

    def _chain(self, event: str, item, **kwargs):
        for module in self._hooks:
            handler = getattr(module, event, None)
            if handler is not None:
                result = handler(item, **kwargs)
                item = item if result is None else result
        return item

    def _each(self, event: str, **kwargs) -> None:
        for module in self._hooks:
            handler = getattr(module, event, None)
            if handler is not None:
                handler(**kwargs)

    def on_startup(self, *, command, dirty):
        self._serving = command == "serve"
        self._each("on_startup", command=command, dirty=dirty)

    @event_priority(100)  # before Material's blog reads its authors file
    def _before_blog(self, config):
        leave_refused_authors_unread(config)
        return config

    @event_priority(0)
    def _config(self, config):
        config[_SERVING_KEY] = self._serving
        dirs = config.theme.dirs
        engine = str(theme_dir())
        if engine not in dirs:  # after the site's own custom_dir, before Material's templates
            dirs.insert(1 if config.theme.custom_dir else 0, engine)
        return self._chain("on_config", config)

    on_config = _InOrder(_before_blog, _config)

    def on_files(self, files, *, config):
        return self._chain("on_files", files, config=config)

    def on_nav(self, nav, *, config, files):
        return self._chain("on_nav", nav, config=config, files=files)

    def on_env(self, env, *, config, files):
        return self._chain("on_env", env, config=config, files=files)

    def on_page_markdown(self, markdown, *, page, config, files):
        return self._chain("on_page_markdown", markdown, page=page, config=config, files=files)

    def on_page_content(self, html, *, page, config, files):
        return self._chain("on_page_content", html, page=page, config=config, files=files)

    def on_page_context(self, context, *, page, config, nav):
        return self._chain("on_page_context", context, page=page, config=config, nav=nav)

    def on_template_context(self, context, *, template_name, config):
        return self._chain("on_template_context", context, template_name=template_name, config=config)

    def on_post_page(self, output, *, page, config):
        return self._chain("on_post_page", output, page=page, config=config)

    def on_post_build(self, *, config):
        self._each("on_post_build", config=config)

    def on_build_error(self, *, error):
        self._each("on_build_error", error=error)

    def on_serve(self, server, *, config, builder):
        return self._chain("on_serve", server, config=config, builder=builder)
