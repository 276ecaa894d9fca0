"""Audits as one spreadsheet (CSV): every field of every audit, one row per audit section.

The audit tool's "Export CSV" (javascripts/practice-hub-audit.js) writes the same columns in the
same order (the tool page embeds ``COLUMNS``), and ``audits summarise --csv`` writes this module's
output, so a sheet made in the browser and one made on the command line are the same bytes.

- UTF-8 with a byte order mark, so Excel on Windows reads "Zoë O’Brien" as written.
- CRLF line ends; a cell with a comma, quote or line break is quoted.
- A cell starting = + - @ tab or CR gets a leading apostrophe: a spreadsheet never runs it.
- A case reference of digits only (0012345) is written ="0012345", so Excel keeps it as text
  with its leading zeros (the reference has passed case_reference_problem, so it holds no quote).
- Grades are written in words, the service's words (settings.grade_labels).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

BOM = "\ufeff"

AUDIT_COLUMNS = (
    "marking",
    "audit_id",
    "case_reference",
    "date",
    "service",
    "journey_stage",
    "cycle",
    "auditor",
    "joint_audit",
    "practitioner_role",
    "practitioner_team",
    "practitioner_took_part",
    "practitioner_reflection",
    "practitioner_feedback_date",
    "practitioner_response",
    "difference",
    "suggested_overall",
    "auditor_overall",
    "overall_reason",
    "moderator",
    "moderated_on",
    "moderated_overall",
    "moderation_reason",
    "overall",
    "learning_actions",
    "training",
)
SECTION_COLUMNS = (
    "section_id",
    "section",
    "grade",
    "points_met",
    "points",
    "evidence",
    "moderation",
    "moderated_grade",
    "moderation_grade_reason",
    "final_grade",
    "escalated_to",
    "escalated_on",
)
COLUMNS = AUDIT_COLUMNS + SECTION_COLUMNS

_FORMULA = re.compile(r"^[=+\-@\t\r]")
_DIGITS = re.compile(r"^[0-9]+$")


def yes_no(value: object) -> str:
    return "yes" if value is True else "no" if value is False else ""


def cell(value: object) -> str:
    text = "" if value is None else str(value)
    if _FORMULA.match(text):
        text = "'" + text
    if re.search(r'[",\n\r]', text):
        text = '"' + text.replace('"', '""') + '"'
    return text


def _case(reference: str) -> str:
    """The case reference's cell: digits only as ="0012345" (written as it is: the formula guard
    would turn it into text showing the formula), anything else as any other cell."""
    return f'="{reference}"' if _DIGITS.match(reference) else cell(reference)


def rows(audit: dict, labels: dict[str, str]) -> list[list[str]]:
    """The audit's rows, one per section, each cell already written as CSV text."""

    def word(grade: object) -> str:
        return labels.get(str(grade), str(grade or ""))

    practitioner = audit.get("practitioner") or {}
    actions = "; ".join(
        " - ".join(part for part in (a.get("action", ""), a.get("agreed_with", ""), a.get("by", "")) if part)
        for a in audit.get("learning_actions") or []
    )
    about = {
        "marking": audit.get("marking", ""),
        "audit_id": audit.get("id", ""),
        "date": audit.get("date", ""),
        "service": audit.get("service", ""),
        "journey_stage": audit.get("journey_stage", ""),
        "cycle": audit.get("cycle", ""),
        "auditor": audit.get("auditor", ""),
        "joint_audit": yes_no(audit.get("joint_audit")),
        "practitioner_role": practitioner.get("role", ""),
        "practitioner_team": practitioner.get("team", ""),
        "practitioner_took_part": yes_no(practitioner.get("took_part")),
        "practitioner_reflection": practitioner.get("reflection", ""),
        "practitioner_feedback_date": practitioner.get("feedback_date", ""),
        "practitioner_response": practitioner.get("response", ""),
        "difference": audit.get("difference", ""),
        "suggested_overall": word(audit.get("suggested_overall")),
        "auditor_overall": word(audit.get("auditor_overall")),
        "overall_reason": audit.get("overall_reason", ""),
        "moderator": audit.get("moderator", ""),
        "moderated_on": audit.get("moderated_on", ""),
        "moderated_overall": word(audit.get("moderated_overall")),
        "moderation_reason": audit.get("moderation_reason", ""),
        "overall": word(audit.get("overall")),
        "learning_actions": actions,
        "training": "; ".join(audit.get("training") or []),
    }
    head = [cell(about[name]) for name in AUDIT_COLUMNS if name != "case_reference"]
    head.insert(AUDIT_COLUMNS.index("case_reference"), _case(str(audit.get("case_reference", ""))))
    out = []
    for section in audit.get("sections") or []:
        moderation = section.get("moderation") or {}
        escalation = section.get("escalation") or {}
        points = section.get("looks_for") or []
        changed = moderation.get("outcome") == "changed" and moderation.get("grade")
        values = {
            "section_id": section.get("id", ""),
            "section": section.get("title", ""),
            "grade": word(section.get("grade")),
            "points_met": f"{sum(1 for p in points if p.get('met'))} of {len(points)}",
            "points": "; ".join(
                ("met: " if p.get("met") else "not met: ")
                + p.get("point", "")
                + (f" ({p['note']})" if p.get("note") else "")
                for p in points
            ),
            "evidence": section.get("evidence", ""),
            "moderation": {"agree": "agreed", "changed": "changed"}.get(moderation.get("outcome", ""), ""),
            "moderated_grade": word(moderation.get("grade")) if changed else "",
            "moderation_grade_reason": moderation.get("reason", ""),
            "final_grade": word(moderation.get("grade") if changed else section.get("grade")),
            "escalated_to": escalation.get("to", ""),
            "escalated_on": escalation.get("date", ""),
        }
        out.append(head + [cell(values[name]) for name in SECTION_COLUMNS])
    return out


def sheet(audits: Iterable[dict], labels_for: Callable[[str], dict[str, str]]) -> str:
    """One CSV for many audits: the byte order mark, the header row, then each audit's rows.
    ``labels_for(service)`` gives the grades' words for an audit's service."""
    lines = [",".join(COLUMNS)]
    for audit in audits:
        lines.extend(",".join(row) for row in rows(audit, labels_for(str(audit.get("service") or ""))))
    return BOM + "\r\n".join(lines) + "\r\n"
