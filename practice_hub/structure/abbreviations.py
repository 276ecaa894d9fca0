"""Glossary acronyms with expansions that pages may use (rendered by ``renderer/glossary.py``)."""

from __future__ import annotations

import re

from ..content_types import GLOSSARY
from .items import Item, of_type
from .phrases import PhraseIndex

_PLAIN_TERM = re.compile(r"^[A-Za-z0-9][A-Za-z0-9&'-]*$")


class Abbreviations:
    """Glossary acronyms with expansions, found in a page in time linear in the page
    (``phrases.PhraseIndex``), however many terms the glossary has."""

    def __init__(self, terms: dict[str, str]):
        self.terms = terms
        self.index = PhraseIndex.of(terms)

    def used_in(self, text: str) -> list[str]:
        return sorted(set(self.index.find(text)))


def abbreviation_index(items: list[Item]) -> Abbreviations:
    terms: dict[str, str] = {}
    for item in of_type(items, GLOSSARY):
        term, expansion = str(item.data.get("term", "")), str(item.data.get("expansion", ""))
        if expansion and _PLAIN_TERM.match(term) and term != expansion:
            terms.setdefault(term, expansion)
    return Abbreviations(terms)
