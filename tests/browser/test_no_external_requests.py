"""The built site loads nothing from outside its own origin: no CDN, fonts or analytics.

The ``context`` fixture routes every request through ``OriginGuard``, which aborts and
records any request whose origin is not the local test server (``data:`` and ``blob:``
URLs are local). These tests browse the demo, use the search, and assert nothing was
caught; ``test_guard_catches_an_external_image`` proves the guard can fail.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from helpers import foreign_resources  # noqa: E402

pytestmark = pytest.mark.browser

VISITED = [
    "home",
    "procedure",
    "standard",
    "audit_section",
    "golden_thread",
    "course",
    "training",
    "glossary",
    "links",
    "not_found",
]


def test_pages_and_search_make_no_foreign_requests(page, origin_guard, demo_pages, search):
    local = []
    page.on("request", lambda request: local.append(request.url))
    for name in VISITED:
        if demo_pages.get(name) is None:
            continue  # a kind this site has no page for
        response = page.goto(demo_pages[name])
        page.wait_for_load_state("load")
        expected = 404 if name == "not_found" else 200
        assert response.status == expected, f"{demo_pages[name]} answered {response.status}"

    # The search loads its index and worker on first use: open it and type.
    page.goto(demo_pages["home"])
    search(page, "practice")
    page.wait_for_load_state("networkidle")

    assert local, "the request listener saw nothing: the check itself is broken"
    assert origin_guard.foreign == [], (
        "the site requested resources from outside its own origin:\n  " + "\n  ".join(origin_guard.foreign)
    )


def test_guard_catches_an_external_image(page, origin_guard, demo_pages):
    page.goto(demo_pages["home"])
    with page.expect_event("requestfailed") as failed:
        page.evaluate("""() => {
            const img = document.createElement("img");
            img.src = "https://example.org/x.png";
            img.alt = "";
            document.body.append(img);
        }""")
    assert failed.value.url == "https://example.org/x.png"
    page.evaluate("fetch('https://cdn.example.net/lib.js').catch(() => null)")
    page.evaluate("() => new Promise(r => setTimeout(r, 100))")
    # data: and blob: URLs stay local.
    page.evaluate("""() => {
        const img = document.createElement("img");
        img.src = "data:image/gif;base64,R0lGODlhAQABAAAAACw=";
        document.body.append(img);
    }""")
    assert origin_guard.foreign == ["https://example.org/x.png", "https://cdn.example.net/lib.js"]


def test_built_files_reference_no_foreign_resources(demo_site):
    """Every built page, not only the ones browsed: no resource URL leaves the site."""
    found = foreign_resources(demo_site)
    assert found == [], "built files load resources from other origins:\n  " + "\n  ".join(found)


def test_scanner_catches_foreign_resources(tmp_path):
    (tmp_path / "index.html").write_text(
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">'
        '<a href="https://example.org/">a link is not a request</a>'
        '<img src="data:image/gif;base64,R0lGOD" alt="">'
        '<script src="//cdn.example.net/x.js"></script>',
        encoding="utf-8",
    )
    (tmp_path / "a.css").write_text(
        '@import "https://example.org/a.css";b{background:url(/local.png)}', encoding="utf-8"
    )
    assert foreign_resources(tmp_path) == [
        "index.html: <link href=https://fonts.googleapis.com/css?family=Roboto>",
        "index.html: <script src=//cdn.example.net/x.js>",
        "a.css: https://example.org/a.css",
    ]
