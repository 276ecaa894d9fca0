"""The amendments register (page and Atom feed) and the review schedule (page, CSV, text)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import defaultdict
from dataclasses import dataclass

from feedgen.feed import FeedGenerator

from ..content_types import PROCEDURE
from ..structure.items import Item, of_type
from ..structure.review import DUE_SOON_DAYS, PageReview
from ..text import esc, link, long_date, table

REGISTER_URI = "procedures/amendments.md"
FEED_URI = "procedures/amendments.xml"
NEWS_FEED_URI = "news/feed.xml"
SCHEDULE_URI = "review-schedule.md"
SCHEDULE_CSV_URI = "review-schedule.csv"
SCHEDULE_HORIZON_DAYS = 90


@dataclass(frozen=True)
class Change:
    item: Item
    index: int
    date: dt.date
    summary: str
    kind: str  # major or minor


def changes(items: list[Item]) -> list[Change]:
    """Every change entry of every published procedure, newest first."""
    found = []
    for item in of_type(items, PROCEDURE):
        for index, entry in enumerate(item.data.get("changes") or []):
            try:
                day = dt.date.fromisoformat(str(entry.get("date")))
            except (ValueError, AttributeError):
                continue
            found.append(
                Change(item, index, day, str(entry.get("summary", "")), str(entry.get("type", "minor")))
            )
    return sorted(found, key=lambda c: (c.date, c.item.id, c.index), reverse=True)


def _feed_id(site_url: str, path: str) -> str:
    """A permanent Atom id: the site's address when it has one, else a tag URI (RFC 4151)."""
    if site_url:
        return site_url.rstrip("/") + "/" + path
    return f"tag:practice-hub,2026:{path}"


def register_page(items: list[Item]) -> str:
    out = [
        "---",
        "title: Amendments register",
        "---",
        "",
        "# Amendments register",
        "",
        "Every change to a procedure, newest first. "
        f"{link(REGISTER_URI, FEED_URI, 'Follow changes in a feed reader (Atom feed)')}.",
        "",
    ]
    by_month: dict[str, list[Change]] = defaultdict(list)
    for change in changes(items):
        by_month[change.date.strftime("%B %Y")].append(change)
    if not by_month:
        out.append("No changes are recorded yet.\n")
    for month, month_changes in by_month.items():
        out += [f"## {month}", ""]
        out.append(
            table(
                ["Date", "Procedure", "Change", "Type"],
                [
                    [
                        long_date(c.date),
                        link(REGISTER_URI, c.item.uri, c.item.title),
                        esc(c.summary),
                        "Major" if c.kind == "major" else "Minor",
                    ]
                    for c in month_changes
                ],
            )
        )
        out.append("")
    return "\n".join(out) + "\n"


def _new_feed(
    site_url: str, id_path: str, title: str, page: str, self_uri: str, updated: dt.datetime
) -> tuple[str, FeedGenerator]:
    """An empty Atom feed with its id, title, links and date; and the base for entry links.

    Without site_url the links are relative to the feed's own address (as Atom allows), so they
    stay right wherever the site is hosted, under a sub-folder included.
    """
    base = site_url.rstrip("/") + "/" if site_url else "../" * self_uri.count("/")
    feed = FeedGenerator()
    feed.id(_feed_id(site_url, id_path))
    feed.title(title)
    feed.link(href=f"{base}{page}", rel="alternate")
    feed.link(href=f"{base}{self_uri}", rel="self")
    feed.language("en-GB")
    feed.updated(updated)
    return base, feed


def atom_feed(
    items: list[Item], site_url: str, page_urls: dict[str, str], updated: dt.datetime, site_name: str
) -> bytes:
    base, feed = _new_feed(
        site_url,
        "procedures/amendments/",
        f"{site_name}: procedure changes",
        page_urls.get(REGISTER_URI, ""),
        FEED_URI,
        updated,
    )
    for change in reversed(changes(items)):  # feedgen puts the last added first
        entry = feed.add_entry()
        url = f"{base}{page_urls.get(change.item.uri, '')}"
        entry.id(
            _feed_id(
                site_url, f"procedures/{change.item.id}/change-{change.date.isoformat()}-{change.index + 1}"
            )
        )
        entry.title(f"{change.item.title}: {'major' if change.kind == 'major' else 'minor'} change")
        entry.link(href=url)
        entry.summary(change.summary)
        moment = dt.datetime.combine(change.date, dt.time(), dt.UTC)
        entry.updated(moment)
        entry.published(moment)
        entry.author({"name": str(change.item.data.get("owner", site_name))})
    return feed.atom_str(pretty=True)


