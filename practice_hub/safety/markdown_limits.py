"""Limits that stop pathological Markdown before it is rendered.

Python-Markdown recurses once per nesting level (a list ~250 deep raises RecursionError) and its
inline patterns are quadratic in the number of ``[`` and emphasis markers in a paragraph (20,000
``[`` on one line take about a minute). Real pages stay far below these limits.
"""

from __future__ import annotations

import re

MAX_LINE = 10_000  # characters on one line
MAX_INDENT = 48  # columns of indentation: 12 levels of list at 4 spaces
MAX_QUOTE_DEPTH = 8  # > > > ...
MAX_MARKERS_ON_LINE = 6  # "- - - - - x" opens a list per marker
MAX_BRACKETS = 300  # [ in one paragraph (a table row or list item counts on its own)
MAX_EMPHASIS = 600  # * and _ in one paragraph

_QUOTES = re.compile(r"^[ \t]*((?:>[ \t]*)+)")
_MARKERS = re.compile(r"^[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)+")
_MARKER = re.compile(r"(?:[-*+]|\d{1,9}[.)])[ \t]+")
_NEW_BLOCK = re.compile(r"^[ \t]*(?:\||[-*+][ \t]|\d{1,9}[.)][ \t]|>|#)")


def check(text: str, report, first_line: int = 1) -> None:
    """report(line, message, hint) for the first breach of each limit."""
    said = set()

    def once(key, line, message, hint):
        if key not in said:
            said.add(key)
            report(line, message, hint)

    brackets = emphasis = 0
    start = first_line
    for number, line in enumerate(text.split("\n"), first_line):
        if len(line) > MAX_LINE:
            once(
                "line",
                number,
                f"the line is {len(line):,} characters long, more than {MAX_LINE:,}",
                "break it into paragraphs: lines this long are pasted by mistake and slow the build down",
            )
        indent = len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())
        if indent > MAX_INDENT and line.strip():
            once(
                "indent",
                number,
                f"the text is indented {indent} spaces: lists or blocks are nested too deep",
                f"keep nesting to at most {MAX_INDENT // 4} levels",
            )
        quotes = _QUOTES.match(line)
        if quotes and quotes.group(1).count(">") > MAX_QUOTE_DEPTH:
            once(
                "quote",
                number,
                f"quotes are nested {quotes.group(1).count('>')} deep (> > > ...)",
                f"keep quotes to at most {MAX_QUOTE_DEPTH} levels",
            )
        markers = _MARKERS.match(line)
        if markers and len(_MARKER.findall(markers.group(0))) > MAX_MARKERS_ON_LINE:
            once(
                "markers",
                number,
                "the line opens lists inside lists (- - - ...) too deep",
                "write one list marker per line",
            )
        if not line.strip() or _NEW_BLOCK.match(line):
            brackets = emphasis = 0
            start = number if line.strip() else number + 1
        brackets += line.count("[")
        emphasis += line.count("*") + line.count("_")
        if brackets > MAX_BRACKETS:
            once(
                "brackets",
                start,
                f"the paragraph has more than {MAX_BRACKETS} [ characters",
                "split it up: so many brackets make the Markdown renderer very slow",
            )
        if emphasis > MAX_EMPHASIS:
            once(
                "emphasis",
                start,
                f"the paragraph has more than {MAX_EMPHASIS} * and _ characters",
                "split it up: so many emphasis markers make the Markdown renderer very slow",
            )
