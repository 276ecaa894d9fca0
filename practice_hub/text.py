"""Small helpers for writing Markdown safely.

``esc`` makes editor text Markdown-literal: HTML-escaped by ``practice_hub.markup.escape`` (the one
HTML escape function), then each Markdown special character backslash-escaped.
"""

from __future__ import annotations

import datetime as dt
import os
import posixpath
import re

from .markup import escape

_SPECIAL = re.compile(r"([\\`*_\[\]|<>#])")


#: Where a site's virtual environment keeps its commands: Linux and macOS, then Windows.
VENV_BIN, VENV_SCRIPTS = ".venv/bin/", ".venv\\Scripts\\"


def command(arguments: str = "", program: str = "practice-hub", windows: bool | None = None) -> str:
    """A command as an editor types it: in a fresh terminal in the site's folder, with no
    environment activated, it runs as written (``.venv/bin/practice-hub check`` on Linux and
    macOS, ``.venv\\Scripts\\practice-hub check`` on Windows; *windows* None: this computer's).
    Every message that tells an editor to run something writes it with this."""
    if windows is None:
        windows = os.name == "nt"
    return f"{VENV_SCRIPTS if windows else VENV_BIN}{program} {arguments}".rstrip()


def esc(text) -> str:
    """Editor text as Markdown-literal text: shown exactly as written, never read as markup.

    Quotes stay as they are (this is text between tags, never an attribute's value).
    """
    return _SPECIAL.sub(r"\\\1", str(escape(str(text), quote=False)))


_CODE_SPAN = re.compile(r"(`[^`\n]+`)")


def esc_keeping_code(text) -> str:
    """The engine's own words (a schema's description) as Markdown: like ``esc``, except that each
    `code span` stays a code span, so a command shown in it reads as code, without its backticks
    shown literally. Markdown shows a code span's text exactly as written."""
    return "".join(part if _CODE_SPAN.fullmatch(part) else esc(part) for part in _CODE_SPAN.split(str(text)))


def link(from_uri: str, to_uri: str, text: str, anchor: str = "") -> str:
    """A Markdown link between two pages given as paths under docs/."""
    base = posixpath.dirname(from_uri)
    target = posixpath.relpath(to_uri, base or ".")
    if anchor:
        target += f"#{anchor}"
    return f"[{esc(text)}]({target})"


def long_date(value: str | dt.date) -> str:
    """2026-03-05 -> 5 March 2026 (GOV.UK style)."""
    day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])
    return f"{day.day} {day:%B %Y}"


def date_time(value: str | dt.datetime) -> str:
    """2026-03-05T09:30 -> Thursday 5 March 2026, 9:30am."""
    moment = (
        value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value).replace(" ", "T"))
    )
    hour = moment.strftime("%I").lstrip("0")
    minute = "" if moment.minute == 0 else f":{moment.minute:02d}"
    return f"{moment:%A} {moment.day} {moment:%B %Y}, {hour}{minute}{moment:%p}".replace("AM", "am").replace(
        "PM", "pm"
    )


def bullet_list(lines: list[str], empty: str = "") -> str:
    if not lines:
        return empty + "\n" if empty else ""
    return "\n".join(f"- {line}" for line in lines) + "\n"


def table(headers: list[str], rows: list[list[str]]) -> str:
    out = ["| " + " | ".join(headers) + " |", "|" + "|".join(" --- " for _ in headers) + "|"]
    for row in rows:
        out.append("| " + " | ".join(cell.replace("\n", " ") for cell in row) + " |")
    return "\n".join(out) + "\n"
