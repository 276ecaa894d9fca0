"""The guard of tests/conftest.py: a test not marked demo that reads the demo's docs/, or
runs the engine on the demo's mkdocs.yml, is refused and fails, naming itself and the path."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from helpers import FIXTURES, REPO

pytestmark = pytest.mark.skipif(
    os.environ.get("PRACTICE_HUB_GUARD_DOCS", "1") == "0",
    reason="PRACTICE_HUB_GUARD_DOCS=0: the guard is off",
)


@pytest.fixture
def guard():
    import helpers

    return helpers.DOCS_GUARD


def test_opening_listing_or_building_the_demo_is_refused(guard):
    nodeid = "tests/unit/test_docs_guard.py::test_opening_listing_or_building_the_demo_is_refused"
    with pytest.raises(PermissionError, match="is not marked demo but reads the demo's docs/") as opened:
        (REPO / "docs" / "index.md").read_text(encoding="utf-8")
    assert str(opened.value).startswith(f"{nodeid} is not marked demo")
    assert f"open {REPO / 'docs' / 'index.md'}" in str(opened.value)
    with pytest.raises(PermissionError):
        list((REPO / "docs").iterdir())
    with pytest.raises(PermissionError, match="runs .* check on the demo's mkdocs.yml"):
        subprocess.run([sys.executable, "-m", "practice_hub", "check"], cwd=REPO, capture_output=True)
    with pytest.raises(PermissionError):
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(REPO / "mkdocs.yml")], cwd="/")
    assert len(guard.found) == 4
    guard.found.clear()  # the refusals are this test's point, not its failure


def test_fixture_sites_and_the_engine_stay_readable(guard):
    assert (FIXTURES / "thread" / "docs" / "index.md").read_text(encoding="utf-8")
    assert (REPO / "mkdocs.yml").read_text(encoding="utf-8")  # the engine's settings, not content
    assert guard.found == []


@pytest.mark.demo
def test_a_demo_test_may_read_the_demo(guard):
    assert (REPO / "docs" / "index.md").read_text(encoding="utf-8")
    assert guard.found == []
