"""The evidence pack: everything in the site an inspector asks for, under an inspection
framework's headings, as it stood on one date. Pure: no HTML, no files.

Under each heading (``HEADINGS``), entries of these kinds, in this order:

- What we know: the latest audit result of each section per service (a period that ended on or
  before the date), the latest staff health check published by then;
- How we know: audit cycles under way or done, the moderation behind the results, briefings
  shared and each team's recorded use of one (``uses:``, dated);
- What we are doing: the audit actions open on the date (owner, due date), training reach per
  course (sessions held and planned, places), practice weeks held, and the learning loop: each
  action closed by the date (finding, days from finding to closed action, what it changed, the
  section's result before and after) and the median days per quarter (structure/learning_loop.py);
- Governance: every procedure in date or due with its owner, and every overdue review.

An entry with a service (a procedure's ``service``, a cycle's ``services``, a result's service,
or the services of the audit sections behind an item's standards) is kept only when it is one
of the framework's ``services``; an entry for all services is always kept. Nothing dated after
the date is kept: an entry's date is when the evidence came to be (a result's period end, a
cycle's audit window, a use's date, a procedure's last review), a figure's date the date itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..audit_tool.counting import OVERALL
from ..content_types import AUDIT_CYCLE, AUDIT_SECTION, COURSE, EVENT, LEARNING, PROCEDURE, STANDARD
from .audit_cycles import actions, due_date, is_open
from .audit_results import in_scope, window_of
from .contacts import ALL_SERVICES
from .events import PRACTICE_WEEK, occurrence
from .frameworks import Framework
from .items import Item, of_type
from .learning_loop import ALL_PERIODS, loop_actions, median_days, result_after, result_before
from .review import PageReview
from .staff_voice import answers, years
from .thread import period_end, period_label
from .training import sessions_of

HEADINGS = (
    ("know", "What we know"),
    ("how", "How we know"),
    ("doing", "What we are doing"),
    ("governance", "Governance"),
)

# The kinds of entry, in the order they are listed under their heading.
AUDIT_RESULT_KIND = "audit result"
STAFF_VOICE_KIND = "staff voice"
CYCLE_KIND = "audit cycle"
MODERATION_KIND = "moderation"
BRIEFING_KIND = "briefing"
BRIEFING_USE_KIND = "briefing use"
ACTION_KIND = "open action"
TRAINING_KIND = "training reach"
PRACTICE_WEEK_KIND = "practice week"
LEARNING_LOOP = "learning loop"  # actions closed by the date, and the median days (learning_loop.py)
PROCEDURE_KIND = "procedure"
OVERDUE_KIND = "overdue review"
KINDS = (
    AUDIT_RESULT_KIND,
    STAFF_VOICE_KIND,
    CYCLE_KIND,
    MODERATION_KIND,
    BRIEFING_KIND,
    BRIEFING_USE_KIND,
    ACTION_KIND,
    TRAINING_KIND,
    PRACTICE_WEEK_KIND,
    LEARNING_LOOP,
    PROCEDURE_KIND,
    OVERDUE_KIND,
)

RESULTS_URI = "audit/results.md"  # the audit results dashboard (renderer/audit_results.py)


@dataclass(frozen=True)
class Entry:
    heading: str  # a key of HEADINGS
    kind: str
    title: str
    date: str  # YYYY-MM-DD, never after the pack's date
    detail: str
    owner: str
    service: str  # "All services" or the services it is about
    uri: str  # the page under docs/ that shows it
    anchor: str  # on that page, or ""


def long_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _day(value) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def services_of(item: Item, by_id: dict[str, Item]) -> tuple[str, ...]:
    """The services an item is about; () for all services. A procedure's ``service``, a cycle's or
    section's ``services``; otherwise the services of the audit sections that check the item's
    standards, when every one of them is limited to some services."""
    service = item.data.get("service")
    if isinstance(service, str) and service:
        return () if service == ALL_SERVICES else (service,)
    services = item.data.get("services")
    if isinstance(services, list):
        return tuple(str(s) for s in services)
    standards = [by_id[i] for i in item.related.get(STANDARD, []) if i in by_id]
    found: dict[str, None] = {}
    for standard in standards:
        sections = [by_id[i] for i in standard.related.get(AUDIT_SECTION, []) if i in by_id]
        if not sections:
            return ()
        for section in sections:
            named = section.data.get("services")
            if not isinstance(named, list) or not named:
                return ()
            found.update(dict.fromkeys(str(s) for s in named))
    return tuple(found)


def _keeps(framework: Framework, services: Sequence[str]) -> bool:
    return not framework.services or not services or any(s in framework.services for s in services)


def _shown(services: Sequence[str]) -> str:
    return " and ".join(services) if services else ALL_SERVICES


def evidence(site: Any, framework: Framework, as_of: dt.date) -> list[tuple[str, str, list[Entry]]]:
    """(heading key, heading title, entries) for each of HEADINGS, as on *as_of* (see the module's
    docstring). *site* is a loaded ``Site``."""
    items: list[Item] = list(site.items)
    by_id: dict[str, Item] = dict(site.by_id)
    made: list[tuple[Entry, tuple[str, ...]]] = []
    made += _results(site.thread, by_id, as_of, framework.services)
    made += _staff_voice(items, as_of)
    made += _cycles(items, as_of)
    made += _briefings(items, by_id, as_of)
    made += _actions(items, as_of)
    made += _training(items, by_id, as_of)
    made += _practice_weeks(items, by_id, as_of)
    made += _learning_loop(site.thread, items, by_id, as_of, framework)
    made += _governance(items, as_of)
    kept = [e for e, services in made if _keeps(framework, services) and e.date <= as_of.isoformat()]
    kept.sort(key=lambda e: KINDS.index(e.kind) if e.kind in KINDS else len(KINDS))
    return [(key, title, [e for e in kept if e.heading == key]) for key, title in HEADINGS]


def _results(
    thread: Any, by_id: dict[str, Item], as_of: dt.date, services_wanted: tuple[str, ...]
) -> list[tuple[Entry, tuple[str, ...]]]:
    """The latest result per section and service (journey stages left out), and its moderation.
    For a framework of some services, a section's results for those services replace its result
    for all services together (which would mix in the others)."""
    out = []
    series: dict[tuple, list[dict]] = getattr(thread, "series", {}) or {}
    by_service = {(section, service) for section, service, stage in series if not stage and service}
    chosen = sorted(
        (key for key in series if not key[2]),
        key=lambda key: (key[0] != OVERALL, key[1] != "", key[1]),
    )
    for section_id, service, stage in chosen:
        values = series[(section_id, service, stage)]
        if not service and any((section_id, s) in by_service for s in services_wanted):
            continue
        done = [r for r in values if period_end(r["period"]) <= as_of and r["files_audited"]]
        if not done:
            continue
        latest = done[-1]
        section = by_id.get(section_id)
        if section_id != OVERALL and section is None:
            continue
        if section is not None and service and not in_scope(section, service):
            continue
        name = section.title if section is not None else "Overall judgement"
        uri, anchor = (section.uri, section.anchor) if section is not None else (RESULTS_URI, "")
        services = (service,) if service else (tuple(section.data.get("services") or ()) if section else ())
        ended = period_end(latest["period"]).isoformat()
        when = period_label(latest["period"])
        out.append(
            (
                Entry(
                    "know",
                    AUDIT_RESULT_KIND,
                    f"{name}: {latest['good_or_better']:g}% good or better",
                    ended,
                    f"{when}, {_shown(services)}: {latest['files_audited']} files audited"
                    + (" (small sample)" if latest.get("small") else ""),
                    "",
                    _shown(services),
                    uri,
                    anchor,
                ),
                services,
            )
        )
        if latest.get("moderated"):
            agreement = latest.get("agreement")
            out.append(
                (
                    Entry(
                        "how",
                        MODERATION_KIND,
                        f"Moderation of {name}",
                        ended,
                        f"{when}: {latest['moderated']} of {latest['files_audited']} files moderated"
                        + (f", {agreement:g}% of grades agreed" if agreement is not None else ""),
                        "",
                        _shown(services),
                        uri,
                        anchor,
                    ),
                    services,
                )
            )
    return out


def _staff_voice(items: list[Item], as_of: dt.date) -> list[tuple[Entry, tuple[str, ...]]]:
    published = [y for y in years(items) if (_day(y.data.get("published")) or dt.date.max) <= as_of]
    if not published:
        return []
    year = published[-1]
    found = answers(year, items)
    lowest = sorted(found, key=lambda a: a.agree)[:2]
    detail = f"{year.data.get('respondents', '?')} staff answered ({year.data.get('response_rate', '?')}%)"
    if lowest:
        detail += "; lowest: " + ", ".join(f"{a.topic} {a.agree:g}% agree" for a in lowest)
    day = _day(year.data.get("published"))
    entry = Entry(
        "know",
        STAFF_VOICE_KIND,
        year.title,
        day.isoformat() if day else "",
        detail,
        str(year.data.get("owner", "")),
        ALL_SERVICES,
        year.uri,
        year.anchor,
    )
    return [(entry, ())]


def _cycles(items: list[Item], as_of: dt.date) -> list[tuple[Entry, tuple[str, ...]]]:
    out = []
    for cycle in sorted(of_type(items, AUDIT_CYCLE), key=lambda c: window_of(c)):
        start, end = (_day(d) for d in window_of(cycle))
        if start is None or start > as_of:
            continue
        finished = end is not None and end <= as_of
        services = tuple(str(s) for s in cycle.data.get("services") or [])
        sections = cycle.data.get("audit_sections") or []
        looked_at = (
            f"{len(sections)} audit section{'' if len(sections) == 1 else 's'}"
            if sections
            else "every section"
        )
        detail = (
            f"{cycle.data.get('theme', '')}: {looked_at}, files audited "
            f"{long_date(start)} to {long_date(end) if end else '?'}" + ("" if finished else " (under way)")
        )
        out.append(
            (
                Entry(
                    "how",
                    CYCLE_KIND,
                    cycle.title,
                    (end if finished and end else start).isoformat(),
                    detail,
                    str(cycle.data.get("link_practitioner", "")),
                    _shown(services),
                    cycle.uri,
                    cycle.anchor,
                ),
                services,
            )
        )
    return out


def _briefings(
    items: list[Item], by_id: dict[str, Item], as_of: dt.date
) -> list[tuple[Entry, tuple[str, ...]]]:
    out = []
    for briefing in of_type(items, LEARNING):
        shared = _day(briefing.data.get("shared")) or _day(briefing.data.get("last_reviewed"))
        if shared is None or shared > as_of or briefing.status in ("archived", "draft"):
            continue
        services = services_of(briefing, by_id)
        owner = str(briefing.data.get("owner", ""))
        uses = [u for u in briefing.data.get("uses") or [] if isinstance(u, dict)]
        used = [u for u in uses if (_day(u.get("date")) or dt.date.max) <= as_of]
        out.append(
            (
                Entry(
                    "how",
                    BRIEFING_KIND,
                    briefing.title,
                    shared.isoformat(),
                    f"shared with teams; {len(used)} recorded team use{'' if len(used) == 1 else 's'}",
                    owner,
                    _shown(services),
                    briefing.uri,
                    briefing.anchor,
                ),
                services,
            )
        )
        for use in used:
            day = _day(use.get("date"))
            out.append(
                (
                    Entry(
                        "how",
                        BRIEFING_USE_KIND,
                        f"{use.get('team', '')} used \u201c{briefing.title}\u201d",
                        day.isoformat() if day else "",
                        f"agreed change: {use.get('agreed_change', '')}",
                        str(use.get("team", "")),
                        _shown(services),
                        briefing.uri,
                        briefing.anchor,
                    ),
                    services,
                )
            )
    return out


def _actions(items: list[Item], as_of: dt.date) -> list[tuple[Entry, tuple[str, ...]]]:
    """Actions open on the date: set by then (``found``, else the cycle's audit window end) and not
    closed by then (open now, or ``closed`` after the date)."""
    out = []
    for cycle in sorted(of_type(items, AUDIT_CYCLE), key=lambda c: c.id):
        services = tuple(str(s) for s in cycle.data.get("services") or [])
        ended = _day(window_of(cycle)[1])
        for _, action in actions(cycle):
            found = _day(action.get("found")) or ended
            closed = _day(action.get("closed"))
            still_open = is_open(action) or (closed is not None and closed > as_of)
            if found is None or found > as_of or not still_open:
                continue
            due = due_date(action)
            late = " (overdue)" if due and due < as_of else ""
            out.append(
                (
                    Entry(
                        "doing",
                        ACTION_KIND,
                        str(action.get("action", "")),
                        found.isoformat(),
                        f"from {cycle.title}; due {long_date(due) if due else '?'}{late}",
                        str(action.get("owner", "")),
                        _shown(services),
                        cycle.uri,
                        cycle.anchor,
                    ),
                    services,
                )
            )
    return out


def _training(
    items: list[Item], by_id: dict[str, Item], as_of: dt.date
) -> list[tuple[Entry, tuple[str, ...]]]:
    out = []
    for course in sorted(of_type(items, COURSE), key=lambda c: c.title.lower()):
        sessions = [s for s in sessions_of(course) if s.status != "cancelled"]
        if not sessions or course.status in ("archived", "draft"):
            continue
        held = [s for s in sessions if s.start.date() <= as_of]
        planned = len(sessions) - len(held)
        places = sum(s.places or 0 for s in sessions)
        services = services_of(course, by_id)
        detail = f"{len(held)} session{'' if len(held) == 1 else 's'} held, {planned} planned"
        detail += f", {places} places" if places else ""
        out.append(
            (
                Entry(
                    "doing",
                    TRAINING_KIND,
                    course.title,
                    as_of.isoformat(),
                    detail,
                    str(course.data.get("owner") or course.data.get("provider") or ""),
                    _shown(services),
                    course.uri,
                    course.anchor,
                ),
                services,
            )
        )
    return out


def _practice_weeks(
    items: list[Item], by_id: dict[str, Item], as_of: dt.date
) -> list[tuple[Entry, tuple[str, ...]]]:
    out = []
    for event in of_type(items, EVENT):
        session = occurrence(event)
        if event.data.get("kind") != PRACTICE_WEEK or session is None or session.start.date() > as_of:
            continue
        findings = event.data.get("findings")
        summary = findings.get("summary") if isinstance(findings, dict) else ""
        services = services_of(event, by_id)
        out.append(
            (
                Entry(
                    "doing",
                    PRACTICE_WEEK_KIND,
                    event.title,
                    session.start.date().isoformat(),
                    str(summary or event.summary),
                    str(event.data.get("host", "")),
                    _shown(services),
                    event.uri,
                    event.anchor,
                ),
                services,
            )
        )
    return out


def _governance(items: list[Item], as_of: dt.date) -> list[tuple[Entry, tuple[str, ...]]]:
    """Every procedure reviewed by the date, in date or not, and every other overdue review."""
    procedures = sorted(of_type(items, PROCEDURE), key=lambda i: i.title.lower())
    others = sorted((i for i in items if all(i is not p for p in procedures)), key=lambda i: i.title.lower())
    out = []
    for item, procedure in [(p, True) for p in procedures] + [(o, False) for o in others]:
        review = PageReview.of(item, as_of)
        if review is None or review.last_reviewed > as_of or item.status in ("archived", "draft"):
            continue
        if not procedure and not review.overdue:
            continue
        services = _procedure_services(item) if procedure else ()
        state = (
            f"review overdue since {long_date(review.review_by)}"
            if review.overdue
            else f"in date: next review by {long_date(review.review_by)}"
        )
        out.append(
            (
                Entry(
                    "governance",
                    OVERDUE_KIND if review.overdue else PROCEDURE_KIND,
                    item.title,
                    review.last_reviewed.isoformat(),
                    f"{item.label}, last reviewed {long_date(review.last_reviewed)}; {state}",
                    review.owner,
                    _shown(services),
                    item.uri,
                    item.anchor,
                ),
                services,
            )
        )
    return out


def _procedure_services(item: Item) -> tuple[str, ...]:
    service = item.data.get("service")
    return (service,) if isinstance(service, str) and service and service != ALL_SERVICES else ()


LOOP_ANCHOR = "learning-loop"  # the dashboard's "Learning loop" section (renderer/audit_results.py)


def _percent(result: dict | None) -> str:
    if not result:
        return ""
    return f"{result.get('good_or_better', 0):g}% good or better in {period_label(str(result.get('period', '')))}"


def _results_around(
    action: Any, series: dict, services: tuple[str, ...]
) -> tuple[dict | None, dict | None, str]:
    """The section's result before the finding and after the action closed, and whose they are:
    the framework's one service when it names one and that service has results, else every
    service (as the site's dashboard shows them)."""
    if action.section is None or len(services) != 1:
        return action.before, action.after, ALL_SERVICES
    results = series.get((action.section.id, services[0], ""), [])
    if not results:
        return action.before, action.after, ALL_SERVICES
    return result_before(results, action.found), result_after(results, action.closed), services[0]


def _learning_loop(
    thread: Any, items: list[Item], by_id: dict[str, Item], as_of: dt.date, framework: Framework
) -> list[tuple[Entry, tuple[str, ...]]]:
    """Each audit action closed by *as_of* in a cycle of the framework's services, then the
    median days from finding to closed action over those actions, per quarter and in all (an
    action closed later counts as open)."""
    loop = [
        a
        for a in loop_actions(items, by_id, thread.series)
        if a.closed is not None
        and a.closed <= as_of
        and _keeps(framework, tuple(str(s) for s in a.cycle.data.get("services") or []))
    ]
    out = []
    for action in loop:
        closed = action.closed
        if closed is None:  # left out above; said again for the type checker
            continue
        services = tuple(str(s) for s in action.cycle.data.get("services") or [])
        before, after, whose = _results_around(action, thread.series, framework.services)
        after = after if after and period_end(after["period"]) <= as_of else None
        sentences = [f"Finding: {action.finding.rstrip('.')}"] if action.finding else []
        sentences.append(f"Found {long_date(action.found)}, closed {long_date(closed)} ({action.days} days)")
        if action.changed:
            sentences.append("Changed: " + ", ".join(item.title for item in action.changed))
        if action.section is not None and (before or after):
            was, later = _percent(before), _percent(after) or "not audited since"
            sentences.append(
                f"{action.section.title} ({whose.lower()}): {was or 'no earlier result'}, then {later}"
            )
        entry = Entry(
            "doing",
            LEARNING_LOOP,
            action.action,
            closed.isoformat(),
            ". ".join(sentences) + ".",
            action.owner,
            _shown(services),
            action.cycle.uri,
            action.cycle.anchor,
        )
        out.append((entry, services))
    medians = median_days(loop)
    if medians:
        *periods, (_, median, count) = medians
        per_period = "; ".join(f"{label}: {m:g} days ({n} closed)" for label, m, n in periods)
        detail = f"{ALL_PERIODS}: {median:g} days over {count} closed action{'' if count == 1 else 's'}"
        entry = Entry(
            "doing",
            LEARNING_LOOP,
            "Median days from an audit finding to its closed action",
            as_of.isoformat(),
            f"{detail}. By quarter closed: {per_period}",
            "",
            ALL_SERVICES,
            RESULTS_URI,
            LOOP_ANCHOR,
        )
        out.append((entry, ()))
    return out
