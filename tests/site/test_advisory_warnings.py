"""Settings mean what they say: golden-thread gaps and overdue reviews are shown, and
fail the hosting build (`python -m practice_hub build`, which `./dev build` runs: strict) only when
`gaps_are_errors` / `overdue_reviews_are_errors` is true. Every other problem still fails it."""

from __future__ import annotations

import subprocess
import sys

import pytest

from helpers import FIXTURES, env, make_project

THREAD = FIXTURES / "thread" / "docs"

# Reviewed long ago, due long ago: overdue on any real date.
OVERDUE = """---
id: overdue-late
title: Overdue late
summary: A procedure nobody has reviewed.
owner: Head of Service, Assessment
status: current
last_reviewed: 2019-06-01
review_by: 2020-06-01
---

# Overdue late

Steps.
"""
OVERDUE_LINE = ('docs/procedures/overdue-late.md:8: review overdue: procedure "overdue-late" was due for review '
                "on 2020-06-01 (review it with Head of Service, Assessment, then update last_reviewed and review_by)")
GAP = ('docs/standards/standard-2.md:2: golden thread gap: practice standard "standard-2" has no '
       "training: no course names it (add its id to the standards field of a course in docs/training/)")


def build(project, *args):
    """`./dev build` without the setup: the real date (no `today`, no PRACTICE_HUB_TODAY)."""
    return subprocess.run([sys.executable, "-m", "practice_hub", "build", *args], cwd=project, capture_output=True,
                          text=True, env=env(PRACTICE_HUB_TODAY=""), timeout=600)


def overdue_project(target, **settings):
    return make_project(target, THREAD, files={"procedures/overdue-late.md": OVERDUE},
                        settings={"today": '""', **settings})


@pytest.mark.parametrize("engine", ["mkdocs", "properdocs"])
def test_an_overdue_review_is_shown_and_the_build_succeeds(tmp_path, engine):
    project = overdue_project(tmp_path)
    assert "today: \"\"" in (project / "mkdocs.yml").read_text()
    result = build(project, "--engine", engine)
    assert result.returncode == 0, result.stderr
    assert f"WARNING -  {OVERDUE_LINE}" in result.stderr
    assert (project / "site/procedures/overdue-late/index.html").is_file()


def test_overdue_reviews_are_errors_fails_the_build_at_path_and_line(tmp_path):
    project = overdue_project(tmp_path, overdue_reviews_are_errors="true")
    result = build(project)
    assert result.returncode == 1
    assert f"ERROR   -  {OVERDUE_LINE}" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (project / "site").exists()


def without_course_two(target, **settings):
    project = make_project(target, THREAD, settings={"today": '""', **settings})
    courses = project / "docs/training/courses.yml"
    courses.write_text(courses.read_text(encoding="utf-8").split("- id: course-two")[0], encoding="utf-8")
    return project


def test_a_gap_is_shown_and_the_build_succeeds(tmp_path):
    result = build(without_course_two(tmp_path))
    assert result.returncode == 0, result.stderr
    assert f"WARNING -  {GAP}" in result.stderr


def test_gaps_are_errors_fails_the_build(tmp_path):
    result = build(without_course_two(tmp_path, gaps_are_errors="true"))
    assert result.returncode == 1
    assert f"ERROR   -  {GAP}" in result.stderr


def test_other_warnings_and_broken_links_still_fail_the_build(tmp_path):
    project = overdue_project(tmp_path / "links")
    index = project / "docs/index.md"
    index.write_text(index.read_text(encoding="utf-8") + "\n[Gone](procedures/gone.md)\n", encoding="utf-8")
    result = build(project)
    assert result.returncode == 1
    assert "procedures/gone.md" in result.stderr
    assert f"WARNING -  {OVERDUE_LINE}" in result.stderr
    # A classroom course without sessions is a warning that is not advisory: --strict counts it.
    project = make_project(tmp_path / "course", THREAD)
    courses = project / "docs/training/courses.yml"
    text = courses.read_text(encoding="utf-8")
    courses.write_text(text.replace("  mode: e-learning\n", "  mode: classroom\n", 1), encoding="utf-8")
    result = build(project)
    assert result.returncode == 1
    assert 'course "course-two" is classroom but has no sessions' in result.stderr


def test_check_strict_ignores_advisory_warnings_and_json_marks_them(tmp_path):
    project = overdue_project(tmp_path)
    run = subprocess.run([sys.executable, "-m", "practice_hub", "check", "--strict", "--format", "json"],
                         cwd=project, capture_output=True, text=True, env=env(PRACTICE_HUB_TODAY=""))
    assert run.returncode == 0, run.stdout + run.stderr
    assert '"advisory": true' in run.stdout
