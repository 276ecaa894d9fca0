"""An exported audit saved into docs/ by mistake is never published: the JSON export (whatever its
name, even renamed .txt) and the spreadsheet export (UTF-8 or Excel's UTF-16 text) are each a problem at
the line that shows what they are; ``check`` reports them and the strict build fails."""

from __future__ import annotations

import json

import pytest

from practice_hub.audit_tool.sheet import sheet
from helpers import FIXTURES, REPO, make_project, run_build, run_check

THREAD = FIXTURES / "thread" / "docs"
EXPORT = REPO / "tests" / "fixtures" / "audit-exports" / "audit-C4100200-moderated.json"
AUDIT = json.loads(EXPORT.read_text(encoding="utf-8"))
PROBLEM = (
    "an exported audit holds case notes and must never be published: remove it from docs/ "
    "(keep exported audits where the council keeps case records; the site's results come from "
    "docs/_data/audits_counted.yml, made by .venv/bin/practice-hub audits summarise FILE... --write)"
)
FILES = {
    "tools/files/audit-C4100200.json": EXPORT.read_bytes(),
    "tools/files/Audit.JSON": json.dumps(AUDIT).encode(),  # one line; a name refused on its own too
    "tools/files/audits.csv": sheet([AUDIT], lambda service: {}).encode("utf-8"),
    "tools/files/audits-plain.csv": sheet([AUDIT], lambda service: {})[1:].encode("utf-8"),  # no BOM
    # Renamed, the same files are still exports: judged by what they hold, never by their name.
    "tools/files/notes.txt": EXPORT.read_bytes(),
    "tools/files/q4-results.txt": sheet([AUDIT], lambda service: {}).encode("utf-8"),
    "tools/files/unicode-text.txt": sheet([AUDIT], lambda service: {}).encode("utf-16"),
    # Cut down in a spreadsheet: the marking column taken out, the rest kept.
    "tools/files/no-marking.csv": "\r\n".join(
        line.split(",", 1)[1] for line in sheet([AUDIT], lambda service: {})[1:].splitlines()
    ).encode("utf-8"),
    # Cut down to the case reference and the evidence notes.
    "tools/files/refs-and-notes.csv": "\r\n".join(
        f"{row[2]},{row[-7]}"
        for row in (line.split(",") for line in sheet([AUDIT], lambda service: {})[1:].splitlines()[:3])
    ).encode("utf-8"),
}
FORMAT_LINE = EXPORT.read_text(encoding="utf-8").splitlines().index('  "format": "practice-hub-audit",') + 1
EXPECTED = [
    f"docs/tools/files/Audit.JSON:1: {PROBLEM}",
    f"docs/tools/files/audit-C4100200.json:{FORMAT_LINE}: {PROBLEM}",
    f"docs/tools/files/audits-plain.csv:1: {PROBLEM}",
    f"docs/tools/files/audits.csv:1: {PROBLEM}",
    f"docs/tools/files/no-marking.csv:1: {PROBLEM}",
    f"docs/tools/files/notes.txt:{FORMAT_LINE}: {PROBLEM}",
    f"docs/tools/files/q4-results.txt:1: {PROBLEM}",
    f"docs/tools/files/refs-and-notes.csv:1: {PROBLEM}",
    f"docs/tools/files/unicode-text.txt:1: {PROBLEM}",
]


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return make_project(tmp_path_factory.mktemp("exports-in-docs"), THREAD, FILES)


def test_check_reports_each_exported_audit_at_its_line(project):
    result = run_check(project)
    assert "Traceback" not in result.stdout + result.stderr
    assert result.returncode == 1
    assert result.stdout.splitlines() == EXPECTED + [
        "Practice Hub: 9 problems in 9 files: fix them, then run check again"
    ]


def test_the_strict_build_fails_and_publishes_none_of_them(project):
    result = run_build(project)
    log = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in log
    errors = [line.split("-  ", 1)[1] for line in log.splitlines() if line.startswith("ERROR")]
    assert errors[:-1] == EXPECTED
    site = project / "site"
    assert not site.exists() or not any(
        p.name.lower().endswith((".json", ".csv", ".txt")) for p in site.rglob("*")
    )


def test_a_spreadsheet_that_is_not_an_audit_export_is_still_published(tmp_path):
    project = make_project(
        tmp_path / "plain", THREAD, {"tools/files/contacts.csv": "team,phone\nDuty,01632 960000\n"}
    )
    result = run_check(project)
    assert result.returncode == 0, result.stdout + result.stderr
