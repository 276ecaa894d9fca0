"""Staff voice: health check results by year, checked across entries, and the change
in each question's result since the year before, worked out rather than typed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeGuard

from ..content_types import STAFF_VOICE
from ..problems import Problems
from .items import Item, of_type


@dataclass(frozen=True)
class Answer:
    id: str
    topic: str
    question: str
    agree: float
    before: float | None  # the year before's result for the same question id, or None

    @property
    def change(self) -> float | None:
        return None if self.before is None else round(self.agree - self.before, 1)


def years(items: list[Item]) -> list[Item]:
    """Staff voice entries that are published, oldest year first."""
    found = [i for i in of_type(items, STAFF_VOICE) if i.status not in ("archived", "draft")]
    return sorted(found, key=lambda i: (_year(i), i.id))


def latest(items: list[Item]) -> Item | None:
    found = years(items)
    return found[-1] if found else None


def previous(entry: Item, items: list[Item]) -> Item | None:
    """The most recent earlier year, or None."""
    earlier = [i for i in years(items) if _year(i) < _year(entry)]
    return earlier[-1] if earlier else None


def answers(entry: Item, items: list[Item]) -> list[Answer]:
    before = previous(entry, items)
    last = {q.get("id"): q.get("agree") for q in _questions(before)} if before else {}
    out = []
    for question in _questions(entry):
        agree = question.get("agree")
        if not _number(agree):
            continue
        prior = last.get(question.get("id"))
        out.append(
            Answer(
                str(question.get("id", "")),
                str(question.get("topic", "")),
                str(question.get("question", "")),
                float(agree),
                float(prior) if _number(prior) else None,
            )
        )
    return out


def check_staff_voice(items: list[Item], problems: Problems) -> None:
    """What the schema cannot see: one entry per year, each question once a year, actions that
    name a question of their year."""
    seen_years: dict[int, Item] = {}
    for entry in sorted(of_type(items, STAFF_VOICE), key=lambda i: (i.path, i.line)):
        year = entry.data.get("year")
        if isinstance(year, int) and not isinstance(year, bool):
            first = seen_years.setdefault(year, entry)
            if first is not entry:
                problems.about(
                    entry,
                    "year",
                    f"year {year} already has results at {first.path}:{first.line_of('year')}",
                    "keep one entry per year: merge the two, or correct the year",
                )
        _check_questions(entry, problems)


def _check_questions(entry: Item, problems: Problems) -> None:
    ids: dict[str, int] = {}
    texts: dict[str, int] = {}
    for index, question in enumerate(_questions(entry)):
        qid, text = question.get("id"), question.get("question")
        if isinstance(qid, str) and qid in ids:
            problems.add(
                entry.path,
                entry.line_of("questions", index, "id"),
                f'question "{qid}" is already in this year at line {ids[qid]}',
                "ask each question once a year: remove the repeat or give it its own id",
                type=STAFF_VOICE,
                field="questions.id",
            )
        elif isinstance(text, str) and text.strip().lower() in texts:
            problems.add(
                entry.path,
                entry.line_of("questions", index, "question"),
                f"the same question is already in this year at line {texts[text.strip().lower()]}",
                "ask each question once a year: remove the repeat",
                type=STAFF_VOICE,
                field="questions.question",
            )
        if isinstance(qid, str):
            ids.setdefault(qid, entry.line_of("questions", index, "id"))
        if isinstance(text, str):
            texts.setdefault(text.strip().lower(), entry.line_of("questions", index, "question"))
    actions = entry.data.get("actions")
    for index, action in enumerate(actions if isinstance(actions, list) else []):
        named = action.get("question") if isinstance(action, dict) else None
        if isinstance(named, str) and named not in ids:
            problems.add(
                entry.path,
                entry.line_of("actions", index, "question"),
                f'action {index + 1} names question "{named}", which is not a question in this year',
                "use the id of one of this year's questions, or remove the line",
                type=STAFF_VOICE,
                field="actions.question",
            )


def _questions(entry: Item | None) -> list[dict]:
    found = entry.data.get("questions") if entry is not None else None
    return [q for q in found if isinstance(q, dict)] if isinstance(found, list) else []


def _number(value: object) -> TypeGuard[int | float]:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _year(item: Item) -> int:
    year = item.data.get("year")
    return year if isinstance(year, int) and not isinstance(year, bool) else 0