# --- review schedule ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Due:
    item: Item
    review: PageReview

    @property
    def group(self) -> str:
        if self.review.overdue:
            return "Overdue"
        if self.review.due_soon:
            return f"Due in the next {DUE_SOON_DAYS} days"
        return f"Due in the next {SCHEDULE_HORIZON_DAYS} days"


GROUPS = ["Overdue", f"Due in the next {DUE_SOON_DAYS} days", f"Due in the next {SCHEDULE_HORIZON_DAYS} days"]


def schedule(items: list[Item], today: dt.date) -> list[Due]:
    found = []
    for item in items:
        review = PageReview.of(item, today)
        if review is None or review.archived or review.draft:
            continue
        if review.days_left <= SCHEDULE_HORIZON_DAYS:
            found.append(Due(item, review))
    return sorted(
        found, key=lambda d: (GROUPS.index(d.group), d.review.owner.lower(), d.review.review_by, d.item.id)
    )


def schedule_page(items: list[Item], today: dt.date) -> str:
    dues = schedule(items, today)
    out = [
        "---",
        "title: Review schedule",
        "audience: editors",
        "---",
        "",
        "# Review schedule",
        "",
        f"Pages whose review is overdue or due within {SCHEDULE_HORIZON_DAYS} days of {long_date(today)}, "
        f"grouped by owner. {link(SCHEDULE_URI, SCHEDULE_CSV_URI, 'Download as a spreadsheet (CSV)')}.",
        "",
    ]
    for group in GROUPS:
        in_group = [d for d in dues if d.group == group]
        out += [f"## {group} ({len(in_group)})", ""]
        if not in_group:
            out += ["Nothing.", ""]
            continue
        by_owner: dict[str, list[Due]] = defaultdict(list)
        for due in in_group:
            by_owner[due.review.owner or "No owner"].append(due)
        for owner, owned in by_owner.items():
            out += [f"### {esc(owner)}", ""]
            out.append(
                table(
                    ["Page", "Type", "Last reviewed", "Review by"],
                    [
                        [
                            link(SCHEDULE_URI, d.item.uri, d.item.title, d.item.anchor),
                            d.item.label,
                            long_date(d.review.last_reviewed),
                            long_date(d.review.review_by),
                        ]
                        for d in owned
                    ],
                )
            )
            out.append("")
    return "\n".join(out) + "\n"


CSV_FIELDS = ["group", "owner", "type", "id", "title", "last_reviewed", "review_by", "days_left", "source"]


def schedule_rows(items: list[Item], today: dt.date) -> list[dict]:
    return [
        {
            "group": d.group,
            "owner": d.review.owner,
            "type": d.item.type,
            "id": d.item.id,
            "title": d.item.title,
            "last_reviewed": d.review.last_reviewed.isoformat(),
            "review_by": d.review.review_by.isoformat(),
            "days_left": d.review.days_left,
            "source": d.item.path,
        }
        for d in schedule(items, today)
    ]


def schedule_csv(items: list[Item], today: dt.date) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(schedule_rows(items, today))
    return buffer.getvalue()


def schedule_text(items: list[Item], today: dt.date) -> str:
    dues = schedule(items, today)
    out = [f"Review schedule on {today.isoformat()}"]
    for group in GROUPS:
        in_group = [d for d in dues if d.group == group]
        out.append("")
        out.append(f"{group}: {len(in_group)}")
        owner = None
        for due in in_group:
            if due.review.owner != owner:
                owner = due.review.owner
                out.append(f"  {owner or 'No owner'}")
            out.append(f"    {due.review.review_by.isoformat()}  {due.item.title} ({due.item.path})")
    return "\n".join(out) + "\n"


def news_feed(
    posts: list[Item], site_url: str, page_urls: dict[str, str], updated: dt.datetime, site_name: str
) -> bytes:
    """An Atom feed of news posts, newest first."""
    base, feed = _new_feed(site_url, "news/", f"{site_name}: news", "news/", NEWS_FEED_URI, updated)
    dated = []
    for post in posts:
        try:
            dated.append((dt.date.fromisoformat(str(post.data.get("date"))), post))
        except ValueError:
            continue
    for day, post in sorted(dated, key=lambda pair: (pair[0], pair[1].id)):
        entry = feed.add_entry()
        url = f"{base}{page_urls.get(post.uri, '')}"
        entry.id(_feed_id(site_url, f"news/{post.id}"))
        entry.title(post.title)
        entry.link(href=url)
        entry.summary(post.summary)
        moment = dt.datetime.combine(day, dt.time(), dt.UTC)
        entry.published(moment)
        entry.updated(moment)
        for category in post.data.get("categories") or []:
            entry.category(term=str(category))
        for author in post.data.get("authors") or []:
            entry.author({"name": str(author)})
    return feed.atom_str(pretty=True)
