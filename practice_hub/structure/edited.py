"""Which files an editor is working on, by git: new (untracked, or added and not yet committed),
changed since the last commit, or neither. A duplicate id is blamed on the newer file.

Without git, or outside a git repository, nothing is known and every file counts the same.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

UNCHANGED, CHANGED, NEW = 0, 1, 2
TIMEOUT = 20  # seconds; git answers in well under one for any council's site


def _git(root: Path, *args: str) -> str | None:
    git = shutil.which("git")
    if git is None:
        return None
    try:
        done = subprocess.run(
            [git, "-C", str(root), *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def newness(root: Path) -> Callable[[str], int] | None:
    """A function from a path relative to *root* ("docs/procedures/x.md") to NEW, CHANGED or
    UNCHANGED, by git; None when git cannot tell (no git, not a repository)."""
    untracked = _git(root, "ls-files", "--others", "--exclude-standard", "-z", "--", ".")
    if untracked is None:
        return None
    state = dict.fromkeys(filter(None, untracked.split("\0")), NEW)
    changed = _git(root, "diff", "--name-status", "--relative", "-z", "HEAD", "--", ".")
    if changed is None:  # no commit yet: every file is new
        staged = _git(root, "ls-files", "-z", "--", ".") or ""
        state.update(dict.fromkeys(filter(None, staged.split("\0")), NEW))
    else:
        fields = changed.split("\0")
        index = 0
        while index < len(fields) - 1:
            status = fields[index]
            if not status:
                break
            paths = fields[index + 1 : index + (3 if status[0] in "RC" else 2)]
            index += 1 + len(paths)
            state[paths[-1]] = NEW if status[0] in "AC" else CHANGED
    return lambda path: state.get(path, UNCHANGED)
