"""Nothing stale: what depends on today's date is decided by the reader's clock
(overrides/javascripts/practice-hub-today.js), not frozen at the build.

The demo is built on 24 November 2026 (conftest's TODAY). Read two weeks later, the home page's
"Next training" and "Coming up" show the next items still to come (written hidden by the build),
the urgent notice whose last day has passed is gone, and /training/upcoming/ has no month heading
left without rows. Read long after every date, each block says so in words. Read on the build
date itself, the script hides nothing the build shows.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from conftest import TODAY  # noqa: E402
from playwright.sync_api import expect  # noqa: E402

BUILT = dt.date.fromisoformat(TODAY)
TWO_WEEKS_ON = dt.datetime.combine(BUILT + dt.timedelta(days=14), dt.time(8, 0), tzinfo=dt.UTC)
ON_BUILD_DAY = dt.datetime.combine(BUILT, dt.time(8, 0), tzinfo=dt.UTC)
LONG_AFTER = dt.datetime(2031, 1, 6, 8, 0, tzinfo=dt.UTC)

# Read in the page: every dated element and whether it is shown (by its own box, not CSS alone).
_DATED = """() => Array.from(document.querySelectorAll('[data-ph-ends], [data-ph-until], li[data-ph-closes]'))
  .map(el => ({
    ends: el.getAttribute('data-ph-ends'), until: el.getAttribute('data-ph-until') || el.getAttribute('data-ph-closes'),
    shown: !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length),
    text: el.textContent.trim().slice(0, 80),
    limit: el.closest('[data-ph-limit]') ? el.closest('[data-ph-limit]').getAttribute('data-ph-limit') : null,
    block: Array.from(document.querySelectorAll('[data-ph-limit]')).indexOf(el.closest('[data-ph-limit]')),
  }))"""


def _ended(entry: dict, now: dt.datetime) -> bool:
    if entry["ends"]:
        return dt.datetime.fromisoformat(entry["ends"].replace("Z", "+00:00")) < now
    last_day = dt.date.fromisoformat(entry["until"])
    return dt.datetime.combine(last_day, dt.time(23, 59, 59), tzinfo=dt.UTC) < now


def _open(page, url: str, now: dt.datetime):
    page.clock.install(time=now)
    page.clock.set_fixed_time(now)
    page.goto(url)
    page.wait_for_load_state("load")
    return page.evaluate(_DATED)


def _check_by_clock(entries: list[dict], now: dt.datetime) -> None:
    """Nothing ended is shown; each limited list shows the first N still to come, in order."""
    assert entries, "no dated items on the page"
    for entry in entries:
        if _ended(entry, now):
            assert not entry["shown"], f"shown though it has ended: {entry}"
    blocks: dict[int, list[dict]] = {}
    for entry in entries:
        if entry["limit"]:
            blocks.setdefault(entry["block"], []).append(entry)
    for block, listed in blocks.items():
        still = [e for e in listed if not _ended(e, now)]
        want = [e["text"] for e in still[: int(listed[0]["limit"])]]
        assert [e["text"] for e in listed if e["shown"]] == want, block


@pytest.mark.demo  # the demo's dates around 24 November 2026: sessions on 8 and 9 December
def test_home_two_weeks_on_shows_the_next_items(page, site_server, test_output):
    entries = _open(page, site_server, TWO_WEEKS_ON)
    _check_by_clock(entries, TWO_WEEKS_ON)
    training = page.locator(".ph-home-block--training")
    expect(training.get_by_role("heading", name="Next training")).to_be_visible()
    shown = training.locator("li:visible")
    expect(shown).to_have_count(3)  # not an empty heading: the sessions after the build's three
    expect(shown.first).to_contain_text("Tuesday 8 December 2026")
    expect(training.locator("[data-ph-empty]")).to_be_hidden()
    expect(page.locator(".ph-home-block--events li:visible").first).to_contain_text("10 December 2026")
    # the registration notice's last day (30 November) has passed: no urgent region at all
    expect(page.get_by_role("region", name="Urgent notice")).to_be_hidden()
    folder = test_output / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    for width, height in ((390, 844), (1366, 900)):
        page.set_viewport_size({"width": width, "height": height})
        page.screenshot(path=str(folder / f"home-two-weeks-on-{width}.png"), full_page=True)


def test_upcoming_sessions_two_weeks_on_lose_past_months(page, site_server):
    page_url = site_server + "training/upcoming/"
    entries = _open(page, page_url, TWO_WEEKS_ON)
    _check_by_clock(entries, TWO_WEEKS_ON)
    # every month heading still shown has a row still shown under it
    months = page.locator("section.ph-sessions-month")
    for index in range(months.count()):
        month = months.nth(index)
        rows = month.locator("tr[data-ph-ends]:visible").count()
        assert month.locator("h2").is_visible() == (rows > 0), month.locator("h2").text_content()
    past_month = f"{BUILT:%B %Y}"
    if all(_ended(e, TWO_WEEKS_ON) for e in entries if e["text"] and past_month in e["text"]):
        expect(page.get_by_role("heading", name=past_month)).to_be_hidden()
    # nor does the page's table of contents point to a month that has gone
    for index in range(months.count()):
        month = months.nth(index)
        if month.is_hidden():
            anchor = month.locator("h2").get_attribute("id")
            links = page.locator(f'.md-nav--secondary a[href="#{anchor}"]')
            assert links.count() > 0
            for link in range(links.count()):
                expect(links.nth(link)).to_be_hidden()


def test_long_after_every_date_each_block_says_so(page, site_server):
    """Read years after the build: no session, event or notice is left, and each block says so."""
    _check_by_clock(_open(page, site_server, LONG_AFTER), LONG_AFTER)
    training = page.locator(".ph-home-block--training")
    if training.count():
        expect(training.locator("[data-ph-empty]")).to_have_text("No sessions in the next 30 days.")
        expect(training.locator("[data-ph-empty]")).to_be_visible()
        expect(training.locator("[data-ph-limit]")).to_be_hidden()
    events = page.locator(".ph-home-block--events")
    if events.count():
        expect(events.locator("[data-ph-empty]")).to_have_text("No events in the next 30 days.")
        expect(events.locator("[data-ph-empty]")).to_be_visible()
    expect(page.locator(".ph-home-notice")).to_be_hidden()

    _check_by_clock(_open(page, site_server + "training/upcoming/", LONG_AFTER), LONG_AFTER)
    expect(page.locator("section.ph-sessions-month:visible")).to_have_count(0)
    expect(page.locator("[data-ph-empty]")).to_contain_text("No sessions in the next 30 days.")
    expect(page.locator("[data-ph-empty]")).to_be_visible()


@pytest.mark.parametrize("path", ["", "training/upcoming/", "events/"])
def test_on_the_build_day_the_script_hides_nothing_the_build_shows(browser, site_server, path):
    """At the build's own date the reader's clock agrees with the build: what a browser without
    JavaScript shows is exactly what the script leaves shown."""
    seen = []
    for script in (False, True):
        context = browser.new_context(java_script_enabled=script, viewport={"width": 1366, "height": 900})
        page = context.new_page()
        seen.append(_open(page, site_server + path, ON_BUILD_DAY))
        context.close()
    without, with_script = seen
    assert [e["text"] for e in with_script if e["shown"]] == [e["text"] for e in without if e["shown"]]
    assert any(e["shown"] for e in with_script)
    _check_by_clock(with_script, ON_BUILD_DAY)


def test_the_catalogue_names_each_courses_next_session_by_the_readers_clock(page, site_server):
    """Each course's "next session" is the first that has not ended by the reader's clock, or
    "no sessions booked yet" once every one has."""
    entries = _open(page, site_server + "training/", TWO_WEEKS_ON)
    _check_by_clock(entries, TWO_WEEKS_ON)
    courses = page.locator("[data-ph-filtered] > li")
    for index in range(courses.count()):
        course = courses.nth(index)
        dated = course.locator("[data-ph-limit] > [data-ph-ends]")
        if not dated.count():
            continue
        ends = [dated.nth(i).get_attribute("data-ph-ends") for i in range(dated.count())]
        left = [i for i, end in enumerate(ends) if not _ended({"ends": end, "until": None}, TWO_WEEKS_ON)]
        shown = [i for i in range(dated.count()) if dated.nth(i).is_visible()]
        assert shown == left[:1], course.text_content()
        if not left:
            expect(course.locator("[data-ph-empty]")).to_be_visible()
