"""Learning from reviews in Chromium: a briefing prints on one A4 page, and a standard
page shows the briefings that serve it.

The print view is Chromium's own: ``page.emulate_media(media="print")`` for the layout, and
``page.pdf()`` (A4) to count the pages a team meeting would get.
"""

from __future__ import annotations

import json
import re

import pytest

from helpers import FIXTURES, make_project

pytestmark = pytest.mark.browser

A4_HEIGHT_PX = 1123  # 297 mm at 96 dpi
PAGE_MARGIN_PX = 2 * 38  # @page margin: 10 mm top and bottom
A4_WIDTH_PX = 794


def briefings(demo_site) -> list[dict]:
    items = json.loads((demo_site / "content.json").read_text(encoding="utf-8"))["items"]
    return [i for i in items if i["type"] == "learning" and i["status"] != "archived"]


def pdf_pages(page) -> int:
    pdf = page.pdf(format="A4", prefer_css_page_size=True, print_background=True)
    return len(re.findall(rb"/Type\s*/Page\b", pdf))


def printed_height(page) -> float:
    """The printed content's height in CSS pixels, laid out at the width of an A4 page."""
    return page.evaluate(
        "() => Math.max(...[...document.querySelectorAll('.md-content__inner > *')]"
        ".filter(e => e.offsetParent !== null).map(e => e.getBoundingClientRect().bottom))"
        " - document.querySelector('.md-content__inner').getBoundingClientRect().top"
    )


def open_printed(browser, base_url: str, url: str, origin_guard=None):
    context = browser.new_context(
        base_url=base_url, viewport={"width": A4_WIDTH_PX - PAGE_MARGIN_PX, "height": 900}
    )
    if origin_guard is not None:
        origin_guard.install(context)
    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state("load")
    page.emulate_media(media="print")
    return context, page


def test_every_briefing_prints_on_one_a4_page(browser, demo_site, site_server, origin_guard):
    found = briefings(demo_site)
    if not found:
        pytest.skip("this site has no learning briefings")
    for item in found:
        context, page = open_printed(browser, site_server, item["url"], origin_guard)
        try:
            assert page.locator(".ph-briefing__box").count() == 7, item["url"]
            for hidden in (".md-header", ".md-footer", ".md-sidebar--primary", ".md-search", ".ph-suggest"):
                assert not page.locator(hidden).first.is_visible(), (item["url"], hidden)
            assert printed_height(page) <= A4_HEIGHT_PX - PAGE_MARGIN_PX, item["url"]
            assert pdf_pages(page) == 1, item["url"]
        finally:
            context.close()


# The longest briefing the schema allows: every field at its limit.
SENTENCE = (
    "Practitioners shared information with partner agencies but nobody held the whole picture of the family. "
)


