"""Audit results from both sources: the hand-kept results (docs/_data/audit_results.yml) and the
counted audits (docs/_data/audits_counted.yml, written by ``audits summarise --write``).

``check_records`` checks the counted audits beyond their schema; ``results_of`` turns both sources
into result series per section (or the overall judgement), service and journey stage, and the
results of each audit cycle. A result is a plain dict, the same shape from either source:

- ``period``, ``audit_section`` ("" for the overall judgement), ``service``, ``journey_stage``;
- ``audits``: audits in the result (not applicable included), ``files_audited``: of those, graded,
  ``not_applicable``: of those, not applicable;
- ``good_or_better`` and ``requires_improvement_or_lower``: percentages of the graded files;
- ``moderated``, ``agreement`` (% of moderated grades the moderator agreed with, or None),
  ``escalations`` (overall only), ``small`` (fewer audits than ``audit_small_sample``),
  ``counted`` (from counted audits) and ``line`` (a hand-kept entry's line).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..audit_tool.counting import OVERALL, Tally, period_of, tally
from ..content_types import AUDIT_CYCLE, AUDIT_SECTION
from ..problems import Problems
from ..text import command
from .items import Item, of_type
from .thread import checked_results, period_key, period_label

COUNTED_FILE = "docs/_data/audits_counted.yml"


@dataclass
class Results:
    series: dict[tuple, list[dict]] = field(default_factory=dict)  # (section, service, stage) -> oldest first
    cycles: dict[str, list[dict]] = field(default_factory=dict)  # cycle id -> results (period "")

    def overall(self) -> dict[str, list[dict]]:
        """Section id -> all services' results, oldest first (``Thread.results``' shape)."""
        return {
            section: values
            for (section, service, stage), values in self.series.items()
            if section != OVERALL and not service and not stage
        }


def in_scope(section: Item, service: str) -> bool:
    """Whether a section is audited for a service (its ``services`` absent, or naming it)."""
    services = section.data.get("services")
    return not isinstance(services, list) or not service or service in services


def stages_of(sections: list[Item]) -> list[str]:
    """Every journey stage the sections name, in the order first named."""
    found: dict[str, None] = {}
    for section in sections:
        for stage in section.data.get("journey_stages") or []:
            found.setdefault(str(stage), None)
    return list(found)


def window_of(cycle: Item) -> tuple[str, str]:
    """The cycle's audit window as two YYYY-MM-DD texts ("" where not given)."""
    window = cycle.data.get("audit_window") or {}
    if not isinstance(window, dict):
        return "", ""
    start, end = (window.get("start") or "", window.get("end") or "")
    return (
        start.isoformat() if isinstance(start, dt.date) else str(start),
        end.isoformat() if isinstance(end, dt.date) else str(end),
    )


def check_sections_and_cycles(by_id: dict[str, Item], services: tuple, problems: Problems) -> None:
    """Each section's ``services`` are audit services; each cycle's ``audit_sections`` are
    sections audited in at least one of the cycle's services."""
    sections = {s.id: s for s in of_type(by_id.values(), AUDIT_SECTION)}
    for section in sections.values():
        for index, name in enumerate(section.data.get("services") or []):
            if name not in services:
                problems.add(
                    section.path,
                    section.line_of("services", index),
                    f'audit section "{section.id}" names the service "{name}", which is not one of '
                    f"audit_services ({', '.join(services)})",
                    "write the service's name as audit_services in mkdocs.yml gives it",
                    type=section.type,
                    field="services",
                )
    for cycle in of_type(by_id.values(), AUDIT_CYCLE):
        cycle_services = [str(s) for s in cycle.data.get("services") or []]
        for index, sid in enumerate(cycle.data.get("audit_sections") or []):
            chosen = sections.get(sid)
            if chosen is None:
                continue  # the cross-reference check reported it
            if not any(in_scope(chosen, service) for service in cycle_services):
                problems.add(
                    cycle.path,
                    cycle.line_of("audit_sections", index),
                    f'audit cycle "{cycle.id}" looks at the section "{sid}", which is not audited in '
                    f"its services ({', '.join(cycle_services)})",
                    f"remove it, or add one of its services ({', '.join(chosen.data.get('services') or [])}) "
                    "to the cycle's services",
                    type=cycle.type,
                    field="audit_sections",
                )


