"""Events: briefings, seminars, journal clubs, practice weeks and the like, as times in
Europe/London, and the checks a schema cannot do.

An event is one occurrence, so it is shaped as a training ``Session`` of itself: the calendar
feeds, the clock-change checks and "has it ended" are the training catalogue's own.
"""

from __future__ import annotations

import datetime as dt

from ..content_types import EVENT
from ..problems import Problems
from .items import Item, of_type
from .training import Session, clock_change_trouble, local_time, utc

PRACTICE_WEEK = "practice week"
CALENDAR_DIR = "events/calendar"
ALL_EVENTS_ICS_URI = f"{CALENDAR_DIR}/all.ics"


def events_of(items: list[Item]) -> list[Item]:
    return of_type(items, EVENT)


def occurrence(event: Item) -> Session | None:
    """The event as a session of itself (start and end in Europe/London), or None if its times
    are missing or unreadable (the schema has already said so)."""
    start, end = local_time(event.data.get("start")), local_time(event.data.get("end"))
    if start is None or end is None:
        return None
    venue = str(event.data.get("venue") or ("Online" if event.data.get("online") else ""))
    status = "cancelled" if event.status == "cancelled" else "open"
    return Session(event, 0, start, end, venue, status, None, event.line_of("start"))


def event_ics_uri(event: Item) -> str:
    """Named after the event and its date, as a person sees it in their downloads."""
    session = occurrence(event)
    day = f"-{session.start:%Y-%m-%d}" if session else ""
    return f"{CALENDAR_DIR}/{event.id}{day}.ics"


def has_ended(event: Item, today: dt.date) -> bool:
    """Ended before today (the build's date); the browser hides it again by its own clock."""
    session = occurrence(event)
    return session is not None and session.end.date() < today


def upcoming_events(items: list[Item], today: dt.date) -> list[tuple[Item, Session]]:
    """Events that have not ended, soonest first."""
    found = [(e, s) for e in events_of(items) if (s := occurrence(e)) is not None and s.end.date() >= today]
    return sorted(found, key=lambda pair: (pair[1].start, pair[0].id))


def check_events(items: list[Item], today: dt.date, problems: Problems) -> None:
    for event in events_of(items):
        session = occurrence(event)
        if session is None:
            continue
        _check_times(event, session, problems)
        _check_practice_week(event, session, today, problems)


def _check_times(event: Item, session: Session, problems: Problems) -> None:
    for name, moment in (("start", session.start), ("end", session.end)):
        trouble = clock_change_trouble(moment)
        if trouble:
            problems.about(
                event,
                name,
                f'event "{event.id}" {name}s at {moment:%Y-%m-%dT%H:%M}, a time that {trouble}',
                "choose a time outside 1am to 2am on the night the clocks change",
            )
    if utc(session.end) <= utc(session.start):
        problems.about(
            event,
            "end",
            f'event "{event.id}" ends ({session.end:%Y-%m-%dT%H:%M}) before it starts '
            f"({session.start:%Y-%m-%dT%H:%M})",
            "check the dates and times of start and end",
        )
    if not event.data.get("venue") and not event.data.get("online"):
        problems.add(
            event.path,
            event.line_of("id"),
            f'event "{event.id}" has no venue and no online link',
            "add venue (the room and building) or online (the link to join), or both",
            type=EVENT,
            field="venue",
        )


def _check_practice_week(event: Item, session: Session, today: dt.date, problems: Problems) -> None:
    data = event.data
    kind = data.get("kind")
    for name in ("schedule", "findings"):
        if data.get(name) and kind != PRACTICE_WEEK:
            problems.about(
                event,
                name,
                f'event "{event.id}" is a {kind} but has {name}',
                f'only a practice week has {name}: remove it, or make the kind "{PRACTICE_WEEK}"',
            )
    if data.get("findings") and kind == PRACTICE_WEEK and session.end.date() >= today:
        problems.about(
            event,
            "findings",
            f'event "{event.id}" has findings but has not finished yet (it ends {session.end:%Y-%m-%d})',
            "add findings once the practice week has been held",
        )
    schedule = data.get("schedule")
    if not isinstance(schedule, list):
        schedule = []
    for index, entry in enumerate(schedule):
        day = _day(entry.get("date") if isinstance(entry, dict) else None)
        if day is not None and not session.start.date() <= day <= session.end.date():
            problems.add(
                event.path,
                event.line_of("schedule", index, "date"),
                f'schedule entry {index + 1} of "{event.id}" is on {day:%Y-%m-%d}, outside the week '
                f"({session.start:%Y-%m-%d} to {session.end:%Y-%m-%d})",
                "check the date, or the start and end of the practice week",
                type=EVENT,
                field=f"schedule[{index + 1}].date",
            )


def _day(value) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None
