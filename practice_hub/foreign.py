"""References to other origins in a built site: what a browser would fetch from outside it.

``foreign_resources(site_dir)`` reads every built HTML and CSS file and lists each resource URL
(scripts, images, frames, media, stylesheets and other fetching ``<link>`` elements, CSS
``url()`` and ``@import``) that points at another origin (``http://``, ``https://`` or ``//``).
A link a reader clicks (``<a href>``) is not a request and is not listed. Used by
``practice-hub test`` (practice_hub/sitecheck.py) and the test suite (tests/helpers.py).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

__all__ = ["FETCHING_LINK_RELS", "RESOURCE_ATTRS", "foreign_resources", "is_foreign"]

# Elements and attributes that make the browser fetch something when the page loads.
RESOURCE_ATTRS = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "iframe": ("src",),
    "frame": ("src",),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "input": ("src",),
    "image": ("href", "xlink:href"),
    "use": ("href", "xlink:href"),
}
FETCHING_LINK_RELS = {
    "stylesheet",
    "preload",
    "prefetch",
    "modulepreload",
    "icon",
    "shortcut",
    "apple-touch-icon",
    "manifest",
    "preconnect",
    "dns-prefetch",
}
#: Elements that fetch only with one of FETCHING_LINK_RELS, and the attribute they fetch.
REL_FETCHING = {"link": "href"}
_CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])([^'")\s]+)""")


def is_foreign(url: str) -> bool:
    """True for a URL that leaves the site's origin (absolute, or scheme-relative ``//host``)."""
    url = url.strip().lower()
    return url.startswith(("http://", "https://", "//"))


class _Scanner(HTMLParser):
    def __init__(self, name: str, found: list[str]):
        super().__init__()
        self.name = name
        self.found = found

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        names = RESOURCE_ATTRS.get(tag, ())
        if tag in REL_FETCHING and FETCHING_LINK_RELS & set((attrs.get("rel") or "").split()):
            names = (REL_FETCHING[tag],)
        for name in names:
            for url in re.split(r",\s+", attrs.get(name) or ""):
                if is_foreign(url):
                    self.found.append(f"{self.name}: <{tag} {name}={url.split()[0]}>")


def foreign_resources(site_dir: Path) -> list[str]:
    """Resource URLs in a built site's HTML and CSS that point at another origin, each as
    ``file: <tag attribute=url>`` (HTML) or ``file: url`` (CSS), files in sorted order."""
    site_dir = Path(site_dir)
    found: list[str] = []
    for html in sorted(site_dir.rglob("*.html")):
        _Scanner(html.relative_to(site_dir).as_posix(), found).feed(
            html.read_text(encoding="utf-8", errors="replace")
        )
    for css in sorted(site_dir.rglob("*.css")):
        for url in _CSS_URL.findall(css.read_text(encoding="utf-8", errors="replace")):
            if is_foreign(url):
                found.append(f"{css.relative_to(site_dir).as_posix()}: {url}")
    return found
