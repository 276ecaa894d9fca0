"""Calendar feeds (RFC 5545) written with the icalendar library, times in Europe/London."""

from __future__ import annotations

import datetime as dt
import functools

import icalendar

from ..structure.training import LONDON, Session

CALENDAR_DIR = "training/calendar"
PRODID = "-//Practice Hub//Training catalogue//EN"


def course_ics_uri(course_id: str) -> str:
    return f"{CALENDAR_DIR}/{course_id}.ics"


def session_ics_uri(session: Session) -> str:
    return f"{CALENDAR_DIR}/{session.course.id}/{session.start:%Y%m%dT%H%M}.ics"


ALL_ICS_URI = f"{CALENDAR_DIR}/all.ics"


def uid(session: Session, domain: str) -> str:
    """Stable across builds: the course id and the session's start."""
    return f"{session.uid_stem}@{domain}"


def _event(session: Session, domain: str, stamp: dt.datetime, page_url: str) -> icalendar.Event:
    course = session.course
    event = icalendar.Event()
    event.add("uid", uid(session, domain))
    event.add("dtstamp", stamp)
    event.add("dtstart", session.start)
    event.add("dtend", session.end)
    event.add("summary", course.title)
    if session.venue:
        event.add("location", session.venue)
    description = course.summary
    contact = (course.data.get("booking") or {}).get("contact")
    if contact:
        description += f"\n\nHow to book: {contact}"
    event.add("description", description)
    event.add("status", "CANCELLED" if session.status == "cancelled" else "CONFIRMED")
    if page_url:
        event.add("url", page_url)
    return event


@functools.lru_cache(maxsize=64)
def _london(first_year: int, last_year: int) -> icalendar.Timezone:
    """Europe/London as a VTIMEZONE for these years, made once and shared by every feed."""
    probe = icalendar.Calendar()
    event = icalendar.Event()
    event.add("dtstart", dt.datetime(first_year, 6, 1, tzinfo=LONDON))
    probe.add_component(event)
    probe.add_missing_timezones(first_date=dt.date(first_year, 1, 1), last_date=dt.date(last_year, 1, 1))
    return probe.walk("VTIMEZONE")[0]


_FEEDS: dict[tuple, bytes] = {}  # rebuilds in `mkdocs serve` reuse feeds whose content is unchanged


def _key(session: Session, page_url: str) -> tuple:
    course = session.course
    return (course.id, course.title, course.summary, str((course.data.get("booking") or {}).get("contact")),
            session.start, session.end, session.venue, session.status, page_url)


def calendar(sessions: list[Session], name: str, domain: str, stamp: dt.datetime,
             page_urls: dict[str, str]) -> bytes:
    key = (name, domain, stamp, tuple(_key(s, page_urls.get(s.course.id, "")) for s in sessions))
    if key not in _FEEDS:
        if len(_FEEDS) > 50000:
            _FEEDS.clear()
        _FEEDS[key] = _calendar(sessions, name, domain, stamp, page_urls)
    return _FEEDS[key]


def _calendar(sessions: list[Session], name: str, domain: str, stamp: dt.datetime,
              page_urls: dict[str, str]) -> bytes:
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Europe/London")
    for session in sessions:
        cal.add_component(_event(session, domain, stamp, page_urls.get(session.course.id, "")))
    if sessions:
        # Only the years the sessions need, not Europe/London's whole history.
        first = min(s.start for s in sessions).year
        last = max(s.end for s in sessions).year + 1
        cal.add_component(_london(first, last))
    return cal.to_ical()
