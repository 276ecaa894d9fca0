"""Audit cycles: the rules, without formatting. Which actions of a cycle's plan are open, which
are overdue (reported as review-style warnings), and which open actions serve a standard.

The cycle's page and the standard's "Open actions" block are written by
``renderer/audit_cycles.py`` from what this module gives it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ..content_types import AUDIT_CYCLE
from ..problems import Problems, advisory
from .items import Item, of_type

OPEN = ("open", "in progress")


def actions(cycle: Item) -> list[tuple[int, dict]]:
    """(index in the plan, action) for each action of the cycle's plan that is a mapping."""
    plan = cycle.data.get("action_plan")
    return [(i, a) for i, a in enumerate(plan if isinstance(plan, list) else []) if isinstance(a, dict)]


def due_date(action: dict) -> dt.date | None:
    """The action's due date, or None when it has none or it is not a date."""
    try:
        return dt.date.fromisoformat(str(action.get("due")))
    except ValueError:
        return None


def is_open(action: dict) -> bool:
    return action.get("action_status") in OPEN


def is_overdue(action: dict, today: dt.date) -> bool:
    """Open, and due before today."""
    due = due_date(action)
    return bool(due and due < today and is_open(action))


def check_overdue_actions(
    items: list[Item], today: dt.date, problems: Problems, as_errors: bool = False
) -> None:
    for cycle in of_type(items, AUDIT_CYCLE):
        for index, action in actions(cycle):
            due = due_date(action)
            if due and is_overdue(action, today):
                problems.add(
                    cycle.path,
                    cycle.line_of("action_plan", index, "due"),
                    f'action "{action.get("action")}" was due on {due.isoformat()} and is still '
                    f"{action.get('action_status')}",
                    "mark it done, or agree a new due date",
                    type=AUDIT_CYCLE,
                    field="action_plan",
                    **advisory(as_errors),  # like an overdue review (overdue_reviews_are_errors)
                )


def open_actions_for(standard: Item, items: list[Item]) -> Iterator[tuple[Item, dict]]:
    """(cycle, action) for each open action that serves the standard, cycles in id order."""
    for cycle in sorted(of_type(items, AUDIT_CYCLE), key=lambda i: i.id):
        for _, action in actions(cycle):
            if action.get("standard") == standard.id and is_open(action):
                yield cycle, action
