"""One error format for every problem: ``path:line: message (hint)``, pinned here word for word."""

from __future__ import annotations

from practice_hub.problems import (
    WARNING,
    Problem,
    Problems,
    entry_words,
    field_words,
    github_annotation,
    summary,
)


class _Item:
    path, type, line = "docs/procedures/a.md", "procedure", 1

    def line_of(self, *path):
        return {("owner",): 4}.get(path, self.line)


def test_the_format_word_for_word():
    assert str(Problem("docs/a.md", 3, 'field "owner" is missing', "add owner: a team")) == (
        'docs/a.md:3: field "owner" is missing (add owner: a team)'
    )
    assert str(Problem("docs/a.md", 3, "no hint")) == "docs/a.md:3: no hint"
    assert str(Problem("docs/a.md", 3, "at a character", column=7)) == "docs/a.md:3:7: at a character"


def test_a_problem_about_a_field_is_pinned_to_its_line():
    problems = Problems()
    problems.about(_Item(), "owner", 'field "owner" is empty', "name the team that owns it")
    problems.about(_Item(), "", "the page has no title", severity=WARNING)
    first, second = problems.sorted()
    assert str(first) == "docs/procedures/a.md:1: the page has no title"
    assert first.severity == WARNING
    assert str(second) == 'docs/procedures/a.md:4: field "owner" is empty (name the team that owns it)'
    assert (second.type, second.field) == ("procedure", "owner")


def test_problems_are_sorted_and_counted_once():
    problems = Problems()
    for _ in range(2):
        problems.add("docs/b.md", 2, "second")
        problems.add("docs/a.md", 9, "first")
    assert [str(p) for p in problems.errors] == ["docs/a.md:9: first", "docs/b.md:2: second"]
    assert summary(problems.errors) == "2 problems in 2 files: fix them, then run check again"
    assert summary(problems.errors[:1], problems.errors) == (
        "1 problem in 1 file: fix it, then run check again (2 warnings too)"
    )


def test_the_github_annotation_carries_the_same_words():
    problem = Problem("docs/a.md", 3, 'field "owner" is missing', "add owner: a team")
    assert (
        github_annotation(problem)
        == '::error file=docs/a.md,line=3::field "owner" is missing (add owner: a team)'
    )


def test_values_in_lists_are_named_as_editors_count():
    assert field_words(("sessions", 0, "venue")) == "session 1's venue"
    assert field_words(("steps", 1, "procedures")) == "step 2's procedures"
    assert field_words(("steps", 1, "procedures", 0)) == "step 2's procedures, entry 1"
    assert field_words(("categories", 0)) == "entry 1 of categories"
    assert field_words(("booking", "contact")) == ""  # no list: named as field "booking.contact"
    assert entry_words(("actions", 0)) == "action 1"
