"""The audit cycles listing puts the newest cycle first; a cycle's details are a list of terms,
not a table with an empty header row."""

from __future__ import annotations

import datetime as dt

from practice_hub.content_types import AUDIT_CYCLE
from practice_hub.renderer.audit_cycles import cycle_additions
from practice_hub.renderer.listing import listing
from practice_hub.structure.items import Item


def cycle(ident: str, start, end, title: str) -> Item:
    data = {
        "id": ident,
        "title": title,
        "summary": f"About {title}.",
        "theme": "Risk",
        "services": ["Children's services"],
        "audit_window": {"start": start, "end": end},
        "cycle_status": "completed",
    }
    return Item(AUDIT_CYCLE, data, f"docs/audit/cycles/{ident}.md", 1, None, uri=f"audit/cycles/{ident}.md")


def test_the_newest_cycle_comes_first_with_its_window():
    items = [
        cycle("a-spring", dt.date(2026, 2, 2), dt.date(2026, 3, 13), "Spring"),
        cycle("c-winter", "2026-11-02", "2026-12-18", "Winter"),
        cycle("b-summer", dt.date(2026, 5, 5), dt.date(2026, 6, 12), "Summer"),
    ]
    text = listing("audit/cycles/index.md", items)
    assert [line.split("]")[0] for line in text.splitlines() if line] == [
        "- [Winter",
        "- [Summer",
        "- [Spring",
    ]
    assert "(2 November 2026 to 18 December 2026)" in text


def test_a_cycles_details_are_terms_and_values():
    page = cycle_additions(cycle("a", "2026-02-02", "2026-03-13", "Spring"), {}, dt.date(2026, 11, 24))
    assert "| |" not in page and "|  |" not in page
    assert "<dt>Theme</dt><dd>Risk</dd>" in page
    assert "<dt>Audit window</dt><dd>2 February 2026 to 13 March 2026</dd>" in page
    assert "Planning meeting" not in page  # a detail the cycle does not give is left out
