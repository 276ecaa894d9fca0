"""The readers' menu: top level in the order set in mkdocs.yml, numbered items in number order,
editors' pages left out, previous/next only within a section.

A page is for editors when it says so (``audience: editors`` among its fields, written by an
editor or by the engine on the pages it makes for editors: the guide, the field reference, the
review schedule); the ``editors_pages`` setting, kept for sites that use it, adds paths.

Works on MkDocs' navigation objects by duck typing (``is_section``, ``is_page``, ``children``,
``title``, ``file.src_uri``, ``previous_page``, ``next_page``, ``parent``) so that only the
adapter imports MkDocs. Nothing here names a council: the order comes from settings
(``extra.practice_hub.menu``) or, without it, from the content-type registry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .content_types import PROCEDURE, RESERVED_PAGES, in_menu_order
from .structure.contacts import ALL_SERVICES, service_of
from .structure.items import of_type

HOME = "index.md"
#: The ``audience`` of a page for editors (the default is "readers"): out of the readers' menu
#: and search, reached from the footer.
EDITORS = "editors"
_AUDIENCE = re.compile(r"^audience:[ \t]*[\"']?([a-z]+)[\"']?[ \t]*$", re.M)


def audience_of(markdown: str) -> str:
    """The ``audience`` a Markdown page's fields give it ("readers" when they give none)."""
    if not markdown.startswith("---"):
        return "readers"
    end = markdown.find("\n---", 3)
    found = _AUDIENCE.search(markdown, 3, end if end > 0 else 0)
    return found.group(1) if found else "readers"


@dataclass(frozen=True)
class EditorsPages:
    """Which pages are for editors: by path (``audience: editors``), or under a path the
    ``editors_pages`` setting names ("editors/", "review-schedule.md")."""

    pages: frozenset = field(default_factory=frozenset)
    named: tuple = ()

    def __contains__(self, path: str) -> bool:
        return path in self.pages or any(
            path == e or (e.endswith("/") and path.startswith(e)) for e in self.named
        )


UNGROUPED = 1_000_000  # pages in no group come after the groups


def service_order(services) -> list[str]:
    """The groups in the order readers meet them: each service of the site's ``audit_services``,
    then the procedures for every service."""
    return [*(str(s) for s in services if str(s) != ALL_SERVICES), ALL_SERVICES]


def service_groups(items, services) -> dict[str, tuple[int, str]]:
    """Each procedure's page (its path under docs/) with its group: (place, service). The menu lists
    procedures group by group, and previous/next stay within one group. A service the site does not
    name (``check`` reports it) comes after the ones it does."""
    order = service_order(services)
    out = {}
    for item in of_type(items, PROCEDURE):
        if item.uri:
            service = service_of(item)
            out[item.uri] = (order.index(service) if service in order else len(order), service)
    return out


@dataclass(frozen=True)
class MenuEntry:
    path: str  # "procedures/" (a folder) or "about.md" (a page), relative to docs/
    title: str = ""  # label in the menu; "" keeps the section's own title


def menu_entries(configured) -> list[MenuEntry]:
    """The configured top-level order, or the content-type registry's order by default.

    ``configured`` is the ``menu`` setting: a list of "path" strings or {Title: path} mappings.
    """
    if not configured:
        return _registry_order()
    entries = []
    for entry in configured:
        if isinstance(entry, dict):
            for title, path in entry.items():
                entries.append(MenuEntry(str(path), str(title)))
        else:
            entries.append(MenuEntry(str(entry)))
    return entries


def _section_folder(node) -> str:
    """The folder a (possibly nested) section stands for: the common folder of its pages."""
    paths = [p for p in (_page_paths(node)) if "/" in p]
    if not paths:
        return ""
    parts = [p.split("/")[:-1] for p in paths]
    common = []
    for bits in zip(*parts):
        if len(set(bits)) != 1:
            break
        common.append(bits[0])
    return "/".join(common) + "/" if common else ""


def _page_paths(node) -> list[str]:
    if getattr(node, "is_page", False):
        return [node.file.src_uri]
    return [p for child in getattr(node, "children", None) or [] for p in _page_paths(child)]


def _registry_order() -> list[MenuEntry]:
    """Each type's top-level folder at the type's menu number, once: a nested type (vacancies in
    recruitment/vacancies) places its section (recruitment/), which keeps its own title."""
    places: dict[str, str] = {}  # top-level folder -> its title ("" keeps the section's own)
    for content_type in in_menu_order():
        top = content_type.folder.split("/", 1)[0] + "/"
        title = content_type.label if "/" not in content_type.folder else ""
        places[top] = places.get(top) or title
    return [MenuEntry(path, title) for path, title in places.items()]


