"""Which pages Practice Hub generates, and what it adds to editors' pages."""

from __future__ import annotations

from ..content_types import TYPES
from ..site import Site
from .listing import listing, section_index
from .thread import MATRIX_URI, course_page, matrix_page, section_additions, standard_additions


def generated_pages(site: Site, existing: set[str]) -> dict[str, str]:
    """Markdown for every generated page, keyed by its path under docs/."""
    today = site.project.settings.build_date
    pages: dict[str, str] = {}
    for content_type in TYPES.values():
        if not content_type.folder:
            continue
        index = f"{content_type.folder}/index.md"
        if index not in existing:
            pages[index] = section_index(content_type.name, site.of_type(content_type.name))
    for course in site.of_type("course"):
        pages[course.uri] = course_page(course, site.thread, today)
    pages[MATRIX_URI] = matrix_page(site.thread)
    clashes = sorted(set(pages) & existing - {f"{t.folder}/index.md" for t in TYPES.values()})
    for uri in clashes:
        pages.pop(uri)
    return pages


def page_additions(site: Site, uri: str) -> str:
    """Markdown appended to an editor's page (the golden thread, section listings)."""
    today = site.project.settings.build_date
    item = site.item_for_page(uri)
    if item is None:
        return ""
    if item.type == "standard":
        return standard_additions(item, site.thread, today)
    if item.type == "audit_section":
        return section_additions(item, site.thread, today)
    if item.type == "page":
        kind = item.data.get("listing") or _section_of(uri)
        if kind:
            return "\n" + listing(uri, site.of_type(kind))
    return ""


def _section_of(uri: str) -> str | None:
    for content_type in TYPES.values():
        if content_type.folder and uri == f"{content_type.folder}/index.md":
            return content_type.name
    return None
