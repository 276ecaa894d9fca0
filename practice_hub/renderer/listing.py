"""Listing pages: every item of a content type, glossary and links directories."""

from __future__ import annotations

from collections import defaultdict

from ..content_types import TYPES
from ..structure.items import Item
from .md import bullet_list, esc, link
from .sections import research_library, vacancy_listing
from .training import catalogue


def _sort(items: list[Item]) -> list[Item]:
    if items and items[0].type == "news":
        return sorted(items, key=lambda i: (str(i.data.get("date", "")), i.id), reverse=True)
    return sorted(items, key=Item.sort_key.fget)


def listing(from_uri: str, items: list[Item], site=None) -> str:
    """A list of items with their summaries, linked from the page at *from_uri*."""
    if not items:
        return "Nothing here yet.\n"
    kind = items[0].type
    if kind == "course" and site is not None:
        return catalogue(items, site.thread, site.project.settings.build_date, from_uri)
    if kind == "research" and site is not None:
        return research_library(from_uri, items, site.tags, site.project.settings.build_date)
    if kind == "vacancy" and site is not None:
        return vacancy_listing(from_uri, items, site.project.settings.build_date)
    if kind == "glossary":
        return glossary(items)
    if kind == "link":
        return links(items)
    lines = []
    for item in _sort(items):
        number = item.number
        title = f"{number}. {item.title}" if number and kind in ("standard", "audit_section") else item.title
        summary = f": {esc(item.summary)}" if item.summary else ""
        lines.append(f"{link(from_uri, item.uri, title, item.anchor)}{summary}")
    return bullet_list(lines)


def section_index(type_name: str, items: list[Item], site=None) -> str:
    """A generated front page for a content type folder that has no index.md of its own."""
    content_type = TYPES[type_name]
    uri = f"{content_type.folder}/index.md"
    return (f"---\ntitle: {content_type.label}\n---\n\n# {content_type.label}\n\n"
            + listing(uri, items, site))


def glossary(items: list[Item]) -> str:
    out = []
    terms = {i.id: str(i.data.get("term", i.id)) for i in items}
    for item in sorted(items, key=lambda i: str(i.data.get("term", "")).lower()):
        data = item.data
        term = esc(data.get("term", item.id))
        expansion = f" ({esc(data['expansion'])})" if data.get("expansion") else ""
        out.append(f"<dl class=\"ph-glossary\" id=\"{item.id}\" markdown>\n<dt markdown>{term}{expansion}</dt>\n"
                   f"<dd markdown>{esc(data.get('definition', ''))}")
        see_also = [link(item.uri, item.uri, terms.get(s, s), s) for s in data.get("see_also") or []]
        if see_also:
            out[-1] += " See also: " + ", ".join(see_also) + "."
        out[-1] += "</dd>\n</dl>\n"
    return "\n".join(out)


def links(items: list[Item]) -> str:
    groups: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        groups[str(item.data.get("category", "Other"))].append(item)
    out = []
    for category in sorted(groups, key=str.lower):
        out += [f"## {esc(category)}", ""]
        for item in sorted(groups[category], key=lambda i: i.title.lower()):
            where = "intranet" if item.data.get("internal") else "external site"
            out.append(f'- <span id="{item.id}"></span>[{esc(item.title)}]({item.data.get("url", "")}) '
                       f"({where}): {esc(item.data.get('description', ''))}")
        out.append("")
    return "\n".join(out) + "\n"
