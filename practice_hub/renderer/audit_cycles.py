"""An audit cycle's page (its details and action plan) and, on a standard's page, the open
actions from audit cycles that serve it. The rules are in ``structure/audit_cycles.py``."""

from __future__ import annotations

import datetime as dt

from ..audit_tool.counting import OVERALL
from ..markup import element
from ..markup import link as html_link
from ..structure.audit_cycles import actions, due_date, is_overdue, open_actions_for
from ..structure.audit_results import in_scope, window_of
from ..structure.items import Item
from ..structure.learning_loop import loop_actions
from ..structure.thread import Thread
from ..text import bullet_list, esc, link, long_date, table
from .audit_form import TOOL_URI, relative
from .audit_results import LOOP_HEADING, loop_table, median_table, results_table
from .chart import sample, value_of


def cycle_sections(cycle: Item, sections: list[Item]) -> list[Item]:
    """The sections a cycle audits: its ``audit_sections``, else every section of its services."""
    chosen = cycle.data.get("audit_sections")
    if isinstance(chosen, list) and chosen:
        return [s for s in sections if s.id in chosen]
    services = [str(s) for s in cycle.data.get("services") or []]
    return [s for s in sections if any(in_scope(s, service) for service in services)]


def _audits(cycle: Item, thread: Thread, use_dir: bool, today: dt.date) -> list[str]:
    """What the cycle audits, and the link that starts an audit for it in the tool (while its
    audit window is open: a closed cycle's results do not change)."""
    chosen = cycle_sections(cycle, thread.sections)
    themed = bool(cycle.data.get("audit_sections"))
    _, end = window_of(cycle)
    if end and end < today.isoformat():
        start = esc(
            f"Its audit window closed on {long_date(dt.date.fromisoformat(end))}: it takes no new audits."
        )
    else:
        start = str(
            html_link(
                "Start an audit for this cycle",
                relative(cycle.uri, TOOL_URI, use_dir) + "?cycle=" + cycle.id,
                class_="md-button md-button--primary",
            )
        )
    return [
        "## What this cycle audits",
        "",
        "This themed audit looks at these sections only:"
        if themed
        else "Every section of the audit tool for the cycle's services:",
        "",
        bullet_list([link(cycle.uri, s.uri, s.title) for s in chosen]),
        start,
        "",
    ]


def _results(cycle: Item, thread: Thread, good: str) -> list[str]:
    """The cycle's own results (all its audits, whatever their period), when any are counted."""
    values = thread.cycle_results.get(cycle.id) or []
    if not values:
        return []
    titles = {s.id: s.title for s in thread.sections}
    order = {s.id: i for i, s in enumerate(thread.sections)}
    values = sorted(
        values,
        key=lambda r: (r["audit_section"] != OVERALL, order.get(r["audit_section"], 10**6), r["service"]),
    )
    rows = [
        element(
            "tr",
            element(
                "th",
                titles.get(r["audit_section"], "Overall judgement")
                if r["audit_section"]
                else "Overall judgement",
                scope="row",
            ),
            element("td", r["service"] or "All services"),
            element("td", value_of(r)),
            element("td", sample(r)),
        )
        for r in values
    ]
    return [
        "## Results of this cycle",
        "",
        "Counted from the audits done for this cycle, whatever quarter they fall in.",
        "",
        str(results_table(f"Results of {cycle.title}", ["Audit section", "Service", good, "Sample"], rows)),
        "",
    ]


def _good(settings) -> str:
    labels = settings.grade_labels() if settings is not None else {"good": "Good"}
    return f"{labels['good']} or better"


def _facts(pairs: list[tuple[str, str]]) -> str:
    """A cycle's details as a list of terms and values (a table here had an empty header row:
    the details are not columns of anything). A detail the cycle does not give is left out."""
    return str(
        element(
            "dl",
            *(element("div", element("dt", term), element("dd", value)) for term, value in pairs if value),
            class_="ph-facts",
        )
    )


def cycle_start(cycle: Item) -> str:
    """The date a cycle starts (its audit window's start, else its planning meeting), for ordering."""
    start, _ = window_of(cycle)
    return str(start or cycle.data.get("planning_meeting") or "")


