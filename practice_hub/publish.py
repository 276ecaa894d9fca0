"""``python -m practice_hub publish SITE_DIR WEB_ROOT_LINK``: switch a web root to a new build at once.

For IT: the web server's ``root`` is a symbolic link (for example ``/var/www/practice-hub``). Each
publish copies the built site into a new release folder beside it
(``/var/www/practice-hub.releases/<time>-<n>/``), makes a temporary link to that folder and renames
the temporary link over the web root link (``os.replace``, one atomic rename). A reader gets the
old site or the new one, never a mixture. The previous releases are kept (``--keep``, default 3),
so going back is publishing an older release folder again.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path


class PublishError(Exception):
    pass


def releases_dir(link: Path) -> Path:
    return link.with_name(link.name + ".releases")


def publish(site_dir: Path, link: Path, keep: int = 3, now: dt.datetime | None = None) -> Path:
    """Copy site_dir into a new release folder and point ``link`` at it atomically; return the release."""
    site_dir, link = Path(site_dir), Path(os.path.abspath(link))
    if not (site_dir / "index.html").is_file():
        raise PublishError(f"{site_dir} is not a built site (it has no index.html); build it first")
    if link.exists() and not link.is_symlink():
        raise PublishError(
            f"{link} is a real folder, not a symbolic link: move it aside once "
            f"(for example to {link.name}.before), then publish again"
        )
    releases = releases_dir(link)
    releases.mkdir(parents=True, exist_ok=True)
    stamp = (now or dt.datetime.now(dt.UTC)).strftime("%Y%m%dT%H%M%SZ")
    number = 1
    while (releases / f"{stamp}-{number:02d}").exists():
        number += 1
    release = releases / f"{stamp}-{number:02d}"
    partial = releases / f".{release.name}.copying"
    shutil.copytree(site_dir, partial, symlinks=False)
    os.replace(partial, release)  # a release folder is complete or absent
    temporary = link.with_name(f".{link.name}.new-{os.getpid()}")
    if temporary.is_symlink() or temporary.exists():
        temporary.unlink()
    os.symlink(release, temporary, target_is_directory=True)
    os.replace(temporary, link)  # the switch: one rename
    _prune(releases, release, keep)
    return release


def _prune(releases: Path, current: Path, keep: int) -> None:
    kept = sorted(
        (p for p in releases.iterdir() if p.is_dir() and not p.name.startswith(".")), key=lambda p: p.name
    )
    for old in kept[: max(len(kept) - max(keep, 1), 0)]:
        if old != current:
            shutil.rmtree(old, ignore_errors=True)
