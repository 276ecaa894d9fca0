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
