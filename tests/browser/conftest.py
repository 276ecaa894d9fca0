"""Fixtures for the browser tests: build a site, serve it, drive Debian's Chromium.

Every test in this folder is marked ``browser`` automatically (see
``pytest_collection_modifyitems``), so ``pytest -m "not browser"`` skips them all.

The layers, each usable on its own:

``build_site(project_dir, out_dir)``
    Plain function. Runs ``mkdocs build --strict`` for any project folder holding a
    ``mkdocs.yml`` (the demo, or a fixture project under ``tests/fixtures``) with the
    pinned "today" and ``SOURCE_DATE_EPOCH``, and fails the test with MkDocs' output
    if the build fails.
``build_fixture_site`` (session)
    Factory fixture around ``build_site`` that builds into a fresh tmp folder and caches
    by project path, so several tests can share one build of the same fixture project.
``demo_site`` (session)
    The demo (the repository's own ``mkdocs.yml``) built once per xdist worker.
``serve_site`` (session)
    Factory fixture: ``serve_site(path) -> "http://127.0.0.1:PORT/"``. Serves a built
    site over HTTP from a background thread, like a static host: folder URLs get their
    ``index.html`` and unknown paths get the site's ``404.html`` with status 404.
    Servers stop at the end of the session.
``site_server`` (session)
    The demo served: its base URL, ending in ``/``.
``browser`` (session)
    Chromium launched headless from ``/usr/bin/chromium``.
``origin_guard`` / ``context`` / ``page`` (per test)
    A fresh browser context whose ``base_url`` is the demo server (so
    ``page.goto("glossary/")`` works), with every request leaving the server's origin
    aborted and recorded in ``origin_guard.foreign``. Tests that care assert on it;
    no test can accidentally reach the network.
``demo_pages`` (session)
    Representative demo URLs by role (home, procedure, standard, ...), discovered from
    the build's content.json, so tests survive demo content changes.
``search`` (session)
    ``search(page, query)``: opens Material's search with "/" and types the query
    with ``press_sequentially``, then waits until the results stop changing.
``test_output`` (session)
    The gitignored ``test-output/`` folder, for screenshots.

To test a fixture project instead of the demo::

    def test_thing(build_fixture_site, serve_site, browser):
        base = serve_site(build_fixture_site(FIXTURES / "my-project"))
        context = browser.new_context(base_url=base)
        ...
"""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from practice_hub.sitecheck import StaticHandler, chromium_path, launch_chromium

REPO = Path(__file__).resolve().parents[2]
#: The project under test: this repository, or the folder named by PRACTICE_HUB_PROJECT (tests/helpers.py).
PROJECT = Path(os.environ.get("PRACTICE_HUB_PROJECT") or REPO).resolve()
TEST_OUTPUT = REPO / "test-output"  # gitignored: screenshots and other artefacts

CHROMIUM = chromium_path()  # Debian's, or the one PRACTICE_HUB_CHROMIUM names

#: The "today" and build timestamp every test build uses, so dates, "next session"
#: lines and overdue reviews in the output are stable.
TODAY = "2026-11-24"
SOURCE_DATE_EPOCH = "1795478400"  # 2026-11-24T00:00:00Z

DESKTOP = {"width": 1280, "height": 800}


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)


# --------------------------------------------------------------------------- build


