"""`mkdocs serve --dirty` rebuilds: an edit reaches every page that shows it, and nothing else is rebuilt.

Runs MkDocs' own build twice in one process, as `mkdocs serve` does.
"""

from __future__ import annotations

import os
import time

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from helpers import FIXTURES, make_project
from practice_hub.cache import SERVE_CACHE
from practice_hub.structure.changes import changed_pages


@pytest.fixture(autouse=True)
def own_serve_cache():
    """Each test starts from an empty serve cache (what earlier builds in this process left) and
    leaves none behind."""
    SERVE_CACHE.reset()
    yield SERVE_CACHE
    SERVE_CACHE.reset()


def test_changed_pages_tracks_content_per_site_folder():
    first = changed_pages("/tmp/site-a", {"a.md": "one", "b.md": "two"}, {"p.md": "x"})
    assert first.generated == {"a.md", "b.md"} and first.editor_pages == set()
    second = changed_pages("/tmp/site-a", {"a.md": "one", "b.md": "TWO"}, {"p.md": "y"})
    assert second.generated == {"b.md"} and second.editor_pages == {"p.md"}
    other = changed_pages("/tmp/site-b", {"a.md": "one"}, {})
    assert other.generated == {"a.md"}


@pytest.fixture
def project(tmp_path, monkeypatch):
    project = make_project(tmp_path / "p", FIXTURES / "thread" / "docs")
    monkeypatch.chdir(project)
    monkeypatch.setenv("PRACTICE_HUB_TODAY", "2026-11-24")
    return project


def _build(project):
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"))
    build(config, dirty=True)


def test_dirty_rebuild_follows_the_golden_thread(project):
    _build(project)
    standard = project / "site/standards/standard-1/index.html"
    unrelated = project / "site/standards/standard-2/index.html"
    course_two = project / "site/training/course-two/index.html"
    before = {p: p.stat().st_mtime_ns for p in (standard, unrelated, course_two)}
    time.sleep(0.05)
    courses = project / "docs/training/courses.yml"
    courses.write_text(courses.read_text().replace("title: Course one", "title: Course one renamed"))
    os.utime(courses)
    _build(project)
    assert "Course one renamed" in standard.read_text()  # the standard lists the course
    assert standard.stat().st_mtime_ns != before[standard]
    assert unrelated.stat().st_mtime_ns == before[unrelated]  # nothing of it changed
    assert course_two.stat().st_mtime_ns == before[course_two]
