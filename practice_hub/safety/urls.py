"""What a link or a resource address really points at, decoded the way a browser would.

Browsers read ``JaVaScRiPt:``, ``java&#x09;script:``, ``&#106;avascript:`` and ``/\\host`` as
script or as another site. Every check here decodes first (HTML entities, ignored whitespace
and controls, percent-encoding, backslashes), then classifies.
"""

from __future__ import annotations

import html
import re
from urllib.parse import unquote, urlsplit

LINK_SCHEMES = ("http", "https", "mailto", "tel")

SITE = "site"  # a path on this site (relative, /absolute, #fragment, ?query)
WEB = "web"  # http(s) to another host
MAILTO = "mailto"
TEL = "tel"
OUTSIDE = "outside"  # //host: another site, scheme taken from the page
BAD = "bad"  # any other scheme: javascript:, data:, vbscript:, file:...

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_IGNORED = re.compile(r"[\x00-\x20\x7f]")  # browsers drop tab/newline anywhere, trim the rest


def decode(raw: str) -> str:
    """The address as a browser ends up reading it."""
    text = html.unescape(str(raw))
    text = _IGNORED.sub("", text)
    for _ in range(3):  # %25 6A... decoded twice still shows a scheme
        decoded = unquote(text)
        if decoded == text:
            break
        text = _IGNORED.sub("", decoded)
    return text.replace("\\", "/")


def scheme_of(raw: str) -> str:
    """The scheme a browser would use, lower-case, or "" for a site path."""
    match = _SCHEME.match(decode(raw))
    return match.group(1).lower() if match else ""


def classify(raw: str) -> str:
    text = decode(raw)
    if text.startswith("//"):
        return OUTSIDE
    scheme = scheme_of(raw)
    if not scheme:
        return SITE
    if scheme in ("http", "https"):
        return WEB
    if scheme in (MAILTO, TEL):
        return scheme
    return BAD


# --- fields: a web address or an email address written in YAML ---------------------------------
_HOST = re.compile(
    r"^(?=.{1,253}$)([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$"
)
_URL_FORBIDDEN = re.compile(r"[\s\"'<>\\`{}|^\x00-\x1f\x7f]")
_EMAIL = re.compile(
    r"^[A-Za-z0-9](?:[A-Za-z0-9._+'-]{0,62}[A-Za-z0-9_+-])?"
    r"@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}"
    r"[A-Za-z0-9])?)+$"
)


def is_web_address(value: str) -> bool:
    """An http(s) address with a real host name: no spaces, quotes, angle brackets or controls."""
    if not isinstance(value, str) or _URL_FORBIDDEN.search(value) or "%0" in value.lower():
        return False
    try:
        parts = urlsplit(value)
        port = parts.port  # raises ValueError for a bad port
    except ValueError:
        return False
    del port
    if parts.scheme not in ("http", "https") or not value.lower().startswith(parts.scheme + "://"):
        return False
    host = parts.hostname or ""
    return "@" not in parts.netloc and bool(_HOST.fullmatch(host)) and "." in host


def is_email_address(value: str) -> bool:
    """name@host.domain with no scheme, no percent-encoding, spaces or markup."""
    return (
        isinstance(value, str) and len(value) <= 254 and bool(_EMAIL.fullmatch(value)) and ".." not in value
    )
