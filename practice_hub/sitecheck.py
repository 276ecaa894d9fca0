"""``practice-hub test``: the checks that matter for any site, on whatever content it holds.

A council keeps only its own content; its CI runs this command, never the engine's test suite.
Four steps, each reported on one line with its result and the time it took, then a summary:

1. **build**: the strict build (``engine.build``) into a temporary folder;
2. **links**: every internal link and anchor of that build (``linkcheck.check_site``);
3. **outside requests**: every built HTML and CSS file, for resources on other origins
   (``foreign.foreign_resources``);
4. **accessibility**: axe-core (WCAG 2.2 A and AA, as the engine's own accessibility test runs
   it) on one page of each kind the build holds, at desktop (1280 px) and phone (390 px) widths,
   in Chromium. Skipped, with one line saying why, when Chromium (``/usr/bin/chromium`` or
   ``PRACTICE_HUB_CHROMIUM``), Playwright or axe-playwright-python is missing, or with
   ``--no-browser``.

The exit status is 1 if any step failed, 2 if the site cannot be tested at all (no mkdocs.yml),
130 if the build was interrupted. This module writes through the ``write`` function it is given
(the command line passes ``sys.stdout.write``).
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import importlib.util
import json
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .settings import Environment
from .text import command

__all__ = [
    "AXE_OPTIONS",
    "CHROMIUM_ENV",
    "Step",
    "chromium_path",
    "launch_chromium",
    "links_and_anchors",
    "outside_requests",
    "page_kinds",
    "run",
]

CHROMIUM_ENV = "PRACTICE_HUB_CHROMIUM"  # read by settings.Environment
DEFAULT_CHROMIUM = "/usr/bin/chromium"
#: How every Chromium of the engine starts (this check, the browser tests, the benchmarks): in a
#: container without a sandbox or GPU, and asking nothing of the network on its own.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WIDTHS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}

# The same axe options as tests/browser/test_accessibility.py: WCAG 2.2 A and AA, plus two
# best-practice rules that stock Material breaks and the engine's theme fixes. The theme fixes
# every violation of stock Material that axe reports, so nothing is excluded.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
EXTRA_RULES = ["aria-dialog-name", "landmark-unique"]
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": WCAG_TAGS},
    "rules": {rule: {"enabled": True} for rule in EXTRA_RULES},
    "resultTypes": ["violations"],
}

#: Pages that are not content items but have a kind of their own, checked when the build has them.
LISTINGS = (
    ("home page", ""),
    ("audit tool", "audit/tool/"),
    ("audit results", "audit/results/"),
    ("training catalogue", "training/"),
    ("upcoming training", "training/upcoming/"),
    ("glossary", "glossary/"),
    ("golden thread", "standards/golden-thread/"),
    ("news", "news/"),
    ("events", "events/"),
    ("links", "links/"),
    ("amendments register", "procedures/amendments/"),
    ("review schedule", "review-schedule/"),
)
NOT_FOUND_URL = "no-such-page/"  # any unknown address: the site's own 404 page
SEARCH_TIMEOUT_MS = 30_000


@dataclass
class Step:
    """One step's result: ``passed``, ``failed``, ``skipped`` or ``not run``."""

    title: str
    status: str = "not run"
    summary: str = ""
    seconds: float = 0.0
    details: list[str] = field(default_factory=list)

    def line(self, number: int, total: int) -> str:
        took = f" ({self.seconds:.1f} s)" if self.status in ("passed", "failed") else ""
        tail = f": {self.summary}" if self.summary else ""
        return f"[{number}/{total}] {self.title}: {self.status}{tail}{took}"


def chromium_path(environment: Environment | None = None) -> Path:
    """Debian's Chromium, or the one PRACTICE_HUB_CHROMIUM names."""
    environment = Environment.read() if environment is None else environment
    return Path(environment.chromium or DEFAULT_CHROMIUM)


def launch_chromium(playwright, path: Path | str | None = None, **options):
    """Chromium started headless through Playwright, the one way the engine starts it: from *path*
    (``chromium_path()`` when None) with ``CHROMIUM_ARGS``; *options* go to Playwright's launch."""
    return playwright.chromium.launch(
        executable_path=str(path or chromium_path()), args=CHROMIUM_ARGS, headless=True, **options
    )


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


# --------------------------------------------------------------------------- the steps


def _build(config_file: Path, site: Path, step: Step) -> int:
    from . import engine

    code, _ = engine.build(config_file, site)
    if code == 0:
        step.status, step.summary = "passed", "the strict build succeeded"
    else:
        step.status = "failed"
        step.summary = "interrupted" if code == 130 else "the strict build failed (its messages are above)"
    return code


def _sources(site: Path) -> dict[str, str]:
    """{page URL: "docs/x.md" or "docs/x.yml:12"} from the build's content.json."""
    try:
        items = json.loads((site / "content.json").read_text(encoding="utf-8"))["items"]
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    found = {}
    for item in items:
        source = item.get("source") or {}
        if isinstance(source, dict) and source.get("path"):
            where = source["path"] + (f":{source['line']}" if source.get("line") else "")
            url = str(item.get("url") or "").split("#", 1)[0]
            found.setdefault("/" if url in ("", "./") else url, where)
    return found


