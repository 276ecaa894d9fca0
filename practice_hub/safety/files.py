"""Files under docs/: nothing from outside the folder is read or published.

Git stores symbolic links, so a pull request can add ``docs/tools/files/x -> /etc/passwd`` or a
linked folder. Every link under docs/ that leads outside it is an error, the loader never reads
through one, and the MkDocs adapter drops such files before they are copied into the site.
"""

from __future__ import annotations

import os
import posixpath
import re
from pathlib import Path
from urllib.parse import unquote


def leads_outside(path: Path, docs_dir: Path) -> bool:
    """True when *path*, a file of docs/, is or sits under a symbolic link that leads outside docs/.

    Files from anywhere else (the theme's own assets) are not content and are never refused."""
    docs = Path(docs_dir).resolve()
    here = Path(os.path.abspath(path))
    if not any(here.is_relative_to(d) for d in (docs, Path(os.path.abspath(docs_dir)))):
        return False  # not a file of docs/ (for example a theme asset)
    try:
        Path(path).resolve().relative_to(docs)
    except (ValueError, OSError, RuntimeError):  # outside, or a link loop
        return True
    return False


class OutsideCheck:
    """``leads_outside`` for every file of one docs/ folder. Resolving each file's path costs a
    system call per folder on the way (seconds at thousands of pages), so the folder is first
    searched once for any symbolic link at all: without one, no file can lead outside."""

    def __init__(self, docs_dir: Path):
        self.docs_dir = Path(docs_dir)
        self.any_links = has_links(self.docs_dir)

    def __call__(self, path: Path) -> bool:
        return self.any_links and leads_outside(path, self.docs_dir)


def has_links(docs_dir: Path) -> bool:
    """True when any file or folder under *docs_dir* is a symbolic link (links are not followed)."""
    folders = [str(docs_dir)]
    while folders:
        try:
            with os.scandir(folders.pop()) as entries:
                for entry in entries:
                    if entry.is_symlink():
                        return True
                    if entry.is_dir(follow_symlinks=False):
                        folders.append(entry.path)
        except OSError:
            continue
    return False


def outside_links(docs_dir: Path) -> list[tuple[str, str]]:
    """(path under docs/, where it points) for every symbolic link under docs/ that leads outside it.

    Folders are not followed: a linked folder is reported once, not file by file.
    """
    found = []
    docs_dir = Path(docs_dir)
    for root, dirs, files in os.walk(docs_dir, followlinks=False):
        dirs.sort()
        for name in sorted(dirs) + sorted(files):
            path = Path(root) / name
            if path.is_symlink() and leads_outside(path, docs_dir):
                found.append((path.relative_to(docs_dir).as_posix(), os.readlink(path)))
    return sorted(found)


def check_links(docs_dir: Path, docs_rel: str, problems) -> None:
    for uri, target in outside_links(docs_dir):
        path = f"{docs_rel}/{uri}" if docs_rel else uri
        problems.add(
            path,
            1,
            f'this is a link to "{target}", outside the docs folder',
            "replace the link with the file itself: nothing outside docs/ is published",
            type="",
        )


def unpublished_attachments(items, hidden) -> set[str]:
    """Files (paths under docs/) used only by items left out of the build: downloads named in the
    field "file" (a path under files/) and files linked from a page's body (``[form](files/x.pdf)``,
    ``![](../images/x.png)``), unless an item that is published uses them too."""

    def attachments(group):
        found = set()
        for item in group:
            if item.from_yaml:
                continue
            folder = posixpath.dirname(item.uri)
            file = item.data.get("file")
            if isinstance(file, str) and file.startswith("files/"):
                found.add(posixpath.normpath(posixpath.join(folder, file)))
            found |= linked_files(folder, getattr(item, "body", "") or "")
        return found

    hidden_ids = {id(item) for item in hidden}
    return attachments(hidden) - attachments([item for item in items if id(item) not in hidden_ids])


_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_RAW_LINK = re.compile(r"""(?i)\b(href|src)[ \t]*=[ \t]*["']?([^"'\s>]+)""")


def linked_files(folder: str, body: str) -> set[str]:
    """Paths under docs/ of the files (not pages) a Markdown body links to, relative to *folder*."""
    from ..content_types import MARKDOWN_SUFFIXES
    from ..structure.body_links import links_in

    found = set()
    targets = [target for _, target in links_in(body)] if "](" in body or "]:" in body else []
    if "<" in body:  # raw HTML: <a href="files/x.pdf">, <img src="files/x.png">
        targets += [m.group(2) for m in _RAW_LINK.finditer(body)]
    for target in targets:
        where = unquote(target.partition("#")[0].partition("?")[0])
        if (
            not where
            or _SCHEME.match(where)
            or where.lower().endswith(MARKDOWN_SUFFIXES)
            or where.endswith("/")
        ):
            continue
        path = posixpath.normpath(
            where.lstrip("/") if where.startswith("/") else posixpath.join(folder, where)
        )
        if not path.startswith("../") and path != "..":
            found.add(path)
    return found
