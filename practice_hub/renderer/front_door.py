"""The home page as the front door: search first, any urgent notice, a card for every
section of the menu, then what changed, the next training and the latest news.

Every block is configurable: ``extra.practice_hub.home`` lists the blocks in order (default
``DEFAULT_BLOCKS``); the sections come from the menu setting; a news post with ``urgent_until``
is the urgent notice until that date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ..content_types import COURSE, NEWS
from ..markup import NEWLINE, Markup, element, join, markdown_block, markdown_text
from ..menu import menu_entries
from ..structure.items import Item, of_type
from ..structure.training import sessions_of, upcoming
from ..text import esc, link, long_date
from .events import CANDIDATES, dated_block
from .events import home_block as events_block
from .register import REGISTER_URI, changes
from .staff_voice import home_block as staff_voice_block
from .training import UPCOMING_URI, when_range

HOME_URI = "index.md"
DEFAULT_BLOCKS = ("search", "notice", "sections", "changes", "training", "events", "news", "staff_voice")
UPDATE_BLOCKS = (
    "changes",
    "training",
    "events",
    "news",
    "staff_voice",
)  # shown side by side on a wide screen
SHOWN = 3  # items per update block: on a phone, what changed and the next training within two screens
TRAINING_EMPTY = "No sessions in the next 30 days."

SEARCH = Markup(
    '<div class="ph-home-search"><button type="button" class="ph-home-search__box" data-ph-open-search>'
    '<span class="ph-home-search__icon" aria-hidden="true"></span>'
    "Search procedures, standards, training and more</button></div>"
)


def front_door(items: list[Item], existing_pages: set[str], today: dt.date, settings) -> str:
    """The blocks that go under the home page's title, as Markdown with HTML."""
    blocks = tuple(settings.home) or DEFAULT_BLOCKS
    makers = {
        "search": lambda: SEARCH,
        "notice": lambda: notice_block(items, today),
        "sections": lambda: sections_block(items, existing_pages, settings.menu, dict(settings.home_cards)),
        "changes": lambda: changes_block(items),
        "training": lambda: training_block(items, today),
        "events": lambda: events_block(items, today, HOME_URI),  # the next events, beside the next training
        "news": lambda: news_block(items),
        "staff_voice": lambda: staff_voice_block(items, HOME_URI),  # the latest staff health check
    }
    out: list[str] = []
    updates: list[str] = []
    for name in blocks:
        made = makers[name]() if name in makers else ""
        if name in UPDATE_BLOCKS:
            if made:
                updates.append(made)
            continue
        if updates:
            out.append(_updates(updates))
            updates = []
        if made:
            out.append(made)
    if updates:
        out.append(_updates(updates))
    return str(markdown_block("div", markdown_text("\n\n".join(out)), class_="ph-home")) + "\n"


def _updates(blocks: list[str]) -> str:
    return str(markdown_block("div", markdown_text("\n\n".join(blocks)), class_="ph-home-updates"))


def when_span(words) -> Markup:
    """The date or time after a link in a home page block (escaped unless it is Markup)."""
    return element("span", words, class_="ph-home-when")


def _block(css: str, heading: str, lines: Sequence[str], more: str = "") -> str:
    body = "\n".join(f"- {line}" for line in lines)
    tail = f"\n\n{more}" if more else ""
    content = markdown_text(f"## {esc(heading)}\n\n{body}{tail}")
    return str(markdown_block("section", content, class_=f"ph-home-block ph-home-block--{css}"))


def notice_block(items: list[Item], today: dt.date) -> str:
    """News posts marked urgent (``urgent_until`` today or later), newest first."""
    urgent = []
    for item in of_type(items, NEWS):
        until = item.data.get("urgent_until")
        if not until or item.status in ("archived", "draft"):
            continue
        try:
            if dt.date.fromisoformat(str(until)) >= today:
                urgent.append(item)
        except ValueError:
            continue
    if not urgent:
        return ""
    urgent.sort(key=lambda i: (str(i.data.get("date", "")), i.id), reverse=True)
    # Each notice carries its last day: the reader's clock hides it the day after, and the whole
    # notice region with the last of them (data-ph-group, practice-hub-today.js).
    notices = [
        element(
            "p",
            markdown_text(f"**{link(HOME_URI, i.uri, i.title)}**: {esc(i.summary)}"),
            data_ph_until=str(i.data.get("urgent_until")),
            markdown=True,
        )
        for i in urgent
    ]
    return str(
        markdown_block(
            "div",
            join(notices, Markup("\n\n")),
            class_="ph-home-notice",
            role="region",
            aria_label="Urgent notice",
            data_ph_group=True,
        )
    )