def links_and_anchors(site: Path, step: Step) -> None:
    from . import linkcheck

    if importlib.util.find_spec("linkcheck") is None:
        step.status = "failed"
        step.summary = (
            "LinkChecker is not installed ("
            + command('install --find-links WHEELS "practice-hub[check]"', program="pip")
            + ", or linkchecker==10.6.0)"
        )
        return
    try:
        broken = linkcheck.check_site(site)
    except (OSError, RuntimeError) as error:  # AnchorsNotChecked is a RuntimeError: never a silent pass
        step.status, step.summary = "failed", str(error)
        return
    if not broken:
        step.status, step.summary = "passed", "no broken link or anchor"
        return
    step.status, step.summary = "failed", _plural(len(broken), "broken link")
    sources = _sources(site)
    for item in broken:
        reason = item.reason.split(" Available anchors:", 1)[0]  # the list can be long
        source = sources.get(item.where)
        if source:
            step.details.append(f"{source}: broken link {item.url} on page {item.where} ({reason})")
        else:
            step.details.append(f"{item.where}: broken link {item.url} ({reason})")


def outside_requests(site: Path, step: Step) -> None:
    from .foreign import foreign_resources

    found = foreign_resources(site)
    if not found:
        step.status, step.summary = "passed", "no file refers to another origin"
        return
    step.status = "failed"
    step.summary = (
        _plural(len(found), "resource") + " from other origins (the site must load nothing from outside)"
    )
    step.details.extend(found)


def page_kinds(site: Path) -> list[tuple[str, str]]:
    """(kind, URL relative to the site's root) for one page of each kind the build holds: the home
    page and the listings in LISTINGS, then the first item (by URL) of each type in content.json."""
    pages: list[tuple[str, str]] = []
    seen: set[str] = set()

    def add(kind: str, url: str) -> None:
        url = "" if url in ("./", "/") else url.lstrip("/")
        if url not in seen and (site / url / "index.html").is_file():
            seen.add(url)
            pages.append((kind, url))

    for kind, url in LISTINGS:
        add(kind, url)
    try:
        items = json.loads((site / "content.json").read_text(encoding="utf-8"))["items"]
    except (OSError, ValueError, KeyError, TypeError):
        items = []
    firsts: dict[str, str] = {}
    for item in sorted(items, key=lambda i: str(i.get("url") or "")):
        kind, url = str(item.get("type") or ""), str(item.get("url") or "").split("#", 1)[0]
        if kind and kind not in firsts and (site / url / "index.html").is_file():
            firsts[kind] = url
    for kind in sorted(firsts):
        add(kind.replace("_", " "), firsts[kind])
    return pages


class StaticHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the build as a static host does: unknown paths get the site's 404 page, quietly."""

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code == 404 and page.is_file():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)

    def list_directory(self, path):
        self.send_error(404)
        return None

    def copyfile(self, source, outputfile):
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            super().copyfile(source, outputfile)

    def log_message(self, format, *args):  # noqa: A002 - the base class's signature
        pass


@contextlib.contextmanager
def _served(site: Path):
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(StaticHandler, directory=str(site))
    )
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, name="practice-hub test server", daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def _search_word(site: Path) -> str:
    """A word the search will find: the longest word of the first item's title."""
    try:
        items = json.loads((site / "content.json").read_text(encoding="utf-8"))["items"]
    except (OSError, ValueError, KeyError, TypeError):
        items = []
    for item in sorted(items, key=lambda i: str(i.get("url") or "")):
        words = [w for w in "".join(c if c.isalnum() else " " for c in str(item.get("title") or "")).split()]
        words = [w for w in words if len(w) >= 4 and w.isalpha()]
        if words:
            return max(words, key=len).lower()
    return "practice"


def _missing_browser(chromium: Path) -> str | None:
    """Why the accessibility step cannot run here, or None if it can."""
    if not chromium.is_file():
        return (
            f"Chromium not found at {chromium} (install Debian's chromium, or set {CHROMIUM_ENV} "
            "to its path): accessibility not checked"
        )
    for module, package in (("playwright", "playwright"), ("axe_playwright_python", "axe-playwright-python")):
        if importlib.util.find_spec(module) is None:
            return (
                f"{package} is not installed ("
                + command('install --find-links WHEELS "practice-hub[check]"', program="pip")
                + "): accessibility not checked"
            )
    return None


