"""The demo's audit results dashboard and an audit cycle's page in Chromium: a service's own trend
shows when the service is chosen, no axe violations, and screenshots at 1366 and 390 px wide in
test-output/screenshots/ for a person to look at."""

from __future__ import annotations

import json

import pytest
from test_accessibility import SCHEMES, assert_no_violations, open_in_scheme

pytestmark = pytest.mark.browser
RESULTS = "audit/results/"
CHILDREN = '[data-ph-service="Children\'s services"]'


def _cycle_url(demo_site) -> str:
    items = json.loads((demo_site / "content.json").read_text(encoding="utf-8"))["items"]
    cycles = sorted(item["url"] for item in items if item["type"] == "audit_cycle")
    if not cycles:
        pytest.skip("this site has no audit cycle")
    return cycles[-1]  # the newest (named by date): the demo's is still open


def _shot(page, test_output, name: str) -> None:
    folder = test_output / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    width = page.viewport_size["width"]
    page.screenshot(path=str(folder / f"{name}-{width}.png"))
    page.screenshot(path=str(folder / f"{name}-{width}-full.png"), full_page=True)


@pytest.mark.demo  # the demo's two services, each with several periods of results
def test_choosing_a_service_shows_its_own_trend(page):
    page.goto(RESULTS)
    page.wait_for_load_state("load")
    assert page.locator("[data-ph-results-filter]").is_visible()
    page.select_option("#ph-results-service", "Children's services")
    group = page.locator(CHILDREN)
    assert group.is_visible()
    assert page.locator("[data-ph-service='All services']").is_hidden()
    assert page.locator('[data-ph-service="Adults\' services"]').is_hidden()
    rows = group.locator("table").first.locator("tbody tr")
    assert rows.count() >= 5
    changes = [rows.nth(i).locator("td").nth(4).inner_text() for i in range(rows.count())]
    assert any(" since " in change for change in changes), changes  # a change per service
    assert not all(change == "first period" for change in changes), changes
    texts = group.inner_text()
    assert "Making Safeguarding Personal" not in texts  # an adults' section
    assert "Permanence" in texts
    assert "python -m" not in page.locator("article").inner_text()


@pytest.mark.parametrize("scheme", SCHEMES)
def test_dashboard_and_a_cycle_page_have_no_axe_violations(
    browser, site_server, origin_guard, demo_site, scheme
):
    context, page = open_in_scheme(browser, site_server, origin_guard, RESULTS, scheme)
    try:
        assert_no_violations(page, f"the audit results dashboard ({scheme})")
        page.select_option(
            "#ph-results-service", page.locator("#ph-results-service option").nth(1).inner_text()
        )
        assert_no_violations(page, f"the dashboard for one service ({scheme})")
        cycle = _cycle_url(demo_site)
        page.goto(cycle)
        assert page.get_by_role("link", name="Start an audit for this cycle").is_visible()
        assert_no_violations(page, f"the audit cycle page {cycle} ({scheme})")
        assert origin_guard.foreign == []
    finally:
        context.close()


def test_a_closed_cycle_page_offers_no_new_audit(browser, site_server, origin_guard, demo_site):
    items = json.loads((demo_site / "content.json").read_text(encoding="utf-8"))["items"]
    spring = next((i["url"] for i in items if i.get("id") == "cycle-2026-q1-chronologies"), None)
    if spring is None:
        pytest.skip("this site has not the demo's spring cycle")
    context = browser.new_context(base_url=site_server)
    origin_guard.install(context)
    page = context.new_page()
    try:
        page.goto(spring)
        assert page.get_by_role("link", name="Start an audit for this cycle").count() == 0
        assert "Its audit window closed on 13 March 2026: it takes no new audits." in page.inner_text(
            "article"
        )
    finally:
        context.close()


@pytest.mark.parametrize("width", [1366, 390])
def test_dashboard_and_cycle_screenshots(browser, site_server, origin_guard, demo_site, test_output, width):
    context = browser.new_context(base_url=site_server, viewport={"width": width, "height": 900})
    origin_guard.install(context)
    page = context.new_page()
    try:
        page.goto(RESULTS)
        page.wait_for_load_state("load")
        _shot(page, test_output, "audit-dashboard")
        if page.locator(CHILDREN).count():
            page.select_option("#ph-results-service", "Children's services")
            _shot(page, test_output, "audit-dashboard-children")
        page.goto(_cycle_url(demo_site))
        page.wait_for_load_state("load")
        link = page.get_by_role("link", name="Start an audit for this cycle")
        assert link.is_visible()
        assert "tool/?cycle=" in link.get_attribute("href")
        _shot(page, test_output, "audit-cycle")
        scroll = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert scroll <= 1, f"the cycle page scrolls sideways by {scroll}px at {width}px"
    finally:
        context.close()


_SHOWN = "() => [...document.querySelectorAll('[data-ph-service]')].filter(g => !g.hidden).map(g => g.dataset.phService)"


def _services(page) -> list[str]:
    return page.locator("#ph-results-service option").all_inner_texts()


def test_the_chosen_service_is_kept_in_the_address(page):
    """Choosing a service puts it in the address; a reload and a link keep it; Back and Forward go
    through the choices."""
    page.goto(RESULTS)
    page.wait_for_load_state("load")
    services = _services(page)
    if len(services) < 3:
        pytest.skip("this site's dashboard has fewer than two services")
    everyone, one, other = services[0], services[1], services[2]
    assert page.evaluate(_SHOWN) == [everyone]

    page.select_option("#ph-results-service", one)
    assert "service=" in page.url
    assert page.evaluate(_SHOWN) == [one]
    page.select_option("#ph-results-service", other)
    assert page.evaluate(_SHOWN) == [other]

    page.reload()
    page.wait_for_load_state("load")
    assert page.input_value("#ph-results-service") == other
    assert page.evaluate(_SHOWN) == [other]

    page.go_back()
    page.wait_for_function(f"document.getElementById('ph-results-service').value === {json.dumps(one)}")
    assert page.evaluate(_SHOWN) == [one]
    page.go_back()
    page.wait_for_function(f"document.getElementById('ph-results-service').value === {json.dumps(everyone)}")
    assert page.evaluate(_SHOWN) == [everyone]
    page.go_forward()
    page.wait_for_function(f"document.getElementById('ph-results-service').value === {json.dumps(one)}")

    # A link straight to a service's results, and one naming no service the site has.
    page.goto(RESULTS + "?service=" + one.replace("'", "%27").replace(" ", "%20"))
    page.wait_for_load_state("load")
    assert page.evaluate(_SHOWN) == [one]
    page.goto(RESULTS + "?service=Nobody")
    page.wait_for_load_state("load")
    assert page.evaluate(_SHOWN) == [everyone]


#: What a command line looks like on a page: the engine's command, a virtual environment's
#: programs, Python running a module.
_COMMANDS = ("practice-hub ", "practice_hub ", ".venv", "python -m", "audits summarise")


def test_the_dashboard_shows_no_commands_for_any_service(page):
    page.goto(RESULTS)
    page.wait_for_load_state("load")
    for service in _services(page):
        page.select_option("#ph-results-service", service)
        text = page.locator("article").inner_text()
        found = [c for c in _COMMANDS if c in text]
        assert not found, f"the dashboard for {service} shows readers a command: {found}"
