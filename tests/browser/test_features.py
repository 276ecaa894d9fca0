"""Browser tests of the features' main interactions, on fixture sites and the demo.

Clocks are fixed with Playwright's clock so nothing depends on today's date.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "site"))

from conftest import OriginGuard  # noqa: E402
from playwright.sync_api import expect  # noqa: E402
from test_events import EVENTS  # noqa: E402
from test_procedures import FILES as PROCEDURE_FILES  # noqa: E402
from test_sections import GOOD as SECTION_FILES  # noqa: E402
from test_training import COURSES  # noqa: E402

from helpers import FIXTURES, make_project  # noqa: E402


@pytest.fixture(scope="module")
def fixture_base(tmp_path_factory, build_fixture_site, serve_site):
    files = {**PROCEDURE_FILES, **SECTION_FILES, "training/more.yml": COURSES, "events/programme.yml": EVENTS}
    files.pop("procedures/overdue-one.md")  # an overdue review warns, and the build is strict
    project = make_project(tmp_path_factory.mktemp("features"), FIXTURES / "thread" / "docs", files=files)
    return serve_site(build_fixture_site(project, today="2026-11-20"))


@pytest.fixture
def fixture_page(browser, fixture_base):
    context = browser.new_context(
        base_url=fixture_base, viewport={"width": 1280, "height": 800}, service_workers="block"
    )
    context.set_default_timeout(10_000)
    guard = OriginGuard(fixture_base)
    guard.install(context)
    yield context.new_page()
    context.close()
    assert guard.foreign == []


def at(page, when: str):
    page.clock.set_fixed_time(dt.datetime.fromisoformat(when))
    return page


# --- review banners decided by the reader's date -------------------------------------------------
@pytest.mark.parametrize(
    "when, state, text",
    [
        ("2026-06-01T10:00", "current", None),
        ("2026-11-24T10:00", "due", "This page is due for review by 10 December 2026."),
        ("2026-12-10T10:00", "due", "This page is due for review by 10 December 2026."),
        (
            "2026-12-11T10:00",
            "overdue",
            "This page was due for review on 10 December 2026. Check with Head of Service, Assessment before relying on it.",
        ),
    ],
)
def test_review_banner_follows_the_readers_clock(fixture_page, when, state, text):
    page = at(fixture_page, when)
    page.goto("procedures/due-one/")
    box = page.locator("[data-ph-review]")
    assert box.get_attribute("data-ph-state") == state
    banner = page.locator("[data-ph-banner]")
    if text is None:
        assert banner.is_hidden()
    else:
        assert banner.is_visible()
        assert page.locator("[data-ph-banner-text]").inner_text() == text


def test_print_layout(fixture_page):
    page = at(fixture_page, "2026-12-01T10:00")
    page.goto("procedures/current-one/")
    page.emulate_media(media="print")
    assert page.locator(".md-sidebar--primary").is_hidden()
    assert page.locator(".md-header").is_hidden()
    note = page.locator(".ph-print-note")
    assert note.is_visible()
    text = note.inner_text()
    assert "procedures/current-one/" in text
    assert "on 1 December 2026: check the site for the current version" in text
    assert "Head of Service, Assessment" in page.locator(".ph-review__facts").inner_text()


# --- training -------------------------------------------------------------------------------------
def _shown(page, selector="ul.ph-courses > li"):
    return sorted(
        li.locator("a").first.inner_text() for li in page.locator(selector).all() if li.is_visible()
    )


def test_catalogue_filters_by_audience_and_standard(fixture_page):
    page = at(fixture_page, "2026-11-24T10:00")
    page.goto("training/")
    assert _shown(page) == [
        "Course one",
        "Course two",
        "Court skills",
        "Recording online",
        "Records e-learning",
    ]
    count = page.locator(".ph-filter-count")
    page.select_option("#ph-f-audience", "ASYE")
    expect(count).to_have_text("Showing 1 of 5 courses")
    assert _shown(page) == ["Recording online"]
    page.select_option("#ph-f-audience", "")
    page.select_option("#ph-f-standard", "standard-1")
    expect(count).to_have_text("Showing 2 of 5 courses")
    assert _shown(page) == ["Course one", "Court skills"]
    page.select_option("#ph-f-mode", "e-learning")
    expect(count).to_have_text("Showing 0 of 5 courses")
    assert _shown(page) == []
    page.get_by_role("button", name="Clear filters").click()
    expect(count).to_have_text("Showing all 5 courses")
    assert len(_shown(page)) == 5


def test_catalogue_empty_state_says_what_to_change_and_clears(fixture_page):
    page = at(fixture_page, "2026-11-24T10:00")
    page.goto("training/")
    empty = page.locator(".ph-filter-empty")
    expect(empty).to_be_hidden()
    page.select_option("#ph-f-mode", "e-learning")
    page.select_option("#ph-f-standard", "standard-1")
    expect(empty).to_be_visible()
    expect(empty).to_contain_text("How it is delivered: e-learning")
    expect(empty).to_contain_text("clear them all with “Clear filters”")
    # One clear action on the page, not "Clear filters" and "Clear all filters".
    assert page.locator(".md-content").get_by_role("button", name=re.compile("Clear")).count() == 1
    page.get_by_role("button", name="Clear filters").click()
    expect(page.locator(".ph-filter-count")).to_have_text("Showing all 5 courses")
    expect(empty).to_be_hidden()
    assert "mode=" not in page.url


def test_catalogue_without_javascript_lists_every_course(browser, fixture_base):
    context = browser.new_context(base_url=fixture_base, java_script_enabled=False)
    page = context.new_page()
    page.goto("training/")
    assert page.locator("form.ph-filters").is_hidden()
    assert _shown(page) == [
        "Course one",
        "Course two",
        "Court skills",
        "Recording online",
        "Records e-learning",
    ]
    context.close()


def test_sessions_that_pass_after_the_build_are_hidden(fixture_page):
    page = at(fixture_page, "2026-11-25T10:00")
    page.goto("training/course-one/")
    assert page.locator("tr.ph-session").first.is_visible()  # 3 December 2026
    page = at(fixture_page, "2026-12-04T10:00")
    page.goto("training/course-one/")
    assert page.locator("tr.ph-session").first.is_hidden()


# --- events --------------------------------------------------------------------------------------
def test_an_event_that_ended_yesterday_leaves_the_listing(fixture_page):
    """Built on 20 November; the briefing ends 25 November 10:30. The reader's clock decides:
    it is set from the end the listing carries, an hour before it and then a day after it."""
    page = at(fixture_page, "2026-11-21T09:00")
    page.goto("events/")
    briefing = page.locator("li.ph-event", has_text="A briefing after the clocks go back")
    ends = dt.datetime.fromisoformat(briefing.get_attribute("data-ph-ends").replace("Z", "+00:00"))
    assert ends == dt.datetime(2026, 11, 25, 10, 30, tzinfo=dt.UTC)
    page = at(fixture_page, (ends - dt.timedelta(hours=1)).replace(tzinfo=None).isoformat())
    page.goto("events/")
    expect(briefing).to_be_visible()
    expect(page.get_by_role("heading", name="November 2026")).to_be_visible()
    page.goto("standards/standard-1/")
    expect(page.get_by_role("heading", name="Events that support this standard")).to_be_visible()
    contents = page.locator('.md-sidebar--secondary a[href="#events-that-support-this-standard"]')
    expect(contents).to_be_visible()
    page = at(fixture_page, (ends + dt.timedelta(days=1)).replace(tzinfo=None).isoformat())  # yesterday
    page.goto("events/")
    expect(briefing).to_be_hidden()
    expect(page.get_by_role("heading", name="November 2026")).to_be_hidden()  # no event left that month
    expect(
        page.locator("li.ph-event", has_text="A practice week after the clocks go forward")
    ).to_be_visible()
    page.goto("standards/standard-1/")  # its only upcoming event has gone, heading and all
    expect(page.get_by_text("A briefing after the clocks go back")).to_be_hidden()
    expect(page.get_by_role("heading", name="Events that support this standard")).to_be_hidden()
    expect(contents).to_be_hidden()  # nor does the table of contents point to it
    page.goto("")  # the home page's "Coming up" leaves no empty bullet behind
    coming_up = page.locator(".ph-home-block--events li")
    expect(coming_up.filter(has_text="A briefing after the clocks go back")).to_be_hidden()
    expect(coming_up.filter(has_text="A practice week after the clocks go forward")).to_be_visible()


# --- induction, vacancies, research --------------------------------------------------------------
def test_checklist_ticks_persist_and_reset(fixture_page):
    page = fixture_page
    page.goto("induction/asye/")
    boxes = page.locator("input[data-ph-step]")
    assert boxes.count() == 3
    boxes.nth(0).check()
    boxes.nth(2).check()
    expect(page.locator("[data-ph-progress]")).to_have_text("2 of 3 steps done")
    page.reload()
    assert [boxes.nth(i).is_checked() for i in range(3)] == [True, False, True]
    assert page.locator("li.ph-checklist__step--done").count() == 2  # done looks done
    # Reset asks first: "No" keeps every tick.
    page.get_by_role("button", name="Reset my ticks").click()
    expect(page.get_by_text("Untick every step on this page?")).to_be_visible()
    expect(page.get_by_role("button", name="No, keep my ticks")).to_be_focused()
    page.get_by_role("button", name="No, keep my ticks").click()
    assert [boxes.nth(i).is_checked() for i in range(3)] == [True, False, True]
    page.reload()
    assert [boxes.nth(i).is_checked() for i in range(3)] == [True, False, True]
    page.get_by_role("button", name="Reset my ticks").click()
    page.get_by_role("button", name="Yes, untick all").click()
    assert [boxes.nth(i).is_checked() for i in range(3)] == [False, False, False]
    expect(page.locator("[data-ph-progress]")).to_have_text("0 of 3 steps done")
    assert page.locator("li.ph-checklist__step--done").count() == 0
    page.reload()
    assert [boxes.nth(i).is_checked() for i in range(3)] == [False, False, False]


def test_vacancy_closed_yesterday_is_hidden(fixture_page):
    page = at(fixture_page, "2026-12-15T18:00")
    page.goto("recruitment/vacancies/")
    assert page.locator("li[data-ph-closes='2026-12-15']").is_visible()
    page = at(fixture_page, "2026-12-16T09:00")  # closed yesterday
    page.goto("recruitment/vacancies/")
    assert page.locator("li[data-ph-closes='2026-12-15']").is_hidden()
    page.goto("recruitment/vacancies/open/")
    assert page.locator("[data-ph-closed-notice]").is_visible()
    assert page.locator("[data-ph-apply]").is_hidden()


def test_research_filter(fixture_page):
    page = fixture_page
    page.goto("research/")
    assert _shown(page, "ul.ph-library > li") == ["An evidence review", "An older guide"]
    count = page.locator(".ph-filter-count")
    page.select_option("#ph-f-source", "SCIE")
    expect(count).to_have_text("Showing 1 of 2 entries")
    assert _shown(page, "ul.ph-library > li") == ["An older guide"]
    page.select_option("#ph-f-source", "")
    page.select_option("#ph-f-topic", "recording")
    expect(count).to_have_text("Showing 1 of 2 entries")
    assert _shown(page, "ul.ph-library > li") == ["An evidence review"]


def test_home_search_button_opens_search(page, demo_site):
    items = json.loads((demo_site / "content.json").read_text(encoding="utf-8"))["items"]
    if not items:
        pytest.skip("this site has no content to search for")
    query = sorted(items, key=lambda i: i["url"])[0]["title"]  # any site's own words
    page.goto("./")
    page.get_by_role("button", name="Search procedures, standards, training and more").click()
    box = page.locator("input.md-search__input")
    expect(box).to_be_focused()
    box.press_sequentially(query, delay=20)
    expect(page.locator(".md-search-result__item").first).to_be_visible()