def is_editors(node, editors: EditorsPages) -> bool:
    """A page for editors, or a section of nothing but editors' pages."""
    if getattr(node, "is_page", False):
        return node.file.src_uri in editors
    pages = _page_paths(node)
    return bool(pages) and all(path in editors for path in pages)


def arrange(
    items: list,
    entries: list[MenuEntry],
    numbers: dict[str, float],
    editors: EditorsPages | None = None,
    groups: dict[str, tuple[int, str]] | None = None,
) -> list:
    """The menu's items, re-ordered: Home, then ``entries`` in order, then anything else in the
    order MkDocs gave. Editors' pages are dropped at every level. Pages in ``groups`` (procedures by
    service, see ``service_groups``) are listed group by group."""
    editors = editors if editors is not None else EditorsPages()
    groups = groups or {}
    kept = [node for node in items if not is_editors(node, editors)]
    order = {entry.path: index for index, entry in enumerate(entries)}
    titles = {entry.path: entry.title for entry in entries if entry.title}

    def rank(pair):
        position, node = pair
        path = node.file.src_uri if getattr(node, "is_page", False) else _section_folder(node)
        if path == HOME:
            return (0, 0, position)
        if path in order:
            return (1, order[path], position)
        return (2, 0, position)

    result = [node for _, node in sorted(enumerate(kept), key=rank)]
    for node in result:
        if getattr(node, "is_section", False):
            folder = _section_folder(node)
            if folder in titles:
                node.title = titles[folder]
            _arrange_section(node, numbers, editors, groups)
    return result


def _arrange_section(
    section, numbers: dict[str, float], editors: EditorsPages, groups: dict[str, tuple[int, str]]
) -> None:
    """Index first; the site's own pages (tool, results, register...); numbered items by number;
    grouped pages group by group; other pages as MkDocs gave them; subsections last."""
    children = [c for c in section.children if not is_editors(c, editors)]
    reserved = {path: index for index, path in enumerate(RESERVED_PAGES)}

    def rank(pair):
        position, node = pair
        if getattr(node, "is_section", False):
            return (4, 0, position)
        path = node.file.src_uri if getattr(node, "is_page", False) else ""
        if path.endswith("/index.md") or path == HOME:
            return (0, 0, position)
        if path in reserved:
            return (1, reserved[path], position)
        if path in numbers:
            return (2, numbers[path], position)
        if path in groups:
            return (3, groups[path][0], position)
        return (3, UNGROUPED, position)

    section.children = [node for _, node in sorted(enumerate(children), key=rank)]
    for child in section.children:
        if getattr(child, "is_section", False):
            _arrange_section(child, numbers, editors, groups)


def pages_in_order(items: list) -> list:
    out = []
    for node in items:
        if getattr(node, "is_page", False):
            out.append(node)
        elif getattr(node, "is_section", False):
            out.extend(pages_in_order(node.children))
    return out


def link_within_sections(items: list, parent=None, groups: dict[str, tuple[int, str]] | None = None) -> None:
    """previous/next between the pages of one section only, and of one group in it (procedures of
    one service: ``service_groups``); parents set again."""
    groups = groups or {}
    pages = [node for node in items if getattr(node, "is_page", False)]
    for node in items:
        node.parent = parent
        if getattr(node, "is_section", False):
            link_within_sections(node.children, node, groups)

    def group(page):
        return groups.get(page.file.src_uri, (None, None))[1]

    for index, page in enumerate(pages):
        if parent is None:  # top-level pages (Home, About) stand alone
            page.previous_page = page.next_page = None
            continue
        before = pages[index - 1] if index > 0 else None
        after = pages[index + 1] if index + 1 < len(pages) else None
        page.previous_page = before if before is not None and group(before) == group(page) else None
        page.next_page = after if after is not None and group(after) == group(page) else None


def mark_long_sections(items: list, limit: int) -> None:
    """Sections of more than *limit* items: the menu lists only the active one of them.

    Ready-made for the template (overrides/partials/nav-item.html): ``ph_long`` on such a
    section, and ``ph_index``, its index page (found once here, not on every page).
    """
    for node in items:
        if getattr(node, "is_section", False):
            children = node.children or []
            node.ph_long = len(children) > limit
            node.ph_index = next((child for child in children if getattr(child, "is_index", False)), None)
            mark_long_sections(children, limit)


def unlink(page) -> None:
    """A page left out of the menu has no previous/next."""
    page.previous_page = page.next_page = None


__all__ = [
    "ALL_SERVICES",
    "EDITORS",
    "EditorsPages",
    "audience_of",
    "MenuEntry",
    "arrange",
    "link_within_sections",
    "mark_long_sections",
    "menu_entries",
    "pages_in_order",
    "service_groups",
    "service_of",
    "service_order",
    "unlink",
]
