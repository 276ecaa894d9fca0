"""Where the calendar feeds (.ics) live in the site: used by the renderer and by content.json."""

from __future__ import annotations

from .training import Session

CALENDAR_DIR = "training/calendar"


def course_ics_uri(course_id: str) -> str:
    return f"{CALENDAR_DIR}/{course_id}.ics"


def session_ics_uri(session: Session) -> str:
    return f"{CALENDAR_DIR}/{session.course.id}/{session.start:%Y%m%dT%H%M}.ics"


ALL_ICS_URI = f"{CALENDAR_DIR}/all.ics"
