"""WCAG 2.2 AA: axe-core (bundled with axe-playwright-python, runs offline) in real Chromium.

Every representative demo page, in the light and the dark palette, and the open search
dialog must have zero violations. The theme fixes that make stock Material pass live in
overrides/ and docs/stylesheets/practice-hub.css, each commented with the rule it fixes.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from helpers import page_of
from practice_hub.sitecheck import AXE_OPTIONS  # the axe options practice-hub test uses

pytestmark = pytest.mark.browser

PAGES = [
    "home",
    "procedure",
    "standard",
    "audit_section",
    "golden_thread",
    "course",
    "training",
    "glossary",
    "links",
    "news",
    "news_post",
    "not_found",
    "induction",
    "tool",
    "vacancy",
    "research",
    "upcoming",
    "register",
    "reviews",
    "tags",
    "field_reference",
    "learning",  # the learning from reviews listing and a seven-minute briefing
    "briefing",
    "framework",
    "staff_voice",
    "staff_voice_listing",
    "events",  # the events listing and an event page
    "event",
    "contacts",  # the contacts directory, and a procedure with its "Who to contact" box
    "procedure_with_contacts",
]
SCHEMES = {"light": "default", "dark": "slate"}

_axe = Axe()


def axe_violations(page) -> list[dict]:
    """Run axe with the WCAG 2.2 AA tags on the page as it is now."""
    return _axe.run(page, options=AXE_OPTIONS).response["violations"]


def describe(violations: list[dict]) -> str:
    """One readable block per violation: rule, impact, help, then each target and why."""
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']}\n  {v['helpUrl']}")
        for node in v["nodes"][:10]:
            target = " ".join(str(t) for t in node["target"])
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            lines.append(f"    at {target}\n       {node['html'][:160]}\n       {summary[:300]}")
        if len(v["nodes"]) > 10:
            lines.append(f"    ... and {len(v['nodes']) - 10} more")
    return "\n".join(lines)


def assert_no_violations(page, where: str) -> None:
    violations = axe_violations(page)
    assert not violations, f"axe found WCAG 2.2 AA violations on {where}:\n{describe(violations)}"


def open_in_scheme(browser, site_server, origin_guard, url: str, scheme: str):
    """A page opened with the OS preferring ``scheme``; the auto palette follows it."""
    context = browser.new_context(
        base_url=site_server, color_scheme=scheme, viewport={"width": 1280, "height": 800}
    )
    origin_guard.install(context)
    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state("load")
    expected = SCHEMES[scheme]
    actual = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert actual == expected, f"expected the {expected} palette in {scheme} mode, got {actual}"
    return context, page


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("name", PAGES)
def test_page_has_no_axe_violations(browser, site_server, origin_guard, demo_pages, name, scheme):
    url = page_of(demo_pages, name)  # every page kind present in the site; absent kinds skip
    context, page = open_in_scheme(browser, site_server, origin_guard, url, scheme)
    try:
        assert_no_violations(page, f"{url} ({scheme})")
    finally:
        context.close()


@pytest.mark.parametrize("scheme", SCHEMES)
def test_open_search_dialog_has_no_axe_violations(browser, site_server, origin_guard, search, scheme):
    context, page = open_in_scheme(browser, site_server, origin_guard, "./", scheme)
    try:
        search(page, "child")
        assert_no_violations(page, f"the open search dialog ({scheme})")
    finally:
        context.close()


#: Pages not among the demo_pages kinds: the procedures list (grouped by service, with its filter)
#: and the audit results dashboard with one service chosen through the address.
LAYOUT_PAGES = {
    "procedures list": "procedures/",
    "dashboard for one service": "audit/results/?service=Children%27s%20services",
}


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("name", LAYOUT_PAGES)
def test_listing_and_dashboard_have_no_axe_violations(
    browser, site_server, origin_guard, demo_site, name, scheme
):
    url = LAYOUT_PAGES[name]
    if not (demo_site / url.split("?")[0] / "index.html").is_file():
        pytest.skip(f"this site has no {name} page")
    context, page = open_in_scheme(browser, site_server, origin_guard, url, scheme)
    try:
        if "?service=" in url and page.locator("#ph-results-service option").count() > 1:
            chosen = page.input_value("#ph-results-service")
            assert chosen != page.locator("#ph-results-service option").first.inner_text(), (
                "the service in the address was not chosen"
            )
        assert_no_violations(page, f"{url} ({scheme})")
        page.set_viewport_size({"width": 390, "height": 844})
        assert_no_violations(page, f"{url} at 390 px ({scheme})")
    finally:
        context.close()
