"""The golden thread: standard -> how it is audited -> training that builds it.

Answers questions about the graph (which sections check a standard, which courses build
it, where the thread is broken) and checks the audit results file.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from operator import attrgetter

from ..content_types import AUDIT_SECTION, COURSE, LEARNING, STANDARD
from ..problems import Problems, advisory
from .briefing_use import unused_gap
from .items import Item, of_type

_ORDER = attrgetter("sort_key")  # items in reading order: Item.sort_key


@dataclass
class Thread:
    standards: list[Item]
    sections: list[Item]
    courses: list[Item]
    by_id: dict[str, Item]
    results: dict[str, list[dict]] = field(default_factory=dict)  # section id -> sorted results
    # Every result series, hand-kept and counted: (section id or "" for the overall judgement,
    # service or "", journey stage or "") -> results oldest first (structure/audit_results.py).
    series: dict[tuple, list[dict]] = field(default_factory=dict)
    cycle_results: dict[str, list[dict]] = field(default_factory=dict)  # cycle id -> its results
    small_sample: int = 5  # fewer files than this: a small sample (settings.audit_small_sample)
    briefings: list[Item] = field(default_factory=list)  # learning from reviews
    # A current briefing with no team use this many days after it was shared is a gap (0: off);
    # counted on ``today``, the build date (None: not counted).
    briefing_use_days: int = 0
    today: dt.date | None = None

    @classmethod
    def of(cls, items: list[Item], by_id: dict[str, Item]) -> Thread:
        pick = lambda kind: sorted((i for i in of_type(items, kind) if i.status != "archived"), key=_ORDER)
        return cls(pick(STANDARD), pick(AUDIT_SECTION), pick(COURSE), by_id, briefings=pick(LEARNING))

    def linked(self, item: Item, kind: str) -> list[Item]:
        found = [
            self.by_id[i]
            for i in item.related.get(kind, [])
            if i in self.by_id and self.by_id[i].status != "archived"
        ]
        return sorted(found, key=_ORDER)

    def sections_for(self, standard: Item) -> list[Item]:
        return self.linked(standard, AUDIT_SECTION)

    def courses_for(self, standard: Item) -> list[Item]:
        return self.linked(standard, COURSE)

    def standards_for(self, item: Item) -> list[Item]:
        return self.linked(item, STANDARD)

    def courses_through(self, section: Item) -> list[Item]:
        """Training reached from an audit section through the standards it checks."""
        seen: dict[str, Item] = {}
        for standard in self.standards_for(section):
            for course in self.courses_for(standard):
                seen[course.id] = course
        return sorted(seen.values(), key=_ORDER)

    def sections_through(self, course: Item) -> list[Item]:
        seen: dict[str, Item] = {}
        for standard in self.standards_for(course):
            for section in self.sections_for(standard):
                seen[section.id] = section
        return sorted(seen.values(), key=_ORDER)

    def gaps(self) -> list[tuple[Item, str, str]]:
        """Every break in the thread: (item, what is wrong, how to mend it)."""
        return [(item, message, hint) for item, message, hint, _ in self.placed_gaps()]

    def placed_gaps(self) -> list[tuple[Item, str, str, str]]:
        """Every break in the thread with the field it is reported at: (item, message, hint, field)."""
        found = [(item, message, hint, "id") for item, message, hint in self._link_gaps()]
        if self.today is not None:
            for briefing in self.briefings:
                unused = unused_gap(briefing, self.today, self.briefing_use_days)
                if unused is not None:
                    found.append((briefing, *unused, "title"))
        return found

    def _link_gaps(self) -> list[tuple[Item, str, str]]:
        found = []
        for standard in self.standards:
            if not self.sections_for(standard):
                found.append(
                    (
                        standard,
                        f'practice standard "{standard.id}" is not checked by any audit section',
                        "list the audit sections that check it in its audit_sections field",
                    )
                )
            if not self.courses_for(standard):
                found.append(
                    (
                        standard,
                        f'practice standard "{standard.id}" has no training: no course names it',
                        "add its id to the standards field of a course in docs/training/",
                    )
                )
        for section in self.sections:
            if not self.standards_for(section):
                found.append(
                    (
                        section,
                        f'audit section "{section.id}" checks no practice standard',
                        "add its id to the audit_sections field of the standard it checks",
                    )
                )
        for course in self.courses:
            if not self.standards_for(course):
                found.append(
                    (
                        course,
                        f'course "{course.id}" supports no practice standard',
                        "list the standards the course builds in its standards field",
                    )
                )
        # A briefing that serves no standard is a gap; a standard with no briefing is not.
        for briefing in self.briefings:
            if not self.standards_for(briefing):
                found.append(
                    (
                        briefing,
                        f'briefing "{briefing.id}" is linked to no practice standard',
                        "list the practice standards its learning serves in its standards field",
                    )
                )
        return found


def report_gaps(
    thread: Thread,
    problems: Problems,
    as_errors: bool,
    unread: AbstractSet[str] = frozenset(),
    unread_words: AbstractSet[str] = frozenset(),
) -> None:
    """Report every gap, except those a file that could not be read may close: an item that
    names an id of such a file (a course for its standard), or whose id such a file holds (an
    audit section its standard lists). That file has its own problem; once it is fixed, the
    gaps that are real are reported."""
    for item, message, hint, at in thread.placed_gaps():
        if item.id in unread_words or any(name in unread for name in _names(item.data)):
            continue
        problems.add(
            item.path,
            item.line_of(at),
            f"golden thread gap: {message}",
            hint,
            type=item.type,
            **advisory(as_errors),
        )


def _names(value):
    """Every string in an item's fields, however deep."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for entry in value.values():
            yield from _names(entry)
    elif isinstance(value, list):
        for entry in value:
            yield from _names(entry)


