"""Reading editors' files: YAML with lines, front matter, text decoding."""

from __future__ import annotations

import pytest

from practice_hub.loader import frontmatter
from practice_hub.loader.text import TextProblem, decode
from practice_hub.loader.yaml_lines import YamlProblem, load


def test_lines_of_fields_and_list_entries():
    loaded = load("id: a\ntitle: T\nsessions:\n  - start: x\n    end: y\n  - start: z\n")
    assert loaded.data["sessions"][1] == {"start": "z"}
    assert loaded.lines[("title",)] == 2
    assert loaded.lines[("sessions", 0)] == 4
    assert loaded.lines[("sessions", 0, "end")] == 5
    assert loaded.lines[("sessions", 1)] == 6
    assert loaded.line_of(("sessions", 1, "missing")) == 6


def test_dates_stay_strings():
    loaded = load("last_reviewed: 2026-03-01\nstart: 2026-03-01 09:30\n")
    assert loaded.data == {"last_reviewed": "2026-03-01", "start": "2026-03-01 09:30"}


def test_aliases_are_refused_with_the_line():
    with pytest.raises(YamlProblem) as info:
        load("a: &x [1, 2]\nb: *x\n")
    assert info.value.line == 2
    assert "aliases" in info.value.message


def test_merge_keys_are_refused():
    with pytest.raises(YamlProblem) as info:
        load("a: 1\n<<: {b: 2}\n")
    assert "merge keys" in info.value.message


def test_duplicate_keys_are_recorded_not_silently_replaced():
    loaded = load("title: One\nsummary: s\ntitle: Two\n")
    assert loaded.data["title"] == "One"
    assert loaded.duplicates == [(("title",), 3, 1)]


def test_syntax_error_has_line_and_hint():
    with pytest.raises(YamlProblem) as info:
        load("id: a\ntitle: Strategy: who attends\n")
    assert info.value.line == 2
    assert (
        info.value.message
        == 'the value on this line has ": " in it, which reads as the start of another field'
    )
    assert info.value.hint == 'put the value in quotes: title: "Strategy: who attends"'


def test_deep_nesting_is_a_problem_not_a_crash():
    with pytest.raises(YamlProblem):
        load("a: " + "[" * 5000 + "]" * 5000)


def test_tabs_hint():
    with pytest.raises(YamlProblem) as info:
        load("id: a\n\ttitle: x\n")
    assert info.value.hint == "indent with spaces, not tabs"


def test_decode_bom_and_crlf():
    assert decode(b"\xef\xbb\xbf---\r\nid: a\r\n---\r\n") == "---\nid: a\n---\n"
    assert decode(b"a\rb") == "a\nb"


def test_decode_reports_the_line_of_bad_bytes():
    with pytest.raises(TextProblem) as info:
        decode(b"one\ntwo\nthr\xe9e")
    assert info.value.line == 3


def test_decode_refuses_binary_and_huge():
    with pytest.raises(TextProblem):
        decode(b"abc\x00def")
    with pytest.raises(TextProblem) as info:
        decode(b"x" * (3 * 1024 * 1024))
    assert "3.0 MB" in info.value.message


def test_front_matter_split_keeps_lines():
    parts = frontmatter.split("---\nid: a\n---\n# Title\n")
    assert parts.front_matter == "id: a\n"
    assert parts.first_line == 2
    assert parts.body == "# Title\n"
    assert parts.body_line == 4


def test_front_matter_closing_with_trailing_spaces_and_dots():
    assert frontmatter.split("---  \nid: a\n...\nbody").front_matter == "id: a\n"


def test_no_front_matter_and_unclosed():
    assert frontmatter.split("# Just text\n").front_matter is None
    with pytest.raises(TextProblem):
        frontmatter.split("---\nid: a\n")
