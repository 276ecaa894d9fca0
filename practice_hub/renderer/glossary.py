"""Glossary abbreviations on every page (the Markdown ``abbr`` syntax), only for terms a page uses."""

from __future__ import annotations

import re

from ..structure.items import Item

_PLAIN_TERM = re.compile(r"^[A-Za-z0-9][A-Za-z0-9&'-]*$")


def abbreviation_index(items: list[Item]) -> list[tuple[str, re.Pattern, str]]:
    found = []
    for item in items:
        if item.type != "glossary":
            continue
        term, expansion = str(item.data.get("term", "")), str(item.data.get("expansion", ""))
        if expansion and _PLAIN_TERM.match(term) and term != expansion:
            found.append((term, re.compile(rf"(?<![\w-]){re.escape(term)}(?![\w-])"), expansion))
    return sorted(found)


def abbreviations_for(markdown: str, index: list[tuple[str, re.Pattern, str]]) -> str:
    """``*[DoLS]: Deprivation of Liberty Safeguards`` lines for the terms this page uses."""
    lines = [f"*[{term}]: {expansion.replace(']', ')')}" for term, pattern, expansion in index
             if pattern.search(markdown)]
    return ("\n\n" + "\n".join(lines) + "\n") if lines else ""
