"""Limits that stop pathological Markdown before it is rendered.

Python-Markdown recurses once per nesting level (a list ~250 deep raises RecursionError) and its
inline patterns are quadratic in the number of ``[`` and emphasis markers in a paragraph (20,000
``[`` on one line take about a minute). Real pages stay far below these limits.

Bounded cost, so that no page an editor writes can hold up check or the build for minutes:
every check and the build run in time linear in the size of a page.
What would not is refused here, in one pass over the text, before anything renders it:

* an HTML tag (``<a``, ``</x``, ``<!x``, ``<?``, ``<![CDATA[``) not closed with ``>`` on its own
  line, and an HTML comment never closed with ``-->``: Python's HTML parser (Python-Markdown's
  and the safety walk's) reads from each such ``<`` to the end of the page, so 60 kB of ``<a``
  took 35 s to check and minutes to build;
* more than 50 headings, rules or definitions in one paragraph (no blank line between them):
  Python-Markdown splits the paragraph once for each and reads the rest again;
* more than 300 ``\\`` in one paragraph: each escape copies the rest of the paragraph.

The messages start with "the paragraph has" or "the line is": ``check_body`` then skips the
HTML walk, which these inputs make slow too. tests/unit/test_linear_cost.py measures each shape.
"""

from __future__ import annotations

import re

MAX_LINE = 10_000  # characters on one line
MAX_INDENT = 48  # columns of indentation: 12 levels of list at 4 spaces
MAX_QUOTE_DEPTH = 8  # > > > ...
MAX_MARKERS_ON_LINE = 6  # "- - - - - x" opens a list per marker
MAX_BRACKETS = 300  # [ in one paragraph (a table row or list item counts on its own)
MAX_EMPHASIS = 600  # * and _ in one paragraph
MAX_SPLITS = 50  # headings, rules and definitions in one paragraph (no blank line between them)
MAX_BACKSLASHES = 300  # \ in one paragraph
MAX_FENCES = 100  # ``` or ~~~ lines on one page: the fence extension reassembles the page per block
_FENCE_LINE = re.compile(r"^[ \t>]*(?:`{3,}|~{3,})")

_QUOTES = re.compile(r"^[ \t]*((?:>[ \t]*)+)")
_MARKERS = re.compile(r"^[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)+")
_MARKER = re.compile(r"(?:[-*+]|\d{1,9}[.)])[ \t]+")
_NEW_BLOCK = re.compile(r"^[ \t]*(?:\||[-*+][ \t]|\d{1,9}[.)][ \t]|>|#)")

# Lines after which Python-Markdown splits a paragraph and reads the rest of it again (inside
# quotes and list items too): headings, setext underlines, rules, abbreviation and reference
# definitions, definition-list definitions, admonitions and collapsible blocks.
_SPLIT = re.compile(r"#|[=-]+[ \t]*$|([-*_])(?:[ \t]*\1){2,}[ \t]*$|\*\[|:[ \t]|!!!|\?\?\?")
_REF_DEF = re.compile(r"\[[^\]]*\]:")

# Python's HTML parser (html.parser, which Python-Markdown copies) finds the end of a start tag
# with this expression; here it runs on one line at a time, so a tag ends on its own line.
_START_TAG_END = re.compile(
    r"""
  <[a-zA-Z][^\t\n\r\f />\x00]*
  (?:[\s/]*
    (?:(?<=['"\s/])[^\s/>][^\s/=>]*
      (?:\s*=+\s*
        (?:'[^']*'
          |"[^"]*"
          |(?!['"])[^>\s]*
         )
        \s*
       )?(?:\s|/(?!>))*
     )*
   )?
  \s*
""",
    re.VERBOSE,
)
_QUOTED_VALUE = re.compile(r"""=\s*(["'])""")
_MARKUP = re.compile(r"<[a-zA-Z/!?]")
_COMMENT_END = re.compile(r"--\s*>")
_CDATA_END = re.compile(r"\]\s*\]\s*>")
UNCLOSED_HINT = (
    "end it with > on the same line, or put a space after a < that is meant as text "
    "(an unclosed tag makes the build very slow)"
)


