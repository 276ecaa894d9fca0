"""`check --format github`: every problem of the broken fixture as a GitHub Actions annotation,
line for line. The lines are the pinned text output of test_broken_fixture.py, written
the way GitHub reads them: ``::error file=PATH,line=N::message (hint)``."""

from __future__ import annotations

import re

from helpers import run_check
from test_broken_fixture import EXPECTED_FAILING, EXPECTED_WARNINGS, SUMMARY, broken  # noqa: F401

from practice_hub.problems import Problem, github_annotation, github_escape


def annotation(kind: str, line: str) -> str:
    path, number, text = re.fullmatch(r"([^:]+):(\d+): (.*)", line).groups()
    return f"::{kind} file={path},line={number}::{text}"


def test_check_format_github_is_the_text_output_as_annotations(broken):  # noqa: F811
    result = run_check(broken, "--format", "github")
    assert result.returncode == 1
    expected = ([annotation("error", line) for line in EXPECTED_FAILING]
                + [annotation("warning", line) for line in EXPECTED_WARNINGS])
    assert result.stdout.splitlines() == expected
    assert result.stderr.strip() == SUMMARY + " (3 warnings too)"


def test_pinned_lines(broken):  # noqa: F811
    lines = run_check(broken, "--format", "github").stdout.splitlines()
    assert '::error file=docs/procedures/fields.md,line=7::unknown field "ownr" (did you mean "owner"?)' in lines
    assert lines[-1] == ('::warning file=docs/training/courses.yml,line=10::golden thread gap: course "no-fields" '
                         "supports no practice standard (list the standards the course builds in its standards field)")


def test_escaping_follows_githubs_rules():
    assert github_escape("100% done\r\nnext") == "100%25 done%0D%0Anext"
    assert github_escape("docs/a,b:c.md", property=True) == "docs/a%2Cb%3Ac.md"
    problem = Problem("docs/a,b.md", 3, "50% off\nnow", "hint: yes", severity="warning", column=4)
    assert github_annotation(problem) == "::warning file=docs/a%2Cb.md,line=3,col=4::50%25 off%0Anow (hint: yes)"
