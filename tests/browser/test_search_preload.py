"""Fast on a slow connection, as IT serves the site (the shipped nginx block,
tests/browser/nginx_server.py, its access log read here): a page asks for its own styles and
scripts as two files; once it has loaded, the search's first files (Pagefind's script, its
WebAssembly and the index's metadata) are fetched once while the reader reads; the search, and
the next page's search, get them from the browser's cache: the server is asked for each once.
(The figures on Chromium's emulated slow connection are printed by the benchmark,
practice_hub/bench/slow_probe.py; no test asserts a time.)"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from conftest import search_worker  # noqa: E402
from nginx_server import nginx_serving  # noqa: E402

from helpers import FIXTURES, make_project, run_build  # noqa: E402

FIRST_FILES = re.compile(
    r"/pagefind/(?:pagefind\.js|wasm\.[a-z_-]+\.pagefind|pagefind\.[^ ]+\.pf_meta|pagefind-entry\.json) "
)


@pytest.fixture(scope="module")
def hosted(tmp_path_factory):
    project = make_project(
        tmp_path_factory.mktemp("preload"), FIXTURES / "thread" / "docs", settings={"demo": "false"}
    )
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    work = tmp_path_factory.mktemp("preload-nginx")
    with nginx_serving(project / "site", work) as (base, _):
        yield base, work / "access.log"


def _asked(log: Path, pattern: re.Pattern) -> list[str]:
    return [
        line.split('"')[1]
        for line in log.read_text().splitlines()
        if pattern.search(line.split('"')[1] + " ")
    ]


def _wait(page, log: Path, pattern: re.Pattern, count: int) -> list[str]:
    deadline = time.monotonic() + 15
    while len(_asked(log, pattern)) < count and time.monotonic() < deadline:
        page.wait_for_timeout(50)
    return _asked(log, pattern)


def _search(page, query: str) -> None:
    page.keyboard.press("/")
    box = page.locator("input.md-search__input")
    box.wait_for(state="visible")
    search_worker(page)
    box.press_sequentially(query, delay=40)
    page.locator(".md-search-result__item").first.wait_for(state="visible")


def test_the_search_files_are_fetched_once_while_reading_and_kept(hosted, browser):
    base, log = hosted
    context = browser.new_context(base_url=base, viewport={"width": 390, "height": 844})
    # no OriginGuard here: Playwright's routing turns the browser's cache off; requests are
    # watched instead
    foreign: list[str] = []
    context.on("request", lambda request: request.url.startswith(base) or foreign.append(request.url))
    page = context.new_page()
    page.goto(base, wait_until="load")
    # two files of the site's own, each named by its content
    ours = page.evaluate(
        """() => [...document.querySelectorAll('link[rel=stylesheet], script[src]')]
             .map(e => e.getAttribute('href') || e.getAttribute('src'))
             .filter(u => /practice-hub/.test(u) && !/practice-hub-material/.test(u))"""
    )
    assert len(ours) == 2 and all(re.search(r"practice-hub\.[0-9a-f]{8}\.min\.(css|js)$", u) for u in ours), (
        ours
    )
    # the search is not open, and its first files are asked for, each once
    first = _wait(page, log, FIRST_FILES, 4)
    assert page.evaluate("() => document.getElementById('__search').checked") is False
    assert sorted(set(first)) == sorted(first) and len(first) == 4, first
    # a site of one index is not probed for others (the worker says how many there are)
    missing = [line for line in log.read_text().splitlines() if '" 404 ' in line]
    assert missing == [], missing
    _search(page, "Recording")
    page.goto(base + "procedures/recording/", wait_until="load")
    _search(page, "Standard")
    page.wait_for_timeout(1000)
    # the search on both pages and the second page's preload got them from the browser's cache
    assert _asked(log, FIRST_FILES) == first
    context.close()
    assert foreign == []


def test_pagefind_files_are_kept_by_browsers_and_pages_compressed(hosted):
    import urllib.request

    base, _ = hosted
    for name, kept in (
        ("pagefind/pagefind-entry.json", "public, max-age=30"),  # a new build names new files
        ("pagefind/pagefind.js", "public, max-age=300"),
        ("assets/javascripts/workers/practice-hub-search.js", "no-cache"),
    ):
        with urllib.request.urlopen(base + name) as response:
            assert response.headers["Cache-Control"] == kept, name
    request = urllib.request.Request(base, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request) as response:
        assert response.headers["Content-Encoding"] == "gzip"
