"""Glossary abbreviations on every page (the Markdown ``abbr`` syntax), only for terms a page uses."""

from __future__ import annotations

import re

from ..structure.items import Item

_PLAIN_TERM = re.compile(r"^[A-Za-z0-9][A-Za-z0-9&'-]*$")


class Abbreviations:
    """Glossary acronyms with expansions, found in a page with one regular expression."""

    def __init__(self, terms: dict[str, str]):
        self.terms = terms
        alternatives = "|".join(re.escape(t) for t in sorted(terms, key=lambda t: (-len(t), t)))
        self.pattern = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])") if terms else None

    def used_in(self, text: str) -> list[str]:
        return sorted(set(self.pattern.findall(text))) if self.pattern else []


def abbreviation_index(items: list[Item]) -> Abbreviations:
    terms = {}
    for item in items:
        if item.type != "glossary":
            continue
        term, expansion = str(item.data.get("term", "")), str(item.data.get("expansion", ""))
        if expansion and _PLAIN_TERM.match(term) and term != expansion:
            terms.setdefault(term, expansion)
    return Abbreviations(terms)


def abbreviations_for(markdown: str, index: Abbreviations) -> str:
    """``*[DoLS]: Deprivation of Liberty Safeguards`` lines for the terms this page uses."""
    lines = [f"*[{term}]: {index.terms[term].replace(']', ')')}" for term in index.used_in(markdown)]
    return ("\n\n" + "\n".join(lines) + "\n") if lines else ""
