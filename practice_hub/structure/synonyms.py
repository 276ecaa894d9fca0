"""The search's synonyms: groups of words that mean the same to the people searching.

The Principal Social Worker team keeps them in ``docs/_data/synonyms.yml``, a list of groups::

    - words: [home visit, statutory visits, visit the child]
    - words: [EDT, out of hours, emergency duty team]

A page that uses any word of a group is also found by every other word of it: the search index
gives the page the group's other words as hidden words, as it does a glossary term's expansion
(``search/terms.py``). Checked at the line of each problem, in plain words; a file that cannot be
read gives no synonyms, never a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..loader.yaml_lines import YamlProblem, load
from ..problems import Problem
from ..schema import Schemas

#: Where the groups are, under docs/.
SYNONYMS_FILE = "_data/synonyms.yml"
SCHEMA = "synonyms"
_WHAT = "synonyms"  # the problems' type


@dataclass(frozen=True)
class Synonyms:
    """The groups, each a tuple of words as written (spaces made single), in the file's order."""

    groups: tuple[tuple[str, ...], ...] = ()
    problems: tuple[Problem, ...] = field(default=(), compare=False)


def read_synonyms(text: str, path: str, schemas: Schemas) -> Synonyms:
    """The groups in *text* (the file at *path*), and every problem at its line."""
    problems: list[Problem] = []

    def add(line: int, message: str, hint: str) -> None:
        problems.append(Problem(path, max(int(line), 1), message, hint, _WHAT))

    try:
        loaded = load(text)
    except YamlProblem as problem:
        add(problem.line, problem.message, problem.hint)
        return Synonyms((), tuple(problems))
    except (ValueError, TypeError, RecursionError):  # never a traceback for an editor's file
        add(1, "the file cannot be read as a list of word groups", "start each group with '- words: ['")
        return Synonyms((), tuple(problems))
    if loaded.data is None:  # empty, or only comments
        return Synonyms()
    if not isinstance(loaded.data, list):
        add(
            loaded.line_of(()),
            "the file must be a list of word groups",
            "start each group with '- words:' at the left margin, for example - words: [EDT, out of hours]",
        )
        return Synonyms((), tuple(problems))
    groups: list[tuple[str, ...]] = []
    where: dict[str, int] = {}  # a word, lower-case -> the line of the group that has it
    for index, entry in enumerate(loaded.data):
        line = loaded.line_of((index,))
        if not isinstance(entry, dict):
            add(
                line,
                f"group {index + 1} must start with 'words:'",
                "write each group as - words: [home visit, statutory visits]",
            )
            continue
        findings = schemas.check(SCHEMA, entry)
        for finding in findings:
            add(loaded.line_of((index, *finding.path)), finding.message, finding.hint)
        if findings:
            continue
        words: list[str] = []
        for position, word in enumerate(entry["words"]):
            word = " ".join(word.split())
            key = word.lower()
            at = loaded.line_of((index, "words", position))
            if key in where:
                first = where[key]
                add(
                    at,
                    f'"{word}" is already in the group on line {first}'
                    if first != line
                    else f'"{word}" is in this group twice',
                    "keep each word in one group only: join the two groups, or remove it from one",
                )
                continue
            where[key] = line
            words.append(word)
        if len(words) > 1:
            groups.append(tuple(words))
    return Synonyms(tuple(groups), tuple(problems))


__all__ = ["SYNONYMS_FILE", "Synonyms", "read_synonyms"]
