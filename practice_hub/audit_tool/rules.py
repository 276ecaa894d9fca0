"""The audit rules R1-R8: what an exported audit must be, beyond its shape, to be counted.

The same rules as the tool in the browser (javascripts/practice-hub-audit.js), so an audit the
tool exports is one ``audits summarise`` counts. They need the site's facts, which
``AuditRules`` holds (made by the command line from the loaded site, see ``of_site``):

- R1 the case reference is the shape of this council's case system's numbers, never a name or an
  NHS number;
- R2 the audit is not dated after today; other dates are dates; moderation is not before the audit
  nor after today;
- R3 the service is one of this site's; the journey stage one the sections list; the cycle one of
  this site's, for this service, and the audit dated within its audit window;
- R4 each section is this site's, once, in scope for the service (and the cycle); every section in
  scope is there and graded;
- R5 the auditor's overall judgement and its reason are given; ``overall`` is the moderator's when
  set, else the auditor's;
- R6 a key section graded inadequate (by the auditor or the moderator) was escalated;
- R7 the export says whether the practitioner took part;
- R8 a changed grade has its grade and reason; any moderation names the moderator and the date; a
  changed overall judgement has its reason.

``problems(audit)`` gives every broken rule as (field path, message, hint); exports.Reader turns
them into ``path:line: field: message (hint)``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..structure.audit_results import window_of
from .counting import case_reference_problem

Spot = tuple  # a field's path in the export: ("sections", 2, "grade")
Problem = tuple[Spot, str, str]  # (field, message, hint)


@dataclass(frozen=True)
class SectionRule:
    id: str
    title: str = ""
    services: tuple[str, ...] = ()  # empty: every service
    key: bool = False
    journey_stages: tuple[str, ...] = ()


@dataclass(frozen=True)
class CycleRule:
    id: str
    services: tuple[str, ...] = ()  # empty: every service
    audit_sections: tuple[str, ...] = ()  # empty: every section of the cycle's services
    start: str = ""  # the audit window, YYYY-MM-DD ("" where not given)
    end: str = ""


@dataclass(frozen=True)
class AuditRules:
    """The site's facts the rules need. ``today`` is YYYY-MM-DD (see ``today()``)."""

    case_reference_pattern: str
    services: tuple[str, ...]
    sections: tuple[SectionRule, ...]
    cycles: tuple[CycleRule, ...] = ()
    today: str = ""
    service_stages: tuple[tuple[str, tuple[str, ...]], ...] = ()  # settings.audit_service_stages

    @property
    def journey_stages(self) -> tuple[str, ...]:
        seen: list[str] = []
        for section in self.sections:
            seen.extend(s for s in section.journey_stages if s not in seen)
        return tuple(seen)

    def section(self, sid: str) -> SectionRule | None:
        return next((s for s in self.sections if s.id == sid), None)

    def cycle(self, cid: str) -> CycleRule | None:
        return next((c for c in self.cycles if c.id == cid), None)

    def in_scope(self, service: str, cycle: str = "") -> list[SectionRule]:
        """The sections an audit of this service (in this cycle) grades, in the site's order."""
        chosen = self.cycle(cycle) if cycle else None
        return [
            s
            for s in self.sections
            if (not s.services or service in s.services)
            and (chosen is None or not chosen.audit_sections or s.id in chosen.audit_sections)
        ]

    def title(self, sid: str) -> str:
        section = self.section(sid)
        return section.title if section and section.title else sid

    def problems(self, audit: dict) -> list[Problem]:
        return _problems(self, audit)


def today(pinned: str = "") -> str:
    """Today for R2: *pinned* when set, else the real date. The command line passes the build's
    date (settings.build_date: PRACTICE_HUB_TODAY, else mkdocs.yml's ``today``, else the real
    date), so an audit it counts is never one the build then refuses as dated in the future."""
    return pinned.strip() or dt.date.today().isoformat()


def of_site(sections: Iterable, cycles: Iterable, settings, on: str = "") -> AuditRules:
    """The rules of a loaded site: its audit sections and cycles (items) and its settings."""
    return AuditRules(
        case_reference_pattern=settings.case_reference_pattern,
        services=tuple(str(s) for s in settings.audit_services),
        sections=tuple(
            SectionRule(
                id=s.id,
                title=str(s.title or ""),
                services=tuple(str(v) for v in s.data.get("services") or ()),
                key=s.data.get("key_section") is True,
                journey_stages=tuple(str(v) for v in s.data.get("journey_stages") or ()),
            )
            for s in sections
        ),
        cycles=tuple(
            CycleRule(
                id=c.id,
                services=tuple(str(v) for v in c.data.get("services") or ()),
                audit_sections=tuple(str(v) for v in c.data.get("audit_sections") or ()),
                start=window_of(c)[0],
                end=window_of(c)[1],
            )
            for c in cycles
        ),
        today=on or today(),
        service_stages=tuple(settings.audit_service_stages),
    )


