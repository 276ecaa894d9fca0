"""No jargon in anything the engine says to an editor: every string in its code (docstrings,
for developers, aside) is free of the words a new editor tripped over ("front matter", "mapping
values", "slug", "build again", "sanitiser", MkDocs' "strict mode" and "BuildError").
The guide has its own test (tests/site/test_editors_guide.py)."""

from __future__ import annotations

import re

from helpers import PROJECT, engine_strings

JARGON = re.compile(r"front.matter|mapping values|\bslug\b|build again|sanitis|strict mode|BuildError", re.I)
# Texts the engine matches in other programs' messages (PyYAML's), never says itself.
MATCHED = {"mapping values are not allowed"}
DEVELOPERS = {"practice_hub/bench"}


def test_the_pattern_finds_the_words():
    assert JARGON.search("the front matter is empty") and JARGON.search("removed by the sanitiser")
    assert not JARGON.search("the page's fields, between the --- lines")


def test_no_message_uses_jargon():
    found = [
        f"{path.relative_to(PROJECT).as_posix()}:{line}: {text[:80]!r}"
        for path in sorted((PROJECT / "practice_hub").rglob("*.py"))
        if not any(path.relative_to(PROJECT).as_posix().startswith(d) for d in DEVELOPERS)
        for line, text in engine_strings(path)
        if JARGON.search(text) and text not in MATCHED
    ]
    assert found == []