def build_site(
    project_dir: Path, out_dir: Path, *, today: str = TODAY, extra_env: dict[str, str] | None = None
) -> Path:
    """Build the MkDocs project in ``project_dir`` into ``out_dir`` and return ``out_dir``.

    Runs the venv's ``mkdocs build --strict`` in a subprocess with ``PRACTICE_HUB_TODAY``
    and ``SOURCE_DATE_EPOCH`` pinned. A failed build fails the calling test with
    MkDocs' own output.
    """
    project_dir = Path(project_dir)
    out_dir = Path(out_dir)
    if not (project_dir / "mkdocs.yml").is_file():
        pytest.fail(f"{project_dir} has no mkdocs.yml", pytrace=False)
    mkdocs = Path(sys.executable).with_name("mkdocs")
    env = dict(os.environ)
    env.update(
        PRACTICE_HUB_TODAY=today,
        SOURCE_DATE_EPOCH=SOURCE_DATE_EPOCH,
        NO_MKDOCS_2_WARNING="1",
    )
    env.update(extra_env or {})
    result = subprocess.run(
        [
            str(mkdocs),
            "build",
            "--strict",
            "--quiet",
            "-f",
            str(project_dir / "mkdocs.yml"),
            "-d",
            str(out_dir),
        ],
        cwd=project_dir,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if result.returncode != 0:
        pytest.fail(
            f"mkdocs build --strict failed for {project_dir} (exit {result.returncode}):\n"
            f"{result.stdout}\n{result.stderr}",
            pytrace=False,
        )
    return out_dir


@pytest.fixture(scope="session")
def build_fixture_site(tmp_path_factory):
    """Factory: ``build_fixture_site(project_dir, **kwargs) -> Path`` of the built site.

    Builds are cached per (project, kwargs) for the session (per xdist worker).
    """
    cache: dict[tuple, Path] = {}

    def build(project_dir: Path, **kwargs) -> Path:
        key = (str(Path(project_dir).resolve()), tuple(sorted(kwargs.items())))
        if key not in cache:
            out = tmp_path_factory.mktemp(f"site-{Path(project_dir).name}")
            cache[key] = build_site(project_dir, out, **kwargs)
        return cache[key]

    return build


@pytest.fixture(scope="session")
def demo_site(build_fixture_site) -> Path:
    """The site under test (this repository's mkdocs.yml and docs/, or PRACTICE_HUB_PROJECT), built once
    per worker. Whatever docs/ holds: tests of the demo's own content are marked ``demo``."""
    return build_fixture_site(PROJECT)


# --------------------------------------------------------------------------- serve


@pytest.fixture(scope="session")
def serve_site():
    """Factory: ``serve_site(directory) -> base URL`` ("http://127.0.0.1:PORT/").

    Each call starts a ThreadingHTTPServer on a free port in a daemon thread;
    all are shut down at the end of the session.
    """
    servers: list[http.server.ThreadingHTTPServer] = []

    def serve(directory: Path) -> str:
        handler = functools.partial(StaticHandler, directory=str(directory))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, name=f"serve {directory}", daemon=True).start()
        servers.append(server)
        host, port = server.server_address[:2]
        return f"http://{host}:{port}/"

    yield serve
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_server(demo_site, serve_site) -> str:
    """Base URL of the served demo site, ending in "/"."""
    return serve_site(demo_site)


# --------------------------------------------------------------------------- browser


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium driven by Playwright's sync API (one per worker)."""
    if not CHROMIUM.is_file():
        pytest.fail(
            f"The browser tests need Debian's Chromium at {CHROMIUM} and it is missing. "
            "Install it with `sudo apt-get install chromium` (./dev test does this), "
            "or deselect these tests with -m 'not browser'.",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright, CHROMIUM)
        yield browser
        browser.close()


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


class OriginGuard:
    """Aborts and records every request that leaves one origin.

    ``install(context)`` routes ``**/*`` through the guard and also listens to the
    ``request`` event (which sees requests a route might miss, e.g. from workers).
    ``data:`` and ``blob:`` URLs are local and allowed. ``foreign`` lists the URLs
    that were caught, in order, without duplicates.
    """

    LOCAL_SCHEMES = ("data:", "blob:", "about:")

    def __init__(self, origin: str):
        self.origin = origin_of(origin)
        self.foreign: list[str] = []

    def is_foreign(self, url: str) -> bool:
        if url.startswith(self.LOCAL_SCHEMES):
            return False
        return origin_of(url) != self.origin

    def _record(self, url: str) -> None:
        if self.is_foreign(url) and url not in self.foreign:
            self.foreign.append(url)

    def _route(self, route) -> None:
        url = route.request.url
        if self.is_foreign(url):
            self._record(url)
            route.abort("blockedbyclient")
        else:
            route.continue_()

    def install(self, context) -> None:
        context.route("**/*", self._route)
        context.on("request", lambda request: self._record(request.url))