def text(length: int) -> str:
    return (SENTENCE * (length // len(SENTENCE) + 1))[:length].rstrip() or "x"


def longest_briefing() -> str:
    def items(count: int, length: int) -> str:
        return "\n".join(f"  - {json.dumps(text(length - 1) + str(n))}" for n in range(count))

    return f"""---
id: longest-briefing
title: {json.dumps(text(150))}
summary: {json.dumps(text(400))}
owner: Principal Social Worker
status: current
last_reviewed: 2026-06-01
review_by: 2027-06-01
review_kind: child safeguarding practice review
scope: national
source: {json.dumps(text(120))}
date: 2026-05-20
link: https://example.org/a-review-with-a-long-address/that-goes-on/for-a-while
why_it_matters: {json.dumps(text(400))}
story: {json.dumps(text(900))}
learning_points:
{items(5, 200)}
questions:
{items(5, 160)}
local_changes:
{items(4, 200)}
standards: [standard-1, standard-2]
procedures: [recording]
courses: [course-one, course-two]
tags: [recording]
---

# {text(150)}
"""


def test_the_longest_briefing_the_schema_allows_still_prints_on_one_page(
    tmp_path_factory, build_fixture_site, serve_site, browser
):
    root = make_project(
        tmp_path_factory.mktemp("longest") / "p",
        FIXTURES / "thread" / "docs",
        files={"learning/longest-briefing.md": longest_briefing()},
    )
    base = serve_site(build_fixture_site(root))
    context, page = open_printed(browser, base, "learning/longest-briefing/")
    try:
        assert printed_height(page) <= A4_HEIGHT_PX - PAGE_MARGIN_PX
        assert pdf_pages(page) == 1
    finally:
        context.close()


def test_a_standard_page_shows_its_briefings(page, demo_site):
    items = json.loads((demo_site / "content.json").read_text(encoding="utf-8"))["items"]
    by_id = {i["id"]: i for i in items}
    standards = [i for i in items if i["type"] == "standard" and i["related"].get("learning")]
    if not standards:
        pytest.skip("no standard in this site has a learning briefing")
    standard = standards[0]
    page.goto(standard["url"])
    heading = page.locator("h2#learning-from-reviews")
    assert heading.is_visible() and heading.inner_text().startswith("Learning from reviews")
    for briefing_id in standard["related"]["learning"]:
        briefing = by_id[briefing_id]
        assert page.get_by_role("link", name=briefing["title"], exact=True).first.is_visible()
    first = by_id[standard["related"]["learning"][0]]
    page.get_by_role("link", name=first["title"], exact=True).first.click()
    page.wait_for_load_state("load")
    assert page.locator(".ph-briefing__box").count() == 7
    assert page.get_by_role("button", name="Print this briefing (one page)").is_visible()
    standard_link = page.locator(".ph-briefing__box--more").get_by_role("link", name=standard["title"])
    assert standard_link.is_visible()  # and back again: the briefing names the standard


PT = 96 / 72  # CSS pixels a point


def body_text_points(page) -> float:
    """The printed size of a briefing's body text, in points."""
    px = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.ph-briefing__box p')).fontSize)")
    return px / PT


def test_a_briefing_prints_at_10_to_11_pt_filling_the_page(browser, demo_site, site_server, origin_guard):
    """The demo's briefings are of ordinary length: 11 pt body text (10 to 11 pt is what a printed
    team handout needs), on one A4 page that they fill (not half blank as at 8 pt)."""
    found = briefings(demo_site)
    if not found:
        pytest.skip("this site has no learning briefings")
    for item in found:
        context, page = open_printed(browser, site_server, item["url"], origin_guard)
        try:
            size = body_text_points(page)
            if page.locator("[data-ph-print-size='11'], [data-ph-print-size='10']").count():
                assert 10 <= size <= 11.01, (item["url"], size)
                filled = printed_height(page) / (A4_HEIGHT_PX - PAGE_MARGIN_PX)
                assert 0.7 <= filled <= 1, (item["url"], f"fills {filled:.0%} of the page")
            assert pdf_pages(page) == 1, item["url"]
        finally:
            context.close()


def briefing_of_length(ident: str, length: int) -> str:
    """A briefing whose words (summary, why, story, the three lists) come to ``length`` characters,
    shared out as in the longest one."""
    share = length / 4300

    def items(count: int, each: int) -> str:
        return "\n".join(
            f"  - {json.dumps(text(max(2, int(each * share)) - 1) + str(n))}" for n in range(count)
        )

    return (
        longest_briefing()
        .replace("id: longest-briefing", f"id: {ident}")
        .split("why_it_matters:")[0]
        .replace(f"summary: {json.dumps(text(400))}", f"summary: {json.dumps(text(int(400 * share)))}")
        + f"why_it_matters: {json.dumps(text(int(400 * share)))}\n"
        + f"story: {json.dumps(text(int(900 * share)))}\n"
        + f"learning_points:\n{items(5, 200)}\n"
        + f"questions:\n{items(5, 160)}\n"
        + f"local_changes:\n{items(4, 200)}\n"
        + "standards: [standard-1, standard-2]\nprocedures: [recording]\ncourses: [course-one, course-two]\n"
        + "tags: [recording]\n---\n\n# "
        + text(150)
        + "\n"
    )


def test_each_print_size_holds_its_longest_briefing_on_one_page(
    tmp_path_factory, build_fixture_site, serve_site, browser
):
    """At the top of each size's range (renderer/learning.py PRINT_SIZES) the briefing still
    prints on one page in that size."""
    from practice_hub.renderer.learning import PRINT_SIZES

    files = {f"learning/at-{most}.md": briefing_of_length(f"at-{most}", most) for most, _ in PRINT_SIZES}
    root = make_project(tmp_path_factory.mktemp("sizes") / "p", FIXTURES / "thread" / "docs", files=files)
    base = serve_site(build_fixture_site(root))
    for most, size in PRINT_SIZES:
        context, page = open_printed(browser, base, f"learning/at-{most}/")
        try:
            assert page.locator(".ph-briefing").get_attribute("data-ph-print-size") == size, most
            assert abs(body_text_points(page) - float(size)) < 0.05, most
            assert printed_height(page) <= A4_HEIGHT_PX - PAGE_MARGIN_PX, (most, size)
            assert pdf_pages(page) == 1, (most, size)
        finally:
            context.close()
