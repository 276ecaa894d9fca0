"""The Brackenford demo: at least ten events around the pinned today (2026-11-24), past and
upcoming, an upcoming practice week with a schedule and a held one with findings on its standards,
World Social Work Day, a journal club and lunchtime seminars; the listing, home block and links."""

from __future__ import annotations

import datetime as dt

import pytest

from practice_hub.content_types import EVENT, STANDARD
from practice_hub.export import content_json
from practice_hub.renderer.events import events_listing
from practice_hub.renderer.front_door import front_door
from practice_hub.renderer.site_pages import generated_pages, page_additions
from practice_hub.settings import Project
from practice_hub.site import load_site
from practice_hub.structure.events import PRACTICE_WEEK, has_ended, occurrence
from tests.helpers import REPO


@pytest.fixture(scope="module")
def demo():
    return load_site(Project.from_config_file(REPO / "mkdocs.yml"))


@pytest.fixture(scope="module")
def events(demo):
    return {e.id: e for e in demo.of_type(EVENT)}


def test_demo_events_are_checked_clean(demo):
    assert [str(p) for p in demo.problems.errors + demo.problems.warnings if "docs/events/" in p.path] == []


def test_at_least_ten_events_past_and_upcoming_of_every_kind_asked_for(demo, events):
    today = demo.project.settings.build_date
    assert today == dt.date(2026, 11, 24) and len(events) >= 10
    ended = {i for i, e in events.items() if has_ended(e, today)}
    assert 2 <= len(ended) < len(events)
    kinds = {e.data["kind"] for e in events.values()}
    assert {"briefing", "seminar", "journal club", "practice week", "conference", "celebration"} <= kinds
    wswd = events["world-social-work-day-2027"]
    assert "World Social Work Day" in wswd.title and occurrence(wswd).start.strftime("%Y-%m") == "2027-03"
    lunchtime = [e for e in events.values() if e.data["kind"] == "seminar" and "Lunchtime" in e.title]
    assert len(lunchtime) >= 2 and all(occurrence(e).start.hour == 12 for e in lunchtime)


def test_an_upcoming_practice_week_with_a_schedule_and_a_held_one_with_findings(demo, events):
    today = demo.project.settings.build_date
    weeks = [e for e in events.values() if e.data["kind"] == PRACTICE_WEEK]
    upcoming = [e for e in weeks if not has_ended(e, today) and e.data.get("schedule")]
    held = [e for e in weeks if has_ended(e, today) and e.data.get("findings")]
    assert upcoming and held
    activities = [s["activity"] for s in upcoming[0].data["schedule"]]
    assert any(a.startswith("One-to-one file reflection with your manager") for a in activities)
    pages = generated_pages(demo, set())
    assert "## Schedule" in pages[upcoming[0].uri] and "## What we found" in pages[held[0].uri]
    informed = held[0].data["findings"]["standards"]
    assert informed
    for standard_id in informed:  # the findings show on the standards they inform
        standard = demo.by_id[standard_id]
        added = page_additions(demo, standard.uri, "", set())
        assert "## Practice week findings" in added and held[0].title in added, standard_id


def test_listing_home_block_and_a_standard_show_only_upcoming_events(demo, events):
    today = demo.project.settings.build_date
    listing = events_listing("events/index.md", demo.items, demo)
    assert "## November 2026" in listing and "## March 2027" in listing
    for event in events.values():
        assert (f"({event.id}.md)" in listing or f"(events/{event.id}.md)" in listing) == (
            not has_ended(event, today) or bool(event.data.get("findings"))  # findings stay listed
        ), event.id
    settings = demo.project.settings
    home = front_door(demo.items, {"index.md"}, today, settings)
    assert "## Coming up" in home and "Lunchtime seminar: capacity and executive function" in home
    assert "Journal club: contextual safeguarding" not in home  # it has ended
    without = front_door(
        demo.items, {"index.md"}, today, type(settings)(**{**vars(settings), "home": ("news",)})
    )
    assert "Coming up" not in without  # the block is configurable like the others
    capacity = page_additions(demo, demo.by_id["presume-capacity"].uri, "", set())
    assert (
        "## Events that support this standard" in capacity and "capacity and executive function" in capacity
    )


def test_content_json_links_demo_events_and_standards_both_ways(demo, events):
    site = demo.with_pages(urls={i.uri: i.uri.removesuffix(".md") + "/" for i in demo.items})
    items = {(i["type"], i["id"]): i for i in content_json(site)["items"]}
    for event in events.values():
        entry = items[(EVENT, event.id)]
        assert entry["url"] == f"events/{event.id}/"
        for standard_id in entry["related"].get(STANDARD, []):
            assert event.id in items[(STANDARD, standard_id)]["related"][EVENT], (event.id, standard_id)
    assert items[(STANDARD, "voice-of-the-child")]["related"][EVENT] == [
        "briefing-learning-from-audit-january-2027",
        "practice-week-autumn-2026",
    ]
