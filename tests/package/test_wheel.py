"""The engine is a package a council installs; a site is a folder of its own.

Builds the wheel from this repository's sources, installs it into a fresh virtual environment
outside the repository (no editable install, no path tricks), starts a council's site, runs the
commands of the pull-request workflow that `start` wrote, upgrades to a second wheel with a
higher version and one visible template change, and rebuilds the site with no file of it
changed. The demo builds through the same installed package.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from helpers import REPO

SOURCES = (
    "pyproject.toml",
    "README.md",
    "CHANGELOG.md",
    "practice_hub",
    "overrides",
    "content_schema",
    "hooks",
    "hosting",
)
MARKER = "Engine upgrade marker 7f3a"  # the second wheel's visible template change


def _copy_sources(target: Path) -> Path:
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    target.mkdir(parents=True)
    for name in SOURCES:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=ignore)
        else:
            shutil.copy2(source, target / name)
    return target


def _build_wheel(source: Path, out: Path) -> Path:
    result = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(source)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    [wheel] = out.glob("practice_hub-*.whl")
    return wheel


def _env(venv: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV", "PRACTICE_HUB"))}
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    env["NO_MKDOCS_2_WARNING"] = "1"
    return env


def _run(args, cwd: Path, venv: Path, timeout=900) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=cwd, env=_env(venv), capture_output=True, text=True, timeout=timeout)


def _install(venv: Path, wheel: Path) -> None:
    result = _run(
        [
            str(venv / "bin/python"),
            "-m",
            "pip",
            "install",
            "-q",
            "--disable-pip-version-check",
            "--constraint",
            str(REPO / "requirements.lock"),
            str(wheel),
        ],
        venv.parent,
        venv,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    """(venv, first wheel, second wheel): wheels built from copies of the sources; the venv has
    the first installed."""
    work = tmp_path_factory.mktemp("package")
    first = _build_wheel(_copy_sources(work / "src-1"), work / "dist-1")
    second_src = _copy_sources(work / "src-2")
    init = second_src / "practice_hub/__init__.py"
    version = re.search(r'__version__ = "(\d+)\.(\d+)\.(\d+)"', init.read_text()).groups()
    higher = f"{version[0]}.{version[1]}.{int(version[2]) + 1}"
    init.write_text(re.sub(r'__version__ = "[^"]+"', f'__version__ = "{higher}"', init.read_text()))
    footer = second_src / "overrides/partials/copyright.html"
    footer.write_text(
        footer.read_text().replace(
            '<div class="md-copyright">', f'<div class="md-copyright">\n  <span>{MARKER}</span>', 1
        )
    )
    second = _build_wheel(second_src, work / "dist-2")
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    _install(venv, first)
    return venv, first, second, higher


def test_the_wheel_holds_every_engine_file(engine):
    import zipfile

    _, first, _, _ = engine
    names = set(zipfile.ZipFile(first).namelist())
    for needed in (
        "practice_hub/theme/main.html",
        "practice_hub/theme/partials/copyright.html",
        "practice_hub/content_schema/procedure.schema.yaml",
        "practice_hub/hooks/validate.py",
        "practice_hub/hosting/nginx-practice-hub.conf",
        "practice_hub/hosting/publish.py",
        "practice_hub/guide/editors.md",
        "practice_hub/CHANGELOG.md",
        "practice_hub/search/worker.js",
    ):
        assert needed in names, needed
    assert any(n.startswith("practice_hub/theme/javascripts/") for n in names)
    assert any(n.startswith("practice_hub/starter/template/") for n in names)


def test_a_council_starts_checks_builds_and_upgrades_in_one_line(engine, tmp_path):
    venv, first, second, higher = engine
    where = _run(
        [str(venv / "bin/python"), "-c", "import practice_hub; print(practice_hub.__file__)"], tmp_path, venv
    )
    assert str(venv) in where.stdout, where.stdout + where.stderr  # the installed package, not this checkout
    version = _run(["practice-hub", "--version"], tmp_path, venv)
    assert version.returncode == 0 and version.stdout.strip().endswith(first.name.split("-")[1])

    site = tmp_path / "ashdown"
    started = _run(["practice-hub", "start", "Ashdown District Council", str(site)], tmp_path, venv)
    assert started.returncode == 0, started.stdout + started.stderr

    # The commands of the pull-request workflow `start` wrote, the engine installed from the
    # local wheel instead of where the workflow gets it.
    workflow = yaml.safe_load((site / ".github/workflows/pull-request.yml").read_text())
    steps = [s["run"] for job in workflow["jobs"].values() for s in job["steps"] if "run" in s]
    assert any("pip install" in s for s in steps) and len(steps) >= 4
    for step in steps:
        if "pip install" in step:
            _install(venv, first)
            continue
        result = _run(["bash", "-e", "-c", step], site, venv)
        assert result.returncode == 0, f"{step}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    assert (site / "site/index.html").is_file()

    for folder in (site, site / "site"):
        found = _run(["grep", "-ril", "--exclude-dir=.git", "brackenford", str(folder)], tmp_path, venv)
        assert found.stdout == "", found.stdout

    # Upgrading: one version line; here the second wheel installed over the first.
    assert _run(["git", "status", "--porcelain"], site, venv).stdout == ""
    assert MARKER not in (site / "site/index.html").read_text(encoding="utf-8")
    _install(venv, second)
    assert _run(["practice-hub", "--version"], tmp_path, venv).stdout.strip().endswith(higher)
    rebuilt = _run(["practice-hub", "build"], site, venv)
    assert rebuilt.returncode == 0, rebuilt.stdout[-3000:] + rebuilt.stderr[-3000:]
    assert _run(["git", "status", "--porcelain"], site, venv).stdout == ""  # no file of the site changed
    assert MARKER in (site / "site/index.html").read_text(encoding="utf-8")


@pytest.mark.demo  # it builds this repository's docs/, the demo
def test_the_demo_builds_through_the_installed_package(engine, tmp_path):
    venv, _, _, _ = engine
    demo = tmp_path / "demo"
    shutil.copytree(REPO / "docs", demo / "docs")
    shutil.copy(REPO / "mkdocs.yml", demo / "mkdocs.yml")
    result = _run(["practice-hub", "build"], demo, venv)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert (demo / "site/audit/tool/index.html").is_file()
    assert not (demo / "overrides").exists() and not (demo / "hooks").exists()
