"""Helpers shared by the tests: fixture projects, and running check and build."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
TODAY = "2026-11-24"


def make_project(target: Path, docs: Path | None = None, files: dict[str, str | bytes] | None = None,
                 settings: dict | None = None) -> Path:
    """A project like the demo (same mkdocs.yml, schemas, hooks and theme) with other docs."""
    target.mkdir(parents=True, exist_ok=True)
    for name in ("content_schema", "hooks", "overrides"):
        shutil.copytree(REPO / name, target / name, dirs_exist_ok=True)
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    for key, value in (settings or {}).items():
        config, count = re.subn(rf"^    {key}: .*$", f"    {key}: {value}", config, flags=re.M)
        if not count:
            config = config.replace("  practice_hub:\n", f"  practice_hub:\n    {key}: {value}\n", 1)
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    if docs is not None:
        shutil.copytree(docs, target / "docs", dirs_exist_ok=True)
    for name, content in (files or {}).items():
        path = target / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return target


def env(**extra) -> dict:
    values = dict(os.environ, NO_MKDOCS_2_WARNING="1", PRACTICE_HUB_TODAY=TODAY,
                  SOURCE_DATE_EPOCH="1795219200")
    values.update(extra)
    return values


def run_check(project: Path, *args: str, **extra_env) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "practice_hub", "check", *args], cwd=project,
                          capture_output=True, text=True, env=env(**extra_env), timeout=300)


def run_build(project: Path, *args: str, strict: bool = True, **extra_env) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "mkdocs", "build", "-d", str(project / "site")]
    if strict:
        command.append("--strict")
    return subprocess.run(command + list(args), cwd=project, capture_output=True, text=True,
                          env=env(**extra_env), timeout=600)
