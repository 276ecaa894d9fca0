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

MESSAGE = "an exported audit holds case notes and must never be published: remove it from docs/"
HINT = (
    "keep exported audits where the council keeps case records; the site's results come from "
    "docs/_data/audits_counted.yml, made by python -m practice_hub audits summarise FILE... --write"
)
SNIFF_BYTES = 1_000_000  # an export is never larger (exports.MAX_IMPORT_BYTES)
_FORMAT = re.compile(r'"format"\s*:\s*"' + re.escape(FORMAT) + '"')
_HEADER = ",".join(COLUMNS)
_HEADER_BYTES = _HEADER.encode()
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
    if FORMAT.encode() not in raw and _HEADER_BYTES not in raw:
        if not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            return 0  # the fast path: neither mark anywhere
        text = raw.decode("utf-16", "replace")
    else:
        text = raw.decode("utf-8-sig", "replace")
    found = _FORMAT.search(text)
    header = _HEADER_LINE.search(text)
    starts = [m.start() for m in (found, header) if m]
    return text.count("\n", 0, min(starts)) + 1 if starts else 0
