"""`python -m practice_hub start "Name of Council"` turns the demo into a starter that builds cleanly."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import REPO, env, is_demo, run_build, run_check


def start(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "practice_hub", "start", *args], cwd=project,
                          capture_output=True, text=True, env=env(), timeout=120)


@pytest.fixture(scope="module")
def started(tmp_path_factory):
    project = tmp_path_factory.mktemp("starter")
    for name in ("docs", "content_schema", "hooks", "overrides"):
        shutil.copytree(REPO / name, project / name)
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    refused = start(project, "Ashdown District Council")
    result = start(project, "Ashdown District Council", "--yes")
    return project, refused, result


def test_start_refuses_to_replace_content_without_yes(tmp_path):
    shutil.copytree(REPO / "docs" / "glossary", tmp_path / "docs" / "glossary")
    shutil.copy(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    result = start(tmp_path, "Ashdown District Council")
    assert result.returncode == 1
    assert "docs/ holds 3 files of content. This command replaces ALL of docs/" in result.stdout
    assert 'python -m practice_hub start "Ashdown District Council" --yes' in result.stdout
    assert (tmp_path / "docs/glossary/adults.yml").is_file()
    assert (tmp_path / "mkdocs.yml").read_text() == (REPO / "mkdocs.yml").read_text()


def test_start_names_the_council_and_drops_the_demo_settings(started):
    project, refused, result = started
    assert refused.returncode == 1
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("Started Ashdown District Council Practice Hub: ")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert 'site_name: "Ashdown District Council Practice Hub"' in config
    assert "Brackenford" not in config
    assert "today:" not in config and "demo:" not in config and "home_cards:" not in config
    assert "# keep on: without it build time grows quadratically" in config  # comments kept
    assert not is_demo(project)
    assert not (project / "docs/procedures/section-47-enquiries.md").exists()


def test_starter_passes_check_and_the_strict_build(started):
    project, _, _ = started
    check = run_check(project)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "no problems" in check.stderr
    build = run_build(project)
    assert build.returncode == 0, build.stdout + build.stderr
    assert "WARNING" not in build.stdout + build.stderr
    site = project / "site"
    for page in ("index.html", "news/index.html", "standards/golden-thread/index.html",
                 "procedures/example-procedure/index.html", "training/example-course/index.html"):
        assert (site / page).is_file(), page
    assert "Ashdown District Council Practice Hub" in (site / "index.html").read_text(encoding="utf-8")
    # docs/ holds no stylesheets or scripts, yet the site's own are published and linked.
    assert not (project / "docs/stylesheets").exists()
    home = (site / "index.html").read_text(encoding="utf-8")
    for asset in ("stylesheets/practice-hub.css", "javascripts/practice-hub-review.js"):
        assert (site / asset).is_file() and asset in home, asset
