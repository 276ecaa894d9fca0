"""An exported audit (the audit tool's Export JSON or Export CSV) holds case notes: a child's or
adult's case reference, the auditor's evidence, the practitioner's reflection. Saved into docs/ by
mistake it would be published, so any file of docs/ that is one is refused, whatever its name,
at the line that shows what it is.

JSON: an object whose ``"format"`` is ``"practice-hub-audit"`` (exports.FORMAT). CSV: a file whose
first line (after a byte order mark) is the audit spreadsheet's header (sheet.COLUMNS).
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


def audit_export_line(path: str | Path) -> int:
    """The line showing that the file at *path* is an exported audit, or 0 when it is not one
    (or cannot be read: the file's other checks say so)."""
    suffix = Path(path).suffix.lower()
    if suffix not in (".json", ".csv"):
        return 0
    try:
        with open(path, "rb") as handle:
            raw = handle.read(SNIFF_BYTES)
    except OSError:
        return 0
    text = raw.decode("utf-8-sig", "replace")
    if suffix == ".csv":
        first = text.split("\n", 1)[0].rstrip("\r")
        return 1 if first.strip() == _HEADER else 0
    found = _FORMAT.search(text)
    return text.count("\n", 0, found.start()) + 1 if found else 0
