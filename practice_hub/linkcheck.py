"""Check the built site's links with LinkChecker: ``python -m practice_hub linkcheck [SITE_DIR] [--external]``.

Internal links (every page, asset and ``#anchor`` the site links to) are checked over HTTP:
the site is served from a thread on 127.0.0.1 and LinkChecker crawls it from the root URL, with
its ``AnchorCheck`` plugin. Over HTTP, because with folder URLs (``procedures/x/``) anchors
cannot be checked from files, and from the root, because starting lower marks ``../`` links
"filtered" and never checks them.

Outside links are checked only when asked (``--external``), because they need the network:
every ``http(s)://`` address written in the content's YAML and Markdown (the legislation list
in ``_data/``, the links catalogue, links in pages), each reported at the file and line that
holds it. Addresses on ``.example`` hosts (reserved names that never resolve) are skipped.

Pitfalls handled here: LinkChecker waits 0.1-0.6 s between requests to one host unless the
server answers with a ``LinkChecker`` header, which the local server sends (with
``maxrequestspersecond`` raised in the rc file); its rc file lives in a world-readable temporary
folder and its report is read from its standard output, never from a file.

Run as root, LinkChecker drops to user ``nobody`` before it loads its plugins; from a checkout
that only root can read (under /root, or a 0700 folder) ``nobody`` cannot list its plugin folder,
so the AnchorCheck plugin is silently missing and no anchor is ever checked. The internal check
therefore runs LinkChecker without that drop (it reads only this site, on 127.0.0.1, with outside
links off), and every run also checks a page made to hold a broken anchor: if LinkChecker does not
report it, the check fails loudly instead of passing (``AnchorsNotChecked``).

A link to a folder that has no ``index.html`` is broken, as on nginx (which answers 404, never a
folder listing): the local server answers such a folder with 404 too.
"""

from __future__ import annotations

import csv
import functools
import http.server
import io
import os
import re
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from .markup import Markup, element, link, start_tag

__all__ = ["AnchorsNotChecked", "Broken", "check_site", "check_external", "outside_links"]

RC = """\
[checking]
threads=4
timeout=30
maxrequestspersecond={rate}

[filtering]
checkextern={extern}

[AnchorCheck]
"""

_URL = re.compile(r"""https?://[^\s"'<>)\]]+""")
_RESERVED_HOST = re.compile(r"(^|\.)(example|invalid|test|localhost)$")


@dataclass(frozen=True)
class Broken:
    """One broken link: where it is (a page URL, or file:line) and what is wrong."""

    where: str
    url: str
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.url} ({self.reason})"


#: A page the local server adds to every internal check, holding one broken anchor: LinkChecker
#: must report it, or it is not checking anchors at all (see the module's docstring).
CANARY_PATH = "__practice-hub-linkcheck-canary__/"
CANARY_ANCHOR = "practice-hub-no-such-anchor"
_CANARY_PAGE = (
    Markup("<!doctype html>")
    + element(
        "html",
        element("head", start_tag("meta", charset="utf-8"), element("title", "Link check canary")),
        element(
            "body",
            element("p", "Here", id="here"),
            link("a broken anchor, on purpose", f"./#{CANARY_ANCHOR}"),
        ),
        lang="en",
    )
).encode()

#: LinkChecker's own command line, without its drop to user ``nobody`` when run as root.
_KEEP_USER = (
    "import linkcheck.command.linkchecker as command; "
    "command.drop_privileges = lambda: None; "
    "command.linkchecker()"
)


class AnchorsNotChecked(RuntimeError):
    """LinkChecker ran but did not report the canary's broken anchor: it checked no anchor."""


class _Handler(http.server.SimpleHTTPRequestHandler):
    def send_head(self):
        if self.path.split("?", 1)[0] == "/" + CANARY_PATH:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(_CANARY_PAGE)))
            self.end_headers()
            return io.BytesIO(_CANARY_PAGE)
        return super().send_head()

    def list_directory(self, path):
        # nginx (hosting/) answers a folder without index.html with 404, never a listing.
        self.send_error(404, "Not Found: the folder has no index.html")
        return None

    def end_headers(self):
        self.send_header("LinkChecker", "local")  # lets LinkChecker skip its politeness delay
        super().end_headers()

    def log_message(self, format, *args):  # noqa: A002 - the base class's signature
        pass

    def handle(self):
        try:
            super().handle()
        except ConnectionError:  # LinkChecker closes connections early (HEAD, anchors)
            pass


