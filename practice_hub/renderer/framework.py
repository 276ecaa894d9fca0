"""The practice framework: its principles and the standards, procedures, tools and
training that carry it, on its own page; and the link back on each of those pages."""

from __future__ import annotations

from ..content_types import COURSE, FRAMEWORK, PROCEDURE, STANDARD, TOOL
from ..structure.items import Item
from ..structure.thread import Thread
from ..text import bullet_list, esc, link

CARRIED_BY = (
    (STANDARD, "Practice standards"),
    (PROCEDURE, "Procedures"),
    (TOOL, "Practice tools"),
    (COURSE, "Training"),
)


def framework_additions(framework: Item, thread: Thread) -> str:
    uri, data = framework.uri, framework.data
    out = ["", f"**Our model:** {esc(data.get('model', ''))}", ""]
    approaches = [a for a in data.get("approaches") or [] if isinstance(a, str)]
    if approaches:
        out += [f"**It draws on:** {esc(', '.join(approaches))}.", ""]
    principles = [p for p in data.get("principles") or [] if isinstance(p, dict)]
    out += ["## Our principles", ""]
    for number, principle in enumerate(principles, 1):
        out += [
            f"### {number}. {esc(principle.get('name', ''))}",
            "",
            f"**What it means:** {esc(principle.get('means', ''))}",
            "",
            f"**What it looks like in practice:** {esc(principle.get('in_practice', ''))}",
            "",
        ]
    out += ["## Where the framework is carried", ""]
    any_linked = False
    for kind, heading in CARRIED_BY:
        linked = thread.linked(framework, kind)
        if not linked:
            continue
        any_linked = True
        out += [f"### {heading}", "", bullet_list([_line(uri, i) for i in linked])]
    if not any_linked:
        out.append("No standard, procedure, tool or course names this framework yet.\n")
    return "\n".join(out) + "\n"


def framework_backlink(item: Item, thread: Thread, uri: str) -> str:
    """ "Practice framework" on a standard, procedure, tool or course page the framework names."""
    frameworks = thread.linked(item, FRAMEWORK)
    if not frameworks:
        return ""
    lines = [f"{link(uri, f.uri, f.title)}: {esc(f.data.get('model', '') or f.summary)}" for f in frameworks]
    return (
        f"\n## Practice framework\n\nThis {esc(item.label)} carries our practice framework.\n\n"
        + bullet_list(lines)
    )


def _line(uri: str, item: Item) -> str:
    number = item.number
    title = f"{number}. {item.title}" if number is not None and item.type == STANDARD else item.title
    return f"{link(uri, item.uri, title, item.anchor)}: {esc(item.summary)}"
