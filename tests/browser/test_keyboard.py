"""Search works with the keyboard alone: open, type, move through results, open one."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.demo]  # "section 47" is a demo procedure


def test_search_by_keyboard_lands_on_a_procedure(page, demo_site, demo_pages, search):
    items = json.loads((demo_site / "content.json").read_text(encoding="utf-8"))["items"]
    procedures = {"/" + i["url"] for i in items if i["type"] == "procedure"}

    def path(url: str) -> str:  # results link to ".../?h=section+47#anchor"
        return urlsplit(url).path

    page.goto(demo_pages["home"])
    search(page, "section 47")  # opens with "/" and types, keyboard only
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')"), (
        "'/' did not move focus into the search box"
    )

    # Move down the results until a procedure has focus (the first usually is one).
    focused = None
    for _ in range(10):
        page.keyboard.press("ArrowDown")
        focused = page.evaluate("document.activeElement.closest('.md-search-result__link')?.href ?? null")
        on_more = page.evaluate("!!document.activeElement.closest('.md-search-result__more')")
        assert focused or on_more, "ArrowDown did not move focus onto a search result"
        if on_more:  # Material's "N more on this page" toggle under a result (the glossary answer's)
            continue
        if path(focused) in procedures:
            break
    else:
        pytest.fail(f"no procedure among the first 10 results for 'section 47' (last: {focused})")

    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert path(page.url) in procedures, f"Enter opened {page.url}, not a procedure page"
    assert page.locator("h1").first.is_visible()
