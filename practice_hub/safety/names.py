"""File and folder names under docs/: no control or bidirectional characters.

A name such as ``report\u202etxt.md`` shows in a file list, a pull request and a terminal in
another order than it is read (U+202E turns the rest of the name around), so a reviewer cannot
see which file a change touches. Such names are refused, each at ``path:1``; the name is shown
with the character written as ``<U+202E>``, so printing it cannot turn the message around too.
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

from .fields import BIDI_CHARACTERS, bad_character, describe_character


def bad_name_character(name: str):
    """The first character a file name may not hold: a control character (a line break, a tab),
    a bidirectional control, or an invisible format character (a zero-width space, a Unicode tag
    character); None if none."""
    for char in name:
        if bad_character(char) or unicodedata.category(char) in ("Cc", "Cf"):
            return char
    return None


def shown(name: str) -> str:
    """The name with each refused character written as <U+XXXX>."""
    return "".join(f"<{describe_character(c)}>" if bad_name_character(c) else c for c in name)


def _why(char: str) -> str:
    if char in BIDI_CHARACTERS:
        return "which makes the name show in another order than it is read"
    return "which cannot be seen in a list of files"


def check_names(docs_dir: Path, docs_rel: str, problems) -> None:
    """problems.add(path, 1, ...) for each file or folder under docs_dir whose name has one."""
    for folder, dirs, files in os.walk(docs_dir):  # does not follow symbolic links
        dirs.sort()
        relative = Path(folder).relative_to(docs_dir)
        for kind, names in (("folder", dirs), ("file", sorted(files))):
            for name in names:
                char = bad_name_character(name)
                if not char:
                    continue
                path = (
                    (Path(docs_rel) / relative / name).as_posix()
                    if docs_rel
                    else (relative / name).as_posix()
                )
                problems.add(
                    shown(path),
                    1,
                    f"the {kind} name has the invisible character {describe_character(char)}, {_why(char)}",
                    f"rename the {kind}",
                )
        dirs[:] = [
            name for name in dirs if not bad_name_character(name)
        ]  # reported once, not each file in it
