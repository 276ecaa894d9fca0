"""Counting audits: one exported audit -> one counted record -> tallies per period and service.

The three steps every path uses, so the command line, the build and the tests count alike:

1. ``record_of(audit)``: an exported audit (version 2, already checked by ``exports.Reader``) as
   the record kept in docs/_data/audits_counted.yml. Grades and dates only: no case reference,
   no names, no notes, nothing a reader of the site could trace to a child or adult.
2. ``merge(records, new)``: records are known by the audit's id. The same audit exported twice
   (the original and the moderated copy) is one audit; the newer export wins (a moderated export
   beats an unmoderated one, then the later moderation, then the later save).
3. ``tally(records)``: counts per period (quarter), per section and for the overall judgement,
   for all services together, per service, per journey stage and per audit cycle.

The case reference rules (``case_reference_problem``) are here too: the tool page embeds
``NAME_LIKE``, ``NHS_LIKE`` and ``CONTROL_LIKE`` so the browser refuses exactly what ``summarise``
refuses.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from .grades import GOOD_OR_BETTER, GRADES, RANK, final_grade

COUNTED = [key for key, _ in GRADES] + ["not_applicable"]

# Two lower-case letters together, or letters either side of a space: a name, never a case
# system's number. Ten digits (perhaps spaced 3 3 4): an NHS number.
NAME_LIKE = r"[a-z]{2}|[A-Za-z]\s+[A-Za-z]"
NHS_LIKE = r"^\s*\d{3}\s*\d{3}\s*\d{4}\s*$"
# A line break, tab or other control character: never part of a case system's number. Refused
# before the council's pattern, whose "$" Python (not the browser) lets match before a final
# line break.
CONTROL_LIKE = r"[\x00-\x1f\x7f]"


def case_reference_problem(value: str, pattern: str) -> str:
    """Why *value* cannot be a case reference (in words), or "" when it can."""
    if not value.strip():
        return "is empty (enter the case system's number for the case)"
    if re.search(CONTROL_LIKE, value):
        return "holds a line break, a tab or another control character (enter the case system's number alone)"
    if re.search(NHS_LIKE, value):
        return "looks like an NHS number (enter the case system's number, never an NHS number)"
    if re.search(NAME_LIKE, value):
        return "looks like a name (enter the case system's number, never the child's or adult's name)"
    if not re.search(pattern, value):
        return (
            "is not the shape of a case reference in this council's case system "
            "(copy it from the case system, exactly as the case system writes it)"
        )
    return ""


def period_of(date: str) -> str:
    """2026-08-14 -> 2026-Q3."""
    year, month = int(date[:4]), int(date[5:7])
    return f"{year}-Q{(month - 1) // 3 + 1}"


def record_of(audit: dict) -> dict:
    """The counted record of one exported audit (see content_schema/audit_record.schema.yaml)."""
    record: dict = {"audit": audit["id"], "date": audit["date"]}
    for name in ("service", "journey_stage", "cycle"):
        if audit.get(name):
            record[name] = audit[name]
    grades: dict[str, str] = {}
    moderation: dict[str, str] = {}
    escalations = 0
    for section in audit["sections"]:
        grade = final_grade(section)
        if grade in COUNTED:
            grades[section["id"]] = grade
        outcome = (section.get("moderation") or {}).get("outcome")
        if outcome in ("agree", "changed") and grade in COUNTED:
            moderation[section["id"]] = "agreed" if outcome == "agree" else "changed"
        if section.get("escalation"):
            escalations += 1
    record["grades"] = grades
    overall = audit.get("moderated_overall") or audit.get("auditor_overall") or audit.get("overall") or ""
    if overall in RANK:
        record["overall"] = overall
    if audit.get("auditor_overall") in RANK:
        record["auditor_overall"] = audit["auditor_overall"]
        if audit.get("suggested_overall") in RANK and audit["suggested_overall"] != audit["auditor_overall"]:
            record["departs_from_rule"] = True  # the auditor's own judgement, not the rule's
    if audit.get("moderated_on"):
        record["moderated_on"] = audit["moderated_on"]
        record["overall_changed"] = bool(
            audit.get("moderated_overall") and audit.get("moderated_overall") != audit.get("auditor_overall")
        )
    if moderation:
        record["moderation"] = moderation
    record["escalations"] = escalations
    practitioner = audit.get("practitioner") or {}
    if "took_part" in practitioner:
        record["practitioner_took_part"] = bool(practitioner["took_part"])
    if audit.get("saved"):
        record["saved"] = audit["saved"]
    return record


def _age(record: dict) -> tuple:
    """Sorts older exports of one audit first: unmoderated, then by moderation date, then save."""
    return (
        bool(record.get("moderated_on")),
        str(record.get("moderated_on", "")),
        str(record.get("saved", "")),
    )


def newer(a: dict, b: dict) -> bool:
    """Whether record *a* is a newer export of the audit than *b* (ties: not newer)."""
    return _age(a) > _age(b)


@dataclass
class Merged:
    records: list[dict]  # by date then id: the order the file keeps
    added: list[str] = field(default_factory=list)  # audit ids new to the records
    replaced: list[str] = field(default_factory=list)  # audit ids whose newer export replaced the old
    unchanged: list[str] = field(default_factory=list)  # audit ids already counted as they are (or newer)


def merge(records: Iterable[dict], new: Iterable[dict]) -> Merged:
    """*records* with *new* added: an audit already there is replaced only by a newer export."""
    by_id: dict[str, dict] = {}
    for record in records:
        by_id[record["audit"]] = record
    out = Merged([])
    for record in new:
        old = by_id.get(record["audit"])
        if old is None:
            out.added.append(record["audit"])
            by_id[record["audit"]] = record
        elif newer(record, old):
            out.replaced.append(record["audit"])
            by_id[record["audit"]] = record
        else:
            out.unchanged.append(record["audit"])
    out.records = sorted(by_id.values(), key=lambda r: (r["date"], r["audit"]))
    return out


OVERALL = ""  # Tally.section for the overall judgement


@dataclass
class Tally:
    """One group's counts. ``section`` is a section id, or OVERALL for the overall judgements.
    ``period`` is a quarter (2026-Q3), or "" for a cycle's tally (all of the cycle's audits)."""

    period: str
    section: str
    service: str = ""
    journey_stage: str = ""
    cycle: str = ""
    counts: dict = field(default_factory=lambda: dict.fromkeys(COUNTED, 0))
    audits: int = 0  # audits in the group (for a section: audits that graded it, n/a included)
    moderated: int = 0  # of those, moderated (for a section: its grade moderated)
    changed: int = 0  # of the moderated, changed by the moderator
    escalations: int = 0  # key sections graded inadequate and escalated (OVERALL only)
    took_part: int = 0  # audits where the practitioner took part (OVERALL only)
    departures: int = 0  # audits whose auditor's overall differs from the rule's suggestion (OVERALL)
    practitioner_recorded: int = 0  # audits that say whether the practitioner took part

    @property
    def audited(self) -> int:
        """Files graded (not applicable is not counted as audited)."""
        return sum(self.counts[k] for k in RANK)

    @property
    def not_applicable(self) -> int:
        return self.counts["not_applicable"]

    @property
    def good_or_better(self) -> int:
        """Percentage of the graded files judged good or outstanding (0 when none is graded)."""
        good = sum(self.counts[k] for k in GOOD_OR_BETTER)
        return round(100 * good / self.audited) if self.audited else 0

    @property
    def agreement(self) -> int | None:
        """Percentage of moderated grades the moderator agreed with, None when none was moderated."""
        return round(100 * (self.moderated - self.changed) / self.moderated) if self.moderated else None

    @property
    def key(self) -> tuple:
        return (self.period, self.section, self.service, self.journey_stage, self.cycle)


def _groups(record: dict) -> list[tuple[str, str, str, str]]:
    """(period, service, journey_stage, cycle) of every group the record counts in."""
    period = period_of(record["date"])
    keys = [(period, "", "", "")]
    if record.get("service"):
        keys.append((period, record["service"], "", ""))
    if record.get("journey_stage"):
        keys.append((period, "", record["journey_stage"], ""))
    if record.get("cycle"):
        keys.append(("", "", "", record["cycle"]))
        if record.get("service"):
            keys.append(("", record["service"], "", record["cycle"]))
    return keys


def tally(records: Iterable[dict]) -> list[Tally]:
    """Tallies of the records: per group, each section and the overall judgement. Sorted by
    period, section (overall first), then all services before each service, stage and cycle."""
    groups: dict[tuple, Tally] = {}

    def at(key: tuple, section: str) -> Tally:
        period, service, stage, cycle = key
        full = (period, section, service, stage, cycle)
        if full not in groups:
            groups[full] = Tally(period, section, service, stage, cycle)
        return groups[full]

    for record in records:
        moderation = record.get("moderation") or {}
        for key in _groups(record):
            whole = at(key, OVERALL)
            whole.audits += 1
            if record.get("overall") in RANK:
                whole.counts[record["overall"]] += 1
            if record.get("moderated_on"):
                whole.moderated += 1
                whole.changed += bool(record.get("overall_changed"))
            whole.escalations += int(record.get("escalations") or 0)
            whole.departures += bool(record.get("departs_from_rule"))
            if "practitioner_took_part" in record:
                whole.practitioner_recorded += 1
                whole.took_part += bool(record["practitioner_took_part"])
            for sid, grade in (record.get("grades") or {}).items():
                group = at(key, sid)
                group.audits += 1
                group.counts[grade] += 1
                if sid in moderation:
                    group.moderated += 1
                    group.changed += moderation[sid] == "changed"
    return sorted(
        groups.values(),
        key=lambda t: (t.period, t.section, t.cycle, bool(t.journey_stage), t.service, t.journey_stage),
    )
