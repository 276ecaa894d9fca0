"""Every field of every item: characters XML and HTML can carry, finite numbers, sane dates, no case data.

A value that would break later steps (a date in year 9999, a number that is not a number) is taken
out of the item after it is reported, so nothing downstream has to cope with it: the build fails
on the reported problem anyway.
"""

from __future__ import annotations

import math
import re

from ..problems import field_words
from . import casedata, markdown_limits
from . import html as html_check

FIRST_YEAR, LAST_YEAR = 1900, 2200
_DATE = re.compile(r"^(\d{4})-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?$")
# C0 controls except tab and newline, DEL-free; U+FFFE, U+FFFF and lone surrogates.
_CONTROL = "\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff"
# Bidirectional controls: they make text (a title, an id, a file name) display in another order
# than it is read ("Trojan Source"): the embeddings, overrides and isolates, the marks LRM, RLM
# and the Arabic letter mark.
BIDI = "\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c"
_BAD_CHARS = re.compile(f"[{_CONTROL}{BIDI}]")
BIDI_CHARACTERS = frozenset(re.findall(f"[{BIDI}]", "".join(map(chr, range(0x0600, 0x2070)))))


def bad_character(text: str):
    """The first character XML and HTML cannot carry, or a bidirectional control; None if none."""
    match = _BAD_CHARS.search(text)
    return match.group(0) if match else None


def describe_character(char: str) -> str:
    return f"U+{ord(char):04X}"


def check_item(item, lines: list[str], report) -> None:
    """report(line, message, hint, field) for each bad value of the item; bad dates and numbers removed."""
    _walk(item, item.data, (), lines, report)


def _walk(item, value, path, lines, report):
    if isinstance(value, dict):
        for key in list(value):
            if isinstance(key, str):
                char = bad_character(key)
                if char:
                    report(
                        item.line_of(*path, key),
                        f"a field name has the control character {describe_character(char)}",
                        "retype the field name",
                        _name(path + (key,)),
                    )
            if _drop(item, value[key], path + (key,), lines, report):
                del value[key]
        return
    if isinstance(value, list):
        keep = []
        for index, entry in enumerate(value):
            if not _drop(item, entry, path + (index,), lines, report):
                keep.append(entry)
        value[:] = keep


def _drop(item, value, path, lines, report) -> bool:
    """Check one value; True when it must be taken out of the item."""
    name = _name(path)
    label = field_words(path) or f'field "{name}"'
    line = item.line_of(*path)
    if isinstance(value, (dict, list)):
        _walk(item, value, path, lines, report)
        return False
    if isinstance(value, float) and not math.isfinite(value):
        report(line, f"{label} is {value}, which is not a number", "write a number such as 1.5", name)
        return True
    if not isinstance(value, str):
        return False
    char = bad_character(value)
    if char:
        report(
            line,
            f"{label} has the invisible control character {describe_character(char)}",
            "delete it: it cannot appear on a web page (often it comes from a \\ escape in quotes)",
            name,
        )
        return True
    date = _DATE.match(value)
    if date and not FIRST_YEAR <= int(date.group(1)) <= LAST_YEAR:
        report(
            line,
            f'{label} has "{value}", which is not a date between {FIRST_YEAR} and {LAST_YEAR}',
            "check the year",
            name,
        )
        return True
    line_text = lines[line - 1] if 0 < line <= len(lines) else ""
    marker = casedata.marker_in_value(value, line_text)
    if marker:
        report(line, f"{label}: {marker[0]}", marker[1], name)
    for _, message, hint in [] if marker else casedata.check_value(value, line_text)[:1]:
        report(line, f"{label}: {message}", hint, name)
    if "\n" in value or "[" in value or "](" in value:
        html_check.check_text_links(
            value, lambda _l, message, hint: report(line, f"{label}: {message}", hint, name)
        )
        markdown_limits.check(
            value, lambda _l, message, hint: report(line, f"{label}: {message}", hint, name)
        )
    return False


def _name(path) -> str:
    text = ""
    for part in path:
        text += f"[{part + 1}]" if isinstance(part, int) else ("." if text else "") + str(part)
    return text
