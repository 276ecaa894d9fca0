"""Find any of many phrases in a text in time linear in the text, however many phrases there are.

One regular expression of every glossary term (``MASH|DoLS|...``) costs the text's length times
the number of terms: Python's ``re`` tries each alternative at each place. At 10,000 terms a
glossary page took minutes. Here the text is split once into tokens (runs of word
characters, and single other characters) and the phrases are walked as a trie of tokens from
each token, so the cost is the number of tokens times the longest phrase's length in tokens.

The rules match the old expression ``(?<![\\w-])(?:phrase|...)(?![\\w-])``: a phrase is found only
where it is not joined to a word or a hyphen on either side, where the text has the phrase's
words with any white space between them (a line break too), longest phrase first, matches not
overlapping.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

_TOKEN = re.compile(r"\w+|[^\w\s]")
_JOINED = re.compile(r"[\w-]")


def tokens_of(phrase: str) -> tuple[tuple[str, ...], tuple[bool, ...]]:
    """The phrase's tokens, and for each gap between two of them whether it is white space."""
    found = list(_TOKEN.finditer(phrase))
    words = tuple(m.group(0) for m in found)
    spaced = tuple(found[k].start() > found[k - 1].end() for k in range(1, len(found)))
    return words, spaced


_END = ""  # a key no token can be: the phrases that end at this node of the trie


@dataclass(frozen=True)
class PhraseIndex:
    """Phrases in a trie of tokens; ``ignore_case`` compares lower-case forms.

    From each token of a text the trie is walked as far as the text's tokens follow it, so the
    cost per token is at most the longest phrase's length in tokens, however many phrases
    there are and however many share their first words.
    """

    ignore_case: bool = False
    trie: dict = field(default_factory=dict)  # token -> node; node[_END] = ((spaced, phrase), ...)

    @classmethod
    def of(cls, phrases: Iterable[str], ignore_case: bool = False) -> PhraseIndex:
        trie: dict = {}
        for phrase in dict.fromkeys(phrases):
            words, spaced = tokens_of(phrase.lower() if ignore_case else phrase)
            if not words:
                continue
            node = trie
            for word in words:
                node = node.setdefault(word, {})
            node[_END] = (*node.get(_END, ()), (spaced, phrase))
        return cls(ignore_case, trie)

    def __bool__(self) -> bool:
        return bool(self.trie)

    def find(self, text: str) -> Iterator[str]:
        """Each phrase found in ``text`` (as given to ``of``), in order, not overlapping;
        the longest where several start at the same place."""
        if not self.trie:
            return
        found = list(_TOKEN.finditer(text))
        words = _TOKEN.findall(text)  # the same tokens as ``found``, as strings
        if self.ignore_case:
            words = [w.lower() for w in words]
        first = self.trie
        i, count = 0, len(found)
        while i < count:
            if words[i] not in first:  # most tokens start no phrase: skip them without a call
                i += 1
                continue
            n, phrase = self._longest_at(text, found, words, i)
            i += n or 1
            if n:
                yield phrase

    def _longest_at(self, text: str, found: list, words: list, i: int) -> tuple[int, str]:
        start = found[i].start()
        if start and _JOINED.match(text, start - 1):
            return 0, ""
        best: tuple[int, str] = (0, "")
        node = self.trie
        k = i
        while k < len(found) and words[k] in node:
            node = node[words[k]]
            k += 1
            end = found[k - 1].end()
            if _END not in node or (end < len(text) and _JOINED.match(text, end)):
                continue
            for spaced, phrase in node[_END]:
                gaps = (text[found[j - 1].end() : found[j].start()] for j in range(i + 1, k))
                if all(_gap_fits(gap, space) for gap, space in zip(gaps, spaced, strict=True)):
                    best = (k - i, phrase)
                    break
        return best


def _gap_fits(gap: str, spaced: bool) -> bool:
    """White space where the phrase has white space (any amount, a line break too), none where
    it has none: "s47" is not "s 47"."""
    return gap.isspace() if spaced else gap == ""