@pytest.fixture
def origin_guard(site_server) -> OriginGuard:
    """The guard the ``context`` fixture installs: read ``origin_guard.foreign``."""
    return OriginGuard(site_server)


@pytest.fixture
def context(browser, site_server, origin_guard):
    """A fresh browser context on the demo: base_url set, 1280x800, foreign requests blocked."""
    context = browser.new_context(base_url=site_server, viewport=DESKTOP, service_workers="block")
    context.set_default_timeout(10_000)
    origin_guard.install(context)
    yield context
    context.close()


@pytest.fixture
def page(context):
    """A page in ``context``: ``page.goto("standards/golden-thread/")`` loads from the demo."""
    return context.new_page()


@pytest.fixture(scope="session")
def test_output() -> Path:
    """Folder for screenshots and other artefacts (gitignored)."""
    TEST_OUTPUT.mkdir(exist_ok=True)
    return TEST_OUTPUT


# --------------------------------------------------------------------------- demo pages


@pytest.fixture(scope="session")
def demo_pages(demo_site) -> dict[str, str]:
    """Representative demo URLs (relative to ``site_server``), found from content.json.

    A kind this site has no page for maps to None: tests of it skip (``page_of``).
    Keys: home, procedure, standard (one showing an audit results chart if any does), chart_standard
    (one that does, else None), audit_section,
    golden_thread, course, training (the catalogue), glossary, links, news (the blog
    index), news_post, not_found. Discovered rather than hard-coded so that the demo
    content can change without breaking the browser tests.
    """
    import json

    items = json.loads((demo_site / "content.json").read_text(encoding="utf-8"))["items"]

    def first(kind: str, predicate=lambda url: True) -> str:
        for item in sorted(items, key=lambda i: i["url"]):
            url = item["url"].split("#")[0]
            if item["type"] == kind and predicate(url):
                return url
        return None

    def first_built(pattern: str) -> str:
        for html in sorted(demo_site.glob(pattern + "index.html")):
            return html.parent.relative_to(demo_site).as_posix() + "/"
        return None

    def has_chart(url: str) -> bool:
        html = demo_site / url / "index.html"
        return html.is_file() and 'class="ph-chart"' in html.read_text(encoding="utf-8")

    pages = {
        "home": "./",
        "procedure": first("procedure"),
        "standard": first("standard", has_chart) or first("standard"),
        "chart_standard": first("standard", has_chart),  # a standard showing an audit results chart
        "audit_section": first("audit_section"),
        "golden_thread": "standards/golden-thread/",
        "course": first("course"),
        "training": "training/",
        "glossary": "glossary/",
        "links": "links/",
        "news": "news/",
        "news_post": first_built("news/[0-9][0-9][0-9][0-9]/*/*/*/"),
        "not_found": "no-such-page/",
        "induction": first("induction"),
        "tool": first("tool"),
        "vacancy": first("vacancy"),
        "research": "research/",
        "upcoming": "training/upcoming/",
        "register": "procedures/amendments/",
        "reviews": "review-schedule/",
        "tags": first_built("tags/*/"),
        "field_reference": "editors/field-reference/",
        "learning": "learning/",
        "briefing": first("learning"),
        "framework": first("framework"),
        "staff_voice": first("staff_voice"),
        "staff_voice_listing": "staff-voice/",
        "events": "events/",
        "event": first("event"),
        "contacts": "contacts/",  # the contacts directory
        # a procedure with a "Who to contact" box (one that names contacts)
        "procedure_with_contacts": next(
            (
                i["url"]
                for i in sorted(items, key=lambda i: i["url"])
                if i["type"] == "procedure" and i.get("related", {}).get("contact")
            ),
            None,
        ),
    }
    for name, url in pages.items():
        if url and name != "not_found" and not (demo_site / url / "index.html").is_file():
            pages[name] = None  # a listing this site does not have (no content of that kind)
    return pages


