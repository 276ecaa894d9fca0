"""Body links checked against every page of the build, generated pages included (for check and build)."""

from __future__ import annotations

from ..content_types import MARKDOWN_SUFFIXES, RESERVED_PAGES, TYPES, classify
from ..loader.text import TextProblem, decode
from ..site import Site
from ..structure.body_links import check_body_links
from ..structure.load import walk
from .site_pages import generated_pages, page_additions


def check_site_links(site: Site) -> None:
    """Add a problem, at path:line, for every broken relative link or anchor in a body."""
    docs = site.project.docs_dir
    every = walk(docs)
    hidden = {item.uri for item in site.hidden_drafts if not item.from_yaml}
    pages: dict[str, str | None] = {}
    for uri in every:
        if uri.lower().endswith(MARKDOWN_SUFFIXES) and uri not in hidden and not classify(uri).misplaced:
            try:
                pages[uri] = decode((docs / uri).read_bytes())
            except (OSError, TextProblem):
                pages[uri] = None
    # Renderers expect valid content: with errors elsewhere, only the generated pages' names are used.
    generated = generated_pages(site, set(every)) if not site.problems.errors else _generated_names(site)
    files = {uri for uri in every if classify(uri).format is None}
    for uri, content in generated.items():
        if uri.endswith(".md") and (content is None or isinstance(content, str)):
            pages.setdefault(uri, content)
        else:
            files.add(uri)
    known = set(pages)
    for uri, text in list(pages.items()):
        if site.problems.errors:  # additions, like generated pages, need valid content: anchors wait
            pages[uri] = None
        elif text is not None:
            pages[uri] = text + "\n\n" + page_additions(site, uri, text, known)
    sources = [(item.path, item.uri, item.body, item.body_line) for item in site.items
               if item.body and not item.from_yaml]
    check_body_links(sources, pages, files, hidden, site.problems)


def _generated_names(site: Site) -> dict[str, None]:
    """The pages Practice Hub makes, without making them (anchors on them are then not checked)."""
    names = dict.fromkeys(RESERVED_PAGES)
    names.update(dict.fromkeys(f"{t.folder}/index.md" for t in TYPES.values() if t.folder))
    names.update(dict.fromkeys(item.uri for item in site.items if item.from_yaml))
    names.update(dict.fromkeys(f"tags/{tag}.md" for tag in site.tags))
    names["tags/index.md"] = None
    return names