def unclosed_markup(text: str):
    """(line, message, hint) for the first HTML tag not closed on its line, or comment never closed.

    One pass: a start tag is read as Python's HTML parser reads it (to its >) and the search
    goes on after it; every other < is looked at once, and whether its closing mark comes
    later on the line (or, for a comment, anywhere later) is a lookup, not a search.
    """
    last_comment_end = -1
    for match in _COMMENT_END.finditer(text):
        last_comment_end = match.start()
    offset = 0
    for number, line in enumerate(text.split("\n"), 1):
        if "<" in line and len(line) <= MAX_LINE:  # a longer line is refused as it is
            found = _unclosed_on_line(line, offset, last_comment_end)
            if found:
                return (number, *found)
        offset += len(line) + 1
    return None


def _unclosed_on_line(line: str, offset: int, last_comment_end: int):
    last_gt = line.rfind(">")
    last_quote = {'"': line.rfind('"'), "'": line.rfind("'")}
    last_cdata = None
    position = 0
    while True:
        match = _MARKUP.search(line, position)
        if not match:
            return None
        start = match.start()
        second = line[start + 1]
        if second in "/?":
            if last_gt < start:
                return _unclosed(line, start)
            position = start + 2
        elif second == "!":
            if line.startswith("<!--", start):
                if last_comment_end < offset + start + 4:
                    return (
                        'the paragraph has an HTML comment starting "<!--" that is not closed with -->',
                        "end the comment with --> (an unclosed comment makes the build very slow)",
                    )
                position = start + 4
            elif line.startswith("<![", start):
                if last_cdata is None:
                    last_cdata = -1
                    for cdata_end in _CDATA_END.finditer(line):
                        last_cdata = cdata_end.start()
                if last_cdata <= start:
                    return _unclosed(line, start, "]]>")
                position = start + 3
            else:
                if last_gt < start:
                    return _unclosed(line, start)
                position = start + 2
        else:
            tag = _START_TAG_END.match(line, start)
            assert tag is not None  # every part of the pattern is optional: it always matches
            end = tag.end()
            if not (line.startswith(">", end) or line.startswith("/>", end)):
                return _unclosed(line, start)
            for value in _QUOTED_VALUE.finditer(line, start, end):
                if value.start(1) >= last_quote[value.group(1)]:
                    return _unclosed(line, start)  # its quote closes on a later line
            position = end + 1


def _unclosed(line: str, start: int, closer: str = ">") -> tuple[str, str]:
    opening = re.match(r"<[!?/]?[^\s<>\"'=/]{0,20}", line[start:])
    assert opening is not None  # line[start] is the < that _MARKUP found
    shown = opening.group(0)
    shown = re.sub(r"[\x00-\x1f\x7f]", "", shown)
    return (
        f'the paragraph has an HTML tag starting "{shown}" that is not closed with {closer} on the same line',
        UNCLOSED_HINT,
    )


def check(text: str, report, first_line: int = 1) -> None:
    """report(line, message, hint) for the first breach of each limit."""
    said = set()

    def once(key, line, message, hint):
        if key not in said:
            said.add(key)
            report(line, message, hint)

    brackets = emphasis = splits = backslashes = fences = 0
    previous_ref = False
    start = first_line
    for number, line in enumerate(text.split("\n"), first_line):
        if "`" in line or "~" in line:
            fences += bool(_FENCE_LINE.match(line))
            if fences > MAX_FENCES:
                once(
                    "fences",
                    number,
                    f"the page has more than {MAX_FENCES} code fences (lines starting ``` or ~~~)",
                    "split it into several pages: so many code blocks make the Markdown renderer very slow",
                )
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
        if not line.strip():
            splits = backslashes = 0
            previous_ref = False
        brackets += line.count("[")
        emphasis += line.count("*") + line.count("_")
        backslashes += line.count("\\")
        inner = line.lstrip(" \t>")  # the line inside its quote markers and indent
        ref = bool(_REF_DEF.match(inner))  # a run of reference definitions is read in one pass
        if _SPLIT.match(inner) or (ref and not previous_ref):
            splits += 1
            if splits > MAX_SPLITS:
                once(
                    "splits",
                    number,
                    f"the paragraph has more than {MAX_SPLITS} headings, rules or definitions "
                    "with no blank line between them",
                    "put a blank line after each heading, rule and definition: without it the "
                    "Markdown renderer reads the rest of the paragraph again for each one",
                )
        previous_ref = ref
        if backslashes > MAX_BACKSLASHES:
            once(
                "backslashes",
                number,
                f"the paragraph has more than {MAX_BACKSLASHES} \\ characters",
                "split it up: so many backslashes make the Markdown renderer very slow",
            )
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
    unclosed = unclosed_markup(text)
    if unclosed:
        once("unclosed", unclosed[0] + first_line - 1, unclosed[1], unclosed[2])
