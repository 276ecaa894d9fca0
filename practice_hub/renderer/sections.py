"""The rest of the one stop shop: induction checklists, tool downloads, research library, vacancies, news."""

from __future__ import annotations

import datetime as dt
import hashlib
import posixpath
from pathlib import Path

from ..markup import (
    BR,
    NEWLINE,
    FilterField,
    Markup,
    element,
    filter_data,
    filter_form,
    join,
    markdown_link,
    markdown_text,
    safe_url,
    start_tag,
)
from ..structure.items import Item
from ..structure.tools import check_tool_files  # noqa: F401  (moved; kept importable)
from ..text import bullet_list, esc, link, long_date

WHEN = ["first day", "first week", "first month", "first three months"]

FILE_TYPES = {
    ".csv": "CSV spreadsheet",
    ".docx": "Word document",
    ".doc": "Word document",
    ".xlsx": "Excel spreadsheet",
    ".pdf": "PDF",
    ".txt": "Text file",
    ".svg": "SVG image",
    ".png": "PNG image",
    ".html": "Web page",
    ".pptx": "PowerPoint presentation",
    ".odt": "OpenDocument text",
    ".ods": "OpenDocument spreadsheet",
    ".rtf": "Rich text document",
    ".zip": "ZIP archive",
}


def step_id(step: dict) -> str:
    """Stable while the step's words stay the same, so ticks survive reordering."""
    return "s-" + hashlib.sha1(str(step.get("text", "")).encode("utf-8")).hexdigest()[:10]


def induction_additions(item: Item, by_id: dict[str, Item]) -> str:
    uri = item.uri
    steps = [s for s in item.data.get("steps") or [] if isinstance(s, dict)]
    out = [
        "",
        str(start_tag("div", class_="ph-checklist", data_ph_checklist=item.id, markdown=True)),
        "",
        Markup(
            '<div class="ph-checklist__tools">'
            '<p class="ph-checklist__progress"><span data-ph-progress role="status" aria-live="polite"></span>'
            '<progress data-ph-progress-bar max="1" value="0" aria-hidden="true" hidden></progress></p>'
            '<button type="button" class="md-button" data-ph-reset hidden>Reset my ticks</button>'
            '<p class="ph-checklist__confirm" data-ph-reset-confirm hidden>'
            "<span data-ph-reset-question>Untick every step on this page?</span> "
            '<button type="button" class="md-button md-button--primary" data-ph-reset-yes>Yes, untick all</button> '
            '<button type="button" class="md-button" data-ph-reset-no>No, keep my ticks</button></p>'
            "</div>"
        ),
        "",
        "Ticks are saved in this browser on this device only.",
        "",
    ]
    for when in WHEN:
        group = [s for s in steps if s.get("when") == when]
        if not group:
            continue
        out += [f"## {when[0].upper()}{when[1:]}", "", Markup('<ul class="ph-checklist__steps" markdown>')]
        for step in group:
            sid = step_id(step)
            extras = []
            for pid in step.get("procedures") or []:
                if pid in by_id:
                    extras.append("Read: " + link(uri, by_id[pid].uri, by_id[pid].title))
            for cid in step.get("courses") or []:
                if cid in by_id:
                    extras.append("Training: " + link(uri, by_id[cid].uri, by_id[cid].title))
            if step.get("meet"):
                extras.append(f"Meet: {esc(step['meet'])}")
            detail = (
                BR
                + element(
                    "span", markdown_text("; ".join(extras)), class_="ph-checklist__detail", markdown=True
                )
                if extras
                else ""
            )
            box = start_tag("input", type="checkbox", id=f"{item.id}-{sid}", data_ph_step=sid)
            label = element("label", str(step.get("text", "")), for_=f"{item.id}-{sid}")
            out.append(str(element("li", box, " ", label, detail, markdown=True)))
        out += [Markup("</ul>"), ""]
    out += [Markup("</div>"), ""]
    return "\n".join(out) + "\n"


def file_label(path: Path) -> str:
    kind = FILE_TYPES.get(path.suffix.lower(), path.suffix.lstrip(".").upper() + " file")
    size = path.stat().st_size
    if size < 1024:
        text = f"{size} bytes"
    elif size < 1024 * 1024:
        text = f"{size / 1024:.1f} kB"
    else:
        text = f"{size / 1024 / 1024:.1f} MB"
    return f"{kind}, {text}"


def tool_additions(item: Item, docs_dir: Path, thread) -> str:
    uri = item.uri
    out = [""]
    file = item.data.get("file")
    if file:
        target = docs_dir / posixpath.dirname(uri) / file
        if target.is_file():
            name = posixpath.basename(file)
            out += [
                Markup('<div class="ph-download" markdown>'),
                "",
                f"**Download:** [{esc(item.title)}]({file}) ({file_label(target)}, {esc(name)})",
                "",
                Markup("</div>"),
                "",
            ]
    if item.data.get("when_to_use"):
        out += ["## When to use it", "", esc(item.data["when_to_use"]), ""]
    standards = thread.standards_for(item)
    if standards:
        out += [
            "## Practice standards this tool supports",
            "",
            bullet_list([link(uri, s.uri, s.title) for s in standards]),
        ]
    return "\n".join(out) + "\n" if len(out) > 1 else ""