def check_records(
    records: list[Item],
    by_id: dict[str, Item],
    services: tuple,
    today: dt.date,
    problems: Problems,
    service_stages: tuple = (),
) -> list[dict]:
    """Check the counted audits beyond their schema; return the ones that can be counted (with
    unknown sections left out)."""
    sections = {s.id: s for s in of_type(by_id.values(), AUDIT_SECTION)}
    cycles = {c.id: c for c in of_type(by_id.values(), AUDIT_CYCLE)}
    stages = stages_of(list(sections.values()))
    stages_of_service = dict(service_stages)  # settings.audit_service_stages
    seen: dict[str, Item] = {}
    kept = []
    for record in records:
        data = record.data
        audit, date = data.get("audit"), data.get("date")
        grades = data.get("grades")
        if not isinstance(audit, str) or not isinstance(date, str) or not isinstance(grades, dict):
            continue  # the schema check reported it
        if audit in seen:
            problems.about(
                record,
                "audit",
                f'audit "{audit}" is counted already, on line {seen[audit].line}',
                "keep one entry per audit: run "
                + command("audits summarise FILE... --write")
                + " again rather than editing the file",
            )
            continue
        seen[audit] = record
        usable = True
        try:
            when = dt.date.fromisoformat(date)
        except ValueError:
            continue  # the schema check reported it
        if when > today:
            problems.about(
                record,
                "date",
                f'audit "{audit}" is dated {date}, after the date of this build ({today.isoformat()})',
                "check the audit's date in the tool and export it again; an audit is counted from the day it was done",
            )
            usable = False
        service = data.get("service") or ""
        if service and service not in services:
            problems.about(
                record,
                "service",
                f'audit "{audit}" names the service "{service}", which is not one of audit_services '
                f"({', '.join(services)})",
                "write the service's name as audit_services in mkdocs.yml gives it",
            )
            usable = False
        stage = data.get("journey_stage") or ""
        if stage and stage not in stages:
            problems.about(
                record,
                "journey_stage",
                f'audit "{audit}" names the journey stage "{stage}", which no audit section lists',
                "use one of the journey stages of the audit sections, or add it to a section's journey_stages",
            )
            usable = False
        allowed = stages_of_service.get(str(data.get("service") or ""))
        if stage and stage in stages and allowed is not None and stage not in allowed:
            problems.about(
                record,
                "journey_stage",
                f'audit "{audit}" names the journey stage "{stage}", which is not a stage of '
                f'"{data.get("service")}"',
                "audit_service_stages in mkdocs.yml gives each service's stages",
            )
            usable = False
        cycle = data.get("cycle") or ""
        if cycle and cycle not in cycles:
            problems.about(
                record,
                "cycle",
                f'audit "{audit}" names the audit cycle "{cycle}", which is not the id of any audit cycle',
                "check the id in docs/audit/cycles/",
            )
            usable = False
        elif cycle:
            start, end = window_of(cycles[cycle])
            date = str(data.get("date") or "")
            if (start and date < start) or (end and date > end):
                problems.about(
                    record,
                    "cycle",
                    f'audit "{audit}" is dated {date}, outside the audit window of the cycle "{cycle}" '
                    f"({start} to {end})",
                    "a closed cycle's results do not change: take the audit out with audits remove, "
                    "and count it again without the cycle",
                )
                usable = False
        known = {}
        for sid, grade in grades.items():
            section = sections.get(sid)
            if section is None:
                problems.add(
                    record.path,
                    record.line_of("grades", sid),
                    f'audit "{audit}" grades the section "{sid}", which is not the id of any audit section',
                    "check the id in docs/audit/; a section that was renamed keeps its old id in counted audits",
                    type=record.type,
                    field="grades",
                )
                continue
            named = [s for s in section.data.get("services") or [] if s in services]
            if service and named and service not in named:  # a misspelt service is reported once, above
                problems.add(
                    record.path,
                    record.line_of("grades", sid),
                    f'audit "{audit}" grades the section "{sid}", which is not audited in {service}',
                    f"the section is audited in {', '.join(section.data.get('services') or [])} only; "
                    "check the audit's service",
                    type=record.type,
                    field="grades",
                )
                continue
            known[sid] = grade
        if usable:
            kept.append(dict(data, grades=known))
    return kept


def _quarter(period: str) -> str:
    """2026-03 -> 2026-Q1; a quarter stays as it is."""
    return period if "Q" in period else period_of(period + "-01")


