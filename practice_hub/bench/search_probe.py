"""Search cost as a reader sees it: bytes downloaded before the first result, and time to results.

``probe(site_dir)`` serves a built site on 127.0.0.1, opens it in Debian's Chromium and, for a
few queries, each in a fresh browser context (cold cache): loads the home page, opens the search
with "/", types the query with ``press_sequentially`` and waits for the results.

- ``kb``: median bytes the server sent for the search, from page load start to the first results
  of the whole query
  (Material's search_index.json, the worker, Pagefind's script, wasm, index chunks and the
  fragments of the results shown), counted by the server itself, so requests made by workers are
  included. ``page_kb`` is everything the server sent in that time, the page's own HTML, CSS and
  JavaScript included. The server compresses and caches as hosting/nginx-practice-hub.conf does
  (gzip for CSS, JavaScript and JSON, Pagefind's index files being compressed already;
  Last-Modified and its Cache-Control, so a file asked for again is revalidated, not sent
  again), so these are the bytes a reader downloads from the documented set-up.
- ``ms``: median time from the last keystroke to the result list first showing that query's
  results (the first screenful; the worker sends the rest of a long list when typing stops).
"""

from __future__ import annotations

import email.utils
import functools
import gzip
import http.server
import io
import os
import re
import statistics
import threading
import time
from pathlib import Path

from ..sitecheck import launch_chromium

QUERIES = ["safeguarding", "capacity assessment", "strategy discussion", "chronology", "supervision"]
SEARCH_PATHS = ("search/", "pagefind/", "assets/javascripts/workers/")

_WATCH = """() => {
    window.__ph = {key: 0, shown: 0};
    const box = document.querySelector('input.md-search__input');
    box.addEventListener('keyup', () => { window.__ph.key = performance.now(); window.__ph.shown = 0; });
    const list = document.querySelector('.md-search-result__list');
    new MutationObserver(() => {
        if (!window.__ph.shown && list.querySelector('.md-search-result__item')) {
            window.__ph.shown = performance.now();
        }
    }).observe(list, {childList: true, subtree: true});
}"""


#: What hosting/nginx-practice-hub.conf compresses (gzip_types; nginx's default level 1). Pagefind's
#: own files are compressed already and served as they are.
GZIP_SUFFIXES = (".css", ".js", ".json", ".xml", ".svg", ".ics", ".csv")

#: hosting/nginx-practice-hub.conf's Cache-Control ($practice_hub_cache), first match: a file a
#: page asks for again is revalidated (no-cache) or kept, as there, and not downloaded twice.
CACHE_CONTROL = [
    (r"^/assets/.+\.[0-9a-f]{8}\.min\.(?:js|css)$", "public, max-age=2592000, immutable"),
    (r"^/pagefind/.+\.pf_", "public, max-age=86400"),
    (r"", "no-cache"),
]


class CountingHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site as the documented nginx set-up does (gzip for text types) and logs the
    bytes each response sent."""

    log: list  # (time, path, bytes) per response, set per server

    def end_headers(self):
        path = self.path.split("?")[0]
        for pattern, value in CACHE_CONTROL:
            if re.search(pattern, path):
                self.send_header("Cache-Control", value)
                break
        super().end_headers()

    def send_head(self):
        path = self.translate_path(self.path)
        wants = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants and path.endswith(GZIP_SUFFIXES) and os.path.isfile(path)):
            return super().send_head()  # Last-Modified, and 304 to If-Modified-Since
        modified = os.stat(path).st_mtime
        since = self.headers.get("If-Modified-Since")
        if since:
            try:
                if email.utils.parsedate_to_datetime(since).timestamp() >= int(modified):
                    self.send_response(304)
                    self.end_headers()
                    return None
            except (TypeError, ValueError, IndexError, OverflowError):
                pass
        with open(path, "rb") as source:
            body = gzip.compress(source.read(), compresslevel=1, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", self.date_time_string(modified))  # as nginx sends it
        self.end_headers()
        return io.BytesIO(body)

    def copyfile(self, source, outputfile):
        data = source.read()
        try:
            outputfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            return  # the browser context closed while the rest of a list was loading
        self.log.append((time.perf_counter(), self.path.lstrip("/"), len(data)))

    def log_message(self, format, *args):  # noqa: A002
        pass


def probe(site_dir: Path, queries: list[str] | None = None) -> dict:
    from playwright.sync_api import sync_playwright

    log: list = []
    handler = functools.partial(type("Handler", (CountingHandler,), {"log": log}), directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    kbs, page_kbs, times = [], [], []
    try:
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            for query in queries or QUERIES:
                context = browser.new_context(service_workers="block")
                page = context.new_page()
                log.clear()
                start = time.perf_counter()
                page.goto(base)
                page.evaluate(_WATCH)
                page.keyboard.press("/")
                box = page.locator("input.md-search__input")
                box.wait_for(state="visible")
                box.press_sequentially(query, delay=60)
                # the first results of the whole query (not of a prefix typed on the way)
                page.wait_for_function("window.__ph.shown > 0", timeout=30_000)
                first = time.perf_counter()
                page.wait_for_timeout(1500)  # let the last keystroke's results land
                marks = page.evaluate("window.__ph")
                before = [(path, size) for when, path, size in log if start <= when <= first]
                kbs.append(sum(size for path, size in before if path.startswith(SEARCH_PATHS)) / 1024)
                page_kbs.append(sum(size for _, size in before) / 1024)
                times.append(max(0.0, marks["shown"] - marks["key"]))
                context.close()
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return {
        "kb": statistics.median(kbs),
        "ms": statistics.median(times),
        "page_kb": statistics.median(page_kbs),
        "kb_all": kbs,
        "ms_all": times,
    }
