"""The parser tricks' pages, published anyway (as `mkdocs serve` does while the problems
are listed), opened in Chromium with no policy header at all (Python's static server) and through
the shipped nginx block: no script runs, no request leaves the origin, nothing navigates away.
The build's allow-list alone stops them; the policy is the second line."""

from __future__ import annotations

import pytest
from nginx_server import nginx_serving

from helpers import FIXTURES, make_project, run_build

TRICKS = FIXTURES / "tricks" / "docs"
PAGES = sorted(f"procedures/{p.stem}/" for p in (TRICKS / "procedures").glob("*.md")) + ["news/"]

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def tricks_site(tmp_path_factory):
    files = {p.relative_to(TRICKS).as_posix(): p.read_text() for p in TRICKS.rglob("*.md")}
    project = make_project(tmp_path_factory.mktemp("tricks"), FIXTURES / "thread" / "docs", files=files)
    result = run_build(project, strict=False, PRACTICE_HUB_SERVING="1")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "runs script and is not allowed" in result.stderr  # reported, and published allow-listed
    return project / "site"


def _visit_every_trick(browser, base: str) -> dict:
    context = browser.new_context(base_url=base, service_workers="block")
    context.set_default_timeout(10_000)
    outside, dialogs, errors = [], [], []

    def route(route):
        if route.request.url.startswith((base, "data:", "blob:", "about:")):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    results = {}
    try:
        for name in PAGES:
            page = context.new_page()
            page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
            page.on("pageerror", lambda error: errors.append(str(error)))
            url = f"{base}{name}"
            page.goto(url)
            page.wait_for_load_state("load")
            for link in page.locator("article a:not(.headerlink)").all():
                if link.is_visible():
                    link.click(no_wait_after=True, timeout=2_000)
            page.wait_for_load_state("networkidle")  # whatever the clicks started has finished
            results[name] = (page.url, page.evaluate("window.__pwned || null"))
            page.close()
    finally:
        context.close()
    return {"pages": results, "outside": outside, "dialogs": dialogs}


def _assert_nothing_ran(found: dict, base: str) -> None:
    assert len(found["pages"]) == len(PAGES) >= 8
    for name, (url, pwned) in found["pages"].items():
        assert pwned is None, name
        assert url.startswith(base), f"{name} navigated to {url}"
    assert found["outside"] == []
    assert found["dialogs"] == []


def test_no_script_runs_with_no_policy_header(tricks_site, serve_site, browser):
    base = serve_site(tricks_site)
    _assert_nothing_ran(_visit_every_trick(browser, base), base)


def test_no_script_runs_through_the_shipped_nginx_block(tricks_site, browser, tmp_path):
    with nginx_serving(tricks_site, tmp_path) as (base, _):
        _assert_nothing_ran(_visit_every_trick(browser, base), base)
