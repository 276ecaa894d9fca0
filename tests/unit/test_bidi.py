"""Bidirectional control characters ("Trojan Source") are refused in titles, ids, every
text field and in file and folder names under docs/, each with its file and line."""

from __future__ import annotations

import pytest

from practice_hub.safety.fields import bad_character
from practice_hub.safety.names import shown
from practice_hub.settings import Project
from practice_hub.site import load_site
from tests.helpers import FIXTURES, make_project

BIDI = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069",
        "\u200e", "\u200f", "\u061c"]  # fmt: skip

PROCEDURE = """---
id: {id}
title: {title}
summary: {summary}
owner: PSW
status: current
last_reviewed: 2026-04-01
standards: [standard-1]
---

# Home visits
"""


@pytest.mark.parametrize("char", BIDI)
def test_every_bidirectional_control_is_a_bad_character(char):
    assert bad_character(f"abc{char}def") == char


def test_ordinary_text_in_any_script_is_not():
    assert bad_character("Ashdown – Caerdydd, Zürich, ساعد, עזרה, 帮助") is None


def _errors(tmp_path, files):
    root = make_project(tmp_path / "p", FIXTURES / "thread" / "docs", files)
    return [str(p) for p in load_site(Project.from_config_file(root / "mkdocs.yml")).problems.errors]


def test_titles_ids_and_text_fields_with_a_bidirectional_control_are_refused(tmp_path):
    text = PROCEDURE.format(id="home-visits\u202e", title="Home \u2067visits", summary="How to visit\u200f.")
    found = _errors(tmp_path, {"procedures/home-visits.md": text})
    path = "docs/procedures/home-visits.md"
    for line, field, char in ((2, "id", "U+202E"), (3, "title", "U+2067"), (4, "summary", "U+200F")):
        assert any(
            e.startswith(f'{path}:{line}: field "{field}" has the invisible control character {char}')
            for e in found
        ), (field, found)


def test_a_file_name_with_a_bidirectional_control_is_refused(tmp_path):
    name = "procedures/visits\u202edm.txt"
    found = _errors(tmp_path, {name: "notes\n", "tools\u2066/x.txt": "x\n"})
    assert (
        "docs/procedures/visits<U+202E>dm.txt:1: the file name has the invisible character U+202E, which makes "
        "the name show in another order than it is read (rename the file)"
    ) in found
    assert any(
        e.startswith("docs/tools<U+2066>:1: the folder name has the invisible character U+2066")
        for e in found
    )
    assert not any("\u202e" in e or "\u2066" in e for e in found)  # printing the message turns nothing round
    assert shown("a\u202eb") == "a<U+202E>b"
