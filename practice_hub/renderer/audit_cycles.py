"""An audit cycle's page (its details and action plan) and, on a standard's page, the open
actions from audit cycles that serve it. The rules are in ``structure/audit_cycles.py``."""

from __future__ import annotations

import datetime as dt

from ..structure.audit_cycles import actions, due_date, is_overdue, open_actions_for
from ..structure.items import Item
from ..text import esc, link, long_date, table


def cycle_additions(cycle: Item, by_id: dict[str, Item], today: dt.date) -> str:
    data = cycle.data
    window = data.get("audit_window") or {}
    out = [
        "",
        "## About this cycle",
        "",
        table(
            ["", ""],
            [
                ["Theme", esc(data.get("theme", ""))],
                ["Services", esc(", ".join(map(str, data.get("services") or [])))],
                [
                    "Planning meeting",
                    esc(long_date(data["planning_meeting"])) if data.get("planning_meeting") else "",
                ],
                [
                    "Audit window",
                    f"{esc(long_date(window['start']))} to {esc(long_date(window['end']))}"
                    if window.get("start") and window.get("end")
                    else "",
                ],
                ["Link practitioner", esc(data.get("link_practitioner", ""))],
                ["Stage", esc(str(data.get("cycle_status", "")).capitalize())],
            ],
        ),
    ]
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
    return "\n".join(out) + "\n"


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
