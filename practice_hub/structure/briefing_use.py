"""How teams used a briefing (learning from reviews): the rules, without formatting.

A briefing's ``uses`` record each team discussion: the team, the date, one answer for each of the
briefing's questions, the change the team agreed and what was changed because of it. This module
checks them (answers against questions, dates not in the future, the ids in ``changed``) and says
when a current briefing has gone unused for longer than the ``briefing_use_days`` setting, which
the golden thread reports as a gap (``structure/thread.py``).
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable
from dataclasses import dataclass

from ..content_types import COURSE, LEARNING, PROCEDURE, STANDARD, TOOL, TYPES
from ..problems import Problems
from .items import Item, of_type

#: What a team's use may name as changed because of the discussion.
USE_CHANGES = (PROCEDURE, COURSE, TOOL, STANDARD)

USE_GAP_HINT = 'when a team has discussed it, add it under "uses:" with team, date, answers and agreed_change'


@dataclass(frozen=True)
class Use:
    """One team's use of a briefing, as checked: what the pages show."""

    team: str
    date: dt.date
    answers: tuple[tuple[str, str], ...]  # (question, answer) in the briefing's order
    agreed_change: str
    changed: tuple[Item, ...]
    line: int


def as_date(value) -> dt.date | None:
    """A date written in a file (YAML reads 2026-08-05 as a date; quoted, it is text), or None."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def shared_on(briefing: Item) -> dt.date | None:
    """The date the briefing went to teams: ``shared``, else ``last_reviewed``."""
    return as_date(briefing.data.get("shared") or briefing.data.get("last_reviewed"))


def _entries(briefing: Item) -> list[tuple[int, dict]]:
    uses = briefing.data.get("uses")
    return [(i, u) for i, u in enumerate(uses if isinstance(uses, list) else []) if isinstance(u, dict)]


def _strings(value) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else []


def uses_of(briefing: Item, by_id: dict[str, Item], today: dt.date | None = None) -> list[Use]:
    """The briefing's uses with a date (on or before *today* when given), oldest first."""
    questions = _strings(briefing.data.get("questions"))
    found = []
    for index, entry in _entries(briefing):
        day = as_date(entry.get("date"))
        if day is None or (today is not None and day > today):
            continue
        answers = _strings(entry.get("answers"))
        changed = tuple(by_id[i] for i in _strings(entry.get("changed")) if i in by_id)
        found.append(
            Use(
                team=str(entry.get("team", "")),
                date=day,
                answers=tuple(zip(questions, answers, strict=False)),
                agreed_change=str(entry.get("agreed_change", "")),
                changed=changed,
                line=briefing.line_of("uses", index),
            )
        )
    return sorted(found, key=lambda use: (use.date, use.line))


def unused_days(briefing: Item, today: dt.date, days: int) -> tuple[int, dt.date] | None:
    """(days since shared, shared date) for a current briefing with no use recorded more than
    *days* after it was shared; None when it is used, not yet due, or the check is off (0)."""
    shared = shared_on(briefing)
    if days <= 0 or shared is None or briefing.status != "current":
        return None
    if any(day <= today for day in (as_date(u.get("date")) for _, u in _entries(briefing)) if day):
        return None
    since = (today - shared).days
    return (since, shared) if since > days else None


def unused_gap(briefing: Item, today: dt.date, days: int) -> tuple[str, str] | None:
    """(message, hint) of the golden thread gap for an unused briefing, or None."""
    unused = unused_days(briefing, today, days)
    if unused is None:
        return None
    since, shared = unused
    return (
        f'briefing "{briefing.id}" has no recorded team use {since} days after it was shared on '
        f"{shared.isoformat()}",
        USE_GAP_HINT,
    )


def _kinds(kinds: Iterable[str]) -> str:
    """'a procedure, course, tool or practice standard'."""
    names = [TYPES[k].singular for k in kinds]
    words = ", ".join(names[:-1]) + f" or {names[-1]}" if len(names) > 1 else names[0]
    return ("an " if words[:1] in "aeiou" else "a ") + words


def check_changed(
    item: Item,
    path: tuple,
    kinds: tuple[str, ...],
    everything: dict[str, Item],
    problems: Problems,
) -> None:
    """Each id of the list at *path* (a use's or an action's ``changed``) names an item of one
    of *kinds*; each problem at the id's line."""
    values: object = item.data
    for part in path:
        if isinstance(values, dict):
            values = values.get(part)
        elif isinstance(values, list) and isinstance(part, int) and part < len(values):
            values = values[part]
        else:
            values = None
    for index, value in enumerate(values if isinstance(values, list) else []):
        if not isinstance(value, str):
            continue  # the field check reported it
        line = item.line_of(*path, index)
        target = everything.get(value)
        if target is None:
            ids = [i.id for i in everything.values() if i.type in kinds]
            guess = next(iter(difflib.get_close_matches(value.lower(), ids, n=1, cutoff=0.6)), None)
            problems.add(
                item.path,
                line,
                f'"changed" names "{value}", which is not the id of {_kinds(kinds)}',
                f'did you mean "{guess}"?' if guess else "check the id on the page of what was changed",
                type=item.type,
                field="changed",
            )
        elif target.type not in kinds:
            problems.add(
                item.path,
                line,
                f'"changed" names "{value}", which is {_kinds([target.type])}, not {_kinds(kinds)}',
                f"list only what was changed: the id of {_kinds(kinds)}",
                type=item.type,
                field="changed",
            )


def check_uses(
    items: list[Item], everything: dict[str, Item], latest_today: dt.date, problems: Problems
) -> None:
    """Every briefing's uses: one answer per question, no date after *latest_today* (the later
    of the build date and the real date: a pinned date in the past makes no use wrong), and the
    ids in ``changed``."""
    for briefing in of_type(items, LEARNING):
        questions = _strings(briefing.data.get("questions"))
        for index, entry in _entries(briefing):
            team = str(entry.get("team", ""))
            answers = entry.get("answers")
            if isinstance(answers, list) and questions and len(answers) != len(questions):
                problems.add(
                    briefing.path,
                    briefing.line_of("uses", index, "answers"),
                    f'the use by "{team}" has {len(answers)} answer{"s" if len(answers) != 1 else ""}, '
                    f"but the briefing has {len(questions)} question{'s' if len(questions) != 1 else ''}",
                    "write one answer for each question, in the order of the questions",
                    type=LEARNING,
                    field="uses",
                )
            day = as_date(entry.get("date"))
            if day is not None and day > latest_today:
                problems.add(
                    briefing.path,
                    briefing.line_of("uses", index, "date"),
                    f'the use by "{team}" is dated {day.isoformat()}, which is in the future',
                    "record a use once the team has discussed the briefing, with the date it did",
                    type=LEARNING,
                    field="uses",
                )
            check_changed(briefing, ("uses", index, "changed"), USE_CHANGES, everything, problems)
