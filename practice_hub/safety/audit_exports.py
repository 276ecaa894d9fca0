"""An exported audit (the audit tool's Export JSON or Export CSV) holds case notes: a child's or
adult's case reference, the auditor's evidence, the practitioner's reflection. Saved into docs/ by
mistake it would be published, so any file of docs/ that is one is refused, whatever its name,
at the line that shows what it is.

JSON: ``"format": "practice-hub-audit"`` (exports.FORMAT) anywhere in the file. CSV: a line that is
the audit spreadsheet's header (sheet.COLUMNS). Whatever the file is called.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..audit_tool.exports import FORMAT
from ..audit_tool.sheet import COLUMNS
from ..text import command

MESSAGE = "an exported audit holds case notes and must never be published: remove it from docs/"
HINT = (
    "keep exported audits where the council keeps case records; the site's results come from "
    "docs/_data/audits_counted.yml, made by " + command("audits summarise FILE... --write")
)
SNIFF_BYTES = 1_000_000  # an export is never larger (exports.MAX_IMPORT_BYTES)
_FORMAT = re.compile(r'"format"\s*:\s*"' + re.escape(FORMAT) + '"')
_HEADER = ",".join(COLUMNS)
_HEADER_BYTES = _HEADER.encode()
# Columns only an audit spreadsheet has: three of them in a header row (or the case reference and
# one more) mark an export cut down. Columns renamed by hand ("Case ref", "Notes") are not caught.
TELLING = (
    "case_reference",
    "audit_id",
    "evidence",
    "points",
    "practitioner_reflection",
    "practitioner_response",
    "overall_reason",
    "moderation_reason",
    "moderation_grade_reason",
    "escalated_to",
)
HEADER_LINES = 5
_HEADER_LINE = re.compile(r"^\ufeff?" + re.escape(_HEADER) + r"\r?$", re.M)


def audit_export_line(path: str | Path) -> int:
    """The line showing that the file at *path* is an exported audit, or 0 when it is not one
    (or cannot be read: the file's other checks say so).

    Judged by what the file holds, never by its name: an export renamed ``notes.txt`` (or pasted
    into a page) is still an export. The first SNIFF_BYTES are read, as UTF-8 or, with its byte
    order mark, UTF-16 (Excel's "Unicode text")."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read(SNIFF_BYTES)
    except OSError:
        return 0
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = raw.decode("utf-16", "replace")
    elif FORMAT.encode() in raw or any(column.encode() in raw for column in TELLING):
        text = raw.decode("utf-8-sig", "replace")
    else:
        return 0  # the fast path: no mark of an export anywhere
    found = _FORMAT.search(text)
    header = _HEADER_LINE.search(text)
    starts = [m.start() for m in (found, header) if m]
    if starts:
        return text.count("\n", 0, min(starts)) + 1
    return _cut_header_line(text)


def _cut_header_line(text: str) -> int:
    """The line of a header row that keeps several of the spreadsheet's telling columns (the
    export with columns taken out or moved), among the first lines; 0 when there is none."""
    for number, line in enumerate(text.splitlines()[:HEADER_LINES], 1):
        cells = {
            cell.strip().strip('"').strip("\ufeff").strip().lower() for cell in re.split(r"[,;\t]", line)
        }
        telling = cells & set(TELLING)
        # Three telling columns, or a case reference beside any other: case notes by case.
        if len(telling) >= 3 or ("case_reference" in telling and len(telling) >= 2):
            return number
    return 0
