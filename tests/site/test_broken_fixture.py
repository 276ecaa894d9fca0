"""A fixture site with every kind of editor mistake: every problem reported at once, exactly.

Both routes (``python -m practice_hub check`` and ``mkdocs build``) go through the same code
and must print the same lines, a count, exit non-zero and never show a traceback.
"""

from __future__ import annotations

import json

import pytest

from helpers import FIXTURES, make_project, run_build, run_check

EXPECTED_ERRORS = [
    'docs/_data/audit_results.yml:6: audit section "voice" has a result for 2026-Q1 already, on line 1 (keep one result per section and period)',
    "docs/_data/audit_results.yml:14: good_or_better (80) and requires_improvement_or_lower (30) add up to 110, more than 100 (the two percentages are shares of the same files; check both)",
    'docs/_data/audit_results.yml:17: field "audit_section" names "missing-section", which is not the id of any audit section (check the id in docs/audit/)',
    'docs/_data/audit_results.yml:19: field "good_or_better" is 101; it must be at most 100',
    'docs/_data/synonyms.yml:3: "Home Visit" is already in the group on line 2 (keep each word in one group only: join the two groups, or remove it from one)',
    "docs/glossary/terms.yml:1: the file must be a list of entries, not a set of fields (start each entry with '- ' at the left margin, for example '- id: my-entry')",
    'docs/procedures/Home Visits.md:1: the file name "Home Visits.md" has capitals and spaces: content file names are lower case, with hyphens between words (rename it to "home-visits.md" and change the links to it)',
    "docs/procedures/binary.md:3: the file is not text (it contains binary data) (only Markdown or YAML text belongs here; put downloads in a files folder)",
    "docs/procedures/bomb.md:4: YAML aliases (*name) are not supported (write the value out in full instead of pointing at an anchor)",
    'docs/procedures/duplicate.md:4: field "title" is given twice (first on line 3) (keep one of them; a second value would silently replace the first)',
    "docs/procedures/empty.md:1: the file is empty (start the file with a line ---, then fields such as id: and title:, then a line ---)",
    'docs/procedures/fields.md:1: missing required field "owner" (add a line "owner: ...": the team or role responsible for keeping this current: a role, never a person\'s name)',
    'docs/procedures/fields.md:2: id "fields" is already used by docs/procedures/duplicate.md:2 (give the newer of the two another id, and leave the other as it is, since pages and links may already use its id)',
    'docs/procedures/fields.md:3: field "title" must be text, not a list (write the value as one line of text after the colon)',
    'docs/procedures/fields.md:7: unknown field "ownr" (did you mean "owner"?)',
    'docs/procedures/fields.md:8: field "status" has "curent", which is not one of: draft, current, under review, archived (did you mean "current"?)',
    'docs/procedures/fields.md:9: field "last_reviewed" has "2026-02-30", but there is no 30 February 2026 (check the day and the month)',
    'docs/procedures/fields.md:10: field "tags" names "child-protectoin", which is not a tag in docs/_data/tags.yml (did you mean "child-protection"?)',
    "docs/procedures/huge.md:1: the file is 5.0 MB, more than the 2 MB a content file may be (split it into smaller pages, or link to a large document instead of pasting it in)",
    "docs/procedures/latin1.md:3: the file is not UTF-8 text (byte 0xe9 cannot be read) (save the file with UTF-8 encoding; in most editors: Save As, Encoding, UTF-8)",
    'docs/procedures/lone-working.markdown:1: the file name ends in ".markdown"; pages end in ".md" (rename it to "lone-working.md" and change the links to it)',
    'docs/procedures/malformed.md:3: the value on this line has ": " in it, which reads as the start of another field (put the value in quotes: title: "Strategy discussions: who attends")',
    "docs/procedures/unclosed.md:5: the page's fields have no closing --- line after them (add a line with just --- after the last field (line 4), before the page's text)",
    'docs/standards/listening.md:9: field "audit_sections" names "voice-section", which is not the id of any audit section (check the id in docs/audit/)',
    'docs/standards/listening.md:9: field "audit_sections" names "windows", which is a procedure, not an audit section (use the id of an audit section)',
    'docs/training/courses.yml:7: field "standards" names "listenning", which is not the id of any practice standard (did you mean "listening"?)',
    'docs/training/courses.yml:8: field "booking.contact" has "not-an-address", which is not a web address or an email address (give a web address starting with https:// or an email address)',
    "docs/training/courses.yml:9: entry 2 must be a set of fields (name: value), not a line of text (write the entry's fields indented under its '- ')",
    'docs/training/courses.yml:10: missing required field "audience" (add a line "audience: ...": who the course is for)',
    'docs/training/courses.yml:10: missing required field "booking" (add a line "booking: ...": how to book)',
    'docs/training/courses.yml:10: missing required field "mode" (add a line "mode: ...": how the course is delivered)',
    'docs/training/courses.yml:10: missing required field "provider" (add a line "provider: ...": who runs the course)',
    'docs/training/courses.yml:10: missing required field "standards" (add a line "standards: ...": ids of the practice standards this course builds)',
    'docs/training/courses.yml:10: missing required field "summary" (add a line "summary: ...": one or two sentences saying what this is and who it is for. Shown in lists and search)',
    'docs/training/courses.yml:10: missing required field "title" (add a line "title: ...": the title readers see, in sentence case)',
]

