"""Run the shipped server block (hosting/nginx-practice-hub.conf) in nginx on a free port,
serving any built site: for the hosting tests and the published-tricks test."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from helpers import REPO

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def nginx_serving(site: Path, work: Path):
    """Yield (base URL, output of ``nginx -t``) while nginx serves *site* with the shipped block."""
    if not Path(NGINX).exists():
        pytest.fail(
            "The hosting test needs nginx: sudo apt-get install nginx (./dev test does this)", pytrace=False
        )
    port = _free_port()
    server = (REPO / "hosting/nginx-practice-hub.conf").read_text()
    server = server.replace("listen 80;", f"listen 127.0.0.1:{port};")
    server = server.replace("root /srv/practice-hub/site;", f"root {site};")
    # the search log (tests/browser/test_search_log.py reads it)
    server = server.replace("/var/log/nginx/practice-hub-search.log", f"{work}/practice-hub-search.log")
    (work / "practice-hub.conf").write_text(server)
    user = "user root;\n" if os.geteuid() == 0 else ""
    (work / "nginx.conf").write_text(
        f"{user}worker_processes 1;\ndaemon off;\npid {work}/nginx.pid;\nerror_log {work}/error.log;\n"
        "events { worker_connections 64; }\n"
        f"http {{\n  access_log {work}/access.log;\n  client_body_temp_path {work}/body;\n  proxy_temp_path {work}/proxy;\n"
        f"  fastcgi_temp_path {work}/fastcgi;\n  uwsgi_temp_path {work}/uwsgi;\n  scgi_temp_path {work}/scgi;\n"
        f"  include {work}/practice-hub.conf;\n}}\n"
    )
    check = subprocess.run(
        [NGINX, "-t", "-c", str(work / "nginx.conf"), "-e", str(work / "error.log")],
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stderr
    process = subprocess.Popen(
        [NGINX, "-c", str(work / "nginx.conf"), "-e", str(work / "error.log")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 30
    while True:  # until nginx answers
        try:
            urllib.request.urlopen(base, timeout=5)
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail(
                    f"nginx did not start: {process.communicate()[1].decode(errors='replace')[-2000:]}"
                )
            time.sleep(0.05)
    try:
        yield base, check.stdout + check.stderr
    finally:
        process.terminate()
        process.wait(timeout=10)
