"""The readers' menu, the home page as the front door and procedures on a phone,
at 1366 px and 390 px. Screenshots go to test-output/screenshots/ for a person to look at."""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

import pytest
from playwright.sync_api import expect

sys.path.insert(0, str(Path(__file__).resolve().parent))

from conftest import TODAY  # noqa: E402

pytestmark = pytest.mark.browser

WIDTHS = {"desktop": {"width": 1366, "height": 800}, "phone": {"width": 390, "height": 844}}
EDITORS = ("editors/", "review-schedule/", "tags/", "field-reference")
TOP_LEVEL = [
    "Home",
    "Procedures",
    "Practice standards",
    "Audit",
    "Training",
    "Tools",
    "Induction",
    "Research",
    "News",
    "Jobs",
    "Links",
    "Glossary",
]


@pytest.fixture(params=list(WIDTHS))
def sized(request, browser, site_server, origin_guard):
    context = browser.new_context(
        base_url=site_server, viewport=WIDTHS[request.param], service_workers="block"
    )
    context.set_default_timeout(10_000)
    origin_guard.install(context)
    page = context.new_page()
    page.width_name = request.param
    yield page
    context.close()


def _menu_links(page) -> list[tuple[str, str]]:
    return page.evaluate("""() => [...document.querySelectorAll('nav.md-nav--primary a.md-nav__link')]
        .map(a => [a.innerText.trim(), a.getAttribute('href')])""")


def _top_level(page) -> list[str]:
    return page.evaluate("""() => [...document.querySelectorAll(
        'nav.md-nav--primary > ul.md-nav__list > li.md-nav__item')]
        .map(li => (li.querySelector(':scope > a, :scope > div > a, :scope > label') || li).innerText.trim())""")


@pytest.mark.demo  # the demo's menu: its twelve audit sections by name
def test_readers_menu_order_and_no_editors_pages(sized):
    sized.goto("audit/audit-voice/")
    button = sized.locator("[data-ph-menu-button]")
    if button.is_visible():  # on a phone the menu is a drawer, hidden until its button is pressed
        button.click()
        sized.wait_for_function(
            "getComputedStyle(document.querySelector('.md-sidebar--primary')).visibility === 'visible'"
        )
    links = _menu_links(sized)
    assert not [href for _, href in links if any(e in href for e in EDITORS)], links
    top = [t.split("\n")[0] for t in _top_level(sized) if t]
    listed = [t for t in top if t in TOP_LEVEL]
    assert listed == TOP_LEVEL, top
    assert top.count("Home") == 1
    numbered = [text for text, href in links if re.search(r"audit-[a-z-]+/$", href or "") or href == "./"]
    assert len(numbered) == 12, numbered
    assert numbered[0] == "Case summary and chronology" and numbered[-1] == "Carers", numbered


@pytest.mark.demo  # audit-carers is the demo's last numbered audit section
def test_previous_next_stay_within_the_section(page):
    page.goto("audit/audit-carers/")
    assert page.locator("a.md-footer__link--next").count() == 0  # the last numbered section
    assert "/audit/" in page.locator("a.md-footer__link--prev").get_attribute("href") or page.locator(
        "a.md-footer__link--prev"
    ).get_attribute("href").startswith("../")
    page.goto("")
    assert page.locator("a.md-footer__link--next").count() == 0


@pytest.mark.demo  # the demo's home page: its notice, and a card for each of its sections
def test_home_page_is_the_front_door(sized, test_output):
    # read on the build date: the urgent notice and the dated blocks are decided by the reader's
    # clock (practice-hub-today.js; later dates in tests/browser/test_stale.py)
    sized.clock.set_fixed_time(dt.datetime.fromisoformat(TODAY + "T09:00:00+00:00"))
    sized.goto("")
    header = sized.locator(".md-header").bounding_box()["height"]

    def bottom(selector):
        box = sized.locator(selector).first.bounding_box()
        assert box, selector
        return box["y"] + box["height"]

    assert bottom(".ph-home-search__box") < sized.viewport_size["height"]
    _shot(sized, test_output, "home")
    cards = sized.locator(".ph-home-cards a").all_inner_texts()
    for section in TOP_LEVEL[1:]:
        assert section in cards, cards
    assert sized.locator(".ph-review__facts").count() == 0  # no review box on the home page
    # What a practitioner needs first (the notice, the sections, what changed, the next training)
    # within two screens at any width; the news, the fourth of the dated blocks, within three on a
    # phone (a card for every section, the contacts' among them, comes before it).
    screens = {".ph-home-block--news": 3 if sized.width_name == "phone" else 2}
    over = [
        f"{selector} ends at {bottom(selector):.0f} px"
        for selector in (
            ".ph-home-notice",
            ".ph-home-cards",
            ".ph-home-block--changes",
            ".ph-home-block--training",
            ".ph-home-block--news",
        )
        if bottom(selector) > screens.get(selector, 2) * sized.viewport_size["height"] + header
    ]
    assert over == []


def test_procedure_at_a_glance_is_on_the_first_phone_screen(sized, demo_site, test_output):
    import json

    items = json.loads((demo_site / "content.json").read_text(encoding="utf-8"))["items"]
    with_glance = [
        item["url"]
        for item in sorted(items, key=lambda i: i["url"])
        if item["type"] == "procedure"
        and 'class="ph-glance"' in (demo_site / item["url"] / "index.html").read_text(encoding="utf-8")
    ]
    if not with_glance:
        pytest.skip("this site has no procedure with key points (no 'At a glance' box)")
    sized.goto(with_glance[0])
    glance = sized.locator(".ph-glance").bounding_box()
    title = sized.locator("article h1").first.bounding_box()
    assert title["y"] < glance["y"]
    assert glance["y"] + glance["height"] <= sized.viewport_size["height"], glance
    assert sized.locator("article h2", has_text="Related").count() == 1
    _shot(sized, test_output, "procedure")


