"""Body links checked against every page of the build, generated pages included (for check and build)."""

from __future__ import annotations

from ..content_types import MARKDOWN_SUFFIXES, classify
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
    generated = generated_pages(site, set(every))
    files = {uri for uri in every if classify(uri).format is None}
    for uri, content in generated.items():
        if uri.endswith(".md") and isinstance(content, str):
            pages[uri] = content
        else:
            files.add(uri)
    known = set(pages)
    for uri, text in list(pages.items()):
        if text is not None:
            pages[uri] = text + "\n\n" + page_additions(site, uri, text, known)
    sources = [(item.path, item.uri, item.body, item.body_line) for item in site.items
               if item.body and not item.from_yaml]
    check_body_links(sources, pages, files, hidden, site.problems)
