"""At 320 CSS px (WCAG 1.4.10 Reflow) pages do not scroll sideways.

The golden thread matrix becomes one block per standard with each cell labelled
(practice-hub.css); the audit chart scales to the column.
"""

from __future__ import annotations

import pytest

from helpers import page_of

pytestmark = pytest.mark.browser

NARROW = {"width": 320, "height": 640}


@pytest.fixture
def narrow_page(browser, site_server, origin_guard):
    context = browser.new_context(base_url=site_server, viewport=NARROW)
    origin_guard.install(context)
    yield context.new_page()
    context.close()


def page_overflow(page) -> int:
    """How many px the document is wider than the viewport (0 when it reflows)."""
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


def test_golden_thread_matrix_reflows_at_320px(narrow_page, demo_pages, test_output):
    page = narrow_page
    page.goto(page_of(demo_pages, "golden_thread"))
    page.wait_for_load_state("load")
    page.screenshot(path=test_output / "golden-thread-320.png", full_page=True)

    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= NARROW["width"] + 1, f"the page is {width}px wide at 320px"

    table = page.locator(".ph-matrix table")
    assert table.count() == 1, "the golden thread page has no .ph-matrix table"
    # Neither the table nor Material's scroll wrapper around it scrolls sideways.
    scrolls = table.evaluate("""t => {
        const out = [];
        for (let e = t; e && !e.classList.contains('ph-matrix'); e = e.parentElement) {
            if (e.scrollWidth > e.clientWidth + 1) out.push(`${e.tagName}.${e.className}`);
        }
        return out;
    }""")
    assert scrolls == [], f"the matrix scrolls horizontally in: {scrolls}"

    # Rows are stacked blocks, each cell labelled with its column name.
    first_row = page.locator(".ph-matrix tbody tr").first
    assert first_row.evaluate("r => getComputedStyle(r).display") == "block"
    labels = first_row.locator("td").evaluate_all(
        "cells => cells.map(c => getComputedStyle(c, '::before').content)"
    )
    assert labels == ['"Standard"', '"Audited by"', '"Training"']
    headers = page.locator(".ph-matrix thead th").all_inner_texts()
    assert [h.strip() for h in headers] == ["Standard", "Audited by", "Training"], (
        "the generated columns changed: update the ::before labels in practice-hub.css"
    )
    box = first_row.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= NARROW["width"] + 1


def test_audit_chart_fits_at_320px(narrow_page, demo_pages, test_output):
    page = narrow_page
    page.goto(page_of(demo_pages, "chart_standard"))
    page.wait_for_load_state("load")
    chart = page.locator("svg.ph-chart").first
    chart.scroll_into_view_if_needed()
    page.screenshot(path=test_output / "audit-chart-320.png")
    assert page_overflow(page) <= 1
    box = chart.bounding_box()
    assert box["width"] > 200 and box["x"] + box["width"] <= NARROW["width"] + 1


# --------------------------------------------------------------------------- phone, 200 % text

PHONE = {"width": 390, "height": 844}

#: Phone text size at 200 %: the root font size doubled (Material sizes everything in rem, so
#: this is what a phone's text scaling does to it; Chromium has no switch for the setting itself).
DOUBLE_TEXT = "html { font-size: calc(2 * 125%) !important; }"


@pytest.fixture
def phone_page(browser, site_server, origin_guard):
    context = browser.new_context(base_url=site_server, viewport=PHONE)
    origin_guard.install(context)
    yield context.new_page()
    context.close()


def _open(page, url: str, double_text: bool = False) -> None:
    page.goto(url)
    page.wait_for_load_state("load")
    if double_text:
        page.add_style_tag(content=DOUBLE_TEXT)


def _exists(demo_site, url: str) -> bool:
    return (demo_site / url.split("?")[0] / "index.html").is_file()


FILTER_PAGES = ["procedures/", "training/", "audit/results/", "learning/", "research/"]

