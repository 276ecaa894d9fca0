"""The capability and inspection frameworks' pages: one listing them all (frameworks/index.md),
one per framework (frameworks/<id>.md: its items, what is mapped to each, and the items nothing
is mapped to), and the "Frameworks" list on the page of each item mapped to them."""

from __future__ import annotations

import datetime as dt
import json

from ..content_types import AUDIT_SECTION, COURSE, EVENT, FRAMEWORK_PAGES, LEARNING, STANDARD, TYPES
from ..markup import element
from ..structure.frameworks import Framework, FrameworkItem, mapped_to, page_uri, status_on
from ..structure.items import Item, of_type
from ..text import bullet_list, esc, link, long_date, table
from .evidence import page_uri as evidence_uri

INDEX_URI = f"{FRAMEWORK_PAGES}/index.md"
HEADING = "Frameworks"  # the list on a mapped item's page
KINDS = {
    "capability": "Capabilities",
    "professional": "Professional standards",
    "inspection": "Inspection",
    "employer": "Employer standards",
}
# What is mapped to an item, in this order, under each type's label.
MAPPED_TYPES = (STANDARD, AUDIT_SECTION, COURSE, LEARNING, EVENT)


def page_names(frameworks: dict[str, Framework]) -> set[str]:
    """The framework pages' paths under docs/, without making them."""
    return {INDEX_URI, *(page_uri(framework_id) for framework_id in frameworks)} if frameworks else set()


def framework_pages(
    frameworks: dict[str, Framework], found: dict[tuple[str, str], list[Item]], today: dt.date
) -> dict[str, str]:
    """Every framework's page and the page that lists them, by path under docs/."""
    if not frameworks:
        return {}
    pages = {INDEX_URI: index_page(frameworks, found, today)}
    for framework in frameworks.values():
        pages[page_uri(framework.id)] = framework_page(framework, frameworks, found, today)
    return pages


def in_force_words(framework: Framework, today: dt.date) -> str:
    """ "in force", "from 1 April 2027" or "ended 31 March 2027", on *today*."""
    state, day = status_on(framework, today)
    return state if day is None else f"{state} {long_date(day)}"


def unmapped(
    framework: Framework, found: dict[tuple[str, str], list[Item]], today: dt.date
) -> list[FrameworkItem]:
    """The items nothing is mapped to, leaving out those the framework no longer has on *today*."""
    return [
        entry
        for entry in framework.items
        if not found.get((framework.id, entry.id)) and not (entry.ends is not None and entry.ends < today)
    ]


def index_page(
    frameworks: dict[str, Framework], found: dict[tuple[str, str], list[Item]], today: dt.date
) -> str:
    out = [
        "---",
        "title: Capability and inspection frameworks",
        "---",
        "",
        "# Capability and inspection frameworks",
        "",
        "The frameworks our practice standards, audit sections, training, briefings and events are "
        "mapped to, as on " + long_date(today) + ". Each framework's page lists its items, what is "
        "mapped to each, and the items nothing is mapped to yet.",
        "",
    ]
    rows = []
    for framework in sorted(frameworks.values(), key=lambda f: (list(KINDS).index(f.kind), f.name.lower())):
        gaps = len(unmapped(framework, found, today))
        ended = sum(1 for entry in framework.items if entry.ends is not None and entry.ends < today)
        current = len(framework.items) - ended
        rows.append(
            [
                link(INDEX_URI, page_uri(framework.id), framework.name),
                esc(KINDS.get(framework.kind, framework.kind)),
                esc(framework.version),
                esc(in_force_words(framework, today)),
                f"{current} ({ended} ended)" if ended else str(current),  # as the framework's page counts
                str(gaps),
            ]
        )
    out.append(table(["Framework", "Kind", "Version", "In force", "Items", "Nothing mapped"], rows))
    return "\n".join(out) + "\n"


