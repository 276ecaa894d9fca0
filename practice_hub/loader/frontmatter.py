"""Splitting a Markdown file into YAML front matter and body, keeping line numbers.

Editors read "the page's fields" (between the --- lines at the top) where this code says
front matter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import TextProblem
from .yaml_lines import YamlProblem, load

#: A field ("name:" at the margin) and a line that may continue one (indented).
_FIELD = re.compile(r"^[^\s#-][^:]*:(?:\s|$)")
_INDENTED = re.compile(r"^[ \t]+\S")
_HEADING = re.compile(r"^#{1,6}\s+\S")
MAX_TRIES = 20  # places tried for a missing closing --- (each one parses the lines above it)
MAX_FIELD_LINES = 400  # lines of a page looked at for it: no page's fields are longer
NO_CLOSE = "the page's fields have no closing --- line after them"


@dataclass
class Split:
    front_matter: str | None  # None when the file has no front matter
    first_line: int  # line of the first front matter field (the line after the opening ---)
    body: str
    body_line: int  # line on which the body starts


def split(text: str) -> Split:
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return Split(None, 1, text, 1)
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            if index == len(lines) - 1:  # MkDocs needs a line break after the closing line
                raise TextProblem(
                    index + 1,
                    "the closing --- is the last thing in the file",
                    "press Enter after it: without a line break the fields would show as page text",
                )
            return Split("\n".join(lines[1:index]) + "\n", 2, "\n".join(lines[index + 1 :]), index + 2)
    line = missing_close(text)
    raise TextProblem(line or 1, NO_CLOSE, close_hint(line))


def close_hint(line: int | None) -> str:
    """How to mend a missing closing ---, the line where it belongs (from 1) given when known."""
    if not line:
        return "add a line with just --- after the last field, before the page's text"
    return f"add a line with just --- after the last field (line {line - 1}), before the page's text"


def missing_close(text: str, error_line: int | None = None) -> int | None:
    """The line (from 1) where the closing --- of the fields at the top belongs, when it is
    missing: the line after the last field, which the page's text (a heading, a paragraph)
    follows. *error_line*: where YAML stopped reading, when a later --- in the text (a
    horizontal rule) was taken for the closing one; the page's text then runs up to it, so no
    line between the place found and it may look like a field. None when the fields look whole
    (the problem is in a field, and YAML's own line is the right one).

    The place is the first blank or heading line (a YAML comment) above which the lines read
    as fields, and after which the first line that is not a heading does not look like a
    field: a comment between two fields is not mistaken for the page's text."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return None
    stop = min(len(lines) if error_line is None else error_line - 1, len(lines), MAX_FIELD_LINES)
    if error_line is not None and error_line <= len(lines):
        if _FIELD.match(lines[error_line - 1]):
            return None  # YAML stopped at a field: that field is the problem
    # From the end, once: whether any line from here on has words, and the first that is not
    # a heading (a YAML comment): each place is then judged at once (linear in the lines).
    text_after: list[str] = [""] * (stop + 1)
    words_after = [False] * (stop + 1)
    for index in range(stop - 1, -1, -1):
        line = lines[index]
        words_after[index] = bool(line.strip()) or words_after[index + 1]
        text_after[index] = line if line.strip() and not line.startswith("#") else text_after[index + 1]
    tries = 0
    for index in range(2, stop):
        line = lines[index]
        if line.strip() and not _HEADING.match(line):
            continue
        text = text_after[index]
        if not words_after[index] or _FIELD.match(text) or _INDENTED.match(text):
            continue
        tries += 1
        if tries > MAX_TRIES:
            return None
        try:
            fields = load("\n".join(lines[1:index]) + "\n").data
        except YamlProblem:
            return None  # the fields above are broken themselves
        if isinstance(fields, dict) and fields:
            return index + 1
    return None