_CONTROLS = """() => [...document.querySelectorAll(
    'form.ph-filters select, form.ph-filters input, form.ph-filters button, .ph-results__filter select')]
  .filter(e => e.getClientRects().length)
  .map(e => {
    const r = e.getBoundingClientRect();
    const label = e.id && document.querySelector(`label[for="${e.id}"]`);
    const l = label && label.getBoundingClientRect();
    return {what: `${e.tagName.toLowerCase()}#${e.id || e.textContent.trim()}`, height: r.height,
            font: parseFloat(getComputedStyle(e).fontSize), gap: l ? r.top - l.bottom : null,
            overlap: l ? !(l.right <= r.left || l.bottom <= r.top) : false};
  })"""


@pytest.mark.parametrize("url", FILTER_PAGES)
def test_filter_controls_are_44px_tall_with_16px_text_and_spaced_labels(phone_page, demo_site, url):
    if not _exists(demo_site, url):
        pytest.skip(f"this site has no {url}")
    _open(phone_page, url)
    controls = phone_page.evaluate(_CONTROLS)
    if not controls:
        pytest.skip(f"{url} has no filter on this site")
    for control in controls:
        assert control["height"] >= 44, control
        assert control["font"] >= 16, control  # iOS zooms into a box with smaller text
        if control["gap"] is not None:
            assert control["gap"] >= 4 and not control["overlap"], control


def _columns(page) -> int:
    return page.evaluate(
        "new Set([...document.querySelectorAll('.ph-home-cards > li')].map(li => Math.round(li.getBoundingClientRect().left))).size"
    )


_BROKEN_WORDS = """() => {
    const out = [];
    for (const a of document.querySelectorAll('.ph-home-cards a')) {
        const walker = document.createTreeWalker(a, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const re = /\\S+/g;
            let m;
            while ((m = re.exec(node.data))) {
                const range = document.createRange();
                range.setStart(node, m.index);
                range.setEnd(node, m.index + m[0].length);
                const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
                if (lines.size > 1) out.push(m[0]);
            }
        }
    }
    return out;
}"""


def test_home_tiles_reflow_under_200_percent_text(phone_page, demo_pages, test_output):
    page = phone_page
    _open(page, demo_pages["home"])
    if not page.locator(".ph-home-cards").count():
        pytest.skip("this site's home page has no tiles")
    tiles = page.locator(".ph-home-cards > li").count()
    assert _columns(page) == min(3, tiles)  # at normal text, three a row on a phone
    page.add_style_tag(content=DOUBLE_TEXT)
    columns = _columns(page)
    page.screenshot(path=test_output / "screenshots" / "home-390-text-200.png", full_page=False)
    assert columns <= 2, f"the home tiles stay {columns} a row at 200 % text"
    assert page.evaluate(_BROKEN_WORDS) == [], "words broken across lines in the home tiles"
    assert page_overflow(page) <= 1


SIDEWAYS_PAGES = ["./", "procedures/", "audit/results/", "audit/tool/", "audit/cycles/"]


@pytest.mark.parametrize("double_text", [False, True], ids=["text-100", "text-200"])
@pytest.mark.parametrize("url", SIDEWAYS_PAGES)
def test_no_page_scrolls_sideways_at_390px(phone_page, demo_site, url, double_text):
    if not _exists(demo_site, url):
        pytest.skip(f"this site has no {url}")
    _open(phone_page, url, double_text)
    services = phone_page.locator("#ph-results-service option").all_inner_texts()
    for service in services or [None]:
        if service is not None:
            phone_page.select_option("#ph-results-service", service)
        assert page_overflow(phone_page) <= 1, f"{url} ({service or 'as it opens'}) scrolls sideways"