def _starts(period: str) -> tuple[int, int]:
    """The year and first month of a period: 2026-Q3 -> (2026, 7), 2026-08 -> (2026, 8)."""
    year, _, part = period.partition("-")
    return (int(year), (int(part[1:]) - 1) * 3 + 1 if part.startswith("Q") else int(part))


def _from_tally(t: Tally, small: int) -> dict:
    return {
        "period": t.period,
        "audit_section": t.section,
        "service": t.service,
        "journey_stage": t.journey_stage,
        "cycle": t.cycle,
        "audits": t.audits,
        "files_audited": t.audited,
        "not_applicable": t.not_applicable,
        "good_or_better": t.good_or_better,
        "requires_improvement_or_lower": 100 - t.good_or_better if t.audited else 0,
        "moderated": t.moderated,
        "agreement": t.agreement,
        "escalations": t.escalations,
        "departures": t.departures,
        "small": t.audited < small,
        "counted": True,
        "line": 0,
    }


def _from_hand(item: Item, small: int) -> dict:
    data = item.data
    files = int(data["files_audited"])
    return {
        "period": str(data["period"]),
        "audit_section": str(data["audit_section"]),
        "service": str(data.get("service") or ""),
        "journey_stage": str(data.get("journey_stage") or ""),
        "cycle": "",
        "audits": files,
        "files_audited": files,
        "not_applicable": 0,
        "good_or_better": data["good_or_better"],
        "requires_improvement_or_lower": data["requires_improvement_or_lower"],
        "moderated": int(data.get("moderated") or 0),
        "agreement": None,
        "escalations": None,
        "departures": None,  # hand-kept results do not say
        "small": files < small,
        "counted": False,
        "line": item.line,
    }


def results_of(
    hand: list[Item],
    records: list[Item],
    by_id: dict[str, Item],
    settings,
    problems: Problems,
) -> Results:
    """Both sources' results, every problem reported (see the module's docstring)."""
    services = tuple(settings.audit_services)
    small = int(settings.audit_small_sample)
    check_sections_and_cycles(by_id, services, problems)
    counted = check_records(
        records, by_id, services, settings.build_date, problems, settings.audit_service_stages
    )
    tallies = tally(counted)
    counted_keys = {t.key[:4]: t for t in tallies if not t.cycle}
    out = Results()
    for item in checked_results(hand, by_id, problems):
        data = item.data
        service, stage = str(data.get("service") or ""), str(data.get("journey_stage") or "")
        period, section = str(data["period"]), str(data["audit_section"])
        if _starts(period) > (settings.build_date.year, settings.build_date.month):
            problems.about(
                item,
                "period",
                f'the result of audit section "{section}" is for {period}, which had not started on the '
                f"date of this build ({settings.build_date.isoformat()})",
                "check the period: a result is entered once its audits are done",
            )
            continue
        twin = counted_keys.get((_quarter(period), section, service, stage))
        if twin is not None:
            where = ", ".join(x for x in (service, stage) if x)
            problems.about(
                item,
                "period",
                f'the result of audit section "{section}" for {period}{f" ({where})" if where else ""} is '
                f"counted twice: {COUNTED_FILE} counts {twin.audits} audits for it",
                "remove this entry; the counted audits give the result",
            )
            continue
        out.series.setdefault((section, service, stage), []).append(_from_hand(item, small))
    for t in tallies:
        result = _from_tally(t, small)
        if t.cycle:
            out.cycles.setdefault(t.cycle, []).append(result)
        else:
            out.series.setdefault((t.section, t.service, t.journey_stage), []).append(result)
    for values in out.series.values():
        values.sort(key=lambda r: period_key(r["period"]))
    return out


def change(values: list[dict]) -> tuple[str, float]:
    """The change in good or better since the previous period with graded files, in words and
    points ("up 6 points since Q2 2026"); "first period" when there is none to compare with."""
    graded = [r for r in values if r["files_audited"]]
    if not graded:
        return "", 0.0
    if len(graded) < 2:
        return "first period", 0.0
    before, latest = graded[-2], graded[-1]
    delta = latest["good_or_better"] - before["good_or_better"]
    since = period_label(before["period"])
    if delta == 0:
        return f"no change since {since}", 0.0
    points = "point" if abs(delta) == 1 else "points"
    return f"{'up' if delta > 0 else 'down'} {abs(delta):g} {points} since {since}", delta
