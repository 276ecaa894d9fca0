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


# --------------------------------------------------------------------------- phone width and zoom

#: Phone width, and a 1366 x 768 screen at 200 % browser zoom. Browser zoom divides the CSS
#: viewport by the zoom and doubles the device pixel ratio, so 683 x 384 CSS px at a device scale
#: factor of 2 is what Chromium lays out at 200 %: the same media queries (Material's drawer below
#: 76.25em) and the same pixels. CSS `zoom` on the page would not do: media queries would still
#: see 1366 px and Material would keep its desktop layout.
LAYOUTS = {
    "390px": {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 1},
    "1366px-at-200%": {"viewport": {"width": 683, "height": 384}, "device_scale_factor": 2},
}

#: Transitions off: where focus lands is tested, not the 0.25 s slide on the way.
_NO_MOTION = "*, *::before, *::after { transition: none !important; animation: none !important; }"

#: The focused element as a reader sees it: its box (or, for a visually hidden radio or checkbox,
#: its label's), whether it is shown, and whether an outline or a box shadow marks its focus.
_FOCUSED = """() => {
    let e = document.activeElement;
    if (!e || e === document.body) return null;
    let shown = e;
    let r = e.getBoundingClientRect();
    if (r.width < 2 || r.height < 2) {  // Material's palette radio marks focus on the label after it
        const next = e.nextElementSibling;
        const label = next && next.tagName === 'LABEL' ? next
            : e.id && document.querySelector(`label[for="${CSS.escape(e.id)}"]`);
        if (label) { shown = label; r = label.getBoundingClientRect(); }
    }
    const visible = el => {
        for (let x = el; x; x = x.parentElement) {
            const s = getComputedStyle(x);
            if (s.visibility === 'hidden' || s.display === 'none' || Number(s.opacity) === 0) return false;
        }
        return true;
    };
    const marked = el => {
        for (const pseudo of [null, '::after', '::before']) {
            const s = getComputedStyle(el, pseudo);
            if (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) return true;
            if (s.boxShadow && s.boxShadow !== 'none') return true;
        }
        return false;
    };
    return {
        what: `${e.tagName.toLowerCase()} "${(e.innerText || e.getAttribute('aria-label') || e.value || '').trim().slice(0, 40)}"`,
        left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height,
        visible: visible(shown), marked: marked(e) || marked(shown),
        viewport: document.documentElement.clientWidth,
    };
}"""


def _keyboard_page(browser, site_server, origin_guard, layout: str):
    context = browser.new_context(base_url=site_server, **LAYOUTS[layout])
    origin_guard.install(context)
    page = context.new_page()
    return context, page


def _open(page, url: str) -> None:
    page.goto(url)
    page.wait_for_load_state("load")
    page.add_style_tag(content=_NO_MOTION)


def _kinds(demo_pages, demo_site=None) -> dict[str, str]:
    """The page kinds tabbed through (those the site has, when ``demo_site`` is given)."""
    from helpers import page_of

    kinds = {
        "home": demo_pages["home"],
        "procedure": page_of(demo_pages, "procedure"),
        "procedures list": "procedures/",
        "audit dashboard": "audit/results/",
    }
    if demo_site is None:
        return kinds
    return {kind: url for kind, url in kinds.items() if (demo_site / url / "index.html").is_file()}


def _tab_through(page, stops: int = 400) -> list[dict]:
    """Tab from the top until focus comes round again; every focused element as a reader sees it."""
    seen, out = set(), []
    for _ in range(stops):
        page.keyboard.press("Tab")
        focused = page.evaluate(_FOCUSED)
        if focused is None:
            if out:
                break  # focus left the page: round once
            continue
        key = page.evaluate(
            "() => { const e = document.activeElement; "
            "return e.outerHTML.slice(0, 200) + [...e.parentNode.children].indexOf(e); }"
        )
        if key in seen:
            break
        seen.add(key)
        out.append(focused)
    return out


@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_tab_stop_is_on_screen_shown_and_marked(
    browser, site_server, origin_guard, demo_pages, demo_site, layout
):
    """Tab through the home page, a procedure, the procedures list and the audit dashboard: every
    element that takes focus is within the screen's width, shown, and marked by an outline or a
    shadow (WCAG 2.4.7, 2.4.11); none is in the closed menu drawer."""
    context, page = _keyboard_page(browser, site_server, origin_guard, layout)
    try:
        problems = []
        for kind, url in _kinds(demo_pages, demo_site).items():
            _open(page, url)
            stops = _tab_through(page)
            assert len(stops) > 5, f"{kind}: Tab reached only {len(stops)} elements"
            for stop in stops:
                where = f"{kind} ({url}) at {layout}: {stop['what']}"
                if stop["left"] < -1 or stop["right"] > stop["viewport"] + 1:
                    problems.append(f"{where} is off-screen (x {stop['left']:.0f} to {stop['right']:.0f})")
                if not stop["visible"] or stop["width"] < 1 or stop["height"] < 1:
                    problems.append(f"{where} has focus but is not shown")
                if not stop["marked"]:
                    problems.append(f"{where} shows no focus (no outline, no box shadow)")
        assert not problems, "\n".join(problems)
    finally:
        context.close()


