"""Ready-made data for templates: every answer is computed here, templates only ask."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..structure.items import Item
from ..structure.review import DUE_SOON_DAYS, PageReview, change_badge
from ..text import long_date


@dataclass(frozen=True)
class PageView:
    type: str
    label: str
    review: PageReview | None
    badge: str  # "new", "updated" or ""
    built_on: str  # "24 November 2026"
    archived_on: str  # "" unless archived
    heading_html: str = ""  # the page's first <h1>, so the review box can sit under the title
    body_html: str = ""  # the rest of the page
    key_points: tuple = ()  # "At a glance" (procedures' key_points)
    review_note: str = ""  # what is changing, for the "Under review" notice
    contacts_html: str = ""  # the "Who to contact" box (renderer/contacts.py), Markup

    @classmethod
    def of(cls, item: Item, today: dt.date, content_html: str = "", contacts_html: str = "") -> PageView:
        review = PageReview.of(item, today)
        archived = str(item.data.get("archived_date") or "")
        heading, body = split_heading(content_html)
        points = tuple(str(p) for p in item.data.get("key_points") or [])
        return cls(
            item.type,
            item.label,
            review,
            change_badge(item, today),
            long_date(today),
            long_date(archived) if archived else "",
            heading,
            body,
            points,
            str(item.data.get("review_note") or ""),
            contacts_html,
        )

    # Questions the templates ask --------------------------------------------------------
    @property
    def has_review(self) -> bool:
        return self.review is not None

    @property
    def is_draft(self) -> bool:
        return self.review is not None and self.review.draft

    @property
    def is_archived(self) -> bool:
        return self.review is not None and self.review.archived

    @property
    def is_under_review(self) -> bool:
        return self.review is not None and self.review.under_review

    @property
    def owner(self) -> str:
        return self.review.owner if self.review else ""

    @property
    def last_reviewed(self) -> str:
        return long_date(self.review.last_reviewed) if self.review else ""

    @property
    def last_reviewed_iso(self) -> str:
        return self.review.last_reviewed.isoformat() if self.review else ""

    @property
    def review_by(self) -> str:
        return long_date(self.review.review_by) if self.review else ""

    @property
    def review_by_iso(self) -> str:
        return self.review.review_by.isoformat() if self.review else ""

    @property
    def state(self) -> str:
        return self.review.state if self.review else ""

    @property
    def shows_banner(self) -> bool:
        return self.review is not None and not self.review.is_current and not self.is_archived

    @property
    def banner(self) -> str:
        return self.review.message() if self.review else ""

    @property
    def due_soon_days(self) -> int:
        return DUE_SOON_DAYS


def split_heading(content_html: str) -> tuple[str, str]:
    """("<h1>..</h1>", rest) when the page starts with its title, else ("", everything)."""
    stripped = content_html.lstrip()
    end = stripped.find("</h1>")
    if stripped.startswith("<h1") and end != -1:
        return stripped[: end + 5], stripped[end + 5 :]
    return "", content_html
