"""A large site's search is split into several Pagefind indexes (shards), merged again
in the reader's browser, and a reader cannot tell: the same pages are found, in the right order,
with a true count, without downloading anything twice.

Pagefind's search of a word takes time nearly the square of the pages it is on, so a site of more
than 2,500 pages gets one index per 2,500 pages (practice_hub/search/index.py). Here the demo is
built with PRACTICE_HUB_SEARCH_SHARD_PAGES=80, so its pages make three shards.
"""

from __future__ import annotations

import json
import os
import re

import pytest
from conftest import build_site, search_worker
from test_search_quality import QUERIES, _worker_changed, pagefind_count, top_3_misses, wait_for_count

from helpers import PROJECT
from practice_hub.search.index import SHARD_PAGES_VARIABLE, WORKER_URL

pytestmark = [pytest.mark.browser, pytest.mark.demo]  # Brackenford queries: demo only

_SHARDS = re.compile(r"const SHARDS = (\[.*?\]);\n")


@pytest.fixture(scope="module")
def sharded(tmp_path_factory, serve_site):
    """The demo built with 80 pages per search index, and its address."""
    site = build_site(
        PROJECT, tmp_path_factory.mktemp("sharded") / "site", extra_env={SHARD_PAGES_VARIABLE: "80"}
    )
    return site, serve_site(site)


def shard_counts(site) -> list[int]:
    """Pages in each shard, as the build wrote them into the worker."""
    shards = json.loads(_SHARDS.search((site / WORKER_URL).read_text(encoding="utf-8")).group(1))
    return [sum(pages for _, pages in classes) for classes in shards]


def test_every_page_is_in_one_shard(sharded, demo_site):
    site, _ = sharded
    counts = shard_counts(site)
    assert len(counts) == 3 and all(counts), counts
    assert sum(counts) == sum(shard_counts(demo_site)), "the shards together hold every page"
    assert shard_counts(demo_site) == [sum(counts)], "a site of 2,500 pages or fewer has one index"
    script = (demo_site / "pagefind/pagefind.js").read_bytes()
    for folder, pages in zip(("pagefind", "pagefind/shard-1", "pagefind/shard-2"), counts, strict=True):
        entry = json.loads((site / folder / "pagefind-entry.json").read_text(encoding="utf-8"))
        assert entry["languages"]["en"]["page_count"] == pages, folder
        assert (site / folder / "pagefind.js").read_bytes() == script, f"{folder}/pagefind.js is whole"
        assert len(list((site / folder).glob("pagefind.*.pf_meta"))) == 1, folder
    assert not (site / "pagefind/shard-3").exists()


def test_practitioner_queries_find_the_same_pages_across_shards(browser, sharded, search):
    site, base = sharded
    context = browser.new_context(base_url=base, service_workers="block")
    # A helper that has not opened its shard in 6 s is left (this worker searches its shards): on a
    # busy machine that can happen, and this test is of the helpers, so they are given a minute.
    context.route(
        "**/workers/practice-hub-search.js",
        _worker_changed(("const HELPER_START = 6000;", "const HELPER_START = 60000;")),
    )
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    messages: list[str] = []
    page.on("console", lambda message: messages.append(message.text))
    page.goto(base)
    missed = top_3_misses(page, search, base)
    worker = search_worker(page)
    helpers = worker.evaluate("pagefind().then(({ pf }) => pf.helpers || 0)")
    context.close()
    # One core searches here, and each other core (up to a group per shard) in a helper worker.
    assert helpers == min(3, os.cpu_count() or 1) - 1, helpers
    assert len(QUERIES) >= 40
    assert not missed, "queries that missed the top 3 on the sharded site:\n  " + "\n  ".join(missed)
    # Every shard was searched; the WebAssembly came once (merged indexes reuse the first's).
    for shard in ("shard-1", "shard-2"):
        assert any(f"/pagefind/{shard}/index/" in url for url in requested), shard
    # (Asked for by the page's preload and by the worker: Playwright's routing turns the browser's
    # cache off here; tests/browser/test_search_preload.py shows the server is asked once.)
    assert {url for url in requested if "wasm." in url} == {base + "pagefind/wasm.en.pagefind"}
    # Types were weighed from every shard's metadata, without the warning of a fallback.
    assert not [m for m in messages if "Practice Hub search" in m], messages


def test_the_count_is_every_page_found_in_every_shard(browser, sharded, search, site_server):
    """Material's count on the sharded site is the number of pages the one-index demo finds."""
    _, base = sharded
    context = browser.new_context(base_url=base, service_workers="block")
    page = context.new_page()
    page.goto(site_server)
    whole = pagefind_count(page, site_server, "child")
    page.goto(base)
    search(page, "child")
    wait_for_count(page, whole)
    context.close()


def fail_first_load(context, pattern: str) -> list[str]:
    """The first request whose address matches *pattern* fails, as on a busy network; the
    addresses of every matching request, in order."""
    loads: list[str] = []

    def first_load_fails(route):
        loads.append(route.request.url)
        route.abort() if len(loads) == 1 else route.continue_()

    context.route(re.compile(pattern), first_load_fails)
    return loads


def test_search_still_finds_every_page_when_a_helper_cannot_start(browser, sharded, search, site_server):
    """A helper worker that cannot open its shard (here its index's first file fails to load):
    this worker searches every shard itself, with the same count, and says so in the console."""
    _, base = sharded
    context = browser.new_context(base_url=base, service_workers="block")
    loads = fail_first_load(context, re.escape(base) + r"pagefind/shard-1/pagefind-entry\.json\?ts=")
    page = context.new_page()
    messages: list[str] = []
    page.on("console", lambda message: messages.append(message.text))
    page.goto(site_server)
    whole = pagefind_count(page, site_server, "child")
    page.goto(base)
    search(page, "child")
    wait_for_count(page, whole)
    worker = search_worker(page)
    helpers = worker.evaluate("pagefind().then(({ pf }) => pf.helpers || 0)")
    context.close()
    assert len(loads) == 2, loads  # the helper's load lost, then this worker's
    assert any("shards searched one after another" in m for m in messages), (
        f"no helper was started ({os.cpu_count()} cores)",
        messages,
    )
    assert helpers == 0, helpers


def test_search_recovers_when_a_file_of_its_index_fails_to_load_once(browser, search, site_server):
    """One request of the index lost on the way (a busy intranet proxy): the search starts again
    and answers, instead of failing every search until the page is reloaded."""
    context = browser.new_context(base_url=site_server, service_workers="block")
    page = context.new_page()
    page.goto(site_server)
    whole = pagefind_count(page, site_server, "child")
    loads = fail_first_load(context, re.escape(site_server) + r"pagefind/pagefind-entry\.json\?ts=")
    page.goto(site_server)
    search(page, "child")
    wait_for_count(page, whole)
    context.close()
    assert len(loads) == 2, loads  # lost once, asked again
