"""Learning from reviews: the seven-minute briefing, its listing, and where it is shown.

A briefing's page is laid out from its fields in the familiar seven boxes (background, why it
matters, the story, what we learned, questions for the team, what has changed, further
information) and prints on one page for a team meeting (practice-hub-learning.css). Standards,
procedures and courses list the briefings that link to them.
"""

from __future__ import annotations

import re

from ..content_types import COURSE, LEARNING, PROCEDURE, STANDARD
from ..markup import (
    BR,
    FilterField,
    Markup,
    element,
    filter_data,
    filter_form,
    markdown_link,
    markdown_text,
    start_tag,
)
from ..structure.briefing_use import Use, uses_of
from ..structure.items import Item
from ..structure.thread import Thread
from ..text import bullet_list, esc, link, long_date

#: How each kind of review is written in a sentence (the schema's values are lower case).
KINDS = {
    "child safeguarding practice review": "Child safeguarding practice review",
    "safeguarding adult review": "Safeguarding Adult Review",
    "domestic homicide review": "Domestic homicide review",
    "national panel report": "National panel report",
}
#: (CSS modifier, heading) of the seven boxes, in reading order.
BOXES = (
    ("background", "Background"),
    ("why", "Why it matters"),
    ("story", "The story in brief"),
    ("learning", "What we learned"),
    ("questions", "Questions for your team"),
    ("changed", "What has changed here"),
    ("more", "Further information"),
)
REPLACE_BODY = "\x00replace-body\n"  # an addition that is the whole page (site_pages.with_additions)
_H1 = re.compile(r"\A\s*(# [^\n]+)\n?")


def kind_of(item: Item) -> str:
    kind = str(item.data.get("review_kind", ""))
    return KINDS.get(kind, kind[:1].upper() + kind[1:])


def _paragraphs(text) -> str:
    """Editor text as Markdown paragraphs, every character shown as written."""
    parts = [p.strip() for p in re.split(r"\n\s*\n", str(text or "")) if p.strip()]
    return "\n\n".join(esc(" ".join(p.split())) for p in parts) + "\n"


def _box(number: int, key: str, heading: str, content: str) -> list[str]:
    return [
        str(start_tag("div", class_=f"ph-briefing__box ph-briefing__box--{key}", markdown=True)),
        "",
        f"## {number}. {heading}",
        "",
        content.rstrip(),
        "",
        Markup("</div>"),
        "",
    ]


def _lines(values) -> list[str]:
    """List entries as one escaped line each (a block scalar's line breaks would end the list)."""
    return [esc(" ".join(str(v).split())) for v in values or []]


def _ordered(lines: list[str]) -> str:
    return "\n".join(f"{n}. {line}" for n, line in enumerate(lines, 1)) + "\n"


#: The printed body text by the length of a briefing's words (its summary, why it matters, the
#: story and its three lists, in characters): the largest size at which it still fits one A4 page,
#: so a short briefing fills the page in 11 pt and the longest the schema allows still fits
#: (practice-hub-learning.css, measured in Chromium: tests/browser/test_learning_print.py).
PRINT_SIZES = ((1600, "11"), (2100, "10"), (2700, "9"))
SMALLEST_PRINT_SIZE = "8"


def print_size(item: Item) -> str:
    """The point size a briefing prints its body text in (see ``PRINT_SIZES``)."""
    data = item.data
    length = sum(len(str(data.get(key) or "")) for key in ("summary", "why_it_matters", "story"))
    length += sum(
        len(str(line))
        for key in ("learning_points", "questions", "local_changes")
        for line in data.get(key) or []
    )
    return next((size for most, size in PRINT_SIZES if length <= most), SMALLEST_PRINT_SIZE)


def briefing_page(item: Item, thread: Thread) -> str:
    """The whole page of a briefing: its title, then the seven boxes made from its fields.

    The editor's own body (anything after the title) is shown in "Further information".
    """
    data = item.data
    body = item.body or ""
    heading = _H1.match(body)
    rest = body[heading.end() :] if heading else body
    scope = str(data.get("scope", ""))
    published = long_date(data["date"]) if data.get("date") else ""
    background = [
        f"**{esc(kind_of(item))}**" + (f" ({esc(scope)})" if scope else ""),
        f"Published by {esc(data.get('source', ''))}" + (f", {esc(published)}" if published else ""),
    ]
    boxes = {
        "background": "\n".join(f"{line}  " for line in background).rstrip() + "\n\n" + esc(item.summary),
        "why": _paragraphs(data.get("why_it_matters")),
        "story": _paragraphs(data.get("story")),
        "learning": bullet_list(_lines(data.get("learning_points"))),
        "questions": _ordered(_lines(data.get("questions"))),
        "changed": bullet_list(_lines(data.get("local_changes"))),
        "more": _further(item, thread, rest),
    }
    out = [heading.group(1), ""] if heading else []
    out += [
        Markup(
            '<p class="ph-briefing__print"><button type="button" class="md-button" data-ph-print hidden>'
            "Print this briefing (one page)</button></p>"
        ),
        "",
        str(
            start_tag(
                "div",
                class_="ph-briefing",
                data_ph_briefing=item.id,
                data_ph_print_size=print_size(item),
                markdown=True,
            )
        ),
        "",
    ]
    for number, (key, title) in enumerate(BOXES, 1):
        out += _box(number, key, title, boxes[key])
    out += [Markup("</div>"), ""]
    out += team_uses(item, uses_of(item, thread.by_id, thread.today))
    return REPLACE_BODY + "\n".join(out)


