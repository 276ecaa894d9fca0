"""Writing inside the project only: never through a symbolic link.

A repository can hold a symbolic link (committed, and dangling on this machine) where a command
would write: ``docs/procedures -> /etc`` or ``docs/index.md -> ~/.bashrc``. ``start`` and ``new``
write each file through ``write_text`` here, which refuses a path that is a link, sits under a link
(between the project folder and the file) or resolves outside the folder it must stay in.
"""

from __future__ import annotations

import os
from pathlib import Path


class UnsafePath(Exception):
    """A path a command refuses to write to, in plain words."""


def _shown(path: Path, base: Path) -> str:
    try:
        return path.relative_to(base).as_posix()
    except ValueError:
        return str(path)


def check_target(base: Path, target: Path, inside: Path | None = None) -> None:
    """Raise UnsafePath unless *target* lies under *base* through real folders only (no step from
    *base* down to *target* is a symbolic link) and resolves inside *inside* (default *base*)."""
    base = Path(os.path.abspath(base))
    target = Path(os.path.abspath(target))
    inside = Path(os.path.abspath(inside)) if inside else base
    try:
        parts = target.relative_to(base).parts
    except ValueError:
        raise UnsafePath(f"{target} is outside {base}: nothing was written") from None
    step = base
    for part in parts:
        step = step / part
        if step.is_symlink():
            raise UnsafePath(
                f"{_shown(step, base)} is a symbolic link (to {os.readlink(step)}): nothing is written "
                "through a link; remove it (git rm) or replace it with a real file or folder"
            )
    try:
        target.resolve().relative_to(inside.resolve())
    except ValueError:
        raise UnsafePath(
            f"{_shown(target, base)} leads outside {_shown(inside, base)}/: nothing was written"
        ) from None


def make_folders(base: Path, folder: Path) -> None:
    """Create *folder* (and its parents below *base*), refusing any step that is a link."""
    check_target(base, folder)
    Path(folder).mkdir(parents=True, exist_ok=True)
    check_target(base, folder)  # nothing was swapped for a link meanwhile


def write_text(base: Path, path: Path, text: str, *, new: bool = False, inside: Path | None = None) -> None:
    """Write *text* to *path* (UTF-8), which must pass check_target. ``new``: refuse an existing file.
    The file is opened without following a link (O_NOFOLLOW where the system has it)."""
    check_target(base, path, inside)
    make_folders(base, Path(path).parent)
    flags = os.O_WRONLY | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    flags |= os.O_EXCL if new else os.O_TRUNC
    descriptor = os.open(path, flags, 0o644)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(text.encode("utf-8"))
