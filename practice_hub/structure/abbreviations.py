"""Glossary acronyms with expansions that pages may use (rendered by ``renderer/glossary.py``)."""

from __future__ import annotations

import re

from ..content_types import GLOSSARY
from .items import Item

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
        if item.type != GLOSSARY:
            continue
        term, expansion = str(item.data.get("term", "")), str(item.data.get("expansion", ""))
        if expansion and _PLAIN_TERM.match(term) and term != expansion:
            terms.setdefault(term, expansion)
    return Abbreviations(terms)