def research_library(from_uri: str, items: list[Item], tags: dict, today: dt.date) -> str:
    items = sorted(items, key=lambda i: (str(i.data.get("date", "")), i.id), reverse=True)
    month = today.strftime("%Y-%m")
    fresh = [i for i in items if str(i.data.get("date", "")).startswith(month)]
    out = []
    if fresh:
        out += [
            "## New this month",
            "",
            bullet_list([link(from_uri, i.uri, i.title) + f": {esc(i.summary)}" for i in fresh]),
        ]
    topics = sorted(
        {t for i in items for t in i.data.get("topics") or []},
        key=lambda t: str(tags[t].data.get("label", t)).lower() if t in tags else t,
    )
    sources = sorted({str(i.data.get("source", "")) for i in items})
    out += [
        "## Library",
        "",
        *filter_form(
            [
                FilterField(
                    "topics",
                    "Topic",
                    "Any topic",
                    [(t, str(tags[t].data.get("label", t)) if t in tags else t) for t in topics],
                    name="topic",
                ),
                FilterField("source", "Source", "Any source", [(s, s) for s in sources]),
            ],
            noun="entries",
        ),
        "",
        Markup('<ul class="ph-library" data-ph-filtered markdown>'),
    ]
    for item in items:
        data = item.data
        source = str(data.get("source", ""))
        published = long_date(data["date"]) if data.get("date") else ""
        entry = element(
            "li",
            markdown_text(f"**{link(from_uri, item.uri, item.title)}**: {esc(item.summary)}"),
            BR,
            markdown_text(f"*{esc(source)}, {esc(data.get('resource_type', ''))}, {published}*"),
            **filter_data(topics=data.get("topics") or [], source=source),
            markdown=True,
        )
        out.append(str(entry))
    out += [Markup("</ul>"), ""]
    return "\n".join(out) + "\n"


def research_additions(item: Item, thread) -> str:
    data = item.data
    out = [
        "",
        Markup('<div class="ph-download" markdown>'),
        "",
        f"**Read it:** {markdown_link(esc(item.title), data.get('link', ''))} ({esc(data.get('source', ''))}, "
        f"{esc(data.get('resource_type', ''))}; external site, not available without internet)",
        "",
        Markup("</div>"),
        "",
    ]
    standards = thread.standards_for(item)
    if standards:
        out += [
            "## Practice standards it informs",
            "",
            bullet_list([link(item.uri, s.uri, s.title) for s in standards]),
        ]
    return "\n".join(out) + "\n"


NO_VACANCIES = "There are no open vacancies at the moment."


def vacancy_listing(from_uri: str, items: list[Item], today: dt.date) -> str:
    open_items = sorted(
        (i for i in items if not vacancy_closed(i, today)),
        key=lambda i: (str(i.data.get("closing_date", "")), i.title),
    )
    if not open_items:
        return NO_VACANCIES + "\n"
    lines = []
    for item in open_items:
        data = item.data
        words = (
            f"**{link(from_uri, item.uri, item.title)}**: {esc(data.get('team', ''))}, "
            f"{esc(data.get('grade', ''))}, {esc(data.get('salary', ''))}. "
            f"Closing date {long_date(data['closing_date'])}."
        )
        lines.append(
            element(
                "li", markdown_text(words), data_ph_closes=str(data.get("closing_date", "")), markdown=True
            )
        )
    listed = element("ul", NEWLINE, join(lines, NEWLINE), NEWLINE, class_="ph-vacancies", markdown=True)
    # When every vacancy listed has closed by the reader's clock (practice-hub-today.js).
    nothing = element("p", NO_VACANCIES, data_ph_empty=True, hidden=True)
    return f"{listed}\n\n{nothing}\n"


def vacancy_closed(item: Item, today: dt.date) -> bool:
    try:
        return dt.date.fromisoformat(str(item.data.get("closing_date"))) < today
    except ValueError:
        return False


def vacancy_additions(item: Item, today: dt.date) -> str:
    data = item.data
    closing = str(data.get("closing_date", ""))
    contact = str(data.get("apply", ""))
    href = safe_url(contact if "://" in contact else f"mailto:{contact}")
    closed = vacancy_closed(item, today)
    facts = [
        ("Team", data.get("team")),
        ("Grade", data.get("grade")),
        ("Salary", data.get("salary")),
        ("Hours", data.get("hours")),
        ("Closing date", long_date(closing) if closing else ""),
    ]
    out = [
        "",
        str(start_tag("div", class_="ph-vacancy", data_ph_closes=closing, markdown=True)),
        "",
        bullet_list([f"**{label}:** {esc(value)}" for label, value in facts if value]),
        str(
            element(
                "p",
                f"This vacancy closed on {long_date(closing) if closing else 'its closing date'}. "
                "It is no longer accepting applications.",
                class_="ph-banner ph-banner--archived",
                data_ph_closed_notice=True,
                hidden=not closed,
            )
        ),
        "",
        str(
            element(
                "p",
                markdown_text(f"**How to apply:** {markdown_link(esc(contact), href)}"),
                data_ph_apply=True,
                hidden=closed,
                markdown=True,
            )
        ),
        "",
        Markup("</div>"),
        "",
    ]
    return "\n".join(out) + "\n"


def news_additions(item: Item, thread) -> str:
    standards = thread.standards_for(item)
    if not standards:
        return ""
    return "\n## Practice standards this post is about\n\n" + bullet_list(
        [link(item.uri, s.uri, s.title) for s in standards]
    )