def cycles_listing(from_uri: str, items: list[Item], site=None) -> str:
    """Every audit cycle, the newest (latest start) first, with its audit window."""
    lines = []
    for cycle in sorted(items, key=lambda c: (cycle_start(c), c.id), reverse=True):
        start, end = window_of(cycle)
        when = (
            f" ({esc(long_date(dt.date.fromisoformat(str(start))))} to "
            f"{esc(long_date(dt.date.fromisoformat(str(end))))})"
            if start and end
            else ""
        )
        summary = f": {esc(cycle.summary)}" if cycle.summary else ""
        lines.append(f"{link(from_uri, cycle.uri, cycle.title)}{when}{summary}")
    return bullet_list(lines)


def cycle_additions(
    cycle: Item,
    by_id: dict[str, Item],
    today: dt.date,
    thread: Thread | None = None,
    settings=None,
    use_dir: bool = True,
) -> str:
    data = cycle.data
    window = data.get("audit_window") or {}
    out = [
        "",
        "## About this cycle",
        "",
        _facts(
            [
                ("Theme", str(data.get("theme", ""))),
                ("Services", ", ".join(map(str, data.get("services") or []))),
                (
                    "Planning meeting",
                    long_date(data["planning_meeting"]) if data.get("planning_meeting") else "",
                ),
                (
                    "Audit window",
                    f"{long_date(window['start'])} to {long_date(window['end'])}"
                    if window.get("start") and window.get("end")
                    else "",
                ),
                ("Link practitioner", str(data.get("link_practitioner", ""))),
                ("Stage", str(data.get("cycle_status", "")).capitalize()),
            ]
        ),
        "",
    ]
    if thread is not None and thread.sections:
        out += (
            [""]
            + _audits(cycle, thread, use_dir, settings.build_date)
            + _results(cycle, thread, _good(settings))
        )
    plan = actions(cycle)
    out += ["## Action plan", ""]
    if not plan:
        out.append("No action plan yet.\n")
        return "\n".join(out)
    rows = []
    for _, action in plan:
        standard = by_id.get(str(action.get("standard", "")))
        due = due_date(action)
        late = " (overdue)" if is_overdue(action, today) else ""
        rows.append(
            [
                esc(action.get("action", "")),
                esc(action.get("owner", "")),
                (esc(long_date(due)) if due else "") + late,
                esc(action.get("action_status", "")),
                link(cycle.uri, standard.uri, standard.title) if standard else "",
            ]
        )
    out.append(table(["Action", "Owner", "Due", "Status", "Standard"], rows))
    if thread is not None:
        out.append(cycle_loop(cycle, by_id, thread))
    return "\n".join(out) + "\n"


def cycle_loop(cycle: Item, by_id: dict[str, Item], thread: Thread) -> str:
    """The cycle's actions in the learning loop: what each answered, what it changed, the days
    from finding to closed action and the section's results before and after."""
    loop = [a for a in loop_actions([cycle], by_id, thread.series) if a.cycle is cycle]
    if not loop:
        return ""
    return "\n".join(
        [
            "",
            f"## {LOOP_HEADING}",
            "",
            "What the audit found, what each action changed, the days from the finding to the "
            "closed action, and the audit section's result before and after.",
            "",
            loop_table(cycle.uri, loop, with_cycle=False),
            median_table(loop),
        ]
    )


def standard_loop(standard: Item, thread: Thread) -> str:
    """The actions from audit cycles that serve a standard, in the learning loop ("" when none)."""
    loop = [
        a
        for a in loop_actions(list(thread.by_id.values()), thread.by_id, thread.series)
        if a.standard is standard
    ]
    if not loop:
        return ""
    return "\n".join(
        [
            "",
            f"## {LOOP_HEADING}",
            "",
            "Actions from audit cycles that serve this standard: what the audit found, what changed, "
            "the days from finding to closed action, and the section's result before and after.",
            "",
            loop_table(standard.uri, loop),
        ]
    )


def standard_actions(standard: Item, items: list[Item], today: dt.date) -> str:
    """Open actions from audit cycles that serve this standard."""
    rows = []
    for cycle, action in open_actions_for(standard, items):
        due = due_date(action)
        late = " (overdue)" if is_overdue(action, today) else ""
        rows.append(
            [
                esc(action.get("action", "")),
                link(standard.uri, cycle.uri, cycle.title),
                esc(action.get("owner", "")),
                (esc(long_date(due)) if due else "") + late,
            ]
        )
    if not rows:
        return ""
    return (
        "\n".join(
            [
                "",
                "## Open actions from audit cycles",
                "",
                table(["Action", "Audit cycle", "Owner", "Due"], rows),
            ]
        )
        + "\n"
    )