_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _is_date(value: str) -> bool:
    """YYYY-MM-DD and a day of the calendar, as the export schema's dates and the browser's: not
    any other form ``date.fromisoformat`` reads (2026-W45-1, a week's day)."""
    if not _DATE.fullmatch(value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _names(values: Iterable[str]) -> str:
    named = [f'"{v}"' for v in values]
    return named[0] if len(named) == 1 else ", ".join(named[:-1]) + " or " + named[-1] if named else "none"


REASON_FOR_DEPARTING = 20  # characters: a sentence, not "x"


def departs_from_rule(audit: dict) -> bool:
    """Whether the auditor's overall judgement differs from the rule's suggestion."""
    mine, rule = audit.get("auditor_overall"), audit.get("suggested_overall")
    return bool(mine and rule and mine != rule)


DATE_HINT = "write it as YYYY-MM-DD, for example 2026-11-02"
AGAIN = "correct it in the audit tool and export the audit again"


def _problems(rules: AuditRules, audit: dict) -> list[Problem]:
    out: list[Problem] = []
    add = lambda spot, message, hint="": out.append((spot, message, hint))  # noqa: E731

    # R1 the case reference
    why = case_reference_problem(str(audit.get("case_reference", "")), rules.case_reference_pattern)
    if why:
        add(("case_reference",), why)

    # R2 dates
    date = str(audit.get("date", ""))
    if rules.today and date > rules.today:
        add(
            ("date",),
            f"{date} is after today ({rules.today})",
            "an audit cannot be dated in the future: " + AGAIN,
        )
    practitioner = audit.get("practitioner") or {}
    optional = [
        (("moderated_on",), audit.get("moderated_on", "")),
        (("practitioner", "feedback_date"), practitioner.get("feedback_date", "")),
    ] + [
        (("learning_actions", i, "by"), action.get("by", ""))
        for i, action in enumerate(audit.get("learning_actions") or [])
    ]
    for spot, value in optional:
        if value and not _is_date(value):
            add(spot, f'"{value}" is not a date', DATE_HINT)
    moderated_on = str(audit.get("moderated_on", ""))
    if moderated_on and _is_date(moderated_on):
        if _is_date(date) and moderated_on < date:
            add(("moderated_on",), f"{moderated_on} is before the audit's date ({date})", AGAIN)
        elif rules.today and moderated_on > rules.today:
            add(("moderated_on",), f"{moderated_on} is after today ({rules.today})", AGAIN)

    # R3 service, journey stage, cycle
    service = str(audit.get("service", ""))
    if not service:
        add(("service",), "no service is given", f"choose the service audited: {_names(rules.services)}")
    elif service not in rules.services:
        add(
            ("service",),
            f'"{service}" is not one of this site\'s services',
            f"expected {_names(rules.services)}",
        )
    stage = str(audit.get("journey_stage", ""))
    if stage and stage not in rules.journey_stages:
        add(
            ("journey_stage",),
            f'"{stage}" is not a journey stage of this site\'s audit sections',
            f"expected {_names(rules.journey_stages)} or empty",
        )
    allowed = dict(rules.service_stages).get(service)
    if stage and stage in rules.journey_stages and allowed is not None and stage not in allowed:
        add(
            ("journey_stage",),
            f'"{stage}" is not a journey stage of "{service}"',
            f"expected {_names(allowed)} or empty (audit_service_stages in mkdocs.yml)",
        )
    cycle_id = str(audit.get("cycle", ""))
    cycle = rules.cycle(cycle_id) if cycle_id else None
    if cycle_id and cycle is None:
        add(
            ("cycle",),
            f'"{cycle_id}" is not an audit cycle of this site',
            "choose one of the cycles in docs/audit/cycles/, or leave it empty",
        )
    elif cycle is not None and service in rules.services and cycle.services and service not in cycle.services:
        add(
            ("cycle",),
            f'the cycle "{cycle_id}" does not audit "{service}"',
            f"its services are {_names(cycle.services)}",
        )
        cycle = None  # its sections say nothing about this service's audit
    if (
        cycle is not None
        and _is_date(date)
        and ((cycle.start and date < cycle.start) or (cycle.end and date > cycle.end))
    ):
        add(
            ("cycle",),
            f'the audit is dated {date}, outside the audit window of the cycle "{cycle_id}" '
            f"({cycle.start} to {cycle.end})",
            "a closed cycle's results do not change: leave the cycle empty, or correct the date",
        )

    # R4 sections
    sections = audit.get("sections") or []
    scope_cycle = cycle_id if cycle is not None else ""
    scope = {s.id for s in rules.in_scope(service, scope_cycle)}
    seen: set[str] = set()
    for index, section in enumerate(sections):
        sid = str(section.get("id", ""))
        known = rules.section(sid)
        if known is None:
            add(
                ("sections", index, "id"),
                f'"{sid}" is not a section of this site\'s audit tool',
                "export the audit again from this site's tool",
            )
        elif sid in seen:
            add(("sections", index, "id"), f'the section "{sid}" appears more than once')
        elif service in rules.services and sid not in scope:
            if known.services and service not in known.services:
                add(
                    ("sections", index, "id"),
                    f'the section "{sid}" is not audited in "{service}"',
                    f"it is audited in {_names(known.services)}: remove it from this audit",
                )
            else:
                add(
                    ("sections", index, "id"),
                    f'the section "{sid}" is not audited in the cycle "{cycle_id}"',
                    "the cycle's audit_sections leave it out: remove it from this audit",
                )
        elif service in rules.services and not section.get("grade"):  # graded once the scope is known
            add(
                ("sections", index, "grade"),
                f'the section "{sid}" is not graded',
                "grade it, or choose not applicable",
            )
        seen.add(sid)
    if service in rules.services:
        missing = [s.id for s in rules.in_scope(service, scope_cycle) if s.id not in seen]
        if missing:
            add(
                ("sections",),
                f"{len(missing)} section{'s' if len(missing) > 1 else ''} in scope "
                f"{'are' if len(missing) > 1 else 'is'} missing: {', '.join(missing)}",
                "grade every section in scope (not applicable is a grade) and export the audit again",
            )

    # R5 the overall judgement
    if not audit.get("auditor_overall"):
        add(("auditor_overall",), "the auditor's overall judgement is not given", AGAIN)
    reason = str(audit.get("overall_reason", "")).strip()
    if not reason:
        add(("overall_reason",), "the reason for the overall judgement is not given", AGAIN)
    elif departs_from_rule(audit) and len(reason) < REASON_FOR_DEPARTING:
        add(
            ("overall_reason",),
            "the overall judgement differs from the rule's suggestion, and the reason is too short to say why",
            f"write a sentence ({REASON_FOR_DEPARTING} characters or more) saying why the auditor departed "
            "from the suggestion: " + AGAIN,
        )
    counts = audit.get("moderated_overall") or audit.get("auditor_overall") or ""
    if (audit.get("overall") or "") != counts:
        add(
            ("overall",),
            f'"{audit.get("overall") or ""}" is not the judgement that counts ("{counts}")',
            "overall is the moderator's overall judgement when there is one, else the auditor's: " + AGAIN,
        )

    # R6 escalations
    for index, section in enumerate(sections):
        known = rules.section(str(section.get("id", "")))
        moderation = section.get("moderation") or {}
        graded = {
            section.get("grade"),
            moderation.get("grade") if moderation.get("outcome") == "changed" else None,
        }
        if known is not None and known.key and "inadequate" in graded and not section.get("escalation"):
            add(
                ("sections", index),
                f'the key section "{known.id}" is graded inadequate but no escalation is recorded',
                "record who the case was escalated to, and when",
            )

    # R7 the practitioner
    if "took_part" not in practitioner:
        add(
            ("practitioner", "took_part") if "practitioner" in audit else ("practitioner",),
            "does not say whether the practitioner took part",
            "answer yes or no in the tool and export the audit again",
        )

    # R8 moderation
    moderated = bool(audit.get("moderated_overall"))
    for index, section in enumerate(sections):
        moderation = section.get("moderation") or {}
        if moderation.get("outcome"):
            moderated = True
        if moderation.get("outcome") == "changed":
            if not moderation.get("grade"):
                add(
                    ("sections", index, "moderation", "grade"),
                    "the grade was changed but no new grade is given",
                    AGAIN,
                )
            if not str(moderation.get("reason", "")).strip():
                add(
                    ("sections", index, "moderation", "reason"),
                    "the grade was changed but no reason is given",
                    AGAIN,
                )
    if moderated:
        if not str(audit.get("moderator", "")).strip():
            add(
                ("moderator",),
                "the audit was moderated but the moderator is not named",
                "name the moderator's role",
            )
        if not moderated_on:
            add(("moderated_on",), "the audit was moderated but the date is not given", DATE_HINT)
    if audit.get("moderated_overall") and not str(audit.get("moderation_reason", "")).strip():
        add(
            ("moderation_reason",),
            "the moderator changed the overall judgement but gave no reason",
            AGAIN,
        )
    return out