_ACTIVE = "document.activeElement"


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(("key", "kind"), [("Enter", "home"), (" ", "procedure")])
def test_the_menu_opens_and_closes_from_the_keyboard(
    browser, site_server, origin_guard, demo_pages, layout, key, kind
):
    """On a page in a section the drawer opens at that section's panel: its links show too."""
    context, page = _keyboard_page(browser, site_server, origin_guard, layout)
    try:
        _open(page, _kinds(demo_pages)[kind])
        button = page.locator("[data-ph-menu-button]")
        assert button.is_visible(), f"no menu button at {layout}"
        for _ in range(5):  # the skip link, then the menu button
            page.keyboard.press("Tab")
            if page.evaluate(f"{_ACTIVE}.hasAttribute('data-ph-menu-button')"):
                break
        else:
            pytest.fail(f"Tab never reached the menu button at {layout}")
        assert button.get_attribute("aria-expanded") == "false"
        drawer = page.locator(".md-sidebar--primary")
        assert drawer.evaluate("d => getComputedStyle(d).visibility") == "hidden"

        page.keyboard.press(key)
        assert page.evaluate("document.getElementById('__drawer').checked"), f"{key!r} did not open the menu"
        assert button.get_attribute("aria-expanded") == "true"
        assert drawer.evaluate("d => getComputedStyle(d).visibility") == "visible"
        assert page.evaluate(f"document.querySelector('.md-sidebar--primary').contains({_ACTIVE})"), (
            "focus did not move into the open menu"
        )
        page.keyboard.press("Tab")
        focused = page.evaluate(_FOCUSED)
        assert 0 <= focused["left"] and focused["right"] <= focused["viewport"] + 1, focused
        assert focused["visible"], focused
        assert focused["marked"], focused

        page.keyboard.press("Escape")
        assert not page.evaluate("document.getElementById('__drawer').checked"), (
            "Escape did not close the menu"
        )
        assert page.evaluate(f"{_ACTIVE}.hasAttribute('data-ph-menu-button')"), (
            "focus did not go back to the button"
        )
        assert button.get_attribute("aria-expanded") == "false"
        assert drawer.evaluate("d => getComputedStyle(d).visibility") == "hidden"
    finally:
        context.close()


def test_tab_past_the_open_menu_closes_it(browser, site_server, origin_guard, demo_pages):
    context, page = _keyboard_page(browser, site_server, origin_guard, "390px")
    try:
        _open(page, demo_pages["home"])
        page.locator("[data-ph-menu-button]").focus()
        page.keyboard.press("Enter")
        for _ in range(200):
            page.keyboard.press("Tab")
            if not page.evaluate(f"document.querySelector('.md-sidebar--primary').contains({_ACTIVE})"):
                break
        assert not page.evaluate("document.getElementById('__drawer').checked"), (
            "focus left the menu and the menu stayed open over it"
        )
    finally:
        context.close()


@pytest.mark.parametrize("layout", LAYOUTS)
def test_the_search_button_opens_and_closes_from_the_keyboard(
    browser, site_server, origin_guard, demo_pages, layout
):
    context, page = _keyboard_page(browser, site_server, origin_guard, layout)
    try:
        _open(page, demo_pages["home"])
        assert page.locator(".md-search__input").evaluate("i => getComputedStyle(i).visibility") == "hidden"
        for _ in range(6):
            page.keyboard.press("Tab")
            if page.evaluate(f"{_ACTIVE}.hasAttribute('data-ph-search-button')"):
                break
        else:
            pytest.fail(f"Tab never reached the search button at {layout}")
        page.keyboard.press("Enter")
        assert page.evaluate(f"{_ACTIVE}.classList.contains('md-search__input')"), (
            "focus is not in the search box"
        )
        focused = page.evaluate(_FOCUSED)
        assert focused["visible"] and focused["marked"] and focused["right"] <= focused["viewport"] + 1, (
            focused
        )
        page.keyboard.press("Escape")
        page.wait_for_function("!document.getElementById('__search').checked")
        page.wait_for_function(f"{_ACTIVE}.hasAttribute('data-ph-search-button')")
    finally:
        context.close()
