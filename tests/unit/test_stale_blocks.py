"""What depends on today's date is written for the reader's clock to decide: the build writes
more candidates than it shows (hidden), each with its date, and the empty state hidden beside
them (practice-hub-today.js chooses in the browser; tests/browser/test_stale.py runs it)."""

from __future__ import annotations

import datetime as dt

from bs4 import BeautifulSoup

from practice_hub.loader.yaml_lines import Loaded
from practice_hub.renderer.front_door import TRAINING_EMPTY, notice_block, training_block
from practice_hub.renderer.training import UPCOMING_EMPTY, upcoming_page
from practice_hub.structure.items import Item

TODAY = dt.date(2026, 11, 24)


def _course(sessions: list[tuple[str, str]]) -> Item:
    data = {
        "id": "court-skills",
        "title": "Court skills",
        "summary": "Giving evidence.",
        "mode": "classroom",
        "sessions": [{"start": s, "end": e, "venue": "Northgate Hub", "status": "open"} for s, e in sessions],
    }
    return Item(
        type="course",
        data=data,
        path="docs/training/x.yml",
        line=1,
        loaded=Loaded(data),
        uri="training/court-skills.md",
        from_yaml=True,
    )


def _news(until: str) -> Item:
    data = {"title": "Renew now", "summary": "Renew by Monday.", "date": "2026-10-01", "urgent_until": until}
    return Item(
        type="news", data=data, path="docs/news/posts/x.md", line=1, loaded=Loaded(data), uri="news/x.md"
    )


DAYS = [f"2026-12-{day:02d}" for day in range(1, 21)]


def test_next_training_writes_later_sessions_hidden_for_the_readers_clock():
    course = _course([(f"{d}T09:30", f"{d}T12:00") for d in DAYS])
    soup = BeautifulSoup(training_block([course], TODAY), "html.parser")
    listed = soup.select("[data-ph-limit='3'] > li[data-ph-ends]")
    assert len(listed) == 12  # the build's three, and nine more for a reader weeks later
    assert [li.has_attr("hidden") for li in listed] == [False] * 3 + [True] * 9
    assert listed[3]["data-ph-ends"] == "2026-12-04T12:00:00Z"
    empty = soup.select_one("[data-ph-scope] [data-ph-empty]")
    assert empty.get_text() == TRAINING_EMPTY and empty.has_attr("hidden")


def test_an_urgent_notice_carries_its_last_day_and_its_region_goes_with_the_last():
    soup = BeautifulSoup(notice_block([_news("2026-11-30")], TODAY), "html.parser")
    region = soup.select_one("[role=region][data-ph-group]")
    assert region.select_one("p[data-ph-until='2026-11-30']").get_text().startswith("**[Renew now]")
    assert notice_block([_news("2026-11-23")], TODAY) == ""  # already past at the build


def test_upcoming_months_are_groups_with_the_empty_state_beside_them():
    course = _course([("2026-11-26T09:30", "2026-11-26T12:00"), ("2027-01-12T09:30", "2027-01-12T12:00")])
    page = upcoming_page([course], TODAY)
    soup = BeautifulSoup(page, "html.parser")
    empty = soup.select_one("p[data-ph-empty]")
    assert empty.get_text() == UPCOMING_EMPTY and empty.has_attr("hidden")
    groups = page.split('<section class="ph-sessions-month" data-ph-group markdown>')[1:]
    # each month's heading inside its group, with its rows
    assert [g.split("\n")[2] for g in groups] == ["## November 2026", "## January 2027"]
    assert all("data-ph-ends" in g and "</section>" in g for g in groups)
    nothing = BeautifulSoup(upcoming_page([_course([])], TODAY), "html.parser").select_one("p[data-ph-empty]")
    assert not nothing.has_attr("hidden")  # the build's own empty state, true without JavaScript
