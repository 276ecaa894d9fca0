"""Word and keyboard artefacts in YAML, found at their line and column before YAML trips over them.

Text pasted from Word or email brings characters that look like ordinary ones: non-breaking
and zero-width spaces, curly quotes, tabs, a byte order mark in the middle of a file. YAML
then reports something confusing on the wrong line, or silently keeps the curly quotes as part
of a title. Each one is named here, at line:column, with what to do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SPACES = {
    "\u00a0": "a non-breaking space",
    "\u202f": "a narrow non-breaking space",
    "\u2007": "a figure space",
    "\u2002": "an en space",
    "\u2003": "an em space",
    "\u2009": "a thin space",
}
INVISIBLE = {
    "\u200b": "a zero-width space",
    "\u200c": "a zero-width non-joiner",
    "\u200d": "a zero-width joiner",
    "\u2060": "a word joiner",
    "\u00ad": "a soft hyphen",
}
BOM = "\ufeff"
CURLY = {"\u201c": "“", "\u201d": "”", "\u2018": "‘", "\u2019": "’"}

_KEY = re.compile(
    r"^([ \t\u00a0\u202f\u2007\u2002\u2003\u2009]*)(-[ \t\u00a0]+)?([^:#'\"{\[]*?)(:)(?=[\s\u00a0]|$)"
)


@dataclass(frozen=True)
class Artefact:
    line: int  # 1-based, relative to the text given
    column: int  # 1-based
    message: str
    hint: str


def _name(char: str) -> str:
    return f"U+{ord(char):04X}"


def scan(text: str, body: str = "") -> list[Artefact]:
    """Artefacts in YAML text (front matter or a catalogue), one per problem, in order."""
    found: list[Artefact] = []
    for number, line in enumerate(text.split("\n"), start=1):
        found.extend(_scan_line(number, line))
    return found


def scan_body(text: str) -> list[Artefact]:
    """In a Markdown body only a byte order mark matters: it is invisible and breaks headings."""
    found = []
    for number, line in enumerate(text.split("\n"), start=1):
        where = line.find(BOM)
        if where != -1:
            found.append(_bom(number, where + 1))
    return found


def _bom(line: int, column: int) -> Artefact:
    return Artefact(
        line,
        column,
        f"a byte order mark ({_name(BOM)}) in the middle of the file",
        "it is invisible and usually comes from pasting one file into another: "
        "delete the character just before this position",
    )


def _scan_line(number: int, line: str) -> list[Artefact]:
    out: list[Artefact] = []
    indent = len(line) - len(line.lstrip(" \t" + "".join(SPACES)))
    for column, char in enumerate(line[:indent], start=1):
        if char == "\t":
            out.append(
                Artefact(
                    number,
                    column,
                    "a tab in the indentation",
                    "indent with spaces: delete the tab and type spaces instead",
                )
            )
            return out
        if char in SPACES:
            out.append(
                Artefact(
                    number,
                    column,
                    f"{SPACES[char]} ({_name(char)}) in the indentation",
                    "it looks like a space but YAML cannot read it: "
                    "delete the indentation and retype the spaces",
                )
            )
            return out
    if line.lstrip().startswith("#"):
        return out
    for column, char in enumerate(line, start=1):
        if char == BOM:
            out.append(_bom(number, column))
        elif char in INVISIBLE:
            out.append(
                Artefact(
                    number,
                    column,
                    f"{INVISIBLE[char]} ({_name(char)}), an invisible character",
                    "it usually comes from pasting: delete the characters around this "
                    "position and retype them",
                )
            )
    key = _KEY.match(line)
    if key:
        name, colon_end = key.group(3), key.end(4)
        for offset, char in enumerate(name):
            if char in CURLY:
                out.append(
                    Artefact(
                        number,
                        key.start(3) + offset + 1,
                        f"a curly quote ({CURLY[char]}) in the field name",
                        "field names are plain words: delete the quote",
                    )
                )
                break
        rest = line[colon_end:]
        blanks = " \u00a0\u202f\u2007\u2002\u2003\u2009\t"
        spaces = rest[: len(rest) - len(rest.lstrip(blanks))]  # the blanks after the colon
        for offset, char in enumerate(spaces):
            if char in SPACES:
                out.append(
                    Artefact(
                        number,
                        colon_end + offset + 1,
                        f"{SPACES[char]} ({_name(char)}) after the colon",
                        "it looks like a space but YAML cannot read it: retype the space",
                    )
                )
                break
        value = rest[len(spaces) :]
        if value[:1] in ("\u201c", "\u2018"):
            out.append(
                Artefact(
                    number,
                    colon_end + len(spaces) + 1,
                    f"the value starts with a curly quote ({CURLY[value[0]]}), "
                    "which would become part of the text",
                    'use straight quotes (") around the value, or none',
                )
            )
    elif indent == 0 or line[:indent].strip(" ") == "":
        # A line with no 'name:' that YAML could read: look for a non-breaking space before a colon.
        where = re.search(r"[\u00a0\u202f]:|:[\u00a0\u202f]", line)
        if where:
            char = line[where.start()] if line[where.start()] != ":" else line[where.start() + 1]
            column = where.start() + 1 if line[where.start()] != ":" else where.start() + 2
            out.append(
                Artefact(
                    number,
                    column,
                    f"{SPACES[char]} ({_name(char)}) next to the colon",
                    "it looks like a space but YAML cannot read it: retype the space",
                )
            )
    return out
