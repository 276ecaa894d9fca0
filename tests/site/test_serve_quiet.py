"""Editors never see MkDocs' "dirty build" warning (./dev serve uses --dirty on purpose)."""

from __future__ import annotations

import subprocess
import sys

from tests.helpers import FIXTURES, env, make_project


def test_dirty_build_prints_no_dirty_warning(tmp_path):
    project = make_project(tmp_path / "p", FIXTURES / "thread" / "docs")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--dirty", "-d", str(project / "site")],
                            cwd=project, capture_output=True, text=True, env=env(), timeout=600)
    assert result.returncode == 0, result.stderr
    assert "'dirty' build" not in result.stderr and "inaccurate navigation" not in result.stderr
