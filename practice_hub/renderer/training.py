"""Training pages: the filterable catalogue, upcoming sessions by month, sessions on course pages."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from ..markup import (
    BR,
    NEWLINE,
    FilterField,
    Markup,
    element,
    filter_data,
    filter_form,
    join,
    markdown_text,
    table_head,
)
from ..structure.items import Item
from ..structure.thread import Thread
from ..structure.training import Session, sessions_of, upcoming
from ..text import date_time, esc, link
from .calendar import ALL_ICS_URI, course_ics_uri, session_ics_uri

INDEX_URI = "training/index.md"
UPCOMING_URI = "training/upcoming.md"
AUDIENCES = [
    "ASYE",
    "social worker",
    "experienced social worker",
    "practice supervisor",
    "manager",
    "student",
    "all staff",
]
MODES = ["classroom", "live online", "e-learning", "blended"]
UPCOMING_EMPTY = "No sessions in the next 30 days. New sessions are added here as they are booked."
NO_SESSIONS = "no sessions booked yet"
COURSE_EMPTY = "No sessions are booked at the moment. Check again soon, or ask the learning team."


def _month_label(month: str) -> str:
    return dt.date.fromisoformat(month + "-01").strftime("%B %Y")


def when_range(session: Session) -> str:
    return f"{date_time(session.start)} to {date_time(session.end).split(', ')[-1]}"


def catalogue(courses: list[Item], thread: Thread, today: dt.date, from_uri: str = INDEX_URI) -> str:
    """Every course exactly once; filters work in the browser, and without JavaScript the list is complete."""
    courses = sorted(courses, key=lambda c: c.title.lower())
    months = sorted({s.month for c in courses for s in upcoming(sessions_of(c), today, False)})
    standards = thread.standards
    out = [
        f"{link(from_uri, UPCOMING_URI, 'Upcoming sessions by month')} · "
        f"{link(from_uri, ALL_ICS_URI, 'Subscribe to every session (calendar feed, .ics)')}",
        "",
        *filter_form(
            [
                FilterField("audience", "Who it is for", "Anyone", [(a, a) for a in AUDIENCES]),
                FilterField("mode", "How it is delivered", "Any way", [(m, m) for m in MODES]),
                FilterField(
                    "standards",
                    "Practice standard",
                    "Any standard",
                    [(s.id, _standard_label(s)) for s in standards],
                    name="standard",
                ),
                FilterField(
                    "months", "Sessions in", "Any month", [(m, _month_label(m)) for m in months], name="month"
                ),
            ]
        ),
        "",
        Markup('<ul class="ph-courses" data-ph-filtered markdown>'),
    ]
    for course in courses:
        data = course.data
        upcoming_sessions = upcoming(sessions_of(course), today, False)
        course_months = sorted({s.month for s in upcoming_sessions})
        course_standards = [s.id for s in thread.standards_for(course)]
        if data.get("mode") == "e-learning":
            when = esc("e-learning, any time")
        else:
            when = next_session(upcoming_sessions)
        audience = ", ".join(data.get("audience") or [])
        entry = element(
            "li",
            markdown_text(f"**{link(from_uri, course.uri, course.title)}**: {esc(course.summary)} "),
            BR,
            markdown_text(f"*{esc(data.get('mode', ''))}, for {esc(audience)}; ") + when + markdown_text("*"),
            **filter_data(
                audience=data.get("audience") or [],
                mode=[data.get("mode", "")],
                standards=course_standards,
                months=course_months,
            ),
            markdown=True,
        )
        out.append(str(entry))
    out += [Markup("</ul>"), ""]
    return "\n".join(out) + "\n"


def next_session(sessions: list[Session]) -> Markup:
    """ "next session Tuesday 8 December 2026, 9:30am": every session still to come is written,
    the first shown; the reader's clock shows the first that has not ended, or "no sessions
    booked yet" (``data-ph-limit``, practice-hub-today.js)."""
    nothing = element("span", NO_SESSIONS, data_ph_empty=True, hidden=bool(sessions))
    dated = [
        element("span", f"next session {date_time(s.start)}", data_ph_ends=s.ends_utc(), hidden=index > 0)
        for index, s in enumerate(sessions)
    ]
    return element("span", join(dated), nothing, data_ph_limit="1", data_ph_scope=True)