def framework_page(
    framework: Framework,
    frameworks: dict[str, Framework],
    found: dict[tuple[str, str], list[Item]],
    today: dt.date,
) -> str:
    uri = page_uri(framework.id)
    out = [
        "---",
        f"title: {json.dumps(framework.name, ensure_ascii=False)}",
        "---",
        "",
        f"# {esc(framework.name)}",
        "",
        f"**Published by:** {esc(framework.publisher)}. **Version:** {esc(framework.version)}. "
        f"**In force:** {esc(_dates(framework, today))}.",
        "",
        f"**Source:** [{esc(framework.publisher)}: {esc(framework.name)}]({framework.source})",
        "",
    ]
    if framework.replaced_by and framework.replaced_by in frameworks:
        successor = frameworks[framework.replaced_by]
        out += [f"**Replaced by:** {link(uri, page_uri(successor.id), successor.name)}.", ""]
    before = [f for f in frameworks.values() if f.replaced_by == framework.id]
    for predecessor in before:
        out += [f"**Replaces:** {link(uri, page_uri(predecessor.id), predecessor.name)}.", ""]
    if framework.note:
        out += [f"**Note:** {esc(framework.note)}", ""]
    out += [link(uri, INDEX_URI, "Every framework"), ""]
    if framework.pack:  # an inspection framework: its evidence pack (renderer/evidence.py)
        out += [
            f"The evidence for it, under its headings: {link(uri, evidence_uri(framework), 'evidence pack')}.",
            "",
        ]
    gaps = unmapped(framework, found, today)
    ended = [entry for entry in framework.items if entry.ends is not None and entry.ends < today]
    total = len(framework.items) - len(ended)
    out += ["## Coverage", ""]
    if gaps:
        out += [
            f"{total - len(gaps)} of {total} items have something mapped to them. "
            f"Nothing is mapped yet to {'this item' if len(gaps) == 1 else 'these ' + str(len(gaps)) + ' items'}:",
            "",
            bullet_list([link(uri, uri, entry.name, entry.id) for entry in gaps]),
        ]
    else:
        out += [f"Every one of the {total} items has something mapped to it.", ""]
    for entry in ended:
        out += [
            f"{link(uri, uri, entry.name, entry.id)} is no longer in the framework (it ended on {long_date(entry.ends or today)}).",
            "",
        ]
    groups = dict(framework.groups)
    out += ["## Items", ""]
    shown_group = None
    for entry in framework.items:
        if entry.group and entry.group != shown_group:
            shown_group = entry.group
            out += [str(element("h3", groups.get(entry.group, entry.group))), ""]
        level = "h4" if framework.groups else "h3"
        out += [str(element(level, entry.name, id=entry.id)), ""]
        if entry.starts or entry.ends:
            out += [f"*{esc(_item_dates(entry))}*", ""]
        if entry.description:
            out += [esc(entry.description), ""]
        out += _mapped_list(uri, found.get((framework.id, entry.id), []))
    return "\n".join(out) + "\n"


def _mapped_list(uri: str, items: list[Item]) -> list[str]:
    if not items:
        return ["Nothing is mapped to this item yet.", ""]
    lines = []
    for type_name in MAPPED_TYPES:
        these = of_type(items, type_name)
        if these:
            label = TYPES[type_name].singular.capitalize() + "s"
            lines.append(f"{esc(label)}: " + ", ".join(link(uri, i.uri, i.title, i.anchor) for i in these))
    return [bullet_list(lines)]


def _dates(framework: Framework, today: dt.date) -> str:
    state = in_force_words(framework, today)
    since = f"from {long_date(framework.starts)}"
    until = f" to {long_date(framework.ends)}" if framework.ends else ""
    return f"{since}{until} ({state} on {long_date(today)})"


def _item_dates(entry: FrameworkItem) -> str:
    if entry.starts and entry.ends:
        return f"In force from {long_date(entry.starts)} to {long_date(entry.ends)}."
    if entry.ends:
        return f"Removed from the framework after {long_date(entry.ends)}."
    return f"In force from {long_date(entry.starts or dt.date.min)}."


def see_frameworks(from_uri: str, frameworks: dict[str, Framework]) -> str:
    """A line linking the frameworks' pages (under the golden thread), or "" with none."""
    if not frameworks:
        return ""
    target = link(from_uri, INDEX_URI, "capability and inspection frameworks")
    return f"\nWhat each standard, audit section, course, briefing and event serves in the {target} is on their pages.\n"


def framework_links(item: Item, frameworks: dict[str, Framework], uri: str) -> str:
    """The "Frameworks" list on a mapped item's page: each framework item it serves, linked to
    its place on the framework's page; "" when it names none."""
    pairs = mapped_to(item, frameworks)
    if not pairs:
        return ""
    lines = [
        f"{esc(framework.label)}: {link(uri, page_uri(framework.id), entry.name, entry.id)}"
        for framework, entry in pairs
    ]
    return f"\n## {HEADING}\n\n" + bullet_list(lines)
