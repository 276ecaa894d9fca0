"""Is this page current? A small class that answers yes/no questions (like GOV.UK's page_review.rb).

Templates and renderers only ask it; they never compute dates themselves. The same dates are
carried on the page so the browser can answer again with today's date.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from ..content_types import reviewed_types
from ..problems import Problems, advisory
from .items import Item

DUE_SOON_DAYS = 30
DEFAULT_INTERVAL_MONTHS = 12
REVIEWED_TYPES = reviewed_types()  # from the content type registry
NEW_DAYS = 30


def add_months(day: dt.date, months: int) -> dt.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def _date(value) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


@dataclass(frozen=True)
class PageReview:
    """Review facts of one item on one build date."""

    owner: str
    last_reviewed: dt.date
    review_by: dt.date  # given, or last_reviewed plus the review interval
    today: dt.date
    status: str = "current"
    archived_date: dt.date | None = None

    @classmethod
    def of(cls, item: Item, today: dt.date) -> PageReview | None:
        data = item.data
        last = _date(data.get("last_reviewed"))
        if item.type not in REVIEWED_TYPES or last is None:
            return None
        review_by = _date(data.get("review_by"))
        if review_by is None:
            months = data.get("review_interval_months")
            if not (isinstance(months, int) and not isinstance(months, bool) and 1 <= months <= 60):
                months = DEFAULT_INTERVAL_MONTHS
            review_by = add_months(last, months)
        return cls(
            str(data.get("owner", "")), last, review_by, today, item.status, _date(data.get("archived_date"))
        )

    # --- the questions ------------------------------------------------------------------
    @property
    def days_left(self) -> int:
        return (self.review_by - self.today).days

    @property
    def overdue(self) -> bool:
        return self.days_left < 0

    @property
    def due_soon(self) -> bool:
        return 0 <= self.days_left <= DUE_SOON_DAYS

    @property
    def is_current(self) -> bool:
        return not self.overdue and not self.due_soon

    @property
    def archived(self) -> bool:
        return self.status == "archived"

    @property
    def draft(self) -> bool:
        return self.status == "draft"

    @property
    def under_review(self) -> bool:
        return self.status == "under review"

    @property
    def state(self) -> str:
        """One word for the page: overdue, due or current (data attribute and CSS class)."""
        return "overdue" if self.overdue else "due" if self.due_soon else "current"

    def message(self) -> str:
        """The build's own words; the browser replaces them if the answer has changed since."""
        if self.overdue:
            return f"This page was due for review on {_long(self.review_by)}. Check with {self.owner or 'the owner'} before relying on it."
        if self.due_soon:
            return f"This page is due for review by {_long(self.review_by)}."
        return ""


def _long(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def change_badge(item: Item, today: dt.date) -> str:
    """ "new" for 30 days after a page's first change entry, "updated" for 30 days after its latest."""
    dates = sorted(
        d for d in (_date(c.get("date")) for c in item.data.get("changes") or [] if isinstance(c, dict)) if d
    )
    if not dates:
        return ""

    def recent(day: dt.date) -> bool:
        return 0 <= (today - day).days <= NEW_DAYS

    if recent(dates[0]):
        return "new"
    if recent(dates[-1]):
        return "updated"
    return ""


def check_reviews(
    items: list[Item],
    today: dt.date,
    problems: Problems,
    as_errors: bool,
    archive_dated=frozenset(),
    latest_today: dt.date | None = None,
) -> None:
    """Overdue reviews warn at build (or fail it); review_by before last_reviewed, a review still
    to come (after *latest_today*: the later of the build date and the real date) and an archived
    page of a type in *archive_dated* with no archived_date are errors."""
    for item in items:
        review = PageReview.of(item, today)
        if review is None:
            continue
        if review.last_reviewed > max(today, latest_today or today):
            problems.about(
                item,
                "last_reviewed",
                f"last_reviewed is {review.last_reviewed}, a date still to come",
                "write the date the page was last reviewed, today or before: the next review's date "
                "goes in review_by",
            )
        if review.archived and review.archived_date is None and item.type in archive_dated:
            problems.about(
                item,
                "status",
                "status is archived, but the page has no archived_date",
                f"add a line under status: archived_date: {today}, the day it was archived "
                "(readers are told from when the page no longer applies)",
            )
        if review.review_by < review.last_reviewed:
            problems.about(
                item,
                "review_by",
                f"review_by ({review.review_by}) is before last_reviewed ({review.last_reviewed})",
                "the next review must come after the last one",
            )
            continue
        if review.overdue and not review.archived and not review.draft:
            problems.add(
                item.path,
                item.line_of("review_by") if "review_by" in item.data else item.line_of("last_reviewed"),
                f'review overdue: {item.label} "{item.id}" was due for review on {review.review_by}',
                f"review it with {review.owner or 'its owner'}, then update last_reviewed and review_by",
                type=item.type,
                field="review_by",
                **advisory(as_errors),
            )
