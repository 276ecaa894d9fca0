"""Habits: the pre-commit hooks (content check, ruff lint and format) pass on the whole repository."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from helpers import REPO


def test_pre_commit_hooks_pass_on_every_file(tmp_path):
    env = dict(
        os.environ,
        PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"),
        NO_MKDOCS_2_WARNING="1",
    )
    result = subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--all-files", "--show-diff-on-failure"],
        cwd=REPO,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    for hook in ("Practice Hub content check", "ruff check", "ruff format"):
        assert hook in result.stdout
