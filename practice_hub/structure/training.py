"""The training catalogue: sessions as times in Europe/London, and the checks YAML cannot do."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from ..content_types import COURSE
from ..problems import WARNING, Problems
from .items import Item

LONDON = ZoneInfo("Europe/London")


@dataclass(frozen=True)
class Session:
    course: Item
    index: int  # position in the course's sessions list
    start: dt.datetime  # aware, Europe/London
    end: dt.datetime
    venue: str
    status: str
    places: int | None
    line: int

    @property
    def uid_stem(self) -> str:
        return f"{self.course.id}-{self.start:%Y%m%dT%H%M}"

    @property
    def online(self) -> bool:
        return "online" in self.venue.lower()

    @property
    def month(self) -> str:
        return f"{self.start:%Y-%m}"

    def ends_utc(self) -> str:
        return self.end.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

    def is_past(self, today: dt.date) -> bool:
        return self.start.date() < today


def local_time(value) -> dt.datetime | None:
    """A YYYY-MM-DDTHH:MM value as a time in Europe/London, or None if it is not one."""
    try:
        naive = dt.datetime.fromisoformat(str(value).replace(" ", "T"))
    except ValueError:
        return None
    return naive.replace(tzinfo=LONDON)


def sessions_of(course: Item) -> list[Session]:
    found = []
    raw_sessions = course.data.get("sessions")
    for index, raw in enumerate(raw_sessions if isinstance(raw_sessions, list) else []):
        if not isinstance(raw, dict):
            continue
        start, end = local_time(raw.get("start")), local_time(raw.get("end"))
        if start is None or end is None:
            continue
        places = raw.get("places") if isinstance(raw.get("places"), int) else None
        found.append(
            Session(
                course,
                index,
                start,
                end,
                str(raw.get("venue", "")),
                str(raw.get("status", "open")),
                places,
                course.line_of("sessions", index),
            )
        )
    return sorted(found, key=lambda s: (s.start, s.course.id))


def utc(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(dt.UTC)


def clock_change_trouble(moment: dt.datetime) -> str:
    """Why a UK wall-clock time is unsafe around a clock change, or ""."""
    back = utc(moment).astimezone(LONDON)
    if back.replace(tzinfo=None) != moment.replace(tzinfo=None):
        return "does not exist in the UK (the clocks go forward)"
    if moment.replace(fold=0).utcoffset() != moment.replace(fold=1).utcoffset():
        return "happens twice in the UK (the clocks go back)"
    return ""


def upcoming(sessions: list[Session], today: dt.date, include_cancelled: bool = True) -> list[Session]:
    return [s for s in sessions if not s.is_past(today) and (include_cancelled or s.status != "cancelled")]


def check_courses(courses: list[Item], problems: Problems) -> None:
    every: list[Session] = []
    for course in courses:
        sessions = sessions_of(course)
        every.extend(sessions)
        for session in sessions:
            for name, moment in (("start", session.start), ("end", session.end)):
                trouble = clock_change_trouble(moment)
                if trouble:
                    problems.add(
                        course.path,
                        course.line_of("sessions", session.index, name),
                        f'session {session.index + 1} of "{course.id}" {name}s at '
                        f"{moment:%Y-%m-%dT%H:%M}, a time that {trouble}",
                        "choose a time outside 1am to 2am on the night the clocks change",
                        type=COURSE,
                        field=f"sessions[{session.index + 1}].{name}",
                    )
            if utc(session.end) <= utc(session.start):
                problems.add(
                    course.path,
                    course.line_of("sessions", session.index, "end"),
                    f'session {session.index + 1} of "{course.id}" ends '
                    f"({session.end:%Y-%m-%dT%H:%M}) before it starts ({session.start:%Y-%m-%dT%H:%M})",
                    "check the dates and times of start and end",
                    type=COURSE,
                    field=f"sessions[{session.index + 1}].end",
                )
        mode = course.data.get("mode")
        raw_sessions = course.data.get("sessions") if isinstance(course.data.get("sessions"), list) else []
        if mode == "e-learning" and raw_sessions:
            problems.about(
                course,
                "sessions",
                f'course "{course.id}" is e-learning but has sessions',
                "e-learning can be done any time: remove the sessions, or change the mode",
                severity=WARNING,
            )
        if mode in ("classroom", "live online", "blended") and not raw_sessions:
            problems.add(
                course.path,
                course.line_of("id"),
                f'course "{course.id}" is {mode} but has no sessions',
                "add sessions so people can book, or mark it e-learning",
                type=COURSE,
                field="sessions",
                severity=WARNING,
            )
    _check_venues(every, problems)
    _check_cycles(courses, problems)


def _check_venues(sessions: list[Session], problems: Problems) -> None:
    by_venue: dict[str, list[Session]] = {}
    for session in sessions:
        if session.online or session.status == "cancelled" or not session.venue.strip():
            continue
        by_venue.setdefault(" ".join(session.venue.lower().split()), []).append(session)
    for venue_sessions in by_venue.values():
        venue_sessions.sort(key=lambda s: (utc(s.start), utc(s.end)))
        latest: Session | None = None  # the session ending last among those seen so far
        for session in venue_sessions:
            if (
                latest is not None
                and utc(session.start) < utc(latest.end)
                and session.course is not latest.course
            ):
                other = latest
                problems.add(
                    session.course.path,
                    session.line,
                    f'session {session.index + 1} of "{session.course.id}" at {session.venue} '
                    f'overlaps session {other.index + 1} of "{other.course.id}" '
                    f"({other.course.path}:{other.line}, {other.start:%Y-%m-%d %H:%M} to {other.end:%H:%M})",
                    "move one of the sessions or change its venue",
                    type=COURSE,
                    field="sessions",
                )
            if latest is None or utc(session.end) > utc(latest.end):
                latest = session


def _check_cycles(courses: list[Item], problems: Problems) -> None:
    by_id = {c.id: c for c in courses}
    state: dict[str, int] = {}  # 1 visiting, 2 done
    reported: set[frozenset] = set()

    def visit(course: Item, trail: list[str]) -> None:
        state[course.id] = 1
        prereqs = course.data.get("prerequisites")
        for prereq in prereqs if isinstance(prereqs, list) else []:
            if not isinstance(prereq, str) or prereq not in by_id:
                continue
            if state.get(prereq) == 1:
                cycle = trail[trail.index(prereq) :] + [prereq] if prereq in trail else [course.id, prereq]
                key = frozenset(cycle)
                if key not in reported:
                    reported.add(key)
                    first = by_id[cycle[0]]
                    problems.about(
                        first,
                        "prerequisites",
                        "prerequisites go round in a circle: " + " → ".join(cycle),
                        "remove one of these prerequisites",
                    )
            elif state.get(prereq) is None:
                visit(by_id[prereq], trail + [prereq])
        state[course.id] = 2

    for course in courses:
        if course.id not in state:
            visit(course, [course.id])
