"""Markdown for the golden thread: standard and audit section additions, course pages, matrix."""

from __future__ import annotations

import datetime as dt

from ..content_types import COURSE, PROCEDURE, TOOL, TYPES
from ..markup import Markup, element, markdown_link, markdown_text
from ..structure.audit_results import change, in_scope
from ..structure.items import Item
from ..structure.thread import Thread, period_label
from ..structure.training import sessions_of, upcoming
from ..text import bullet_list, date_time, esc, link, table
from .audit_cycles import standard_loop
from .chart import results_block, sample, value_of
from .learning import briefings_for
from .training import course_sessions

MATRIX_URI = "standards/golden-thread.md"
GAP = "**Gap:** "


def item_link(from_uri: str, item: Item, text: str | None = None) -> str:
    return link(from_uri, item.uri, text or item.title, item.anchor)


def numbered(item: Item) -> str:
    number = item.number
    word = TYPES[item.type].number_word or "Section"
    return f"{word} {number}: {item.title}" if number else item.title


def training_line(from_uri: str, course: Item, today: dt.date) -> str:
    mode = course.data.get("mode", "")
    if mode == "e-learning":
        when = "e-learning, any time"
    else:
        future = upcoming(sessions_of(course), today, include_cancelled=False)
        when = f"next session {date_time(future[0].start)}" if future else "no sessions booked yet"
    return f"{item_link(from_uri, course)}: {esc(when)}"


def standard_additions(standard: Item, thread: Thread, today: dt.date) -> str:
    uri = standard.uri
    out = ["", "## How this is audited", ""]
    sections = thread.sections_for(standard)
    if not sections:
        out.append(f"{GAP}no section of the case-file audit tool checks this standard yet.\n")
    for section in sections:
        out.append(f"### {item_link(uri, section, numbered(section))}\n")
        out.append(f"{esc(section.summary)}\n")
        looks_for = section.data.get("looks_for") or []
        if looks_for:
            out.append("Auditors look for:\n")
            out.append(bullet_list([esc(point) for point in looks_for]))
    out += ["## Training that builds this standard", ""]
    courses = thread.courses_for(standard)
    out.append(
        bullet_list(
            [training_line(uri, c, today) for c in courses], f"{GAP}no course builds this standard yet."
        )
    )
    related = [i for kind in (PROCEDURE, TOOL) for i in thread.linked(standard, kind)]
    if related:
        out += ["## Related procedures and tools", ""]
        out.append(bullet_list([f"{item_link(uri, i)} ({i.label})" for i in related]))
    out.append(briefings_for(uri, standard, thread, uses=True))  # the briefings that serve it, with uses
    out.append(standard_loop(standard, thread))  # its audit actions in the learning loop
    series = [(s, thread.results.get(s.id, [])) for s in sections]
    series = [(s, r) for s, r in series if r]
    if series:
        out += ["## Audit results", ""]
        for section, results in series:
            out.append(f"### {esc(numbered(section))}\n")
            out.append(
                results_block(
                    results,
                    f"chart-{section.id}",
                    f"Files rated good or better: {section.title}",
                    thread.small_sample,
                )
            )
    return "\n".join(out) + "\n"


def breakdown(section: Item, thread: Thread) -> str:
    """The section's latest result for each service it is audited in and each journey stage,
    with the sample and the change since the previous period (Markdown, "" when none)."""
    out = []
    for heading, kind in (("By service", 1), ("By journey stage", 2)):
        rows = []
        for key, values in sorted(thread.series.items()):
            if key[0] != section.id or not key[kind] or key[3 - kind]:
                continue
            if kind == 1 and not in_scope(section, key[1]):
                continue
            latest = values[-1]
            rows.append(
                [
                    esc(key[kind]),
                    esc(period_label(latest["period"])),
                    esc(value_of(latest)),
                    esc(sample(latest)),
                    esc(change(values)[0]),
                ]
            )
        if rows:
            first = "Service" if kind == 1 else "Journey stage"
            out += [
                f"### {heading}",
                "",
                table(
                    [first, "Latest period", "Good or better", "Sample", "Change since previous period"], rows
                ),
            ]
    return "\n".join(out)


def section_additions(section: Item, thread: Thread, today: dt.date) -> str:
    uri = section.uri
    out = ["", "## Standards this section checks", ""]
    standards = thread.standards_for(section)
    out.append(
        bullet_list(
            [item_link(uri, s, numbered(s)) for s in standards],
            f"{GAP}this section checks no practice standard yet.",
        )
    )
    looks_for = section.data.get("looks_for") or []
    if looks_for:
        out += ["## What auditors look for", "", bullet_list([esc(p) for p in looks_for])]
    grades = section.data.get("grades") or {}
    out += ["## Grade descriptors", ""]
    out.append(
        table(
            ["Grade", "What the case file shows"],
            [
                [label, esc(grades.get(key, ""))]
                for key, label in (
                    ("outstanding", "Outstanding"),
                    ("good", "Good"),
                    ("requires_improvement", "Requires improvement"),
                    ("inadequate", "Inadequate"),
                )
            ],
        )
    )
    stages = section.data.get("journey_stages") or []
    out += ["", "## Where this applies in the journey", "", bullet_list([esc(s) for s in stages])]
    out += ["## Training reached through its standards", ""]
    out.append(
        bullet_list(
            [training_line(uri, c, today) for c in thread.courses_through(section)],
            "No training is linked through this section's standards yet.",
        )
    )
    results = thread.results.get(section.id, [])
    if results:
        out += ["## Audit results", ""]
        out.append(
            results_block(
                results,
                f"chart-{section.id}",
                f"Files rated good or better: {section.title}",
                thread.small_sample,
            )
        )
    split = breakdown(section, thread)
    if split:
        out += ["" if results else "## Audit results", "", split]
    return "\n".join(out) + "\n"


