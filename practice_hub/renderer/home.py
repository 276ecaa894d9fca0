"""The home page: the one stop shop's entry points, latest news, recent changes, upcoming training."""

from __future__ import annotations

import datetime as dt

from ..content_types import COURSE, NEWS
from ..structure.items import Item
from ..structure.training import sessions_of, upcoming
from .md import bullet_list, esc, link, long_date
from .register import REGISTER_URI, changes
from .thread import MATRIX_URI
from .training import UPCOMING_URI, when_range

HOME_URI = "index.md"

# (card key, page, title, default wording). The wording of any card can be changed in mkdocs.yml:
# extra.practice_hub.home_cards: {standards: "What good practice looks like in our council."}
ENTRY_POINTS = [
    ("procedures", "procedures/index.md", "Procedures", "How we work, step by step, with owners and review dates."),
    ("standards", "standards/index.md", "Practice standards", "What good practice looks like here."),
    ("audit", "audit/index.md", "Case-file audit tool", "How we audit case files against the standards."),
    ("training", "training/index.md", "Training", "Courses and sessions to book, and why they matter."),
    ("tools", "tools/index.md", "Tools and templates", "Practice tools, templates and resources to download."),
    ("induction", "induction/index.md", "Induction", "Checklists for your first day, week, month and three months."),
    ("research", "research/index.md", "Research in practice", "Evidence and learning to inform your practice."),
    ("news", "news/index.md", "News", "Practice updates, learning from audit and celebrations."),
    ("recruitment", "recruitment/index.md", "Recruitment", "Vacancies, and what it is like to work here."),
    ("links", "links/index.md", "Links", "Systems, partners, regulators and guidance in one place."),
    ("glossary", "glossary/index.md", "Glossary", "What the acronyms and terms mean."),
    ("golden_thread", MATRIX_URI, "The golden thread",
     "Each standard, how it is audited, and the training that builds it."),
]
CARD_KEYS = tuple(entry[0] for entry in ENTRY_POINTS)
LATEST = 5


SEARCH_BUTTON = ('<p class="ph-home-search"><button type="button" class="md-button md-button--primary" '
                 'data-ph-open-search>Search procedures, standards, training and more</button></p>')


def under_title(markdown: str, block: str) -> str:
    """Put *block* straight after the page's first level-one heading (or at the top)."""
    lines = markdown.split("\n")
    for index, line in enumerate(lines):
        if line.startswith("# "):
            return "\n".join(lines[: index + 1] + ["", block, ""] + lines[index + 1:])
    return block + "\n\n" + markdown


def home_additions(items: list[Item], existing_pages: set[str], today: dt.date,
                   cards: dict[str, str] | None = None) -> str:
    uri = HOME_URI
    out = [
        "",
        "## Find what you need",
        "",
        '<div class="grid cards ph-entry-points" markdown>',
        "",
    ]
    for key, target, title, blurb in ENTRY_POINTS:
        if target in existing_pages:
            out.append(f"- **{link(uri, target, title)}**  \n  {esc((cards or {}).get(key, blurb))}")
    out += ["", "</div>", ""]
    news = sorted((i for i in items if i.type == NEWS and i.status != "archived"),
                  key=lambda i: (str(i.data.get("date", "")), i.id), reverse=True)[:LATEST]
    if news:
        out += ["## Latest news", ""]
        out.append(bullet_list([f"{link(uri, n.uri, n.title)} ({long_date(n.data['date'])}): {esc(n.summary)}"
                                for n in news if n.data.get("date")]))
    recent = changes(items)[:LATEST]
    if recent:
        out += ["## Recent procedure changes", ""]
        out.append(bullet_list([f"{link(uri, c.item.uri, c.item.title)} ({long_date(c.date)}): {esc(c.summary)}"
                                for c in recent]))
        out.append(f"{link(uri, REGISTER_URI, 'All changes in the amendments register')}\n")
    sessions = sorted((s for c in items if c.type == COURSE and c.status != "archived"
                       for s in upcoming(sessions_of(c), today, include_cancelled=False)),
                      key=lambda s: (s.start, s.course.title))[:LATEST]
    if sessions:
        out += ["## Upcoming training", ""]
        out.append(bullet_list([
            f'<span data-ph-ends="{s.ends_utc()}" markdown>{link(uri, s.course.uri, s.course.title)}: '
            f"{esc(when_range(s))}, {esc(s.venue)}</span>" for s in sessions]))
        out.append(f"{link(uri, UPCOMING_URI, 'All upcoming sessions')}\n")
    return "\n".join(out) + "\n"

