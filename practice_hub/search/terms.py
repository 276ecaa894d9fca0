"""What a page is found by besides its text: title, id, keywords, glossary acronyms both ways and
the search's synonyms (docs/_data/synonyms.yml, each group taken as one more glossary entry).

A practitioner searching "DoLS" must find a page that only says "Deprivation of Liberty
Safeguards", and "section 47" a page that only says "s47". The glossary knows these pairs
(term, expansion, aliases). For each page the build writes one hidden, highly weighted block of
words: the page's title, id and keywords (weighted highest), and every form of each glossary entry
that the page mentions in any of its forms (weighted above body text). The search worker never
shows these words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..content_types import GLOSSARY
from ..structure.items import Item, of_type
from ..structure.phrases import PhraseIndex

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


@dataclass(frozen=True)
class Glossary:
    """Every glossary entry's forms, and an index that finds any form in a text in time linear
    in the text, however many forms there are (``structure/phrases.py``)."""

    forms: tuple[tuple[str, ...], ...]  # per entry: term, expansion, aliases (as written)
    by_form: dict  # lower-case form -> index into ``forms``
    phrases: PhraseIndex | None
    # Forms written in capitals ("DO", "CIN") are found only in capitals: "do" in "what do I do"
    # is not the designated officer.
    capitals: PhraseIndex | None = None
    by_capitals: dict | None = None

    @classmethod
    def of(cls, items: list[Item], synonyms: tuple = ()) -> Glossary:
        """The glossary's entries, then each group of the search's synonyms as one more entry
        (docs/_data/synonyms.yml): a page that uses one word of a group is found by all of them."""
        forms: list[tuple[str, ...]] = []
        for item in of_type(items, GLOSSARY):
            written = [
                str(item.data.get("term", "")),
                str(item.data.get("expansion", "")),
                *(str(a) for a in item.data.get("aliases") or []),
            ]
            entry = tuple(dict.fromkeys(f.strip() for f in written if f and f.strip()))
            if len(entry) > 1:  # a term with no other form adds nothing
                forms.append(entry)
        for group in synonyms:
            words = tuple(dict.fromkeys(" ".join(str(w).split()) for w in group if str(w).strip()))
            if len(words) > 1:
                forms.append(words)
        by_form: dict[str, int] = {}
        for index, names in enumerate(forms):
            for form in names:
                by_form.setdefault(_normal(form), index)
        if not by_form:
            return cls((), {}, None)
        by_capitals: dict[str, int] = {}
        for index, names in enumerate(forms):
            for form in names:
                if _in_capitals(form):
                    by_capitals.setdefault(" ".join(form.split()), index)
        capital_forms = {form.lower() for form in by_capitals}
        lower = [form for form in by_form if form not in capital_forms]
        # Longest first at each place, so "section 47" wins over a shorter form that starts there.
        return cls(
            tuple(forms),
            by_form,
            PhraseIndex.of(lower, ignore_case=True) if lower else None,
            PhraseIndex.of(by_capitals) if by_capitals else None,
            by_capitals,
        )

    def entries_in(self, text: str) -> list[int]:
        """Indexes of the entries any of whose forms occur in ``text``, in glossary order."""
        found = set()
        if self.phrases is not None:
            found |= {self.by_form.get(form) for form in self.phrases.find(text)}
        if self.capitals is not None and self.by_capitals:
            found |= {self.by_capitals.get(form) for form in self.capitals.find(text)}
        return sorted(i for i in found if i is not None)


def _in_capitals(form: str) -> bool:
    """An acronym written in capitals (and digits): "DO", "CIN", "S47" ("DoLS" is not)."""
    letters = [c for c in form if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and " " not in form.strip()


def _normal(text: str) -> str:
    return " ".join(text.lower().split())


def search_terms(title: str, item_id: str, keywords: list, text: str, glossary: Glossary) -> tuple[str, str]:
    """The hidden words a page is also found by: (its own, related), repeats dropped.

    Its own: title, id and keywords, and every form of the glossary entries they name ("MASH"
    brings "Multi-Agency Safeguarding Hub"). Related: every form of the other glossary entries
    that occur in ``text`` (the page's plain text). Its own words are weighted above related
    ones, so the page whose keyword is "s47" ranks above pages that merely mention s47.
    """
    own = [title, item_id, *(str(k) for k in keywords or [])]
    named = glossary.entries_in(" \n ".join(own))
    own = _unique(own + [form for index in named for form in glossary.forms[index]])
    seen = {part.lower() for part in own}
    related = [
        form for index in glossary.entries_in(text) if index not in named for form in glossary.forms[index]
    ]
    return " · ".join(own), " · ".join(f for f in _unique(related) if f.lower() not in seen)


def _unique(parts: list[str]) -> list[str]:
    unique: dict[str, str] = {}
    for part in parts:
        part = " ".join(str(part).split())
        if part:
            unique.setdefault(part.lower(), part)
    return list(unique.values())


def vocabulary_words(texts: list[str]) -> list[str]:
    """Distinct lower-case words of four letters or more, for correcting misspelt queries."""
    words: dict[str, None] = {}
    for text in texts:
        for word in _WORD.findall(text.lower()):
            if len(word) >= 4 and not word.isdigit():
                words[word] = None
    return sorted(words)
