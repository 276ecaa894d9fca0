"""Search and the home page on a slow mobile connection, served as IT serves the site.

``probe(site_dir)`` serves a built site with hosting/nginx-practice-hub.conf in nginx (when nginx
is installed; otherwise search_probe's server, which compresses and caches as that block does),
opens it in Debian's Chromium with the network slowed by Chromium's own emulation (DevTools
protocol ``Network.emulateNetworkConditions``: 300 ms latency, 1.6 Mbit/s down, 750 kbit/s up,
applied to the page and to its search workers), each run in a fresh browser context (nothing
cached), and measures:

- ``home_ms``: the home page, from navigation to its load event (HTML, CSS, JavaScript);
- ``search_ms``: a reader who has read the home page for a few seconds opens the search with
  "/", types a query; the time from the last keystroke to the first results of that query;
- the requests and bytes of each, to show what costs (``home_requests``, ``home_kb``,
  ``search_requests``, ``search_kb``: what was fetched after the home page had loaded until the
  first results, search files and everything else).

Figures are medians over the queries. Nothing here is a test assertion: the bench prints them.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import socket
import statistics
import subprocess
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from ..sitecheck import launch_chromium
from .search_probe import QUERIES, CountingHandler

# Installed in the search worker: the moment (ms since the epoch) it sends results for each query.
_ANSWERS = """() => {
  if (self.__phAnswers) return;
  self.__phAnswers = {};
  let last = null;
  self.addEventListener("message", event => {
    if (event.data && event.data.type === 2) last = String(event.data.data);
  });
  const post = self.postMessage.bind(self);
  self.postMessage = (message, ...rest) => {
    if (message && message.type === 3 && last !== null && !(last in self.__phAnswers)) {
      self.__phAnswers[last] = performance.timeOrigin + performance.now();
    }
    return post(message, ...rest);
  };
}"""
_KEYS = """() => {
  window.__phKey = 0;
  document.querySelector('input.md-search__input').addEventListener('keyup',
    () => { window.__phKey = performance.timeOrigin + performance.now(); });
}"""

REPO = Path(__file__).resolve().parents[2]
NGINX_BLOCK = REPO / "hosting" / "nginx-practice-hub.conf"
# Chromium's emulated slow mobile connection (bytes per second; latency in ms).
SLOW = {
    "offline": False,
    "latency": 300,
    "downloadThroughput": 1.6e6 / 8,
    "uploadThroughput": 750e3 / 8,
}
READING_S = 3.0  # the reader reads the home page this long before searching
TYPING_MS = 60  # between keys, as search_probe types (a quick typist: the shortest wait for the engine)
BUDGET_MS = 1500


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def nginx(site: Path) -> Iterator[str]:
    """The shipped server block in nginx, serving *site*; yields the base URL."""
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    work = Path(tempfile.mkdtemp(prefix="ph-slow-nginx-"))
    port = _free_port()
    block = NGINX_BLOCK.read_text(encoding="utf-8")
    block = block.replace("listen 80;", f"listen 127.0.0.1:{port};")
    block = block.replace("root /srv/practice-hub/site;", f"root {site.resolve()};")
    block = block.replace("/var/log/nginx/", f"{work}/")
    (work / "site.conf").write_text(block, encoding="utf-8")
    user = "user root;\n" if os.geteuid() == 0 else ""
    (work / "nginx.conf").write_text(
        f"{user}worker_processes 1;\ndaemon off;\npid {work}/nginx.pid;\nerror_log {work}/error.log;\n"
        "events { worker_connections 256; }\n"
        f"http {{\n  access_log off;\n  client_body_temp_path {work}/body;\n  proxy_temp_path {work}/proxy;\n"
        f"  fastcgi_temp_path {work}/fastcgi;\n  uwsgi_temp_path {work}/uwsgi;\n  scgi_temp_path {work}/scgi;\n"
        f"  include {work}/site.conf;\n}}\n",
        encoding="utf-8",
    )
    process = subprocess.Popen(
        [binary, "-c", str(work / "nginx.conf"), "-e", str(work / "error.log")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                urllib.request.urlopen(base, timeout=5)
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(
                        f"nginx did not start: {(work / 'error.log').read_text()[-500:]}"
                    ) from None
                time.sleep(0.05)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)


@contextlib.contextmanager
def static_server(site: Path) -> Iterator[str]:
    """search_probe's server (gzip and Cache-Control as the nginx block), when nginx is missing."""
    handler = functools.partial(type("Handler", (CountingHandler,), {"log": []}), directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def served(site: Path):
    """(how it is served, the server's context manager)."""
    if NGINX_BLOCK.is_file() and (shutil.which("nginx") or Path("/usr/sbin/nginx").exists()):
        return "nginx with hosting/nginx-practice-hub.conf", nginx(site)
    return "a static server compressing and caching as the nginx block", static_server(site)


def _slow(context, page) -> None:
    """Chromium's network emulation on the page and on every worker it starts (a dedicated
    worker's requests are its own target's)."""
    session = context.new_cdp_session(page)
    session.send("Network.enable")
    session.send("Network.emulateNetworkConditions", SLOW)
    session.send(
        "Target.setAutoAttach", {"autoAttach": True, "waitForDebuggerOnStart": False, "flatten": True}
    )


class _Requests:
    """Every response the page and its workers receive: (time, url, encoded bytes)."""

    def __init__(self, context) -> None:
        self.seen: list[tuple[float, str, int]] = []
        context.on("requestfinished", self._finished)

    def _finished(self, request) -> None:
        try:
            size = request.sizes()["responseBodySize"] + request.sizes()["responseHeadersSize"]
        except Exception:  # noqa: BLE001 - a request the context closed under it
            size = 0
        self.seen.append((time.perf_counter(), request.url, size))

    def between(self, start: float, end: float) -> list[tuple[str, int]]:
        return [(url, size) for when, url, size in self.seen if start <= when <= end]


_RESOURCES = """() => performance.getEntriesByType('resource')
  .map(r => [r.name.split('/').slice(3).join('/'), Math.round(r.duration), r.encodedBodySize,
    Math.round(performance.timeOrigin + r.startTime) % 100000])"""


def _worker(page, seconds: float = 30):
    deadline = time.monotonic() + seconds
    while True:
        workers = [w for w in page.workers if "practice-hub-search" in w.url]
        if workers:
            return workers[0]
        if time.monotonic() > deadline:
            raise RuntimeError("the search worker did not start")
        page.wait_for_timeout(20)


def probe(site_dir: Path, queries: list[str] | None = None, reading_s: float | None = None) -> dict:
    """The figures (medians over the queries); *reading_s*: how long the reader reads the home
    page before searching (READING_S when None; 0: searches as soon as the page has loaded)."""
    reading_s = READING_S if reading_s is None else reading_s
    from playwright.sync_api import sync_playwright

    how, server = served(site_dir)
    timings: list = []
    homes, searches, home_kb, home_n, search_kb, search_n = [], [], [], [], [], []
    files: dict[str, int] = {}
    with server as base, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        for query in queries or QUERIES:
            context = browser.new_context(service_workers="block", viewport={"width": 390, "height": 844})
            page = context.new_page()
            _slow(context, page)
            requests = _Requests(context)
            start = time.perf_counter()
            page.goto(base, wait_until="load")
            loaded = time.perf_counter()
            homes.append(
                page.evaluate(
                    "() => { const n = performance.getEntriesByType('navigation')[0];"
                    " return n.loadEventStart - n.startTime; }"
                )
            )
            home = requests.between(start, loaded)
            home_kb.append(sum(size for _, size in home) / 1024)
            home_n.append(len(home))
            page.wait_for_timeout(reading_s * 1000)
            page.evaluate(_KEYS)
            page.keyboard.press("/")
            box = page.locator("input.md-search__input")
            box.wait_for(state="visible")
            worker = _worker(page)
            worker.evaluate(_ANSWERS)
            typing = time.perf_counter()
            box.press_sequentially(query, delay=TYPING_MS)
            # polled from here: the site's Content Security Policy refuses Playwright's own waiting
            # script; the times are taken in the page and the worker (ms since the epoch)
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                answered = worker.evaluate("q => self.__phAnswers[q] || 0", query)
                if answered:
                    break
                page.wait_for_timeout(20)
            first = time.perf_counter()
            key = page.evaluate("() => window.__phKey")
            searches.append(max(0.0, answered - key))
            timings.append(worker.evaluate(_RESOURCES))
            after = requests.between(loaded, first)
            search_kb.append(sum(size for _, size in after) / 1024)
            search_n.append(len(after))
            for url, size in requests.between(typing, first):
                name = url.split("/", 3)[-1].split("?")[0]
                files[name] = max(files.get(name, 0), size)
            context.close()
        browser.close()
    return {
        "served_by": how,
        "reading_s": reading_s,
        "home_ms": statistics.median(homes),
        "search_ms": statistics.median(searches),
        "home_kb": statistics.median(home_kb),
        "home_requests": statistics.median(home_n),
        "search_kb": statistics.median(search_kb),
        "search_requests": statistics.median(search_n),
        "home_all": homes,
        "search_all": searches,
        "fetched_while_typing": files,
        "worker_resources": timings,
    }


def _after(reading_s: float) -> str:
    return f"after reading the page {reading_s:g} s" if reading_s else "as soon as the page has loaded"


def report(pages: str, figures: dict) -> str:
    """The figures in words, each against the 1.5 s target."""

    def verdict(ms: float) -> str:
        return "PASS" if ms < BUDGET_MS else "FAIL"

    typing = figures["fetched_while_typing"]
    late = (
        ", ".join(f"{name} ({size / 1024:.1f} kB)" for name, size in sorted(typing.items())[:8]) or "nothing"
    )
    return (
        f"Slow connection ({SLOW['latency']} ms, 1.6 Mbit/s down, 750 kbit/s up), {pages}, served by "
        f"{figures['served_by']}:\n"
        f"- home page load: {figures['home_ms']:.0f} ms ({figures['home_requests']:.0f} requests, "
        f"{figures['home_kb']:.0f} kB) (target under {BUDGET_MS} ms) {verdict(figures['home_ms'])}\n"
        f"- last keystroke to first results, searching {_after(figures['reading_s'])}: "
        f"{figures['search_ms']:.0f} ms (after the page had loaded: "
        f"{figures['search_requests']:.0f} requests, {figures['search_kb']:.0f} kB) "
        f"(target under {BUDGET_MS} ms) {verdict(figures['search_ms'])}\n"
        f"- fetched while typing: {late}\n"
    )


if __name__ == "__main__":  # python -m practice_hub.bench.slow_probe SITE [SITE...]
    import sys

    for folder in sys.argv[1:]:
        for reading in (READING_S, 0.0):
            print(report(folder, probe(Path(folder), reading_s=reading)))
