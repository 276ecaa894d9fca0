"""How long an editor waits in `mkdocs serve --dirty`: from saving a file to seeing it in the browser."""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from ..sitecheck import launch_chromium


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_up(url: str, process: subprocess.Popen, limit: float = 600) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(
                "mkdocs serve stopped: " + process.stderr.read().decode("utf-8", "replace")[-3000:]
            )
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.25)
    raise RuntimeError("mkdocs serve did not start in time")


def probe(project: Path, page_path: str, source: Path, edits: int = 3) -> dict:
    """Median seconds from saving *source* to the browser showing the change on *page_path*."""
    from playwright.sync_api import sync_playwright

    port = _free_port()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    original = source.read_text(encoding="utf-8")
    times = []
    try:
        base = f"http://127.0.0.1:{port}/"
        _wait_up(base + page_path, process)
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            page = browser.new_page()
            page.goto(base + page_path)
            time.sleep(1.0)  # let livereload connect
            for edit in range(edits):
                marker = f"Edited for the benchmark {edit} {time.time_ns()}"
                start = time.perf_counter()
                source.write_text(original.rstrip() + f"\n\n{marker}\n", encoding="utf-8")
                page.wait_for_function(
                    "text => document.body && document.body.innerText.includes(text)",
                    arg=marker,
                    timeout=120_000,
                )
                times.append(time.perf_counter() - start)
                time.sleep(0.5)
            browser.close()
    finally:
        source.write_text(original, encoding="utf-8")
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
    return {"edit_s": statistics.median(times), "edits": times}
