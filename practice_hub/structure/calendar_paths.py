"""Where the calendar feeds (.ics) live in the site: used by the renderer and by content.json."""

from __future__ import annotations

from .training import Session, sessions_of

CALENDAR_DIR = "training/calendar"


def course_ics_uri(course_id: str) -> str:
    return f"{CALENDAR_DIR}/{course_id}.ics"


def session_ics_uri(session: Session) -> str:
    """Named after the course and the date (what a person sees in their downloads), with the
    time only when the course has two sessions that day."""
    name = f"{session.course.id}-{session.start:%Y-%m-%d}"
    same_day = [s for s in sessions_of(session.course) if s.start.date() == session.start.date()]
    if len(same_day) > 1:
        name += f"-{session.start:%H%M}"
    return f"{CALENDAR_DIR}/{session.course.id}/{name}.ics"


ALL_ICS_URI = f"{CALENDAR_DIR}/all.ics"
