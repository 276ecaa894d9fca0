"""File and folder names under docs/: content files named so that a page's address can be
read and typed, and no control or bidirectional characters.

Only lower-case ``.md``, ``.yml`` and ``.yaml`` are content. ``Home Visits.MD`` is not a page to
MkDocs (it would be copied into the site as it is, unchecked), ``visits.markdown`` is a second
spelling of a page that links and tools would have to know, and ``Home Visits.md`` publishes at
``/procedures/Home Visits/``, an address nobody can say or type. ``content_name`` names the file
to rename each to (``home-visits.md``); ``published.refusal`` reports it at ``path:1``, so the
file is refused by ``check`` and the build alike. A folder that holds content is named the same
way (``docs/Procedures/``, ``docs/home visits/``): ``folder_name`` reports it once, at the
folder's ``path:1``, with the name to rename it to, and nothing in it is published.

A name such as ``report\u202etxt.md`` shows in a file list, a pull request and a terminal in
another order than it is read (U+202E turns the rest of the name around), so a reviewer cannot
see which file a change touches. Such names are refused, each at ``path:1``; the name is shown
with the character written as ``<U+202E>``, so printing it cannot turn the message around too.
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

from ..content_types import MARKDOWN_SUFFIXES, YAML_SUFFIXES
from .fields import BIDI_CHARACTERS, bad_character, describe_character

PAGE_SUFFIX = ".md"
_SPACES = re.compile(r"\s+")
_HYPHENS = re.compile(r"-{2,}")


def proper_name(name: str) -> str:
    """What a content file's name should be: lower case, a hyphen for each run of spaces, and
    ``.md`` for every spelling of a Markdown file (``Home Visits.MD`` -> ``home-visits.md``)."""
    stem, _, suffix = name.rpartition(".")
    suffix = f".{suffix.lower()}"
    if suffix in MARKDOWN_SUFFIXES:
        suffix = PAGE_SUFFIX
    return _HYPHENS.sub("-", _SPACES.sub("-", stem.strip())).lower() + suffix


def content_name(uri: str) -> tuple[str, str] | None:
    """(message, hint) when the file at *uri* (under docs/) looks like content (a Markdown or
    YAML file, in any case) but is not named as content must be; None otherwise. Hidden files
    (a name starting with a dot) are judged elsewhere."""
    name = uri.rsplit("/", 1)[-1]
    stem, dot, extension = name.rpartition(".")
    suffix = f".{extension}"
    lower = suffix.lower()
    if not dot or not stem or name.startswith(".") or lower not in MARKDOWN_SUFFIXES + YAML_SUFFIXES:
        return None
    proper = proper_name(name)
    if proper == name:
        return None
    page = lower in MARKDOWN_SUFFIXES
    hint = f'rename it to "{proper}"' + (" and change the links to it" if page else "")
    if page and lower != PAGE_SUFFIX:
        return (
            f'the file name ends in "{suffix}"; pages end in "{PAGE_SUFFIX}"',
            hint,
        )
    if page and suffix != lower:
        return (
            f'the file name ends in "{suffix}" in capitals, so it would be copied into the site unchecked '
            "instead of becoming a page",
            hint,
        )
    if suffix != lower:
        return (
            f'the file name ends in "{suffix}" in capitals; YAML content files end in ".yml" or ".yaml"',
            hint,
        )
    what = [word for word, found in (("capitals", stem != stem.lower()), ("spaces", " " in stem)) if found]
    if not what:  # other white space: a tab, a line break
        what = ["spaces"]
    return (
        f'the file name "{shown(name)}" has {" and ".join(what)}: content file names are lower case, '
        "with hyphens between words",
        hint,
    )


def proper_folder_name(name: str) -> str:
    """What a folder of content should be called: lower case, a hyphen for each run of spaces
    (``Home Visits`` -> ``home-visits``)."""
    return _HYPHENS.sub("-", _SPACES.sub("-", name.strip())).lower()


def looks_like_content(name: str) -> bool:
    """A Markdown or YAML file, in any spelling (not hidden)."""
    return not name.startswith(".") and name.lower().endswith(MARKDOWN_SUFFIXES + YAML_SUFFIXES)


def holds_content(folder: Path) -> tuple[bool, bool]:
    """(any content, any page) among the files in *folder* and its folders (hidden ones left out)."""
    content = pages = False
    for _root, dirs, files in os.walk(folder):  # does not follow symbolic links
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        for name in files:
            if looks_like_content(name):
                content = True
                pages = pages or name.lower().endswith(MARKDOWN_SUFFIXES)
        if pages:
            break
    return content, pages


def folder_name(folder: Path) -> tuple[str, str] | None:
    """(message, hint) when *folder* (under docs/) holds content (a Markdown or YAML file, at any
    depth) and its name has capitals or spaces; None otherwise. ``Procedures/`` is not the
    procedures section to Practice Hub, and ``home visits/x.md`` publishes at an address with a
    space in it. Reported once, for the folder, at ``path:1``; nothing in it is published."""
    name = folder.name
    if name.startswith(".") or bad_name_character(name):
        return None  # a hidden folder, or one with an invisible character: judged elsewhere
    proper = proper_folder_name(name)
    if proper == name:
        return None
    content, pages = holds_content(folder)
    if not content:
        return None  # a folder of pictures or downloads keeps its name, as its files do
    what = [word for word, found in (("capitals", name != name.lower()), ("spaces", " " in name)) if found]
    return (
        f'the folder name "{name}" has {" and ".join(what or ["spaces"])}, so nothing in it is published: '
        "folders that hold content are named in lower case, with hyphens between words",
        f'rename the folder to "{proper}"' + (" and change the links to the pages in it" if pages else ""),
    )


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
