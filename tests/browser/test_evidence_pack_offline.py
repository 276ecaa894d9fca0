"""The evidence pack opened as a person opens it from a shared drive or an email: index.html from
file://, with every request that is not a file of the folder blocked. It shows every heading,
fetches nothing, and a link opens the entry's page in the site built beside it. Screenshots at
desktop and phone widths go to test-output/screenshots/ for a person to look at."""

from __future__ import annotations

import pytest

from helpers import run_evidence

pytestmark = pytest.mark.demo  # the pack is written from the demo's content

AS_OF = "2026-11-30"


@pytest.fixture(scope="module")
def pack(tmp_path_factory):
    out = tmp_path_factory.mktemp("evidence") / "pack"
    done = run_evidence("ofsted", AS_OF, out)
    assert done.returncode == 0, done.stdout + done.stderr
    return out


@pytest.fixture
def offline(browser):
    """A page factory at a width, every request that is not a file:// one aborted and recorded."""
    contexts, blocked = [], []

    def make(width: int, height: int):
        context = browser.new_context(viewport={"width": width, "height": height})
        contexts.append(context)

        def route(route):
            if route.request.url.startswith("file://"):
                route.continue_()
            else:
                blocked.append(route.request.url)
                route.abort()

        context.route("**/*", route)
        return context.new_page()

    make.blocked = blocked
    yield make
    for context in contexts:
        context.close()


@pytest.mark.parametrize("width,height", [(1366, 900), (390, 844)])
def test_the_pack_opens_offline_and_a_link_opens_its_page(pack, offline, test_output, width, height):
    page = offline(width, height)
    page.goto((pack / "index.html").as_uri())
    assert page.title() == "Evidence pack: Ofsted ILACS, 30 November 2026"
    headings = page.locator("h2")
    assert headings.all_inner_texts() == ["What we know", "How we know", "What we are doing", "Governance"]
    for key in ("know", "how", "doing", "governance"):
        assert page.locator(f"section[aria-labelledby={key}] tbody tr").count() > 0
    assert page.evaluate("document.documentElement.scrollWidth") <= width  # no sideways scroll
    folder = test_output / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"evidence-pack-{width}.png"))
    page.screenshot(path=str(folder / f"evidence-pack-{width}-full.png"), full_page=True)

    # A section's result: its link opens the audit section's page in the site built beside it.
    errors: list[str] = []  # the site's pages, opened from the folder, report none
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    first = page.locator("section[aria-labelledby=know] tbody a[href^='site/audit/audit-']").first
    title, href = first.inner_text(), first.get_attribute("href")
    first.click()
    page.wait_for_load_state()
    assert page.url == (pack / href).as_uri()
    assert page.locator("article h1").first.is_visible()
    assert title.split(":")[0] in page.locator("article h1").first.inner_text()
    page.screenshot(path=str(folder / f"evidence-pack-link-{width}.png"))
    # The site's own links go on from there, page to page, never to a folder's listing.
    footer = page.locator(".md-copyright a", has_text="Accessibility statement")
    footer.click()  # by mouse: nothing (the menu) lies over it
    page.wait_for_load_state()
    assert page.url.endswith("/site/accessibility.html")
    assert page.locator("article h1").first.is_visible()
    assert offline.blocked == []
    assert errors == []
