"""Search works with the keyboard alone: open, type, move through results, open one. On any site:
the query is the title of the site's first procedure (content.json), skipped if it has none."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def procedures(demo_site) -> tuple[str, set[str]]:
    """(the title of the site's first procedure, the paths of all its procedures)."""
    items = json.loads((demo_site / "content.json").read_text(encoding="utf-8"))["items"]
    found = sorted((i["url"], i["title"]) for i in items if i["type"] == "procedure")
    if not found:
        pytest.skip("this site has no procedure page")
    return found[0][1], {"/" + url for url, _ in found}


def test_search_by_keyboard_lands_on_a_procedure(page, procedures, demo_pages, search):
    query, procedures = procedures

    def path(url: str) -> str:  # results link to ".../?h=words#anchor"
        return urlsplit(url).path

    page.goto(demo_pages["home"])
    search(page, query)  # opens with "/" and types, keyboard only
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
        pytest.fail(f"no procedure among the first 10 results for {query!r} (last: {focused})")

    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert path(page.url) in procedures, f"Enter opened {page.url}, not a procedure page"
    assert page.locator("h1").first.is_visible()


# What Material does when results arrive: empty the list, then append the new items.
_RE_RENDER = """() => {
    const list = document.querySelector('.md-search-result__list');
    const items = [...list.children].map(item => item.cloneNode(true));
    list.innerHTML = '';
    for (const item of items) list.appendChild(item);
}"""

# Resolves after the next frame and the task after it: observers and focus handlers have run.
_NEXT_FRAME = "() => new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve)))"

_FOCUSED_LINK = "document.activeElement.closest('.md-search-result__link')?.href ?? null"


def test_a_focused_result_keeps_focus_when_the_list_is_rendered_again(page, procedures, demo_pages, search):
    """The whole list arrives after the first screenful; a keyboard reader keeps their place."""
    page.goto(demo_pages["home"])
    search(page, procedures[0])
    page.keyboard.press("ArrowDown")
    focused = page.evaluate(_FOCUSED_LINK)
    assert focused, "ArrowDown did not move focus onto a search result"

    page.evaluate(_RE_RENDER)
    page.wait_for_function(f"({_FOCUSED_LINK}) === {json.dumps(focused)}", timeout=2000)

    page.keyboard.press("ArrowDown")  # and goes on down the list, not back to the search box
    assert page.evaluate("!document.activeElement.classList.contains('md-search__input')")
    assert page.evaluate(_FOCUSED_LINK) != focused or page.evaluate(
        "!!document.activeElement.closest('.md-search-result__more')"
    )


def test_a_new_query_does_not_take_focus_from_the_search_box(page, procedures, demo_pages, search):
    page.goto(demo_pages["home"])
    search(page, procedures[0])
    page.keyboard.press("ArrowDown")
    assert page.evaluate(_FOCUSED_LINK)
    page.keyboard.press("ArrowUp")  # back to the box, and the list changes under it
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    page.evaluate(_RE_RENDER)
    page.evaluate(_NEXT_FRAME)  # the page's own handlers have seen the change
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
