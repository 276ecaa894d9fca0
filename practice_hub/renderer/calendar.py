"""Calendar feeds (RFC 5545) written with the icalendar library, times in Europe/London."""

from __future__ import annotations

import datetime as dt

import icalendar

from ..structure.training import Session

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


def calendar(sessions: list[Session], name: str, domain: str, stamp: dt.datetime,
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
        first = min(s.start for s in sessions).date().replace(month=1, day=1)
        last = max(s.end for s in sessions).date().replace(month=1, day=1)
        cal.add_missing_timezones(first_date=first, last_date=last.replace(year=last.year + 1))
    return cal.to_ical()