def _run_linkchecker(
    start: list[str], *, extern: bool, stdin: str | None = None, rate: int = 1000, keep_user: bool = False
) -> list[dict]:
    """Run LinkChecker on ``start`` URLs; the rows of its CSV report (errors and warnings only).
    ``keep_user``: as the user running this (root stays root), see the module's docstring."""
    with tempfile.TemporaryDirectory(prefix="practice-hub-linkcheck-") as folder:
        os.chmod(folder, 0o755)  # readable by `nobody`, whom LinkChecker becomes when run as root
        rc = Path(folder) / "linkcheckerrc"
        rc.write_text(RC.format(rate=rate, extern=1 if extern else 0), encoding="utf-8")
        os.chmod(rc, 0o644)
        runner = ["-c", _KEEP_USER] if keep_user else ["-m", "linkcheck"]
        command = [sys.executable, *runner, "--config", str(rc), "--no-status", "-o", "csv"]
        if stdin is not None:
            command += ["--stdin", "-r", "0"]
        result = subprocess.run(
            command + start, input=stdin, capture_output=True, text=True, cwd=folder, timeout=3600
        )
    if result.returncode not in (0, 1):
        raise RuntimeError(f"linkchecker failed (exit {result.returncode}): {result.stderr.strip()[-2000:]}")
    lines = [line for line in result.stdout.splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(io.StringIO("\n".join(lines)), delimiter=";"))


def _problems(rows: list[dict]) -> list[tuple[str, str, str]]:
    """(parent, url, reason) for each row that is an error or carries a warning."""
    found = []
    for row in rows:
        if row.get("valid") == "True" and not row.get("warningstring"):
            continue
        reason = row.get("result") if row.get("valid") != "True" else row.get("warningstring")
        found.append(
            (
                row.get("parentname") or "",
                row.get("urlname") or row.get("url") or "",
                " ".join((reason or "broken").split()),
            )
        )
    return found


def check_site(site_dir: Path) -> list[Broken]:
    """Every broken internal link or anchor in the built site at ``site_dir``, sorted."""
    site_dir = Path(site_dir).resolve()
    if not (site_dir / "index.html").is_file():
        raise FileNotFoundError(f"{site_dir} holds no built site (no index.html): build it first")
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Handler, directory=str(site_dir))
    )
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="linkcheck server", daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        rows = _run_linkchecker([base, base + CANARY_PATH], extern=False, keep_user=True)
    finally:
        server.shutdown()
        server.server_close()
    problems = _problems(rows)
    if not any(CANARY_ANCHOR in url and CANARY_PATH in parent for parent, url, _ in problems):
        raise AnchorsNotChecked(
            "LinkChecker checked no anchor: it did not report the broken anchor of a test page made "
            "to hold one, so a pass would mean nothing (is its AnchorCheck plugin readable by the "
            "user running it? run it as that user, or from a checkout that user can read)"
        )
    broken = {
        Broken(parent.removeprefix(base).split("#", 1)[0] or "/", url, reason)
        for parent, url, reason in problems
        if CANARY_PATH not in parent and CANARY_PATH not in url
    }
    return sorted(broken, key=lambda b: (b.where, b.url))


def outside_links(docs_dir: Path) -> dict[str, list[str]]:
    """Every outside address written in the content: {url: ["docs/file.yml:12", ...]}."""
    docs_dir = Path(docs_dir)
    found: dict[str, list[str]] = {}
    for path in sorted(docs_dir.rglob("*")):
        if path.suffix not in (".yml", ".yaml", ".md", ".markdown") or not path.is_file():
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        where = path.relative_to(docs_dir.parent).as_posix()
        for number, line in enumerate(text.splitlines(), 1):
            for match in _URL.finditer(line):
                url = match.group(0).rstrip(".,;:")
                found.setdefault(url, []).append(f"{where}:{number}")
    return found


def check_external(docs_dir: Path) -> tuple[list[Broken], list[str]]:
    """(broken outside links at file:line, skipped addresses on reserved hosts). Needs the network."""
    links = outside_links(docs_dir)
    skipped = sorted(url for url in links if _RESERVED_HOST.search(urlsplit(url).hostname or ""))
    to_check = sorted(url for url in links if url not in skipped)
    if not to_check:
        return [], skipped
    rows = _run_linkchecker([], extern=True, stdin="\n".join(to_check) + "\n", rate=5)
    broken = []
    for _, url, reason in _problems(rows):
        for where in links.get(url, [url]):
            broken.append(Broken(where, url, reason))
    return sorted(set(broken), key=lambda b: (b.where, b.url)), skipped
