"""Staff voice pages: a page per year of health check results, charted like the audit
results with a table of the same numbers, the "You said, we did" actions, a listing with the
latest year first, and the home page's link to the latest results."""

from __future__ import annotations

from ..markup import NEWLINE, element, join, markdown_block, markdown_text, table_head
from ..structure.items import Item
from ..structure.staff_voice import Answer, answers, latest, previous, years
from ..text import bullet_list, esc, link, long_date, table
from .chart import bar_svg, percent

STATUS_WORDS = {"planned": "Planned", "in progress": "In progress", "done": "Done"}


def change_words(answer: Answer, before: Item | None) -> str:
    """ "up 6 points", "down 3 points", "no change" or "new question": words, not colour."""
    if answer.change is None:
        return "new question" if before is not None else "first year"
    if answer.change == 0:
        return "no change"
    return f"{'up' if answer.change > 0 else 'down'} {abs(answer.change):g} points"


def headline(entry: Item, items: list[Item]) -> str:
    """One line about a year: how many results rose and fell, and the actions done."""
    found = answers(entry, items)
    up = sum(1 for a in found if a.change is not None and a.change > 0)
    down = sum(1 for a in found if a.change is not None and a.change < 0)
    actions = [a for a in entry.data.get("actions") or [] if isinstance(a, dict)]
    done = sum(1 for a in actions if a.get("status") == "done")
    before = previous(entry, items)
    parts = [f"{len(found)} question{'s' if len(found) != 1 else ''}"]
    if before is not None:
        parts.append(f"{up} up and {down} down since {before.data.get('year')}")
    parts.append(f"{done} of {len(actions)} actions done")
    return ", ".join(parts)


def year_page(entry: Item, items: list[Item]) -> str:
    uri, data = entry.uri, entry.data
    before = previous(entry, items)
    found = answers(entry, items)
    facts = [
        ("Published", _date(data.get("published"))),
        ("Staff who answered", str(data["respondents"]) if data.get("respondents") is not None else ""),
        ("Response rate", percent(data["response_rate"]) if _number(data.get("response_rate")) else ""),
    ]
    out = [
        "---",
        f"title: {_yaml_str(entry.title)}",
        "---",
        "",
        f"# {esc(entry.title)}",
        "",
        esc(entry.summary),
        "",
        bullet_list([f"**{label}:** {esc(value)}" for label, value in facts if value]),
        "## Results",
        "",
    ]
    if found:
        compare = f" and the change since {before.data.get('year')}" if before is not None else ""
        title = f"Staff who agree, {data.get('year')}"
        description = "; ".join(f"{a.topic}: {percent(a.agree)} ({change_words(a, before)})" for a in found)
        chart = bar_svg([(a.topic, a.agree) for a in found], f"chart-{entry.id}", title, description)
        caption = element("figcaption", f"{title}. The table below gives the same numbers{compare}.")
        out += [
            str(element("figure", NEWLINE, chart, NEWLINE, caption, NEWLINE, class_="ph-figure")),
            "",
            table(
                ["Question", "Agree", f"Change since {before.data.get('year')}" if before else "Change"],
                [[esc(a.question), percent(a.agree), change_words(a, before)] for a in found],
            ),
        ]
    out += ["## You said, we did", ""]
    out.append(_actions(entry, {i.id: i for i in items}))
    others = [y for y in reversed(years(items)) if y is not entry]
    if others:
        out += [
            "## Other years",
            "",
            bullet_list([link(uri, y.uri, y.title) for y in others]),
        ]
    return "\n".join(out) + "\n"


def _see(entry: Item, action: dict, by_id: dict[str, Item]) -> str:
    """ "See: <course>, <procedure>" for the items an action names."""
    named = [by_id[i] for key in ("courses", "procedures") for i in action.get(key) or [] if i in by_id]
    return (" See: " + ", ".join(link(entry.uri, i.uri, i.title) for i in named) + ".") if named else ""


def _actions(entry: Item, by_id: dict[str, Item]) -> str:
    """The actions as a table; on a phone each action is a card, each value labelled with its
    column (the training sessions' card style)."""
    actions = [a for a in entry.data.get("actions") or [] if isinstance(a, dict)]
    if not actions:
        return "No actions have been agreed yet.\n"
    rows = []
    for a in actions:
        status = str(a.get("status", ""))
        rows.append(
            element(
                "tr",
                element("td", markdown_text(esc(a.get("said", ""))), data_label="You said", markdown=True),
                element(
                    "td",
                    markdown_text(esc(a.get("action", "")) + _see(entry, a, by_id)),
                    data_label="We did",
                    markdown=True,
                ),
                element("td", str(a.get("owner", "")), data_label="Owner"),
                element(
                    "td",
                    element("span", STATUS_WORDS.get(status, status), class_="ph-status"),
                    data_label="Status",
                ),
                element("td", _date(a.get("date")), data_label="Date"),
                markdown=True,
            )
        )
    head = table_head("You said", "We did", "Owner", "Status", "Date")
    body = element("tbody", NEWLINE, join(rows, NEWLINE), NEWLINE, markdown=True)
    table_html = element(
        "table", NEWLINE, head, NEWLINE, body, NEWLINE, class_="ph-sessions ph-actions", markdown=True
    )
    return f"{table_html}\n"


def staff_voice_listing(from_uri: str, entries: list[Item], site=None) -> str:
    """Every year, latest first, each with its headline."""
    items = site.items if site is not None else entries
    shown = [e for e in reversed(years(entries))]
    lines = [f"{link(from_uri, e.uri, e.title)}: {esc(headline(e, items))}" for e in shown]
    return bullet_list(lines, "Nothing here yet.") + _by_year(list(reversed(shown)))


def _by_year(entries: list[Item]) -> str:
    """Every question's result in every year, oldest year first: the trend at a glance."""
    if len(entries) < 2:
        return ""
    topics: dict[str, str] = {}
    results: dict[tuple[str, int], float] = {}
    for entry in entries:
        for question in entry.data.get("questions") or []:
            if isinstance(question, dict) and _number(question.get("agree")):
                topics[str(question.get("id"))] = str(question.get("topic", question.get("id")))
                results[(str(question.get("id")), id(entry))] = question["agree"]
    rows = [
        [esc(topic)]
        + [percent(results[(qid, id(e))]) if (qid, id(e)) in results else "not asked" for e in entries]
        for qid, topic in topics.items()
    ]
    heads = ["Question"] + [esc(str(e.data.get("year", e.id))) for e in entries]
    return "\n## Results by year\n\nThe percentage of staff who agreed, each year.\n\n" + table(heads, rows)


def home_block(items: list[Item], home_uri: str) -> str:
    """The home page's link to the latest results, or "" when there are none."""
    entry = latest(items)
    if entry is None:
        return ""
    latest_line = markdown_text(link(home_uri, entry.uri, entry.title)) + " "
    latest_line += element("span", headline(entry, items), class_="ph-home-when")
    every_year = link(home_uri, entry.uri.rsplit("/", 1)[0] + "/index.md", "All years and actions")
    block = markdown_text(f"## Staff voice\n\n- {latest_line}\n\n{every_year}")
    return str(markdown_block("section", block, class_="ph-home-block ph-home-block--staff-voice"))


def _date(value) -> str:
    """5 March 2026, or the value as written when it is not a date (its problem is reported)."""
    if not value:
        return ""
    try:
        return long_date(value)
    except ValueError:
        return str(value)


def _number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _yaml_str(text: str) -> str:
    return '"' + str(text).replace("\\", "\\\\").replace('"', '\\"') + '"'