USES_HEADING = "How teams used this briefing"


def team_uses(item: Item, uses: list[Use]) -> list[str]:
    """The briefing's "How teams used this briefing": each team's discussion, oldest first, with
    its answers to the questions, the change it agreed and links to what was changed."""
    out = [f"## {USES_HEADING}", ""]
    if not uses:
        return out + ["No team has recorded its use of this briefing yet.", ""]
    count = len(uses)
    out += [f"{count} team discussion{'s' if count != 1 else ''} recorded.", ""]
    for use in uses:
        out += [f"### {esc(use.team)}, {esc(long_date(use.date))}", ""]
        out.append(bullet_list([f"*{esc(question)}* {esc(answer)}" for question, answer in use.answers]))
        out += [f"**Agreed change:** {esc(use.agreed_change)}", ""]
        if use.changed:
            changed = ", ".join(
                f"{link(item.uri, other.uri, other.title, other.anchor)} ({esc(other.label)})"
                for other in use.changed
            )
            out += [f"**Changed:** {changed}", ""]
    return out


def uses_line(briefing: Item, thread: Thread) -> str:
    """How teams have used a briefing, in a few words: "used by 2 teams, latest 8 September 2026
    (Riverside Child Protection Team)", or "no team use recorded yet"."""
    uses = uses_of(briefing, thread.by_id, thread.today)
    if not uses:
        return "no team use recorded yet"
    teams = len({use.team for use in uses})
    latest = uses[-1]
    return f"used by {teams} team{'s' if teams != 1 else ''}, latest {long_date(latest.date)} ({latest.team})"


def _further(item: Item, thread: Thread, rest: str) -> str:
    uri, data = item.uri, item.data
    lines = []
    if data.get("link"):
        text = esc(f"Read the full review: {item.title}")
        lines.append(f"{markdown_link(text, data['link'])} (external site)")
    for kind, label in ((STANDARD, "Practice standards"), (PROCEDURE, "Procedures"), (COURSE, "Training")):
        linked = thread.linked(item, kind)
        if linked:
            lines.append(f"**{label}:** " + ", ".join(link(uri, i.uri, i.title) for i in linked))
    out = bullet_list(lines)
    if rest.strip():
        out += "\n" + rest.strip() + "\n"
    return out or "Nothing more yet.\n"


def briefings_for(
    from_uri: str, item: Item, thread: Thread, heading: str = "## Learning from reviews", uses: bool = False
) -> str:
    """The briefings that link to a standard, procedure or course, newest first ("" when none);
    with *uses* (a standard's page), how teams have used each."""
    briefings = sorted(
        thread.linked(item, LEARNING), key=lambda b: (str(b.data.get("date", "")), b.id), reverse=True
    )
    if not briefings:
        return ""
    lines = [
        f"{link(from_uri, b.uri, b.title)}: {esc(kind_of(b))}, {esc(b.data.get('scope', ''))}"
        + (f", {esc(long_date(b.data['date']))}" if b.data.get("date") else "")
        + (f"; {esc(uses_line(b, thread))}" if uses else "")
        for b in briefings
    ]
    return "\n".join(["", heading, "", bullet_list(lines)])


def learning_listing(from_uri: str, items: list[Item]) -> str:
    """Every briefing, newest first, filtered by kind of review and local or national."""
    items = sorted(items, key=lambda i: (str(i.data.get("date", "")), i.id), reverse=True)
    kinds = sorted({str(i.data.get("review_kind", "")) for i in items})
    out = [
        "Seven-minute briefings on local and national reviews: what happened, what we learned, "
        "questions for your team and what has changed here. Each prints on one page for a team meeting.",
        "",
        *filter_form(
            [
                FilterField("kind", "Kind of review", "Any kind", [(k, KINDS.get(k, k)) for k in kinds]),
                FilterField(
                    "scope",
                    "Local or national",
                    "Local and national",
                    [("local", "Local"), ("national", "National")],
                ),
            ],
            noun="briefings",
        ),
        "",
        Markup('<ul class="ph-library ph-learning" data-ph-filtered markdown>'),
    ]
    for item in items:
        data = item.data
        kind, scope = str(data.get("review_kind", "")), str(data.get("scope", ""))
        published = long_date(data["date"]) if data.get("date") else ""
        entry = element(
            "li",
            markdown_text(f"**{link(from_uri, item.uri, item.title)}**: {esc(item.summary)}"),
            BR,
            markdown_text(
                f"*{esc(kind_of(item))}, {esc(scope)}: {esc(data.get('source', ''))}, {esc(published)}*"
            ),
            **filter_data(kind=kind, scope=scope),
            markdown=True,
        )
        out.append(str(entry))
    out += [Markup("</ul>"), ""]
    return "\n".join(out) + "\n"
