"""`mkdocs serve`: saving the body of a page rebuilds that page alone.

A rebuild of the whole site takes seconds at thousands of pages, most of it spent finding that
nothing but the edited page changed. An editor's usual edit changes a page's text and nothing
else: not its front matter (so no listing, menu, golden thread or generated page changes), no
other file. For that edit the page is rebuilt on its own, from the last complete build (kept in
``cache.SERVE_CACHE``); anything else (front matter, a new, removed or YAML file, a news post,
a problem in the new text, a broken link) falls back to the usual rebuild, which reports it.

What such a one-page rebuild leaves as it was until the next full rebuild: the search index
(the page is found by its old words) and MkDocs' anchor checks of other pages' links to it.
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

from .content_types import MARKDOWN, TYPES, classify
from .problems import Problems
from .renderer.link_check import check_site_links
from .renderer.site_pages import page_additions
from .site import Site
from .structure.items import Item
from .structure.load import read_file

#: More files saved at once than this is not an editor saving a page: rebuild everything.
MAX_PAGES = 5


def stamps(roots: list[Path]) -> dict[str, tuple[int, int]]:
    """(modification time, size) of every file under *roots* (folders or files), by path."""
    found: dict[str, tuple[int, int]] = {}
    for root in roots:
        root = Path(root)
        if root.is_file():
            info = root.stat()
            found[str(root)] = (info.st_mtime_ns, info.st_size)
            continue
        for folder, _dirs, files in os.walk(root, followlinks=True):
            for name in files:
                path = os.path.join(folder, name)
                try:
                    info = os.stat(path)
                except OSError:
                    continue
                found[path] = (info.st_mtime_ns, info.st_size)
    return found


def changed_files(before: dict, now: dict) -> list[str] | None:
    """Paths whose stamps changed, or None when a file was added or removed."""
    if before.keys() != now.keys():
        return None
    return sorted(path for path, stamp in now.items() if before[path] != stamp)


def body_edits(site: Site, docs_dir: Path, paths: list[str]) -> dict[str, Item] | None:
    """Each edited page's item read afresh, by page path, when the edits changed nothing but the
    bodies of editors' pages and the new bodies have no problem; otherwise None."""
    if not paths or len(paths) > MAX_PAGES:
        return None
    docs_dir = Path(docs_dir).resolve()
    fresh: dict[str, Item] = {}
    for path in paths:
        try:
            uri = Path(path).resolve().relative_to(docs_dir).as_posix()
        except ValueError:
            return None  # mkdocs.yml or another watched file outside docs/
        kind = classify(uri)
        old = site.item_for_page(uri)
        if kind.format != MARKDOWN or old is None or old.from_yaml or TYPES[old.type].blog:
            return None  # news posts also show on the blog's index, archive and category pages
        try:
            raw = (docs_dir / uri).read_bytes()
        except OSError:
            return None
        assert kind.type is not None  # the file is one of the build's pages, so it has a type
        result = read_file(old.path, uri, kind.type, kind.format, raw, site.schemas)
        if result.problems or len(result.items) != 1:
            return None
        item = result.items[0]
        if item.type != old.type or item.data != old.data:
            return None  # front matter changed: listings, menu and thread may change
        fresh[uri] = item
    return fresh


def with_new_bodies(site: Site, fresh: dict[str, Item]) -> Site | None:
    """The build's site with the edited pages' new bodies and additions, or None when a new body
    has a broken link (the full rebuild reports it). The build's own items take the new bodies:
    the site was made for this serve session's pages and nothing else reads them."""
    for uri, item in fresh.items():
        old = site.item_for_page(uri)
        assert old is not None  # body_edits kept only pages the build has an item for
        old.body, old.body_line = item.body, item.body_line
    problems = Problems()
    check_site_links(dataclasses.replace(site, problems=problems), only=set(fresh))
    if problems.errors or problems.warnings:
        return None
    additions = dict(site.additions)
    for uri in fresh:
        additions[uri] = page_additions(site, uri, fresh[uri].body, site.page_uris)
    return site.with_pages(additions=additions)