# --------------------------------------------------------------------------- search

# Resolves once the result list has not changed for quietMs; fails (instead of waiting for ever:
# page.evaluate has no timeout) if it is still changing after 20 s.
_RESULTS_SETTLED = """(quietMs) => new Promise((resolve, reject) => {
    const list = document.querySelector('.md-search-result__list');
    let timer;
    const observer = new MutationObserver(() => {
        clearTimeout(timer);
        timer = setTimeout(done, quietMs);
    });
    const limit = setTimeout(() => {
        observer.disconnect();
        reject(new Error('the search results were still changing after 20 s'));
    }, 20000);
    function done() { clearTimeout(limit); observer.disconnect(); resolve(); }
    observer.observe(list, {childList: true, subtree: true, characterData: true});
    timer = setTimeout(done, quietMs);
})"""


def search_worker(page, timeout_s: float = 30):
    """The page's Practice Hub search worker, once Material has started it (its script may come
    late on a busy machine, or through a test's route)."""
    deadline = time.monotonic() + timeout_s
    while True:
        workers = [w for w in page.workers if "practice-hub-search" in w.url]
        if workers:
            return workers[0]
        if time.monotonic() > deadline:
            raise AssertionError(f"no search worker started within {timeout_s:g} s: {page.workers}")
        page.wait_for_timeout(50)


# Installed in the search worker: notes the query each result it sends answers. The worker sends
# a result only when no newer query has come (its drain loop), so that is the last query it has
# received; a listener added now runs after the worker's own, before any result is sent.
_TRACK_ANSWERS = """() => {
  if (self.__phTracking) return;
  self.__phTracking = true;
  self.__phAnswered = null;
  let last = null;
  self.addEventListener("message", event => {
    if (event.data && event.data.type === 2) last = String(event.data.data);
  });
  const post = self.postMessage.bind(self);
  self.postMessage = (message, ...rest) => {
    if (message && message.type === 3) self.__phAnswered = last;
    return post(message, ...rest);
  };
}"""

# Resolves when the worker has sent the answer to the query (rejects after 30 s, saying what it
# answered instead).
_ANSWERED = """(query) => new Promise((resolve, reject) => {
  const start = performance.now();
  (function check() {
    if (self.__phAnswered === query) resolve(true);
    else if (performance.now() - start > 30000)
      reject(new Error(`no results for ${JSON.stringify(query)} within 30 s; the last were for ${JSON.stringify(self.__phAnswered)}`));
    else setTimeout(check, 20);
  })();
})"""


def track_answers(page):
    """From now on the search worker notes which query each result it sends answers."""
    search_worker(page).evaluate(_TRACK_ANSWERS)


def wait_for_answer(page, query: str) -> None:
    """Waits until the search worker has sent the results of *query* (``track_answers`` first):
    on a busy machine the results of a half-typed query can be shown first, and stay a while."""
    search_worker(page).evaluate(_ANSWERED, query)


@pytest.fixture(scope="session")
def search():
    """``search(page, query)``: open Material's search with the keyboard and type a query.

    Presses "/" (Material's shortcut), types with ``press_sequentially`` (``fill`` is
    flaky with Material's search), waits until the worker has sent the results of the whole
    query and a first result is shown, then until the result list has stopped changing.
    Returns the locator of the result items.
    """

    # 1 s: the worker sends the first screenful, then (250 ms after typing stops) the whole
    # list; on a busy 2-core machine the list can stay unchanged for well over 300 ms between.
    # The first screenful is final when it is shown, so tests of the top results need no more;
    # a test of the whole list waits for its count (test_search_quality: the count is true).
    def run(page, query: str, *, settle_ms: int = 1000):
        page.keyboard.press("/")
        box = page.locator("input.md-search__input")
        box.wait_for(state="visible")
        track_answers(page)
        box.press_sequentially(query, delay=20)
        wait_for_answer(page, query)
        results = page.locator(".md-search-result__item")
        results.first.wait_for(state="visible")
        page.evaluate(_RESULTS_SETTLED, settle_ms)
        return results

    return run