@pytest.mark.parametrize("url", ["audit/results/", "audit/tool/"])
def test_audit_tables_scroll_in_labelled_focusable_regions(phone_page, demo_site, url):
    if not _exists(demo_site, url):
        pytest.skip(f"this site has no {url}")
    _open(phone_page, url, double_text=True)
    tables = phone_page.locator("article table:visible")
    if url == "audit/tool/" and not tables.count():  # the summary shows once an audit is started
        phone_page.get_by_role("button", name="Start a new audit").first.click()
        tables = phone_page.locator("article table:visible")
    assert tables.count() > 0
    for i in range(tables.count()):
        region = tables.nth(i).evaluate(
            """t => { const r = t.closest('.ph-table-scroll');
                return r && {role: r.getAttribute('role'), tabindex: r.getAttribute('tabindex'),
                             name: document.getElementById(r.getAttribute('aria-labelledby'))?.textContent,
                             caption: t.caption?.textContent,
                             scrolls: getComputedStyle(r).overflowX}; }"""
        )
        assert region, f"table {i} of {url} is not in a scroll region"
        assert region["role"] == "region" and region["tabindex"] == "0", region
        assert region["name"] and region["name"] == region["caption"], region
        assert region["scrolls"] == "auto", region
    wide = phone_page.locator(".ph-table-scroll:visible").first
    if wide.evaluate("r => r.scrollWidth > r.clientWidth"):  # it scrolls by itself, from the keyboard
        wide.focus()
        phone_page.keyboard.press("ArrowRight")
        phone_page.wait_for_function(
            "document.activeElement.classList.contains('ph-table-scroll') && document.activeElement.scrollLeft > 0"
        )


def test_procedures_list_groups_by_service_with_a_filter(phone_page, demo_site):
    if not _exists(demo_site, "procedures/"):
        pytest.skip("this site has no procedures list")
    page = phone_page
    _open(page, "procedures/")
    groups = page.locator(".ph-group")
    if groups.count() < 2:
        pytest.skip("this site's procedures name no service")
    headings = page.locator(".ph-group h2").all_inner_texts()
    assert headings[-1].startswith("All services")
    choices = page.locator("#ph-f-service option").all_inner_texts()[1:]
    assert choices == [h.replace("¶", "").strip() for h in headings[:-1]]
    chosen = choices[0]
    page.select_option("#ph-f-service", chosen)
    shown = [h.replace("¶", "").strip() for h in page.locator(".ph-group:visible h2").all_inner_texts()]
    assert shown == [chosen, "All services"]
    assert "service=" in page.url
    page.reload()
    page.wait_for_load_state("load")
    assert page.input_value("#ph-f-service") == chosen


SCREENS = {
    "home": "./",
    "procedures-list": "procedures/",
    "dashboard-children": "audit/results/?service=Children%27s%20services",
    "audit-cycles": "audit/cycles/",
}


@pytest.mark.parametrize("width", [390, 1366])
def test_layout_screenshots(browser, site_server, origin_guard, demo_site, demo_pages, test_output, width):
    """For a person to look at: test-output/screenshots/layout-*.png (and the first briefing as
    printed, from page.pdf's layout, at A4 width)."""
    folder = test_output / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(base_url=site_server, viewport={"width": width, "height": 900})
    origin_guard.install(context)
    page = context.new_page()
    try:
        for name, url in SCREENS.items():
            if not _exists(demo_site, url):
                continue
            _open(page, url)
            page.screenshot(path=folder / f"layout-{name}-{width}.png")
            page.screenshot(path=folder / f"layout-{name}-{width}-full.png", full_page=True)
            assert page_overflow(page) <= 1, f"{url} scrolls sideways at {width}px"
        briefing = demo_pages.get("briefing")
        if briefing and width == 1366:
            page.set_viewport_size({"width": 794 - 76, "height": 1123 - 76})
            _open(page, briefing)
            page.emulate_media(media="print")
            page.screenshot(path=folder / "layout-briefing-print-a4.png", full_page=True)
    finally:
        context.close()
