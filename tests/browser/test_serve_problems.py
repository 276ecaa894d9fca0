"""A running `mkdocs serve`: a broken save shows its problems on every page; fixing it shows the site again."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import threading
import time
import urllib.request

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from helpers import FIXTURES, env, make_project
from practice_hub.renderer.problems_page import BANNER_CLASS
from practice_hub.sitecheck import AXE_OPTIONS


def _get(url: str, deadline: float) -> str:
    """The page at *url*, or "" if it did not come: ``mkdocs serve`` holds a request until the
    rebuild under way is done, which on a busy machine can be longer than one request's wait."""
    try:
        with urllib.request.urlopen(url, timeout=max(1.0, deadline - time.monotonic())) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _until(check, what: str, timeout_s: float = 30) -> None:
    deadline = time.monotonic() + timeout_s
    while not check():
        assert time.monotonic() < deadline, f"waited {timeout_s:g} s for {what}"
        time.sleep(0.1)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_served(url: str, server: subprocess.Popen) -> None:
    for _ in range(600):  # a readiness poll, not a timing assertion
        if server.poll() is not None:
            raise AssertionError(f"mkdocs serve stopped: {server.stdout.read()}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise AssertionError("mkdocs serve never answered")


def _leave(page) -> None:
    """Close a page that mkdocs serve's live reload holds open.

    Closing it while live reload was reloading it hung now and then (page.close() has no timeout:
    one run in four under load). The page first leaves for about:blank, where no live reload
    runs; a reload that interrupts that navigation is waited out and the page leaves again.
    """
    for _ in range(20):
        try:
            page.goto("about:blank", timeout=30_000)
            break
        except PlaywrightError as error:
            if "interrupted by another navigation" not in str(error):
                raise
    else:
        raise AssertionError("live reload kept reloading the page")
    page.close()


def _serve(project) -> tuple[subprocess.Popen, int]:
    """`mkdocs serve --dirty` of *project* on a free port, its output in ``stdout``."""
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env=env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    return server, port


def test_serve_shows_problems_then_the_site(tmp_path, browser):
    project = make_project(tmp_path / "p", FIXTURES / "thread" / "docs")
    procedure = project / "docs" / "procedures" / "recording.md"
    good = procedure.read_text(encoding="utf-8")
    procedure.write_text(good.replace("owner: PSW", "owner:\u00a0PSW"), encoding="utf-8")
    server, port = _serve(project)
    try:
        url = f"http://127.0.0.1:{port}/"
        _wait_until_served(url, server)
        page = browser.new_page()
        page.goto(url)
        assert page.locator("h1").inner_text().startswith("Problems to fix before the site can be shown")
        assert page.locator(".ph-problems li").all_inner_texts() == [
            "docs/procedures/recording.md:5:7: a non-breaking space (U+00A0) after the colon "
            "(it looks like a space but YAML cannot read it: retype the space)"
        ]
        procedure.write_text(good, encoding="utf-8")  # the editor fixes the file and saves
        page.wait_for_function("() => !document.querySelector('.ph-problems')", timeout=120_000)
        # livereload may reload the page once more: expect() retries across the navigation
        expect(page.locator("h1").first).not_to_have_text(re.compile("Problems to fix"), timeout=30_000)
        page.goto(url + "procedures/recording/")
        assert page.locator("h1").first.inner_text().startswith("Recording")
        _leave(page)
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_serve_rebuilds_an_edited_page_alone_and_the_site_when_its_front_matter_changes(tmp_path, browser):
    """Saving a page's text rebuilds that page alone (an edit reaches the browser within
    a second at thousands of pages); a front matter edit rebuilds the site, so listings follow."""

    project = make_project(tmp_path / "p", FIXTURES / "thread" / "docs")
    procedure = project / "docs" / "procedures" / "recording.md"
    good = procedure.read_text(encoding="utf-8")
    server, port = _serve(project)
    log: list[str] = []
    threading.Thread(target=lambda: log.extend(server.stdout), daemon=True).start()
    try:
        url = f"http://127.0.0.1:{port}/"
        _wait_until_served(url + "procedures/recording/", server)
        page = browser.new_page()
        # The edit below must reach a page whose live reload already asks the server for changes.
        with page.expect_request(lambda request: "/livereload/" in request.url, timeout=30_000):
            page.goto(url + "procedures/recording/")
        procedure.write_text(good.rstrip() + "\n\nA sentence added by the editor.\n", encoding="utf-8")
        page.wait_for_function(
            "() => document.body && document.body.innerText.includes('A sentence added by the editor.')",
            timeout=120_000,
        )
        assert page.locator("h1").first.inner_text().startswith("Recording")
        _until(
            lambda: any(
                "only its text changed" in line and "procedures/recording.md" in line for line in log
            ),
            f"the log to say the page was rebuilt alone: {log[-5:]}",
        )
        assert not any("Building documentation" in line for line in log[-3:]), log[-3:]

        # a body with a problem is never rebuilt alone: the full rebuild shows the problems
        procedure.write_text(good.rstrip() + "\n\n<script>alert(1)</script>\n", encoding="utf-8")
        home = ""
        deadline = time.monotonic() + 120  # a server that stops answering fails, not hangs
        while time.monotonic() < deadline:  # a readiness poll: the home page gets the box
            home = _get(url, deadline) or home
            if BANNER_CLASS in home:  # the box at the top of every page, the home page's included
                break
            time.sleep(0.5)
        assert "HTML tag &lt;script&gt; is not allowed" in home, home[-2000:]
        with urllib.request.urlopen(url + "procedures/recording/", timeout=30) as response:
            assert "alert(1)" not in response.read().decode("utf-8")  # not rebuilt with the script

        title = next(line for line in good.splitlines() if line.startswith("title:"))
        procedure.write_text(
            good.replace(title, "title: Recording in the case file, renamed"), encoding="utf-8"
        )
        listing = ""
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:  # a readiness poll (the open page reloads itself meanwhile)
            listing = _get(url + "procedures/", deadline) or listing
            if "Recording in the case file, renamed" in listing:
                break
            time.sleep(0.5)
        assert "Recording in the case file, renamed" in listing  # the listing changed: a full rebuild
        # and the page open in the browser reloaded itself with the new title
        expect(page).to_have_title(re.compile("renamed"), timeout=60_000)
        _leave(page)
    finally:
        server.terminate()
        server.wait(timeout=30)


def _menu(html: str) -> list[str]:
    """What a page's menu and Previous/Next links say: every title in the menu, then the labels."""
    titles = re.findall(r'<span class="md-ellipsis">\s*(.*?)\s*</span>', html, re.S)
    labels = re.findall(r'aria-label="((?:Previous|Next): [^"]*)"', html)
    return [re.sub(r"<[^>]+>|\s+", " ", title).strip() for title in titles] + labels


def _served(url: str, check, what: str) -> str:
    """The page at *url* once *check* holds for it (a readiness poll while the preview rebuilds)."""
    html = ""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        html = _get(url, deadline) or html
        if check(html):
            return html
        time.sleep(0.5)
    raise AssertionError(f"waited 120 s for {what}: {html[-1500:]}")


def test_a_broken_save_shows_on_every_page_and_the_menu_survives_fixes(tmp_path, browser):
    """A save with a problem (a date that does not exist) puts a box naming the file, line and
    message at the top of every page, the edited one included (shown as it was, and saying so);
    saving the fix removes it. After three breaks and fixes the menu and Previous/Next links say
    what they said at the start: no page has lost its title ("None")."""
    project = make_project(tmp_path / "p", FIXTURES / "thread" / "docs")
    procedure = project / "docs" / "procedures" / "recording.md"
    good = procedure.read_text(encoding="utf-8")
    broken = good.replace("last_reviewed: 2026-04-01", "last_reviewed: 2026-13-45")
    assert broken != good
    server, port = _serve(project)
    try:
        url = f"http://127.0.0.1:{port}/"
        pages = ["procedures/recording/", "standards/standard-1/", "standards/golden-thread/", ""]
        _wait_until_served(url + pages[0], server)
        before = {path: _menu(_served(url + path, bool, path)) for path in pages}
        assert "Previous: None" not in str(before) and all(before.values()), before
        assert "Amendments register" in before[pages[0]] and "The golden thread" in before[pages[1]]

        page = browser.new_page(viewport={"width": 390, "height": 844})  # a phone, where space is short
        with page.expect_request(lambda request: "/livereload/" in request.url, timeout=30_000):
            page.goto(url + pages[0])
        banner = page.locator(f".{BANNER_CLASS}")
        for cycle in range(3):
            procedure.write_text(broken, encoding="utf-8")  # the editor saves a date that does not exist
            expect(banner).to_be_visible(timeout=120_000)  # the page reloads itself with the box
            if cycle == 0:
                text = banner.inner_text()
                assert "Your last save has a problem to fix" in text
                assert (
                    'docs/procedures/recording.md line 7: field "last_reviewed" has "2026-13-45", '
                    "but there is no month 13"
                ) in text
                assert "This page is shown as it was before that save" in text
                assert banner.get_attribute("role") == "alert"
                assert page.locator("h1").first.inner_text().startswith("Recording")  # its last good version
                listed = banner.get_by_role("link", name="See the full list of problems")
                assert listed.get_attribute("href") == "/problems-to-fix/"
                # in the flow above the page's heading, never over it, and no sideways scrolling
                box, heading = banner.bounding_box(), page.locator("h1").first.bounding_box()
                assert box and heading and box["y"] + box["height"] <= heading["y"], (box, heading)
                assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
                for scheme in ("light", "dark"):
                    page.emulate_media(color_scheme=scheme)
                    found = Axe().run(page, context=f".{BANNER_CLASS}", options=AXE_OPTIONS)
                    assert not found.response["violations"], (scheme, found.generate_report())
                other = _get(url + pages[1], time.monotonic() + 60)
                assert BANNER_CLASS in other and "docs/procedures/recording.md" in other
                assert "This page is shown as it was" not in other  # the edited page alone says so
                problems = _get(url + "problems-to-fix/", time.monotonic() + 60)
                assert "2026-13-45" in problems and BANNER_CLASS not in problems
            procedure.write_text(good, encoding="utf-8")  # ... and saves the fix
            expect(banner).to_have_count(0, timeout=120_000)
        expect(page.locator("h1").first).to_have_text(re.compile("^Recording"), timeout=30_000)
        assert "None" not in page.locator(".md-nav--primary").first.inner_text()
        _leave(page)
        for path in pages:
            html = _served(url + path, lambda html: BANNER_CLASS not in html and bool(html), path)
            assert _menu(html) == before[path], path
            assert "None" not in html, path
    finally:
        server.terminate()
        server.wait(timeout=30)
