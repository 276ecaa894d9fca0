"""The audits' spreadsheet (practice_hub/audit_tool/sheet.py) opened as Excel opens a CSV: a byte
order mark says UTF-8, so "O’Brien"-style apostrophes and "Zoë"-style letters read as written;
every field of several audits is in the one file; a case reference of digits keeps its zeros;
no cell can run as a formula."""

from __future__ import annotations

import codecs
import csv
import io
import json
from pathlib import Path

import yaml

from practice_hub.audit_tool.grades import LABELS
from practice_hub.audit_tool.sheet import AUDIT_COLUMNS, COLUMNS, SECTION_COLUMNS, sheet

REPO = Path(__file__).resolve().parents[2]
EXPORTS = REPO / "tests" / "fixtures" / "audit-exports"
AUDITS = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(EXPORTS.glob("*.json"))[:6]]
CHILDREN_WORDS = dict(LABELS, requires_improvement="Needs work (children)")


def _labels(service: str) -> dict[str, str]:
    return CHILDREN_WORDS if service == "Children's services" else dict(LABELS)


def _open_as_excel(raw: bytes) -> list[dict]:
    """Excel reads a CSV as UTF-8 only when it starts with the byte order mark; then the csv module."""
    assert raw.startswith(codecs.BOM_UTF8)
    text = raw[len(codecs.BOM_UTF8) :].decode("utf-8")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def _sheet(audits: list[dict]) -> bytes:
    return sheet(audits, _labels).encode("utf-8")


def test_the_sheet_starts_with_a_byte_order_mark_and_uses_crlf():
    raw = _sheet(AUDITS)
    assert raw.startswith(b"\xef\xbb\xbf" + ",".join(COLUMNS).encode() + b"\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b"")  # no bare line feed outside quoted cells in these audits


def test_every_field_of_several_audits_is_in_one_sheet():
    rows = _open_as_excel(_sheet(AUDITS))
    assert list(rows[0]) == list(COLUMNS)
    assert len(rows) == sum(len(a["sections"]) for a in AUDITS)
    assert {r["audit_id"] for r in rows} == {a["id"] for a in AUDITS}
    for audit in AUDITS:
        mine = [r for r in rows if r["audit_id"] == audit["id"]]
        words = _labels(audit["service"])
        first = mine[0]
        practitioner = audit["practitioner"]
        assert first["case_reference"] == audit["case_reference"]
        assert first["marking"] == audit["marking"] and first["cycle"] == audit["cycle"]
        assert first["practitioner_reflection"] == practitioner["reflection"]
        assert first["practitioner_took_part"] == ("yes" if practitioner["took_part"] else "no")
        assert first["difference"] == audit["difference"]
        assert first["overall"] == words[audit["overall"]]
        assert first["auditor_overall"] == words[audit["auditor_overall"]]
        assert first["overall_reason"] == audit["overall_reason"]
        for action in audit["learning_actions"]:
            assert action["action"] in first["learning_actions"] and action["by"] in first["learning_actions"]
        for row, section in zip(mine, audit["sections"]):
            assert row["section_id"] == section["id"] and row["evidence"] == section["evidence"]
            assert row["grade"] == words[section["grade"]]
            for point in section["looks_for"]:
                assert point["point"] in row["points"]
                if point.get("note"):
                    assert point["note"] in row["points"]
            if section.get("escalation"):
                assert (row["escalated_to"], row["escalated_on"]) == (
                    section["escalation"]["to"],
                    section["escalation"]["date"],
                )
    assert any("’" in r["difference"] for r in rows)  # read as written, never mojibake


def test_every_export_field_has_a_column():
    """Every field of the export format is in the sheet, but for the tool's own bookkeeping."""
    schema = yaml.safe_load((REPO / "content_schema" / "audit_export.schema.yaml").read_text())
    fields = set(schema["properties"]) - {
        "format",
        "version",
        "overall_rule",
        "saved",
        "practitioner",
        "sections",
        "id",
    }
    fields |= {f"practitioner_{k}" for k in schema["properties"]["practitioner"]["properties"]}
    assert fields <= set(AUDIT_COLUMNS)
    assert "audit_id" in AUDIT_COLUMNS
    section = set(schema["properties"]["sections"]["items"]["properties"])
    assert {"grade", "evidence", "moderation"} <= section and {
        "section_id",
        "section",
        "points",
        "escalated_to",
    } <= set(SECTION_COLUMNS)


def test_a_case_reference_of_digits_keeps_its_leading_zeros_as_text():
    audit = dict(AUDITS[0], case_reference="0012345")
    raw = _sheet([audit])
    assert b',="0012345",' in raw
    rows = _open_as_excel(raw)
    assert rows[0]["case_reference"] == '="0012345"'  # Excel shows 0012345, as text


def test_no_cell_can_run_as_a_formula():
    dangerous = ['=HYPERLINK("http://x.example")', "+1+1", "-2+3", "@SUM(A1)", "\tTAB", "\rCR"]
    audit = dict(AUDITS[0], difference=dangerous[0], overall_reason=dangerous[1], auditor=dangerous[2])
    audit["practitioner"] = dict(
        audit["practitioner"], team=dangerous[3], role=dangerous[4], response=dangerous[5]
    )
    rows = _open_as_excel(_sheet([audit]))
    first = rows[0]
    for column, value in zip(
        (
            "difference",
            "overall_reason",
            "auditor",
            "practitioner_team",
            "practitioner_role",
            "practitioner_response",
        ),
        dangerous,
    ):
        assert first[column] == "'" + value
    for row in rows:
        assert not any(
            cell and cell[0] in "=+-@\t\r" for column, cell in row.items() if column != "case_reference"
        )


def test_commas_quotes_and_line_breaks_stay_in_their_cell():
    audit = dict(AUDITS[0], difference='He said "no", then\r\nagreed, later.')
    rows = _open_as_excel(_sheet([audit]))
    assert rows[0]["difference"] == 'He said "no", then\r\nagreed, later.'
    assert len(rows) == len(audit["sections"])
