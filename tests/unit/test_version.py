"""One version number (practice_hub/__init__.py), printed by `practice-hub --version`, and a
CHANGELOG.md section for it (README, "Releases and versions")."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import practice_hub

REPOSITORY = Path(__file__).resolve().parents[2]


def test_practice_hub_version_prints_the_package_version():
    console = Path(sys.executable).with_name("practice-hub")  # the console command pip installed
    commands = [[sys.executable, "-m", "practice_hub", "--version"]]
    if console.exists():
        commands.append([str(console), "--version"])
    for command in commands:
        result = subprocess.run(command, capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, result.stderr
        assert result.stdout == f"practice-hub {practice_hub.__version__}\n"


def test_the_version_is_one_number_in_semantic_form():
    assert re.fullmatch(r"\d+\.\d+\.\d+", practice_hub.__version__)
    pyproject = (REPOSITORY / "pyproject.toml").read_text(encoding="utf-8")
    assert 'dynamic = ["version"]' in pyproject and 'path = "practice_hub/__init__.py"' in pyproject


def test_the_changelog_has_a_section_for_this_version():
    changelog = (REPOSITORY / "CHANGELOG.md").read_text(encoding="utf-8")
    version = re.escape(practice_hub.__version__)
    assert re.search(rf"^## \[{version}\] - \d{{4}}-\d{{2}}-\d{{2}}$", changelog, re.M), (
        f"CHANGELOG.md:1: no section for version {practice_hub.__version__} "
        f"(add '## [{practice_hub.__version__}] - YYYY-MM-DD' above the previous release)"
    )
    assert "## [Unreleased]" in changelog  # Keep a Changelog: changes gather here until a release
