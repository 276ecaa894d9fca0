"""The page of a YAML entry whose type has no page of its own design (``entry_renderer="entry"``,
the registry's default): its title, summary, fields and related items.

A new content type with ``entry_page="<folder>/{id}.md"`` gets working pages from this alone;
a type that needs more names its own renderer in ``renderer/site_pages.py`` ENTRY_PAGES.
"""

from __future__ import annotations

import datetime as dt
import json

from ..structure.items import Item
from ..text import bullet_list, esc, link, long_date

# Fields the page shows in its own way (the heading, the first paragraph), or not at all.
SHOWN_ELSEWHERE = frozenset({"id", "title", "summary", "status"})


def entry_page(entry: Item, fields: list[tuple[str, object]], related: list[Item]) -> str:
    """Markdown for the entry's page. *fields* are (label, value) in the schema's order;
    *related* the items it names or that name it."""
    out = [
        "---",
        f"title: {json.dumps(entry.title, ensure_ascii=False)}",
        "---",
        "",
        f"# {esc(entry.title)}",
        "",
    ]
    if entry.summary:
        out += [esc(entry.summary), ""]
    facts = [f"**{esc(label)}:** {esc(text)}" for label, value in fields if (text := _text(value))]
    if facts:
        out.append(bullet_list(facts))
    if related:
        lines = [
            f"{link(entry.uri, item.uri, item.title, item.anchor)} ({esc(item.label)})" for item in related
        ]
        out += ["## Related", "", bullet_list(lines)]
    return "\n".join(out).rstrip("\n") + "\n"


def field_label(name: str, schema: dict) -> str:
    """The field's ``title`` in its schema, or its name as words: closing_date -> Closing date."""
    title = schema.get("title") if isinstance(schema, dict) else None
    return str(title) if title else name.replace("_", " ").replace("-", " ").capitalize()


def _text(value) -> str:
    """A field's value as one line of text; "" for what one line cannot show (nested fields)."""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, dt.datetime):
        return f"{long_date(value.date())}, {value:%H:%M}"
    if isinstance(value, dt.date):
        return long_date(value)
    if isinstance(value, (str, int, float)):
        return str(value).strip()
    if isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value):
        return ", ".join(str(v).strip() for v in value if str(v).strip())
    return ""
