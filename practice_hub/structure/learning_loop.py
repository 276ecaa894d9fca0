"""The learning loop, measured: from an audit's finding to the action that answered it, what the
action changed, the days it took, and the section's results before and after.

An audit cycle's action may say what the audit found (``finding``), which audit section found it
(``audit_section``), when (``found``: by default the last day of the cycle's audit window), when
the action was done (``closed``) and what it changed (``changed``: procedures, courses, briefings
or tools). ``check_actions`` checks those fields; ``loop_actions`` gathers every action with its
results; ``median_days`` counts the median days from finding to closed action per quarter.
The pages are written by ``renderer/audit_cycles.py`` and ``renderer/audit_results.py``.
"""

from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import dataclass

from ..content_types import AUDIT_CYCLE, AUDIT_SECTION, COURSE, LEARNING, PROCEDURE, STANDARD, TOOL
from ..problems import Problems, advisory
from .audit_cycles import actions
from .briefing_use import as_date, check_changed
from .items import Item, of_type
from .thread import period_end

#: What an action may name as changed.
ACTION_CHANGES = (PROCEDURE, COURSE, LEARNING, TOOL)
ALL_PERIODS = "All"


@dataclass(frozen=True)
class LoopAction:
    """One action of an audit cycle's plan, in the learning loop."""

    cycle: Item
    action: str
    owner: str
    due: dt.date
    status: str
    finding: str
    section: Item | None
    standard: Item | None
    found: dt.date
    closed: dt.date | None
    changed: tuple[Item, ...]
    before: dict | None  # the section's latest all-services result up to ``found``
    after: dict | None  # its first result for a period that ends after ``closed``
    line: int

    @property
    def days(self) -> int | None:
        """Days from the finding to the closed action (None while it is not closed)."""
        return (self.closed - self.found).days if self.closed is not None else None


def window_end(cycle: Item) -> dt.date | None:
    window = cycle.data.get("audit_window")
    return as_date(window.get("end")) if isinstance(window, dict) else None


def found_on(cycle: Item, action: dict) -> dt.date | None:
    """When the audit found it: the action's ``found``, else the last day of the audit window."""
    return as_date(action.get("found")) or window_end(cycle)


def result_before(results: list[dict], found: dt.date) -> dict | None:
    """The latest result (of *results*, oldest first) for a period that ended by the finding."""
    earlier = [r for r in results if period_end(r["period"]) <= found]
    return earlier[-1] if earlier else None


def result_after(results: list[dict], closed: dt.date | None) -> dict | None:
    """The first result reported after the action closed: for a period that ends after it."""
    if closed is None:
        return None
    return next((r for r in results if period_end(r["period"]) > closed), None)


def loop_actions(site_items, by_id: dict[str, Item], series: dict[tuple, list[dict]]) -> list[LoopAction]:
    """Every action of every audit cycle's plan (cycles in id order, actions in plan order) that has
    a due date and a date it was found, with its section's results before and after. *series* is
    ``Thread.series``: (section id, service, journey stage) -> results oldest first."""
    found_actions = []
    sections = {item.id: item for item in of_type(by_id.values(), AUDIT_SECTION)}
    standards = {item.id: item for item in of_type(by_id.values(), STANDARD)}
    for cycle in sorted(of_type(site_items, AUDIT_CYCLE), key=lambda c: c.id):
        for index, action in actions(cycle):
            due, found = as_date(action.get("due")), found_on(cycle, action)
            if due is None or found is None:
                continue
            section = sections.get(str(action.get("audit_section", "")))
            standard = standards.get(str(action.get("standard", "")))
            done = action.get("action_status") == "done"
            closed = as_date(action.get("closed")) if done else None
            closed = closed if closed is not None and closed >= found else None
            changed = action.get("changed")
            results = series.get((section.id, "", ""), []) if section is not None else []
            found_actions.append(
                LoopAction(
                    cycle=cycle,
                    action=str(action.get("action", "")),
                    owner=str(action.get("owner", "")),
                    due=due,
                    status=str(action.get("action_status", "")),
                    finding=str(action.get("finding", "")),
                    section=section,
                    standard=standard,
                    found=found,
                    closed=closed,
                    changed=tuple(
                        by_id[i] for i in (changed if isinstance(changed, list) else []) if i in by_id
                    ),
                    before=result_before(results, found),
                    after=result_after(results, closed),
                    line=cycle.line_of("action_plan", index),
                )
            )
    return found_actions


def quarter_of(day: dt.date) -> str:
    """The period label of a date: 2026-05-14 -> "2026 Q2"."""
    return f"{day.year} Q{(day.month - 1) // 3 + 1}"


def median_days(loop: list[LoopAction]) -> list[tuple[str, float, int]]:
    """(period of the closed date, median days from finding to closed action, actions counted),
    oldest period first, then ("All", median, count) over every closed action; [] when none."""
    closed = sorted(
        ((a.closed, a.days) for a in loop if a.closed is not None and a.days is not None),
        key=lambda pair: pair[0],
    )
    if not closed:
        return []
    by_period: dict[str, list[int]] = {}
    for day, days in closed:
        by_period.setdefault(quarter_of(day), []).append(days)
    rows = [(period, float(statistics.median(days)), len(days)) for period, days in by_period.items()]
    every = [days for _, days in closed]
    return rows + [(ALL_PERIODS, float(statistics.median(every)), len(every))]


def check_actions(
    items: list[Item], everything: dict[str, Item], latest_today: dt.date, problems: Problems
) -> None:
    """The learning-loop fields of every cycle's actions: ``closed`` not before ``found``, only on
    a done action, and not in the future; a done action without ``closed`` is a warning (it is
    not counted); the ids in ``changed``."""
    for cycle in of_type(items, AUDIT_CYCLE):
        for index, action in actions(cycle):
            name = str(action.get("action", ""))
            found, closed = found_on(cycle, action), as_date(action.get("closed"))
            done = action.get("action_status") == "done"
            at = lambda field, c=cycle, i=index: c.line_of("action_plan", i, field)  # noqa: E731
            if closed is not None and not done:
                problems.add(
                    cycle.path,
                    at("closed"),
                    f'action "{name}" has a closed date but is {action.get("action_status")}',
                    'mark it done (action_status: done), or remove "closed" until it is',
                    type=AUDIT_CYCLE,
                    field="action_plan",
                )
            elif closed is not None and found is not None and closed < found:
                problems.add(
                    cycle.path,
                    at("closed"),
                    f'action "{name}" was closed on {closed.isoformat()}, before the audit found it '
                    f"on {found.isoformat()}",
                    'check both dates: "found" is when the audit found it (by default the last day '
                    'of the audit window), "closed" when the action was done',
                    type=AUDIT_CYCLE,
                    field="action_plan",
                )
            elif closed is not None and closed > latest_today:
                problems.add(
                    cycle.path,
                    at("closed"),
                    f'action "{name}" was closed on {closed.isoformat()}, which is in the future',
                    "write the date the action was done, once it is",
                    type=AUDIT_CYCLE,
                    field="action_plan",
                )
            elif done and closed is None:
                problems.add(
                    cycle.path,
                    at("action_status"),
                    f'action "{name}" is done but has no closed date, so it is not counted in the '
                    "learning loop",
                    'add "closed:" with the date the action was done',
                    type=AUDIT_CYCLE,
                    field="action_plan",
                    **advisory(False),  # advisory: the action is still shown
                )
            check_changed(cycle, ("action_plan", index, "changed"), ACTION_CHANGES, everything, problems)
