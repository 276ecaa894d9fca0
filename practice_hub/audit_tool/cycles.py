"""Audit cycles: open actions on the standards they serve, the cycle page's plan,
and overdue actions as review-style warnings."""

from __future__ import annotations

import datetime as dt

from ..problems import Problems, advisory
from ..structure.items import Item
from ..text import esc, link, long_date, table

CYCLE = "audit_cycle"
OPEN = ("open", "in progress")


def actions(cycle: Item) -> list[tuple[int, dict]]:
    plan = cycle.data.get("action_plan")
    return [(i, a) for i, a in enumerate(plan if isinstance(plan, list) else []) if isinstance(a, dict)]


def _due(action: dict) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(action.get("due")))
    except ValueError:
        return None


def check_overdue_actions(
    items: list[Item], today: dt.date, problems: Problems, as_errors: bool = False
) -> None:
    for cycle in (i for i in items if i.type == CYCLE):
        for index, action in actions(cycle):
            due = _due(action)
            if due and due < today and action.get("action_status") in OPEN:
                problems.add(
                    cycle.path,
                    cycle.line_of("action_plan", index, "due"),
                    f'action "{action.get("action")}" was due on {due.isoformat()} and is still '
                    f"{action.get('action_status')}",
                    "mark it done, or agree a new due date",
                    type=CYCLE,
                    field="action_plan",
                    **advisory(as_errors),  # like an overdue review (overdue_reviews_are_errors)
                )


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
        due = _due(action)
        late = " (overdue)" if due and due < today and action.get("action_status") in OPEN else ""
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
    for cycle in sorted((i for i in items if i.type == CYCLE), key=lambda i: i.id):
        for _, action in actions(cycle):
            if action.get("standard") == standard.id and action.get("action_status") in OPEN:
                due = _due(action)
                late = " (overdue)" if due and due < today else ""
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
