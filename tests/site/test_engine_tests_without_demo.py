"""The proof: a council installs Practice Hub and keeps only its own content.

A council's site is made the way a council makes one (``python -m practice_hub start "Fernleigh
Borough Council"``, then its example addresses replaced by real ones, as check asks), and the
engine's own tests run on it: ``pytest`` with ``PRACTICE_HUB_PROJECT`` naming the new
site. tests/conftest.py's guard is on (``PRACTICE_HUB_GUARD_DOCS`` unset), so any of those tests
that opens, lists or builds this repository's ``docs/`` fails, naming itself and the path; with
another project under test even tests/content/ and tests/browser/ may not. The demo's own tests
(tests/demo/ and those marked ``demo``) are collected too, and skip themselves, with the reason shown.

What runs: the any-content checks (tests/content/, the whole folder) and a representative set of
engine tests from tests/unit/ and tests/site/ (``ENGINE_TESTS``: those that once read the demo's
docs/, and the loaders, checks and builds most likely to), not the whole engine suite: that takes
about 17 minutes on two cores, too long inside one test. The whole non-browser suite is run the
same way by hand (README, "For developers"):
``PRACTICE_HUB_PROJECT=FOLDER pytest tests/unit tests/site tests/content -m "not demo and not browser"``.
The test is marked ``proof`` and deselects that marker inside, so it never runs itself.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from helpers import REPO, env, run_start

pytestmark = pytest.mark.proof

COUNCIL = "Fernleigh Borough Council"
#: tests/unit and tests/site files run on the council's site (paths under tests/).
ENGINE_TESTS = (
    "unit/test_audit_cycles.py",
    "unit/test_audit_summarise.py",
    "unit/test_casedata.py",
    "unit/test_framework_staff_voice.py",
    "unit/test_serve_cache.py",
    "unit/test_editor_help.py",
    "unit/test_loader.py",
    "unit/test_schema.py",
    "site/test_blog_posts.py",
    "site/test_links.py",
    "site/test_determinism.py",
    "site/test_editors_guide.py",
    "site/test_fork.py",
    "site/test_thread_fixture.py",
    "site/test_starter.py",
)
BUDGET = 900  # seconds: about 4 minutes on two idle cores


def council_site(folder: Path) -> Path:
    """The folder `start` writes for Fernleigh, with its own addresses in place of the examples."""
    run_start(COUNCIL, folder)
    replace = {
        "practice@fernleigh-borough-council.example": "practice@fernleigh.gov.uk",
        "01632 960 000": "020 7946 0000",
    }
    for path in (folder / "mkdocs.yml", folder / "docs" / "accessibility.md"):
        text = path.read_text(encoding="utf-8")
        for old, new in replace.items():
            text = text.replace(old, new)
        path.write_text(text, encoding="utf-8")
    return folder


def test_the_engine_tests_pass_on_a_council_site_without_reading_the_demo(tmp_path):
    site = council_site(tmp_path / "site")
    assert "Brackenford" not in (site / "mkdocs.yml").read_text(encoding="utf-8")
    command = [
        sys.executable,
        "-m",
        "pytest",
        "tests/content",
        "tests/demo",
        *(f"tests/{name}" for name in ENGINE_TESTS),
        "-m",
        "not browser and not proof",  # the demo's tests are collected, and skip themselves
        "-k",
        "not linear_time",  # timing ratios: nothing to do with content, and flaky on a busy machine
        "-p",
        "no:cacheprovider",
        "-p",
        "no:xdist",
        "-q",
        "-rs",
        "-x",
    ]
    run_env = env(PRACTICE_HUB_PROJECT=str(site))
    run_env.pop("PRACTICE_HUB_GUARD_DOCS", None)  # the guard on, whatever the outer run says
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True, env=run_env, timeout=BUDGET)
    out = result.stdout + result.stderr
    assert result.returncode == 0, out[-6000:]
    assert " passed" in result.stdout and " skipped" in result.stdout, result.stdout[-2000:]
    assert " failed" not in result.stdout and "error" not in result.stdout
    assert (
        "demo-only test: docs/ does not hold the Brackenford demo" in result.stdout
    )  # skipped, reason shown
    assert "reads the demo's docs/" not in out