def check_results(results: list[Item], by_id: dict[str, Item], problems: Problems) -> dict[str, list[dict]]:
    """Validate audit results beyond the schema; return them per section, oldest first."""
    series: dict[str, list[dict]] = {}
    for result in checked_results(results, by_id, problems):
        data = result.data
        if not data.get("service") and not data.get("journey_stage"):
            series.setdefault(str(data["audit_section"]), []).append(dict(data, line=result.line))
    for values in series.values():
        values.sort(key=lambda r: period_key(r["period"]))
    return series


def checked_results(results: list[Item], by_id: dict[str, Item], problems: Problems) -> list[Item]:
    """The hand-kept results that pass the checks beyond the schema (each problem reported)."""
    kept: list[Item] = []
    seen: dict[tuple, Item] = {}
    sections = {section.id for section in of_type(by_id.values(), AUDIT_SECTION)}
    for result in results:
        data = result.data
        section_id, period = data.get("audit_section"), data.get("period")
        if not isinstance(section_id, str) or not isinstance(period, str) or not _PERIOD.match(period):
            continue  # the schema check reported it
        good, poor = (
            _percentage(data.get("good_or_better")),
            _percentage(data.get("requires_improvement_or_lower")),
        )
        if good is not None and poor is not None and good + poor > 100:
            problems.about(
                result,
                "good_or_better",
                f"good_or_better ({good}) and requires_improvement_or_lower ({poor}) add up to "
                f"{good + poor:g}, more than 100",
                "the two percentages are shares of the same files; check both",
            )
        # Results for one service or journey stage sit beside the overall result.
        breakdown = (data.get("service") or "", data.get("journey_stage") or "")
        key = (section_id, period) + breakdown
        if key in seen:
            first = seen[key]
            problems.about(
                result,
                "period",
                f'audit section "{section_id}" has a result for {period} already, on line {first.line}',
                "keep one result per section and period",
            )
            continue
        seen[key] = result
        if section_id not in sections:
            problems.about(
                result,
                "audit_section",
                f'field "audit_section" names "{section_id}", which is not the id of any audit section',
                "check the id in docs/audit/",
            )
            continue
        if good is None or poor is None or not isinstance(data.get("files_audited"), int):
            continue  # the schema check reported it
        kept.append(result)
    return kept


_PERIOD = re.compile(r"^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$")


def period_key(period: str) -> tuple:
    year, _, part = period.partition("-")
    if part.startswith("Q"):
        return (int(year), (int(part[1:]) - 1) * 3 + 3)
    return (int(year), int(part))


def period_end(period: str) -> dt.date:
    """The last day of a period (2026-Q4 -> 2026-12-31, 2026-03 -> 2026-03-31)."""
    year, month = period_key(period)
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def period_label(period: str) -> str:
    """2026-Q1 -> Q1 2026, 2026-03 -> Mar 2026: a period as readers see it."""
    year, _, part = period.partition("-")
    if part.startswith("Q"):
        return f"{part} {year}"
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    return f"{months[int(part) - 1]} {year}"


def _percentage(value: object) -> int | float | None:
    """The value if it is a number from 0 to 100 (true and false are not numbers here), else None."""
    if isinstance(value, int | float) and not isinstance(value, bool) and 0 <= value <= 100:
        return value
    return None