def section_links(items: list[Item], existing_pages: set[str], menu) -> list[tuple[str, str, str]]:
    """(page, title, summary) for every top-level section of the menu that exists."""
    by_uri = {i.uri: i for i in items if i.uri and not i.from_yaml}
    out = []
    for entry in menu_entries(menu):
        page = entry.path + "index.md" if entry.path.endswith("/") else entry.path
        if page not in existing_pages:
            continue
        item = by_uri.get(page)
        title = entry.title or (
            item.title if item and not entry.path.endswith("/") else _folder_title(entry.path)
        )
        out.append((page, title, item.summary if item else ""))
    return out


def _folder_title(path: str) -> str:
    """The section title MkDocs gives a folder ("case-notes/" -> "Case notes")."""
    name = path.rstrip("/").split("/")[-1].replace("-", " ").replace("_", " ")
    return name.capitalize() if name.lower() == name else name


def card_key(page: str) -> str:
    """The key of a section's card in the home_cards setting ("procedures/index.md" -> "procedures")."""
    parts = page.removesuffix(".md").split("/")
    return parts[-2] if parts[-1] == "index" and len(parts) > 1 else parts[-1]


def sections_block(items: list[Item], existing_pages: set[str], menu, wording: dict | None = None) -> str:
    """A card per section; a card shows the council's own words when home_cards sets them."""
    cards = []
    for page, title, _summary in section_links(items, existing_pages, menu):
        target = link(HOME_URI, page, "x")[len("[x](") : -1]
        words = (wording or {}).get(card_key(page), "")
        text = element("span", markdown_text(esc(words)), class_="ph-home-card__text") if words else ""
        title_span = element("span", markdown_text(esc(title)), class_="ph-home-card__title")
        cards.append(element("li", "[", title_span, text, markdown_text(f"]({target})"), markdown=True))
    if not cards:
        return ""
    listed = element("ul", NEWLINE, join(cards, NEWLINE), NEWLINE, class_="ph-home-cards", markdown=True)
    return str(markdown_block("nav", listed, class_="ph-home-sections", aria_label="Sections"))


def changes_block(items: list[Item]) -> str:
    recent = changes(items)[:SHOWN]
    if not recent:
        return ""
    lines = [
        markdown_text(link(HOME_URI, c.item.uri, c.item.title)) + " " + when_span(long_date(c.date))
        for c in recent
    ]
    return _block("changes", "What changed", lines, link(HOME_URI, REGISTER_URI, "All procedure changes"))


def training_block(items: list[Item], today: dt.date) -> str:
    """The next three sessions; more are written hidden, so the reader's clock can show the next
    three that have not ended (``dated_block``), or "No sessions in the next 30 days"."""
    sessions = sorted(
        (
            s
            for c in of_type(items, COURSE)
            if c.status != "archived"
            for s in upcoming(sessions_of(c), today, include_cancelled=False)
        ),
        key=lambda s: (s.start, s.course.title),
    )[:CANDIDATES]
    if not sessions:
        return ""
    lines = [
        (
            markdown_text(link(HOME_URI, s.course.uri, s.course.title))
            + " "
            + when_span(markdown_text(esc(when_range(s)))),
            s.ends_utc(),
        )
        for s in sessions
    ]
    more = link(HOME_URI, UPCOMING_URI, "All upcoming sessions")
    return dated_block("training", "Next training", lines, TRAINING_EMPTY, more, SHOWN)


def news_block(items: list[Item]) -> str:
    news = sorted(
        (i for i in of_type(items, NEWS) if i.status not in ("archived", "draft") and i.data.get("date")),
        key=lambda i: (str(i.data.get("date", "")), i.id),
        reverse=True,
    )[:SHOWN]
    if not news:
        return ""
    lines = [
        markdown_text(link(HOME_URI, n.uri, n.title)) + " " + when_span(long_date(n.data["date"]))
        for n in news
    ]
    return _block("news", "Latest news", lines, link(HOME_URI, "news/index.md", "All news"))


def main_sections(items: list[Item], existing_pages: set[str], urls: dict[str, str], menu) -> list[dict]:
    """The menu's top-level sections as {"url", "title"} for a template (the 404 page):
    the same sections, in the same order and with the same names, as the readers' menu."""
    return [
        {"url": urls.get(page, ""), "title": title}
        for page, title, _ in section_links(items, existing_pages, menu)
        if urls.get(page)
    ]