def _standard_label(standard: Item) -> str:
    number = standard.number
    return f"{number}. {standard.title}" if number else standard.title


def upcoming_page(courses: list[Item], today: dt.date) -> str:
    sessions = [s for c in courses for s in upcoming(sessions_of(c), today)]
    sessions.sort(key=lambda s: (s.start, s.course.title))
    out = [
        "---",
        "title: Upcoming training sessions",
        "---",
        "",
        "# Upcoming training sessions",
        "",
        "Every training session still to come, by month. "
        f"{link(UPCOMING_URI, ALL_ICS_URI, 'Subscribe to every session (.ics)')}.",
        "",
    ]
    # The reader's clock decides (practice-hub-today.js): a session that has ended leaves, a
    # month with none left goes with its heading, and with none left at all the empty state shows.
    out += [
        str(
            element(
                "p", UPCOMING_EMPTY, class_="ph-sessions-empty", data_ph_empty=True, hidden=bool(sessions)
            )
        ),
        "",
    ]
    by_month: dict[str, list[Session]] = defaultdict(list)
    for session in sessions:
        by_month[session.month].append(session)
    for month, month_sessions in by_month.items():
        out += [
            Markup('<section class="ph-sessions-month" data-ph-group markdown>'),
            "",
            f"## {_month_label(month)}",
            "",
            sessions_table(UPCOMING_URI, month_sessions, with_course=True),
            "",
            Markup("</section>"),
            "",
        ]
    return "\n".join(out) + "\n"


def sessions_table(from_uri: str, sessions: list[Session], with_course: bool = False) -> str:
    rows = []
    for s in sessions:
        status = {"open": "Open for booking", "full": "Full", "cancelled": "Cancelled"}.get(
            s.status, s.status
        )
        if s.status == "open" and s.places is not None:
            status += f" ({s.places} places)"
        course_cell = (
            element(
                "td",
                markdown_text(link(from_uri, s.course.uri, s.course.title)),
                data_label="Course",
                markdown=True,
            )
            if with_course
            else ""
        )
        calendar = "" if s.status == "cancelled" else link(from_uri, session_ics_uri(s), "Add to calendar")
        # data-label: the column's name, shown by the stylesheet when a phone shows rows as cards
        rows.append(
            element(
                "tr",
                element("td", when_range(s), data_label="When"),
                course_cell,
                element("td", s.venue, data_label="Where"),
                element("td", status, data_label="Status"),
                element("td", markdown_text(calendar), data_label="Calendar", markdown=True),
                data_ph_ends=s.ends_utc(),
                class_=f"ph-session ph-session--{s.status}",
                markdown=True,
            )
        )
    head = table_head("When", "Course" if with_course else "", "Where", "Status", "Calendar")
    body = element("tbody", NEWLINE, join(rows, NEWLINE), NEWLINE, markdown=True)
    return (
        str(element("table", NEWLINE, head, NEWLINE, body, NEWLINE, class_="ph-sessions", markdown=True))
        + "\n"
    )


def course_sessions(course: Item, today: dt.date) -> str:
    """The sessions section of a course page: only sessions that have not passed."""
    all_sessions = sessions_of(course)
    future = upcoming(all_sessions, today)
    out = []
    if course.data.get("mode") == "e-learning" and not all_sessions:
        out += ["## When", "", "E-learning: start any time.", ""]
    else:
        out += ["## Sessions", ""]
        # When every session has ended by the reader's clock, the empty state shows instead.
        out.append(str(element("p", COURSE_EMPTY, data_ph_empty=True, hidden=bool(future))) + "\n")
        if future:
            out.append(sessions_table(course.uri, future))
    if course.data.get("mode") != "e-learning":  # nothing to put in a calendar
        out.append(f"{link(course.uri, course_ics_uri(course.id), 'Calendar feed for this course (.ics)')}\n")
    return "\n".join(out)