# Warnings that fail the build (it is strict), so check shows them among the problems.
EXPECTED_COUNTED = [
    'docs/training/courses.yml:1: course "listening-course" is classroom but has no sessions (add sessions so people can book, or mark it e-learning)',
]

# Advisory warnings: printed by both, failing neither.
EXPECTED_WARNINGS = [
    'docs/audit/voice.md:2: golden thread gap: audit section "voice" checks no practice standard (add its id to the audit_sections field of the standard it checks)',
    'docs/standards/listening.md:2: golden thread gap: practice standard "listening" is not checked by any audit section (list the audit sections that check it in its audit_sections field)',
    'docs/training/courses.yml:10: golden thread gap: course "no-fields" supports no practice standard (list the standards the course builds in its standards field)',
]


def in_order(lines: list[str]) -> list[str]:
    """As check and the build print problems: by file, line, then message."""
    def place(line: str):
        path, number, message = line.split(":", 2)
        return path, int(number), message.strip()
    return sorted(lines, key=place)


# check's problems: the errors and the warnings that fail the build, in one list.
EXPECTED_FAILING = in_order(EXPECTED_ERRORS + EXPECTED_COUNTED)

SUMMARY = "Practice Hub: 36 problems in 16 files: fix them, then run check again"


@pytest.fixture(scope="module")
def broken(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("broken"), FIXTURES / "broken" / "docs")
    # Too big and binary files are made here rather than kept in git.
    (project / "docs/procedures/huge.md").write_bytes(b"---\nid: huge\n---\n" + b"x" * 5 * 1024 * 1024)
    (project / "docs/procedures/binary.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    return project


def test_check_reports_every_problem_exactly(broken):
    result = run_check(broken)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[: len(EXPECTED_FAILING)] == EXPECTED_FAILING
    warnings = [line.replace(": warning: ", ": ", 1) for line in lines[len(EXPECTED_FAILING):-1]]
    assert warnings == EXPECTED_WARNINGS
    # In order, on one stream: the last line counts them (a hook or a log shows them as printed).
    assert lines[-1] == SUMMARY + " (3 warnings too)"
    assert result.stderr == ""
    assert "Traceback" not in result.stdout + result.stderr


def test_build_reports_the_same_problems_and_fails_once(broken):
    result = run_build(broken)
    log = result.stdout + result.stderr
    assert result.returncode == 1
    assert "Traceback" not in log
    errors = [line.split("-  ", 1)[1] for line in log.splitlines() if line.startswith("ERROR")]
    assert errors == EXPECTED_ERRORS + [SUMMARY]
    warnings = [line.split("-  ", 1)[1] for line in log.splitlines() if line.startswith("WARNING")]
    assert warnings == in_order(EXPECTED_COUNTED + EXPECTED_WARNINGS)
    assert log.count("Aborted with a BuildError!") == 1
    assert not (broken / "site" / "index.html").exists()


def test_check_json_lists_the_same_problems(broken):
    result = run_check(broken, "--format", "json")
    assert result.returncode == 1
    problems = json.loads(result.stdout)
    assert len(problems) == len(EXPECTED_ERRORS) + len(EXPECTED_COUNTED) + len(EXPECTED_WARNINGS)
    first = problems[0]
    assert set(first) == {"path", "line", "severity", "type", "field", "message", "hint"}
    unknown = next(p for p in problems if p["message"] == 'unknown field "ownr"')
    assert unknown == {"path": "docs/procedures/fields.md", "line": 7, "severity": "error",
                       "type": "procedure", "field": "ownr", "message": 'unknown field "ownr"',
                       "hint": 'did you mean "owner"?'}
    rebuilt = [f"{p['path']}:{p['line']}: {p['message']}" + (f" ({p['hint']})" if p["hint"] else "")
               for p in problems if p["severity"] == "error"]
    assert rebuilt == EXPECTED_ERRORS


def test_unusual_but_valid_files_are_accepted(broken):
    """The BOM + CRLF + trailing-spaces file is not among the problems."""
    result = run_check(broken)
    assert "windows.md" not in result.stdout
