"""Events: the listing by month, a page per event, calendar feeds, the home page's block
and the events on a practice standard's page."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from ..content_types import EVENT, TYPES
from ..markup import (
    BR,
    NEWLINE,
    Markup,
    element,
    join,
    markdown_block,
    markdown_link,
    markdown_text,
    start_tag,
    table_head,
)
from ..structure.events import (
    ALL_EVENTS_ICS_URI,
    PRACTICE_WEEK,
    event_ics_uri,
    events_of,
    has_ended,
    occurrence,
    upcoming_events,
)
from ..structure.items import Item, of_type
from ..structure.training import Session
from ..text import bullet_list, esc, link, long_date
from .training import when_range

INDEX_URI = TYPES[EVENT].index_uri
SHOWN_ON_HOME = 3
# A home page block lists more than it shows: the reader's clock (practice-hub-today.js) shows
# the first three that have not ended, so a site built weeks ago still shows the next three.
CANDIDATES = 12
EVENTS_EMPTY = "No events in the next 30 days."
LISTING_EMPTY = "No events are coming up. New events are added here as they are planned."


def when(session: Session) -> str:
    """Tuesday 8 December 2026, 12:30pm to 1:30pm (the day named once, one clock style, as a
    course session); or Monday 18 January to Friday 22 January 2027."""
    start, end = session.start, session.end
    if start.date() == end.date():
        return when_range(session)
    first = f"{start:%A} {start.day} {start:%B}" + ("" if start.year == end.year else f" {start.year}")
    return f"{first} to {end:%A} {long_date(end.date())}"


def where(event: Item) -> str:
    venue, online = event.data.get("venue"), event.data.get("online")
    if venue and online:
        return f"{venue} and online"
    return str(venue) if venue else "Online"


def events_listing(from_uri: str, items: list[Item], site=None) -> str:
    """Upcoming events by month. Events that have ended leave at build time, and again in the
    browser by its own clock (``data-ph-ends``), so an old build never lists a past event."""
    today = site.project.settings.build_date if site is not None else dt.date.today()
    listed = of_type(items, EVENT)
    out = [
        link(from_uri, ALL_EVENTS_ICS_URI, "Subscribe to every event (calendar feed, .ics)"),
        "",
    ]
    months: dict[str, list[tuple[Item, Session]]] = defaultdict(list)
    for event, session in upcoming_events(listed, today):
        months[f"{session.start:%Y-%m}"].append((event, session))
    # Shown by the build when nothing is coming up, and by the reader's clock when every event
    # listed has ended (practice-hub-today.js).
    out += [str(element("p", LISTING_EMPTY, data_ph_empty=True, hidden=bool(months))), ""]
    for month in sorted(months):
        label = dt.date.fromisoformat(month + "-01").strftime("%B %Y")
        out += [Markup('<section class="ph-events-month" data-ph-group markdown>'), "", f"## {label}", ""]
        out.append(Markup('<ul class="ph-events" markdown>'))
        for event, session in months[month]:
            out.append(_listing_line(from_uri, event, session))
        out += [Markup("</ul>"), "", Markup("</section>"), ""]
    held = sorted(
        (e for e in listed if e.data.get("kind") == PRACTICE_WEEK and e.data.get("findings")),
        key=lambda e: str(e.data.get("start")),
        reverse=True,
    )
    if held:
        out += [
            "## What past practice weeks found",
            "",
            bullet_list([f"{link(from_uri, e.uri, e.title)}: {esc(_findings(e))}" for e in held]),
        ]
    return "\n".join(out) + "\n"


def _listing_line(from_uri: str, event: Item, session: Session) -> str:
    kind = str(event.data.get("kind", ""))
    cancelled = " **Cancelled.**" if session.status == "cancelled" else ""
    entry = element(
        "li",
        markdown_text(f"**{link(from_uri, event.uri, event.title)}**{cancelled} "),
        element("span", kind.capitalize(), class_="ph-event__kind"),
        BR,
        markdown_text(f"{esc(when(session))}, {esc(where(event))}. {esc(event.summary)}"),
        data_ph_ends=session.ends_utc(),
        class_="ph-event",
        markdown=True,
    )
    return str(entry)


def _findings(event: Item) -> str:
    findings = event.data.get("findings") or {}
    return str(findings.get("summary", "")) if isinstance(findings, dict) else ""


def event_page(event: Item, by_id: dict[str, Item], today: dt.date) -> str:
    """The event's own page: when and where, who it is for, how to take part, the practice
    week's schedule and findings, the standards it supports and a calendar file."""
    uri, data = event.uri, event.data
    session = occurrence(event)
    out = ["---", f"title: {_yaml_str(event.title)}", "---", "", f"# {esc(event.title)}", ""]
    if session is not None and session.status == "cancelled":
        out += ['!!! warning "Cancelled"', "    This event has been cancelled.", ""]
    elif session is not None and has_ended(event, today):
        out += [
            '!!! note "This event has finished"',
            f"    It ended on {esc(long_date(session.end.date()))}.",
            "",
        ]
    out += [esc(event.summary), ""]
    facts = [
        ("What", str(data.get("kind", "")).capitalize()),
        ("When", when(session) if session else ""),
        ("Where", str(data.get("venue", ""))),
        ("Who it is for", ", ".join(data.get("audience") or [])),
        ("Hosted by", str(data.get("host", ""))),
    ]
    lines = [f"**{label}:** {esc(value)}" for label, value in facts if value]
    if data.get("online"):
        lines.append("**Online:** " + markdown_link(f"Join {esc(event.title)} online", data["online"]))
    out.append(bullet_list(lines))
    booking = data.get("booking") or {}
    if booking.get("contact") and not has_ended(event, today):
        contact = str(booking["contact"])
        target = contact if "://" in contact else f"mailto:{contact}"
        out += ["## How to take part", ""]
        if booking.get("instructions"):
            out += [esc(booking["instructions"]), ""]
        out += [markdown_link(f"Book a place at {esc(event.title)}", target), ""]
    if session is not None and session.status != "cancelled" and not has_ended(event, today):
        out += [link(uri, event_ics_uri(event), "Add to your calendar (.ics)"), ""]
    schedule = [s for s in data.get("schedule") or [] if isinstance(s, dict)]
    if schedule:
        head = table_head("Day", "Time", "Activity") + start_tag("tbody")
        out += ["## Schedule", "", Markup('<table class="ph-sessions">'), str(head)]
        for entry in schedule:
            row = element(
                "tr",
                element("td", _day(entry.get("date")), data_label="Day"),
                element("td", str(entry.get("time", "")), data_label="Time"),
                element("td", str(entry.get("activity", "")), data_label="Activity"),
            )
            out.append(str(row))
        out += [Markup("</tbody></table>"), ""]
    findings = data.get("findings") if isinstance(data.get("findings"), dict) else None
    if findings:
        out += ["## What we found", "", esc(findings.get("summary", "")), ""]
        points = [esc(p) for p in findings.get("points") or []]
        if points:
            out.append(bullet_list(points))
        informs = [by_id[i] for i in findings.get("standards") or [] if i in by_id]
        if informs:
            out += ["The findings inform:", "", bullet_list([link(uri, s.uri, s.title) for s in informs])]
    standards = [by_id[i] for i in data.get("standards") or [] if i in by_id]
    if standards:
        out += ["## Practice standards this event supports", ""]
        out.append(bullet_list([link(uri, s.uri, s.title) for s in standards]))
    out += [link(uri, INDEX_URI, "All upcoming events"), ""]
    return "\n".join(out) + "\n"