def test_training_catalogue_screenshot(sized, demo_pages, test_output):
    """The training catalogue at both widths, for a person to look at: its title, its filters and
    a count line that names every course listed, and the two screenshots written."""
    sized.goto(demo_pages["training"])
    assert sized.locator("article h1").first.is_visible()
    assert sized.locator("form.ph-filters select[data-ph-key]").count() > 0
    courses = sized.locator("[data-ph-filtered] > li").count()
    expect(sized.locator(".ph-filter-count")).to_have_text(re.compile(rf"^Showing all {courses} "))
    shots = _shot(sized, test_output, "training")
    assert all(shot.stat().st_size > 0 for shot in shots), shots


def _shot(page, test_output, name) -> list:
    """Screenshots of the page (the first screen, the whole page) in test-output/screenshots/."""
    folder = test_output / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    width = page.viewport_size["width"]
    shots = [folder / f"{name}-{width}.png", folder / f"{name}-{width}-full.png"]
    page.screenshot(path=str(shots[0]))
    page.screenshot(path=str(shots[1]), full_page=True)
    return shots


@pytest.mark.demo  # the demo's courses for managers and for all staff
def test_training_filter_keeps_all_staff_courses_and_survives_reload(page, demo_pages):
    page.goto(demo_pages["training"])
    page.select_option("#ph-f-audience", "manager")
    shown = page.locator("[data-ph-filtered] > li:not([hidden])")
    assert shown.count() > 0
    all_staff = page.locator("[data-ph-filtered] > li[data-audience*='|all staff|']")
    assert all_staff.count() > 0
    for index in range(all_staff.count()):
        assert all_staff.nth(index).is_visible()
    assert "audience=manager" in page.url
    page.reload()
    assert page.locator("#ph-f-audience").input_value() == "manager"
    assert page.locator("[data-ph-filtered] > li:not([hidden])").count() == shown.count()


US_DATE = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November|"
    r"December) \d{1,2}, \d{4}\b|\b\d{1,2}/\d{1,2}/\d{4}\b"
)


def test_no_us_format_date_anywhere_in_the_built_site(demo_site):
    found = []
    for path in sorted(demo_site.rglob("*.html")):
        text = re.sub(r"<script\b.*?</script>", " ", path.read_text(encoding="utf-8"), flags=re.S)
        for match in US_DATE.finditer(text):
            found.append(f"{path.relative_to(demo_site)}: {match.group(0)}")
    assert not found, "\n".join(found[:20])


SPACED_PERCENT = re.compile(r"\d[  ]%")
PLAIN_LABELS = ("Metadata", "Back to index")


def test_one_percent_style_and_plain_labels_in_the_built_site(demo_site):
    """One percent style, "48%" and never "48 %"; no Material developer labels ("Metadata", "Back to index")."""
    found = []
    for path in sorted(demo_site.rglob("*.html")):
        text = re.sub(
            r"<script\b.*?</script>|<style\b.*?</style>", " ", path.read_text(encoding="utf-8"), flags=re.S
        )
        text = re.sub(r"<[^>]*>", lambda m: " " if "aria-label" not in m.group(0) else m.group(0), text)
        for match in SPACED_PERCENT.finditer(text):
            found.append(f"{path.relative_to(demo_site)}: {text[max(0, match.start() - 20) : match.end()]!r}")
        found += [f"{path.relative_to(demo_site)}: {label}" for label in PLAIN_LABELS if label in text]
    assert not found, "\n".join(found[:20])


def test_page_not_found_offers_search_and_the_main_sections(sized, test_output):
    """An old bookmark lands on a page that says what happened, opens the search and
    lists the main sections in the readers' menu order (at both widths)."""
    response = sized.goto("/procedures/an-old-bookmark/")
    assert response.status == 404
    assert sized.locator("h1").inner_text() == "Page not found"
    sections = sized.locator(".ph-not-found__sections a").all_inner_texts()
    assert [s for s in sections if s in TOP_LEVEL] == TOP_LEVEL[1:]  # the menu's order
    sized.locator(".ph-not-found__sections a", has_text="Training").click()
    assert sized.url.endswith("/training/")
    sized.go_back()
    _shot(sized, test_output, "not-found")
    sized.locator("[data-ph-open-search]").click()
    search = sized.locator("input.md-search__input")
    search.press_sequentially("supervision", delay=20)
    result = sized.locator(".md-search-result__item").first
    result.wait_for()


def test_induction_checklist_screenshot(sized, demo_pages, test_output):
    """Ticked steps look done; the progress line counts them. For a person to look at."""
    sized.goto(demo_pages["induction"])
    boxes = sized.locator("input[data-ph-step]")
    for i in range(min(2, boxes.count())):
        boxes.nth(i).check()
    assert sized.locator("li.ph-checklist__step--done").count() == min(2, boxes.count())
    assert sized.locator("[data-ph-progress]").inner_text().startswith(f"{min(2, boxes.count())} of ")
    sized.locator(".ph-checklist").first.scroll_into_view_if_needed()
    _shot(sized, test_output, "induction")


def test_events_listing_screenshot(sized, demo_pages, test_output):
    """Upcoming events by month, for a person to look at, at both widths."""
    if not demo_pages.get("events"):
        pytest.skip("this site has no events")
    sized.clock.set_fixed_time("2026-11-24T10:00:00")
    sized.goto(demo_pages["events"])
    assert sized.locator("li.ph-event").count() > 0
    _shot(sized, test_output, "events")
    if demo_pages.get("event"):
        sized.goto(demo_pages["event"])
        _shot(sized, test_output, "event")
