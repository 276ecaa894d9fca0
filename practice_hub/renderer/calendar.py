"""Calendar feeds (RFC 5545) written with the icalendar library, times in Europe/London."""

from __future__ import annotations

import datetime as dt

import icalendar

from ..cache import SERVE_CACHE
from ..structure.calendar_paths import ALL_ICS_URI, CALENDAR_DIR, course_ics_uri, session_ics_uri  # noqa: F401
from ..structure.training import LONDON, Session

PRODID = "-//Practice Hub//Training catalogue//EN"


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
    # The site books nothing: a session that goes ahead is TENTATIVE in the reader's calendar
    # until they book it (RFC 5545 has no status for "you have not booked this").
    event.add("status", "CANCELLED" if session.status == "cancelled" else "TENTATIVE")
    if page_url:
        event.add("url", page_url)
    return event


def _london(first_year: int, last_year: int) -> icalendar.Timezone:
    """Europe/London as a VTIMEZONE for these years, made once and shared by every feed."""
    probe = icalendar.Calendar()
    event = icalendar.Event()
    event.add("dtstart", dt.datetime(first_year, 6, 1, tzinfo=LONDON))
    probe.add_component(event)
    probe.add_missing_timezones(first_date=dt.date(first_year, 1, 1), last_date=dt.date(last_year, 1, 1))
    return probe.walk("VTIMEZONE")[0]


def _key(session: Session, page_url: str) -> tuple:
    course = session.course
    return (
        course.id,
        course.title,
        course.summary,
        str((course.data.get("booking") or {}).get("contact")),
        session.start,
        session.end,
        session.venue,
        session.status,
        page_url,
    )


def _event_bytes(session: Session, domain: str, stamp: dt.datetime, page_url: str) -> bytes:
    """Each session's VEVENT, serialised once (and kept across serve rebuilds in the serve cache)."""
    key = (_key(session, page_url), domain, stamp)
    return SERVE_CACHE.calendar_part(key, lambda: _event(session, domain, stamp, page_url).to_ical())


def _frame(name: str) -> tuple[bytes, bytes]:
    """The calendar's own lines, before and after its components."""
    return SERVE_CACHE.calendar_part(("frame", name), lambda: _make_frame(name))


def _make_frame(name: str) -> tuple[bytes, bytes]:
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Europe/London")
    text = cal.to_ical()
    end = b"END:VCALENDAR\r\n"
    assert text.endswith(end)
    return text[: -len(end)], end


def _timezone_bytes(first_year: int, last_year: int) -> bytes:
    return SERVE_CACHE.calendar_part(
        ("timezone", first_year, last_year), lambda: _london(first_year, last_year).to_ical()
    )


def calendar(
    sessions: list[Session], name: str, domain: str, stamp: dt.datetime, page_urls: dict[str, str]
) -> bytes:
    """An RFC 5545 calendar. Every component is serialised by the icalendar library; a feed is
    its frame, Europe/London for the years it needs, then its events (each made once per build)."""
    head, tail = _frame(name)
    parts = [head]
    if sessions:
        # Only the years the sessions need, not Europe/London's whole history.
        parts.append(
            _timezone_bytes(min(s.start for s in sessions).year, max(s.end for s in sessions).year + 1)
        )
    parts += [_event_bytes(s, domain, stamp, page_urls.get(s.course.id, "")) for s in sessions]
    parts.append(tail)
    return b"".join(parts)
