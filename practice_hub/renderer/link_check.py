"""Body links checked against every page of the build, generated pages included (for check and build)."""

from __future__ import annotations

from ..content_types import MARKDOWN_SUFFIXES, RESERVED_PAGES, TYPES, classify
from ..loader.text import TextProblem, decode
from ..site import Site
from ..structure.body_links import check_body_links, slugify
from ..structure.load import walk
from .evidence import evidence_uris
from .frameworks import page_names as framework_page_names
from .reference import EDITORS_GUIDE_URI
from .register import FEED_URI, NEWS_FEED_URI, SCHEDULE_CSV_URI
from .site_pages import calendar_names, generated_pages, page_additions
from .tags import tag_uri


def check_site_links(site: Site, only: set[str] | None = None) -> None:
    """Add a problem, at path:line, for every broken relative link or anchor in a body (of the
    pages in *only*, when given: `mkdocs serve` rebuilding one edited page).

    Generated pages are only made (and editors' pages given their additions) when a link
    points at a section of one: most checks need page names only, which are cheap."""
    docs = site.project.docs_dir
    every = walk(docs)
    hidden = {item.uri for item in site.hidden_drafts if not item.from_yaml}
    editors = {
        uri
        for uri in every
        if uri.lower().endswith(MARKDOWN_SUFFIXES) and uri not in hidden and not classify(uri).misplaced
    }
    made = _generated_names(site, set(every))
    pages = editors | made
    files = {uri for uri in every if classify(uri).format is None} | {
        FEED_URI,
        NEWS_FEED_URI,
        SCHEDULE_CSV_URI,
    }
    files |= calendar_names(site)  # courses' and events' own: a glossary term has none
    generated: dict = {}
    content_has_errors = bool(site.problems.errors)  # before any link problem is added

    def text_of(uri: str) -> str | None:
        if content_has_errors:  # renderers need valid content: anchors are checked once it is
            return None
        if uri in editors:
            try:
                text = decode((docs / uri).read_bytes())
            except (OSError, TextProblem):
                return None
            return text + "\n\n" + page_additions(site, uri, text, pages)
        if not generated:
            generated.update(generated_pages(site, set(every)))
        content = generated.get(uri)
        return content if isinstance(content, str) else None

    sources = [
        (item.path, item.uri, item.body, item.body_line)
        for item in site.items
        if item.body and not item.from_yaml and (only is None or item.uri in only)
    ]
    ids = {item.id: item.uri for item in site.items if not item.from_yaml and not item.anchor}
    # A news post's address is made from its title, not its file's name.
    aliases = {slugify(item.title): item.uri for item in site.items if TYPES[item.type].blog and item.title}
    check_body_links(
        sources, pages, text_of, files, hidden, site.problems, site.project.site_url, aliases, ids=ids
    )


def _generated_names(site: Site, existing: set) -> set[str]:
    """The pages Practice Hub makes, by name, without making them."""
    names = set(RESERVED_PAGES) | {"tags/index.md", EDITORS_GUIDE_URI}
    names |= {f"{t.folder}/index.md" for t in TYPES.values() if t.folder} - existing
    names |= {item.uri for item in site.items if item.type in TYPES and TYPES[item.type].entries_have_pages}
    names |= {tag_uri(tag) for tag in site.tags}
    names |= evidence_uris(site.frameworks)
    return names | framework_page_names(site.frameworks)