def matrix_page(thread: Thread) -> str:
    uri = MATRIX_URI
    gaps = thread.gaps()
    out = [
        "---",
        "title: The golden thread",
        "---",
        "",
        "# The golden thread",
        "",
        "Each practice standard, the case-file audit sections that check it and the training "
        "that builds it. Gaps are marked so they can be closed.",
        "",
    ]
    if gaps:
        out.append(f"**{len(gaps)} gap{'s' if len(gaps) != 1 else ''} in the thread:**\n")
        out.append(bullet_list([f"{item_link(uri, item)}: {esc(message)}" for item, message, _ in gaps]))
    else:
        out.append("The thread is complete: every standard is audited and has training.\n")
    rows = []
    for standard in thread.standards:
        sections = thread.sections_for(standard)
        courses = thread.courses_for(standard)
        rows.append(
            [
                item_link(uri, standard, numbered(standard)),
                _cell_list([item_link(uri, s, numbered(s)) for s in sections]) or f"{GAP}not audited",
                _cell_list([item_link(uri, c) for c in courses]) or f"{GAP}no training",
            ]
        )
    out += [
        Markup('<div class="ph-matrix" markdown>'),
        "",
        table(["Standard", "Audited by", "Training"], rows),
        Markup("</div>"),
        "",
    ]
    orphans = [s for s in thread.sections if not thread.standards_for(s)]
    loose = [c for c in thread.courses if not thread.standards_for(c)]
    if orphans:
        out += [
            "## Audit sections that check no standard",
            "",
            bullet_list([item_link(uri, s, numbered(s)) for s in orphans]),
        ]
    if loose:
        out += ["## Courses that support no standard", "", bullet_list([item_link(uri, c) for c in loose])]
    return "\n".join(out) + "\n"


def _cell_list(links: list[str]) -> str:
    """Several links in one table cell, as a list screen readers announce as one."""
    if not links:
        return ""
    return str(element("ul", *(element("li", markdown_text(text)) for text in links), class_="ph-cell-list"))


def course_page(course: Item, thread: Thread, today: dt.date) -> str:
    uri = course.uri
    data = course.data
    facts = [
        ("Who it is for", ", ".join(data.get("audience") or [])),
        ("How it is delivered", data.get("mode", "")),
        ("Duration", data.get("duration", "")),
        ("Counts as CPD", "No" if data.get("cpd") is False else "Yes"),
        ("Provider", data.get("provider", "")),
        ("Cost", data.get("cost", "")),
    ]
    out = [
        "---",
        f"title: {_yaml_str(course.title)}",
        "---",
        "",
        f"# {esc(course.title)}",
        "",
        f"{esc(course.summary)}",
        "",
        bullet_list([f"**{label}:** {esc(value)}" for label, value in facts if value]),
    ]
    outcomes = data.get("outcomes") or []
    if outcomes:
        out += [
            "## Learning outcomes",
            "",
            "By the end of the course you will:",
            "",
            bullet_list([esc(o) for o in outcomes]),
        ]
    out += ["## Standards this course builds", ""]
    standards = thread.standards_for(course)
    lines = []
    for standard in standards:
        sections = thread.sections_for(standard)
        audited = ", ".join(item_link(uri, s, numbered(s)) for s in sections) or "not audited yet"
        lines.append(f"{item_link(uri, standard, numbered(standard))}: audited through {audited}")
    out.append(bullet_list(lines, f"{GAP}this course supports no practice standard yet."))
    out.append(briefings_for(uri, course, thread))  # the learning briefings that name it
    prereqs = [p for p in thread.linked(course, COURSE) if p.id in (data.get("prerequisites") or [])]
    if prereqs:
        out += ["## Complete these first", "", bullet_list([item_link(uri, p) for p in prereqs])]
    out.append(course_sessions(course, today))
    out += _booking(data, course.title)
    return "\n".join(out) + "\n"


def _booking(data: dict, title: str) -> list[str]:
    """How to book (or, for e-learning, to start): link text says what the link does, never a raw URL."""
    booking = data.get("booking") or {}
    contact = str(booking.get("contact", ""))
    if not contact:
        return []
    start = data.get("mode") == "e-learning"
    if "://" in contact:
        action = f"Start {title}" if start else f"Book a place on {title}"
        link = markdown_link(esc(action), contact)  # through safe_url, as every outside link
        line = f"{link}{{ .md-button .md-button--primary }}" if link != esc(action) else link
    else:
        mail = markdown_link(esc(contact), f"mailto:{contact}")
        line = f"Email {mail} to {'start' if start else 'book a place'}."
    return [
        "## How to start" if start else "## How to book",
        "",
        f"{esc(booking.get('instructions', ''))}".strip(),
        "",
        line,
        "",
    ]


def _yaml_str(text: str) -> str:
    return '"' + str(text).replace("\\", "\\\\").replace('"', '\\"') + '"'
