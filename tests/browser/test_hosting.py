"""The documented hosting set-up, run for real: hosting/nginx-practice-hub.conf in nginx serving the demo."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/helpers.py
from helpers import REPO, make_project, run_build  # noqa: E402

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def hosted(tmp_path_factory):
    if not Path(NGINX).exists():
        pytest.fail("The hosting test needs nginx: sudo apt-get install nginx (./dev test does this)", pytrace=False)
    project = make_project(tmp_path_factory.mktemp("hosted"), REPO / "docs")
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    work = tmp_path_factory.mktemp("nginx")
    port = _free_port()
    server = (REPO / "hosting/nginx-practice-hub.conf").read_text()
    server = server.replace("listen 80;", f"listen 127.0.0.1:{port};")
    server = server.replace("root /srv/practice-hub/site;", f"root {project / 'site'};")
    (work / "practice-hub.conf").write_text(server)
    user = "user root;\n" if os.geteuid() == 0 else ""
    (work / "nginx.conf").write_text(
        f"{user}worker_processes 1;\ndaemon off;\npid {work}/nginx.pid;\nerror_log {work}/error.log;\n"
        "events { worker_connections 64; }\n"
        f"http {{\n  access_log off;\n  client_body_temp_path {work}/body;\n  proxy_temp_path {work}/proxy;\n"
        f"  fastcgi_temp_path {work}/fastcgi;\n  uwsgi_temp_path {work}/uwsgi;\n  scgi_temp_path {work}/scgi;\n"
        f"  include {work}/practice-hub.conf;\n}}\n")
    check = subprocess.run([NGINX, "-t", "-c", str(work / "nginx.conf"), "-e", str(work / "error.log")],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    process = subprocess.Popen([NGINX, "-c", str(work / "nginx.conf"), "-e", str(work / "error.log")],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}/"
    for _ in range(100):
        try:
            urllib.request.urlopen(base, timeout=1)
            break
        except OSError:
            time.sleep(0.05)
    yield base, project / "site"
    process.terminate()
    process.wait(timeout=10)


def get(url: str):
    try:
        response = urllib.request.urlopen(urllib.request.Request(url, headers={"Accept-Encoding": "identity"}))
        return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def test_pages_are_served_with_security_headers(hosted):
    base, _ = hosted
    status, headers, body = get(base)
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert "default-src 'self'" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Cache-Control"] == "no-cache"
    site_name = yaml.safe_load((REPO / "mkdocs.yml").read_text().split("\ntheme:")[0])["site_name"]
    assert site_name.encode() in body


def test_folder_urls_and_the_404_page(hosted):
    base, _ = hosted
    assert get(base + "procedures/")[0] == 200
    status, _, body = get(base + "no-such-page/")
    assert status == 404 and b"md-content" in body  # the site's own 404 page, with its header
    assert "Content-Security-Policy" in get(base + "no-such-page/")[1]


def test_types_and_caching(hosted):
    base, site = hosted
    asset = next(p for p in (site / "assets/javascripts").glob("bundle.*.min.js"))
    status, headers, _ = get(base + asset.relative_to(site).as_posix())
    assert status == 200 and "immutable" in headers["Cache-Control"]
    assert get(base + "training/calendar/all.ics")[1]["Content-Type"].startswith("text/calendar")
    assert get(base + "content.json")[1]["Content-Type"].startswith("application/json")
    assert "xml" in get(base + "procedures/amendments.xml")[1]["Content-Type"]
    assert get(base + "review-schedule.csv")[0] == 200
    for wasm in site.rglob("*.wasm"):
        assert get(base + wasm.relative_to(site).as_posix())[1]["Content-Type"] == "application/wasm"


def test_no_directory_listing(hosted):
    base, _ = hosted
    assert get(base + "tools/files/")[0] == 404


def test_the_site_works_under_the_security_policy(hosted, browser):
    base, _ = hosted
    context = browser.new_context(base_url=base)
    page = context.new_page()
    refused = []
    page.on("console", lambda message: refused.append(message.text) if "Content Security Policy" in message.text else None)
    for url in ("", "standards/golden-thread/", "training/", "procedures/amendments/"):
        page.goto(url)
        page.wait_for_load_state("networkidle")
    page.keyboard.press("/")
    page.locator("input.md-search__input").press_sequentially("strategy", delay=20)
    page.locator(".md-search-result__item").first.wait_for(state="visible")
    context.close()
    assert refused == []
