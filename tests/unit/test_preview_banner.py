"""The box the preview (`mkdocs serve`) puts at the top of every page while a save has problems:
its words, its escaping, the allow-list, and how the preview's server adds it to what it sends."""

from __future__ import annotations

import io
import json
import re
from html import unescape

from practice_hub import mkdocs_adapter as hub
from practice_hub.problems import Problem
from practice_hub.renderer.problems_page import BANNER_CLASS, problems_banner
from practice_hub.safety import rendered

BAD_DATE = Problem(
    "docs/procedures/recording.md",
    7,
    'field "last_reviewed" has "2026-13-45", which is not a real date',
    "write dates as YYYY-MM-DD, for example 2026-03-01",
)


def _text(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", str(html)))


def test_the_box_names_the_file_line_and_message_in_plain_words():
    banner = problems_banner([BAD_DATE], "/problems-to-fix/", this_page=True)
    assert _text(banner) == (
        "\n"
        "Your last save has a problem to fix, so the preview still shows the site as it was before it.\n"
        "\n"
        'docs/procedures/recording.md line 7: field "last_reviewed" has "2026-13-45", which is not a '
        "real date (write dates as YYYY-MM-DD, for example 2026-03-01)\n"
        "\n"
        "This page is shown as it was before that save: your changes to it appear once its problem "
        "is fixed.\n"
        "Fix the file and save it again: this box then goes away by itself. See the full list of "
        "problems\n"
    )
    assert str(banner).startswith(f'<div class="{BANNER_CLASS}" role="alert">')
    assert '<a href="/problems-to-fix/">See the full list of problems</a>' in banner


def test_other_pages_do_not_say_they_are_the_edited_one():
    banner = problems_banner([BAD_DATE], "/problems-to-fix/", this_page=False)
    assert "This page is shown as it was before" not in banner


def test_the_box_names_the_first_five_and_counts_the_rest():
    problems = [Problem(f"docs/p{n}.md", n, f"problem {n}") for n in range(1, 9)]
    text = _text(problems_banner(problems, "/problems-to-fix/", this_page=False))
    assert "Your last save has 8 problems to fix" in text
    assert "docs/p5.md line 5: problem 5" in text and "docs/p6.md" not in text
    assert "3 more not shown here." in text


def test_a_message_quoting_markup_prints_as_text():
    quoting = Problem("docs/a.md", 3, 'HTML tag <script> is not allowed ("<b onclick=x>")', "<i>hint</i>")
    banner = str(problems_banner([quoting], "/problems-to-fix/", this_page=False))
    assert "<script>" not in banner and "<b " not in banner and "<i>" not in banner
    assert "HTML tag &lt;script&gt; is not allowed (&quot;&lt;b onclick=x&gt;&quot;)" in banner
    assert "(&lt;i&gt;hint&lt;/i&gt;)" in banner


def test_the_box_is_within_the_sites_allow_list():
    banner = str(problems_banner([BAD_DATE], "/problems-to-fix/", this_page=True))
    published, found = rendered.judge_page(banner, "", rendered.SITE)
    assert found == []
    assert unescape(published) == unescape(banner)  # every tag and attribute kept (quotes aside)


# --- the preview's server: the box goes into the HTML it sends, while the site folder says so ---
PAGE = (
    b'<!doctype html><html><body class="x"><main><article class="md-content__inner md-typeset">'
    b"<h1>Recording</h1></article></main></body></html>"
)


class _Server:
    """What the adapter uses of MkDocs' LiveReloadServer: its WSGI app, site folder and mount path."""

    def __init__(self, root, files: dict[str, tuple[str, bytes]]):
        self.root, self.mount_path, self.files = str(root), "/", files
        self.app = self._serve

    def get_app(self):
        return self.app

    def set_app(self, app):
        self.app = app

    def _serve(self, environ, start_response):
        kind, body = self.files[environ["PATH_INFO"]]
        start_response("200 OK", [("Content-Type", kind), ("Content-Length", str(len(body)))])
        return io.BytesIO(body)

    def get(self, path: str) -> tuple[list, bytes]:
        answer = {}
        body = self.app({"PATH_INFO": path}, lambda status, headers: answer.update(headers=headers))
        return answer["headers"], b"".join(body)


def _server(tmp_path) -> _Server:
    server = _Server(
        tmp_path,
        {
            "/procedures/recording/": ("text/html", PAGE),
            "/standards/one/": ("text/html", PAGE),
            "/problems-to-fix/": ("text/html", PAGE),
            "/assets/site.js": ("application/javascript", b"let x = '<article>';"),
        },
    )
    assert hub.show_problems_in_preview(server) is server
    return server


def _shown(tmp_path, **values):
    shown = {
        "home": False,
        "list_url": "problems-to-fix/",
        "list_file": "problems-to-fix/index.html",
        "pages": ["procedures/recording/"],
        "problems": [BAD_DATE.as_json()],
    }
    (tmp_path / hub.PROBLEMS_MARKER).write_text(json.dumps(shown | values), encoding="utf-8")


def test_the_preview_sends_pages_as_built_while_there_is_no_problem(tmp_path):
    server = _server(tmp_path)
    headers, body = server.get("/procedures/recording/")
    assert body == PAGE and ("Content-Length", str(len(PAGE))) in headers


def test_the_preview_puts_the_box_at_the_top_of_every_pages_content(tmp_path):
    server = _server(tmp_path)
    _shown(tmp_path)
    headers, body = server.get("/procedures/recording/")
    expected = str(problems_banner([BAD_DATE], "/problems-to-fix/", this_page=True)).encode()
    assert body == PAGE.replace(b'typeset">', b'typeset">' + expected, 1)
    assert ("Content-Length", str(len(body))) in headers
    _, other = server.get("/standards/one/")
    assert b"docs/procedures/recording.md" in other and b"This page is shown as it was" not in other
    assert server.get("/problems-to-fix/")[1] == PAGE  # the list itself has no box
    assert server.get("/assets/site.js")[1] == b"let x = '<article>';"  # only HTML pages
    (tmp_path / hub.PROBLEMS_MARKER).unlink()  # the next build had no problem
    assert server.get("/standards/one/")[1] == PAGE


# --- a built site never holds the box ------------------------------------------------------------
def _files_holding(site, text: str) -> list[str]:
    """The pages and data files (not the stylesheet, which styles the box) holding *text*."""
    return sorted(
        path.relative_to(site).as_posix()
        for path in site.rglob("*")
        if path.suffix in (".html", ".json", ".xml", ".js") and text.encode() in path.read_bytes()
    )


def test_a_built_site_never_holds_the_box(tmp_path):
    """`mkdocs build` writes no box, and neither does a build that shows problems as the preview
    does (PRACTICE_HUB_SERVING=1, over the last build without problems, as `mkdocs serve --dirty`):
    the box exists only in what the preview's server sends. Fixing the problem removes the list."""
    from helpers import FIXTURES, make_project, run_build

    project = make_project(tmp_path / "p", FIXTURES / "thread" / "docs")
    site = tmp_path / "site"
    built = run_build(project, site_dir=site)
    assert built.returncode == 0, built.stdout + built.stderr
    assert _files_holding(site, BANNER_CLASS) == [] and not (site / hub.PROBLEMS_MARKER).exists()

    procedure = project / "docs" / "procedures" / "recording.md"
    good = procedure.read_text(encoding="utf-8")
    procedure.write_text(
        good.replace("last_reviewed: 2026-04-01", "last_reviewed: 2026-13-45"), encoding="utf-8"
    )
    broken = run_build(project, "--dirty", strict=False, site_dir=site, PRACTICE_HUB_SERVING="1")
    assert broken.returncode == 0, broken.stdout + broken.stderr
    assert _files_holding(site, BANNER_CLASS) == []
    assert "2026-13-45" in (site / "problems-to-fix" / "index.html").read_text(encoding="utf-8")
    shown = json.loads((site / hub.PROBLEMS_MARKER).read_text(encoding="utf-8"))
    assert shown["pages"] == ["procedures/recording/"] and shown["home"] is False
    assert "Thread fixture" in (site / "index.html").read_text(encoding="utf-8")  # the site stays

    procedure.write_text(good, encoding="utf-8")
    fixed = run_build(project, "--dirty", strict=False, site_dir=site, PRACTICE_HUB_SERVING="1")
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert (
        not (site / hub.PROBLEMS_MARKER).exists() and not (site / "problems-to-fix" / "index.html").exists()
    )
    assert _files_holding(site, BANNER_CLASS) == []


def test_problems_only_the_rendered_page_shows_are_named_too(tmp_path):
    """Case data that only the rendered text shows (an NHS number split by an entity) does not stop
    the preview's build (its pages are written allow-listed): the box names it all the same."""
    from helpers import FIXTURES, make_project, run_build

    hidden = (FIXTURES / "tricks" / "docs" / "procedures" / "hidden-nhs.md").read_text(encoding="utf-8")
    project = make_project(tmp_path / "p", FIXTURES / "thread" / "docs", {"procedures/hidden-nhs.md": hidden})
    site = tmp_path / "site"
    built = run_build(project, strict=False, site_dir=site, PRACTICE_HUB_SERVING="1")
    assert built.returncode == 0, built.stdout + built.stderr
    shown = json.loads((site / hub.PROBLEMS_MARKER).read_text(encoding="utf-8"))
    assert [(p["path"], p["line"]) for p in shown["problems"]] == [
        ("docs/procedures/hidden-nhs.md", 12),
        ("docs/procedures/hidden-nhs.md", 16),
    ]
    assert shown["pages"] == [] and shown["home"] is False  # the page was written anew, allow-listed
    listed = (site / "problems-to-fix" / "index.html").read_text(encoding="utf-8")
    assert "looks like an NHS number" in listed
    assert _files_holding(site, BANNER_CLASS) == []