def _accessibility(site: Path, step: Step, chromium: Path) -> None:
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import sync_playwright

    axe = Axe()
    pages = page_kinds(site)
    word = _search_word(site)
    problems: list[str] = []
    checked = 0
    with _served(site) as base, sync_playwright() as playwright:
        origin = base.rstrip("/")
        browser = launch_chromium(playwright, chromium)
        try:
            for viewport in WIDTHS.values():
                context = browser.new_context(base_url=base, viewport=viewport, service_workers="block")
                context.set_default_timeout(SEARCH_TIMEOUT_MS)
                # Nothing leaves the machine while checking (step 3 reports outside resources).
                context.route(
                    "**/*",
                    lambda route: (
                        route.continue_()
                        if route.request.url.startswith((origin, "data:", "blob:"))
                        else route.abort("blockedbyclient")
                    ),
                )
                page = context.new_page()
                try:
                    for kind, url in [*pages, ("page not found", NOT_FOUND_URL)]:
                        shown = f"/{url} ({viewport['width']} px)"
                        response = page.goto(url or "./")
                        page.wait_for_load_state("load")
                        expected = 404 if url == NOT_FOUND_URL else 200
                        if response is None or response.status != expected:
                            status = response.status if response else "nothing"
                            problems.append(f"{shown}: the {kind} answered {status}")
                            continue
                        problems += _violations(axe, page, shown)
                        checked += 1
                    shown = f"/ search results for {word!r} ({viewport['width']} px)"
                    page.goto("./")
                    page.wait_for_load_state("load")
                    try:
                        page.keyboard.press("/")
                        box = page.locator("input.md-search__input")
                        box.wait_for(state="visible")
                        box.press_sequentially(word, delay=20)
                        page.locator(".md-search-result__item").first.wait_for(state="visible")
                        page.wait_for_timeout(1000)  # let the list settle
                    except Exception as error:  # noqa: BLE001 - Playwright's timeout, reported as a finding
                        problems.append(f"{shown}: no search result shown ({str(error).splitlines()[0]})")
                    else:
                        problems += _violations(axe, page, shown)
                        checked += 1
                finally:
                    context.close()
        finally:
            browser.close()
    kinds = len(pages) + 2
    if problems:
        step.status = "failed"
        step.summary = f"{_plural(len(problems), 'problem')} on {kinds} kinds of page at 1280 and 390 px"
        step.details.extend(problems)
    else:
        step.status = "passed"
        step.summary = f"no violations on {kinds} kinds of page ({checked} checks at 1280 and 390 px)"


def _violations(axe, page, shown: str) -> list[str]:
    return [
        f"{shown}: {v['id']}: {v['help']} ({_plural(len(v['nodes']), 'node')})"
        for v in axe.run(page, options=AXE_OPTIONS).response["violations"]
    ]


# --------------------------------------------------------------------------- the command


def run(config_file: Path, browser: bool = True, write: Callable[[str], object] | None = None) -> int:
    """Run every step on the site of ``config_file``; 0 if none failed, 1 if any did."""
    import sys

    write = write or sys.stdout.write
    config_file = Path(config_file)
    if not config_file.is_file():
        write(
            f"{config_file}: no such file (run {command('test')} in the site's folder, "
            "or name its mkdocs.yml with -f)\n"
        )
        return 2
    steps = [
        Step("Strict build"),
        Step("Links and anchors"),
        Step("No outside requests"),
        Step("Accessibility (axe, WCAG 2.2 AA)"),
    ]
    total = len(steps)
    started = time.monotonic()
    chromium = chromium_path(Environment.read())  # the environment, read once for the whole run
    write(f"Practice Hub test: {config_file.resolve()}\n")

    def report(number: int) -> None:
        step = steps[number - 1]
        write(step.line(number, total) + "\n")
        for detail in step.details:
            write(f"    {detail}\n")
        sys.stdout.flush()

    folder = Path(tempfile.mkdtemp(prefix="practice-hub-test-"))
    try:
        os.chmod(folder, 0o755)
        site = folder / "site"
        clock = time.monotonic()
        code = _build(config_file, site, steps[0])
        steps[0].seconds = time.monotonic() - clock
        report(1)
        if code == 130:
            write("Practice Hub test: interrupted\n")
            return 130
        if code == 0:
            for number, check in ((2, links_and_anchors), (3, outside_requests)):
                clock = time.monotonic()
                check(site, steps[number - 1])
                steps[number - 1].seconds = time.monotonic() - clock
                report(number)
            why = "not asked for (--no-browser)" if not browser else _missing_browser(chromium)
            if why:
                steps[3].status, steps[3].summary = "skipped", why
            else:
                clock = time.monotonic()
                try:
                    _accessibility(site, steps[3], chromium)
                except Exception as error:  # noqa: BLE001 - Chromium failed to start or crashed: say so
                    steps[3].status = "failed"
                    steps[3].summary = f"Chromium could not check the pages: {str(error).splitlines()[0]}"
                steps[3].seconds = time.monotonic() - clock
            report(4)
        else:
            for number in range(2, total + 1):
                steps[number - 1].summary = "the build failed"
                report(number)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    failed = [s.title for s in steps if s.status == "failed"]
    counts = [
        f"{sum(s.status == status for s in steps)} {status}"
        for status in ("passed", "failed", "skipped", "not run")
        if any(s.status == status for s in steps)
    ]
    write(
        f"Practice Hub test: {', '.join(counts)} in {time.monotonic() - started:.1f} s"
        + (f"; failed: {', '.join(failed)}\n" if failed else "\n")
    )
    return 1 if failed else 0
