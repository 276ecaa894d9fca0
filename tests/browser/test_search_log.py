"""The search log (setting search_log) run for real: a site built with the setting on, served by
the shipped nginx block (tests/browser/nginx_server.py), writes one line per finished query in
nginx's access log for the search log, and one per result opened; `practice-hub search-report`
reads it. With the setting off (the default) nothing is sent."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from conftest import OriginGuard, search_worker  # noqa: E402
from nginx_server import nginx_serving  # noqa: E402

from helpers import FIXTURES, make_project, run_build  # noqa: E402
from practice_hub.search_report import run as search_report  # noqa: E402


def _served(tmp_path_factory, name: str, settings: dict):
    project = make_project(tmp_path_factory.mktemp(name), FIXTURES / "thread" / "docs", settings=settings)
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    work = tmp_path_factory.mktemp(f"{name}-nginx")
    return project, work


@pytest.fixture(scope="module")
def logged(tmp_path_factory):
    project, work = _served(tmp_path_factory, "search-log-on", {"search_log": "true", "demo": "false"})
    with nginx_serving(project / "site", work) as (base, _):
        yield base, work / "practice-hub-search.log"


@pytest.fixture(scope="module")
def unlogged(tmp_path_factory):
    project, work = _served(tmp_path_factory, "search-log-off", {"demo": "false"})
    with nginx_serving(project / "site", work) as (base, _):
        yield base, work / "practice-hub-search.log"


def _lines(log: Path) -> list[str]:
    return log.read_text().splitlines() if log.is_file() else []


def _wait_for_lines(page, log: Path, count: int, seconds: float = 10) -> list[str]:
    """Waits in the page (Playwright answers the origin guard's routes only while it is called)."""
    deadline = time.monotonic() + seconds
    while len(_lines(log)) < count and time.monotonic() < deadline:
        page.wait_for_timeout(50)
    return _lines(log)


def _page(browser, base: str, sent: list):
    context = browser.new_context(base_url=base, viewport={"width": 1280, "height": 800})
    guard = OriginGuard(base)
    guard.install(context)
    page = context.new_page()
    page.on("request", lambda request: "/search/log" in request.url and sent.append(request))
    return context, page, guard


def test_a_finished_query_writes_one_line_and_an_opened_result_another(logged, browser):
    base, log = logged
    sent: list = []
    context, page, guard = _page(browser, base, sent)
    page.goto(base)
    page.keyboard.press("/")
    box = page.locator("input.md-search__input")
    box.wait_for(state="visible")
    search_worker(page)
    box.press_sequentially("Recording", delay=60)  # a query at every key: only the last is finished
    page.locator(".md-search-result__item").first.wait_for(state="visible")
    lines = _wait_for_lines(page, log, 1)
    page.wait_for_timeout(2000)  # a second line, had one been sent, would be written by now
    lines = _lines(log)
    assert len(lines) == 1, lines
    assert lines[0].startswith("- - - [")  # no address, user or browser: nothing names the reader
    assert '"GET /search/log?q=Recording&n=' in lines[0] and '" 204 0 "-" "-"' in lines[0]
    count = int(lines[0].split("&n=")[1].split(" ")[0])
    assert count >= 1
    request = sent[0]
    assert "cookie" not in {name.lower() for name in request.all_headers()}
    assert request.method == "GET"
    # the reader opens the first result: one more line, naming the page and the query
    target = page.locator(".md-search-result__item a").first.get_attribute("href")
    page.locator(".md-search-result__item a").first.click()
    page.wait_for_load_state("load")
    lines = _wait_for_lines(page, log, 2)
    assert len(lines) == 2, lines
    assert "q=Recording&open=%2F" in lines[1], lines[1]
    code, report = search_report([log])
    assert code == 0
    assert "  1  recording\n" in report
    assert "Pages opened from search (1 in all):" in report, (report, target)
    context.close()
    assert guard.foreign == []


def test_a_query_that_finds_nothing_is_logged_with_none(logged, browser):
    base, log = logged
    before = len(_lines(log))
    context, page, _ = _page(browser, base, [])
    page.goto(base)
    page.keyboard.press("/")
    box = page.locator("input.md-search__input")
    box.wait_for(state="visible")
    search_worker(page)
    box.press_sequentially("zqxwvy", delay=40)
    lines = _wait_for_lines(page, log, before + 1)
    context.close()
    assert len(lines) == before + 1 and "q=zqxwvy&n=0 " in lines[-1], lines
    code, report = search_report([log])
    assert "Searches that found nothing (1 of " in report and "  1  zqxwvy\n" in report


def test_off_by_default_nothing_is_sent(unlogged, browser):
    base, log = unlogged
    sent: list = []
    context, page, _ = _page(browser, base, sent)
    page.goto(base)
    page.keyboard.press("/")
    box = page.locator("input.md-search__input")
    box.wait_for(state="visible")
    search_worker(page)
    box.press_sequentially("Recording", delay=40)
    page.locator(".md-search-result__item").first.wait_for(state="visible")
    page.wait_for_timeout(2500)
    context.close()
    assert sent == [] and _lines(log) == []