def events_for_standard(from_uri: str, standard: Item, items: list[Item], today: dt.date) -> str:
    """A standard's page: upcoming events that support it, and practice weeks whose findings
    inform it (the golden thread, both ends)."""
    coming = [
        (e, s) for e, s in upcoming_events(items, today) if standard.id in (e.data.get("standards") or [])
    ]
    informed = [
        e
        for e in events_of(items)
        if standard.id in ((e.data.get("findings") or {}).get("standards") or [])
        if isinstance(e.data.get("findings"), dict)
    ]
    out = []
    if coming:
        # A group: once every event in it has ended by the reader's clock, the heading goes too.
        out += [Markup('<section class="ph-standard-events" data-ph-group markdown>'), ""]
        out += ["## Events that support this standard", ""]
        out.append(
            bullet_list(
                [
                    element(
                        "span",
                        markdown_text(f"{link(from_uri, e.uri, e.title)}: {esc(when(s))}"),
                        data_ph_ends=s.ends_utc(),
                    )
                    for e, s in coming
                ]
            )
        )
        out += [Markup("</section>"), ""]
    if informed:
        out += ["## Practice week findings", ""]
        out.append(bullet_list([f"{link(from_uri, e.uri, e.title)}: {esc(_findings(e))}" for e in informed]))
    return "\n".join(out) + ("\n" if out else "")


def home_block(items: list[Item], today: dt.date, home_uri: str) -> str:
    """The home page's next events, beside the next training; "" when none are coming up."""
    coming = [(e, s) for e, s in upcoming_events(items, today) if s.status != "cancelled"][:CANDIDATES]
    if not coming:
        return ""
    lines = [
        (
            markdown_text(link(home_uri, e.uri, e.title))
            + " "
            + element("span", markdown_text(esc(when(s))), class_="ph-home-when"),
            s.ends_utc(),
        )
        for e, s in coming
    ]
    more = link(home_uri, INDEX_URI, "All events")
    return dated_block("events", "Coming up", lines, EVENTS_EMPTY, more, SHOWN_ON_HOME)


def dated_block(
    css: str, heading: str, lines: list[tuple[Markup, str]], empty: str, more: str, shown: int
) -> str:
    """A home page block of dated lines ((line, end as UTC ISO) in order): the first *shown*
    are visible in the built page, the rest are written hidden; in the browser
    practice-hub-today.js shows the first *shown* that have not ended by the reader's clock
    (``data-ph-limit``), and the block's empty state when none is left."""
    entries = [
        element("li", line, data_ph_ends=ends, hidden=index >= shown, markdown=True)
        for index, (line, ends) in enumerate(lines)
    ]
    listed = element("ul", NEWLINE, join(entries, NEWLINE), NEWLINE, data_ph_limit=str(shown), markdown=True)
    nothing = element("p", empty, class_="ph-home-empty", data_ph_empty=True, hidden=bool(lines))
    content = markdown_text(f"## {esc(heading)}\n\n") + listed + Markup("\n\n") + nothing
    content += markdown_text(f"\n\n{more}")
    return str(
        markdown_block("section", content, class_=f"ph-home-block ph-home-block--{css}", data_ph_scope=True)
    )


def _day(value) -> str:
    try:
        day = dt.date.fromisoformat(str(value))
    except ValueError:
        return str(value)
    return f"{day:%A} {long_date(day)}"


def _yaml_str(text: str) -> str:
    return '"' + str(text).replace("\\", "\\\\").replace('"', '\\"') + '"'
