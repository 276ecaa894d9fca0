"""HTML character references, decoded safely for any input."""

from __future__ import annotations

import html
import re

# A numeric reference too long to be a character: Python refuses to read an integer of over
# 4,300 digits (ValueError), so html.unescape would raise on "&#999...9;".
HUGE = re.compile(r"&#(?:0*\d{8,}|[xX]0*[0-9a-fA-F]{7,});?")


def unescape(text: str) -> str:
    """html.unescape that never raises: a numeric reference too long to be a character becomes
    the replacement character U+FFFD, as a browser reads it."""
    return html.unescape(HUGE.sub("\ufffd", text))
