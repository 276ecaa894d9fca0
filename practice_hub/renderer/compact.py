"""Smaller pages: drop the blank lines and indentation that templates leave between tags.

Material's menu templates put about 400 bytes of whitespace around every menu item, so on a
large site most of a page is whitespace. Outside <pre>, <textarea> and <script>, a run of
white space containing a line break means exactly one line break to a browser, so it is
written as one. Deterministic, and the rendered page is identical.
"""

from __future__ import annotations

import re

_KEEP = re.compile(r"(<(pre|textarea|script)\b.*?</\2\s*>)", re.S | re.I)
_RUN = re.compile(r"\n\s+")


def compact_html(html: str) -> str:
    lower = html.lower()
    if "<pre" not in lower and "<textarea" not in lower and "<script" not in lower:
        return _RUN.sub("\n", html)
    parts = _KEEP.split(html)
    out = []
    # split() with two groups yields: text, whole kept element, tag name, text, ...
    for index in range(0, len(parts), 3):
        out.append(_RUN.sub("\n", parts[index]))
        if index + 1 < len(parts):
            out.append(parts[index + 1])
    return "".join(out)
