"""How Pagefind's own search time grows with the number of pages a word is on.

Measured once, search at 10,000 pages was about 7.6 times slower than at 3,000 (3.3 times the pages).
This script isolates Pagefind from Practice Hub: for each size N it indexes N small pages with
Pagefind (the same binary and protocol the build uses), every page holding the word "often" and
one page in 50 the word "seldom", serves the index on 127.0.0.1 and times ``pagefind.search()`` in
Debian's Chromium, the index already loaded (median of several searches).

Linear growth doubles the time when N doubles; quadratic growth quadruples it. The figure
printed for each doubling is log2 of that ratio: about 1 is linear, about 2 quadratic.

    python -m practice_hub.bench.pagefind_scaling [--sizes 2000,4000,8000,16000]

Nothing here is a test assertion: the test suite runs it at tiny sizes to check that it works.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import math
import random
import shutil
import statistics
import tempfile
import threading
from pathlib import Path

from ..markup import Markup, element
from ..search.pagefind_service import PagefindService
from ..sitecheck import launch_chromium

FILLER = (
    "plan review record agree share explain check analyse escalate visit family child carer "
    "manager team meeting decision support risk strength view wish advice summary step"
).split()

_TIME = """async ([words, rounds]) => {
    const pf = await import('/pagefind/pagefind.js');
    await pf.options({basePath: '/pagefind/'});
    await pf.init();
    const out = {};
    for (const word of words) {
        const found = await pf.search(word);  // loads the word's index chunks
        const times = [];
        for (let i = 0; i < rounds; i++) {
            const start = performance.now();
            await pf.search(word);
            times.push(performance.now() - start);
        }
        times.sort((a, b) => a - b);
        out[word] = {pages: found.results.length, ms: times[Math.floor(times.length / 2)]};
    }
    return out;
}"""


def write_index(folder: Path, pages: int, seed: int = 19) -> None:
    """N pages of about 120 words each; every page has "often", one in 50 has "seldom"."""
    rng = random.Random(seed)
    service = PagefindService({"force_language": "en"})
    try:
        for number in range(pages):
            words = [rng.choice(FILLER) for _ in range(120)]
            words[rng.randrange(120)] = "often"
            if number % 50 == 0:
                words[rng.randrange(120)] = "seldom"
            body = " ".join(words)
            main = element(
                "main", element("h1", f"Page {number}"), element("p", body), data_pagefind_body=True
            )
            service.add_html_file(str(element("html", element("body", main), lang="en")), f"/page-{number}/")
        service.write_files(folder / "pagefind")
    finally:
        service.close()
    (folder / "index.html").write_text(Markup('<!doctype html><html lang="en"><title>probe</title></html>'))


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - signature from the base class
        pass


def time_searches(folder: Path, words: list[str], rounds: int) -> dict:
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/")
            result = page.evaluate(_TIME, [words, rounds])
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return result


def measure(sizes: list[int], rounds: int = 7) -> list[dict]:
    rows = []
    with tempfile.TemporaryDirectory(prefix="pagefind-scaling-") as tmp:
        for pages in sizes:
            folder = Path(tmp) / str(pages)
            write_index(folder, pages)
            found = time_searches(folder, ["often", "seldom"], rounds)
            rows.append({"pages": pages, **{word: found[word] for word in ("often", "seldom")}})
            shutil.rmtree(folder)
    return rows


def growth(smaller: dict, larger: dict) -> float | None:
    """log(t2/t1) / log(N2/N1) of the word "often" between two sizes (None without two times)."""
    t1, t2 = smaller["often"]["ms"], larger["often"]["ms"]
    if t1 <= 0 or t2 <= 0:
        return None
    return math.log(t2 / t1) / math.log(larger["pages"] / smaller["pages"])


def report(rows: list[dict]) -> str:
    lines = [
        "| pages | 'often': pages found | ms | growth exponent | 'seldom': pages found | ms |",
        "|---|---|---|---|---|---|",
    ]
    exponents = [None] + [growth(a, b) for a, b in zip(rows, rows[1:])]
    for row, exponent in zip(rows, exponents):
        often, seldom = row["often"], row["seldom"]
        shown = "" if exponent is None else f"{exponent:.2f}"
        lines.append(
            f"| {row['pages']} | {often['pages']} | {often['ms']:.1f} | {shown} | "
            f"{seldom['pages']} | {seldom['ms']:.1f} |"
        )
    lines.append("")
    lines.append("growth exponent: log(t2/t1) / log(N2/N1) for 'often'; 1 is linear, 2 is quadratic")
    measured = [e for e in exponents if e is not None]
    if measured:
        lines.append(f"median growth exponent: {statistics.median(measured):.2f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m practice_hub.bench.pagefind_scaling", description=__doc__
    )
    parser.add_argument("--sizes", default="2000,4000,8000,16000", help="page counts, comma-separated")
    parser.add_argument("--rounds", type=int, default=7, help="searches timed per word (median)")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    print(report(measure(sizes, args.rounds)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
