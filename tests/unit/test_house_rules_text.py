"""House rules for the words in the code: comments, docstrings, test names and fixture text give
the reason for what they describe, never a number in an issue tracker. The tracker is not part of
this repository, so a reader who meets such a number cannot follow it; the reason in words can.

The pattern is built from pieces so that this file does not match itself."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
FOLDERS = ("practice_hub", "tests", "hooks")
SKIPPED_FOLDERS = {"__pycache__", ".pytest_cache", ".hypothesis", "node_modules"}
WORD = "is" + "sue"
#: A tracker reference: the word (or its plural, any case, also inside a name such as
#: ``test_<word>_26``) followed by a number, or a number in brackets after a hash sign.
TRACKER_REFERENCE = re.compile(rf"(?<![a-z]){WORD}s?[\s_-]*#?\d+|\(#\d+\)", re.IGNORECASE)


def _text_files():
    for folder in FOLDERS:
        for path in sorted((REPO / folder).rglob("*")):
            if not path.is_file() or SKIPPED_FOLDERS.intersection(path.relative_to(REPO).parts):
                continue
            try:
                yield path, path.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                continue  # a binary file (an image, a made attachment): no words to read


def _found_in(text: str) -> list[tuple[int, str]]:
    return [
        (number, match.group(0))
        for number, line in enumerate(text.splitlines(), 1)
        for match in TRACKER_REFERENCE.finditer(line)
    ]


@pytest.mark.parametrize(
    "text",
    [
        f"# {WORD} 15: open actions",
        f'"""{WORD.title()} 26: judge each body"""',
        f"(see {WORD}s 12 and 13)",
        f"def test_{WORD}_26_is_fixed():",
        f"def _{WORD}_18_types():",
        f"{WORD.upper()} #7",
        "fixed in (" + "#15)",
    ],
)
def test_the_pattern_finds_every_shape_of_a_tracker_reference(text):
    assert _found_in(text), text


@pytest.mark.parametrize(
    "text",
    [f"t{WORD} 5", f"the {WORD} of 10,000 pages", "&#32; and &#x20;", "fill: #000", f"an {WORD} with it"],
)
def test_the_pattern_leaves_ordinary_words_and_entities_alone(text):
    assert not _found_in(text), text


def test_no_comment_docstring_or_name_points_to_an_issue_tracker():
    found = [
        f"{path.relative_to(REPO)}:{line}: {match!r} points to a tracker this repository does not "
        "contain: write the reason in words instead"
        for path, text in _text_files()
        for line, match in _found_in(text)
    ]
    assert not found, "\n".join(found)
