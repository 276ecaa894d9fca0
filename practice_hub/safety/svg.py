"""Drawings (.svg) are published only when they are plain shapes and text.

A browser runs an SVG file opened at the site's address like a page: a ``<script>``, an
``onload=`` attribute or a link out runs at the site's origin. Each drawing is parsed with the
standard library's XML parser (any DOCTYPE or ENTITY declaration refused before it can expand)
and checked against a strict subset; anything else is refused at its XML line, named.

The text a drawing shows (``<text>``, ``<tspan>``, ``<title>``, ``<desc>``, and ``aria-*``
labels) is scanned for case data like a text attachment: each ``<text>``, ``<title>`` or
``<desc>`` is one line (its tspans joined), and a finding is reported at the XML line where it
starts.
"""

from __future__ import annotations

import bisect
import re
import xml.parsers.expat

from ..markup import tag_text
from . import casedata

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
XML_NS = "http://www.w3.org/XML/1998/namespace"

ELEMENTS = frozenset(
    "svg g path circle rect ellipse line polyline polygon text tspan title desc defs linearGradient "
    "radialGradient stop clipPath mask symbol use".split()
)
#: Presentation, geometry and accessibility attributes (no events, no links out, no filters).
ATTRIBUTES = frozenset(
    """id class lang tabindex role focusable version baseProfile viewBox preserveAspectRatio
    width height x y x1 y1 x2 y2 cx cy r rx ry fx fy fr d points pathLength transform
    fill fill-opacity fill-rule stroke stroke-width stroke-opacity stroke-linecap stroke-linejoin
    stroke-dasharray stroke-dashoffset stroke-miterlimit opacity color display visibility overflow
    font-family font-size font-size-adjust font-weight font-style font-variant font-stretch
    text-anchor dominant-baseline alignment-baseline baseline-shift letter-spacing word-spacing
    text-decoration writing-mode direction unicode-bidi dx dy rotate textLength lengthAdjust
    clip-path clip-rule mask gradientUnits gradientTransform spreadMethod offset stop-color
    stop-opacity clipPathUnits maskUnits maskContentUnits vector-effect shape-rendering
    text-rendering color-interpolation paint-order isolation mix-blend-mode image-rendering
    refX refY style href""".split()
)
_URL = re.compile(r"url\s*\(\s*['\"]?\s*([^'\")\s]*)", re.I)
_STYLE_NEVER = re.compile(r"url\s*\(|expression|@import|javascript:|behavio(?:u)?r|-moz-binding", re.I)
_CONTROL = re.compile(r"[\x00-\x20]+")

HINT = (
    "a drawing may hold only shapes, text, gradients and groups: remove it, "
    "or save the drawing as a PNG picture"
)
CASE_DATA_HINT = "remove it from the drawing and upload it again: the site is read by every member of staff"
TEXT_ELEMENTS = frozenset({"text", "tspan", "title", "desc"})
MAX_SIZE = 5_000_000


class _Refused(Exception):
    pass


def check(raw: bytes) -> list[tuple[int, str, str]]:
    """(line, message, hint) for each part of the drawing outside the safe subset."""
    if len(raw) > MAX_SIZE:
        return [(1, f"the drawing is {len(raw):,} bytes, more than {MAX_SIZE:,}", "save it as a PNG picture")]
    found: list[tuple[int, str, str]] = []
    parser = xml.parsers.expat.ParserCreate(namespace_separator=" ")
    depth = [0]
    in_text = [0]  # open text elements
    pieces: list[list[tuple[str, int]]] = []  # each shown text: (character data, its XML line)

    def line() -> int:
        return parser.CurrentLineNumber

    def refuse_declaration(*_args):
        found.append(
            (
                line(),
                "the drawing has a DOCTYPE or ENTITY declaration, which is not allowed",
                "remove it: declarations can fetch files or expand into gigabytes",
            )
        )
        raise _Refused

    def start(name, attributes):
        namespace, _, local = name.rpartition(" ")
        shown = local if namespace in ("", SVG_NS) else name.replace(" ", ":")
        if depth[0] == 0 and (namespace, local) != (SVG_NS, "svg"):
            found.append(
                (
                    line(),
                    f"the drawing starts with {tag_text(shown)}, not {tag_text('svg')} in the SVG namespace",
                    HINT,
                )
            )
            raise _Refused
        depth[0] += 1
        if local in TEXT_ELEMENTS:
            if not in_text[0]:
                pieces.append([])
            in_text[0] += 1
        for key, value in attributes.items():
            if key.startswith("aria-"):
                pieces.append([(value, line())])
        if namespace != SVG_NS or local not in ELEMENTS:
            what = "runs script" if local == "script" else "is not allowed"
            found.append((line(), f"the drawing has the element <{shown}>, which {what}", HINT))
            return
        for key, value in attributes.items():
            _check_attribute(shown, key, value, line(), found)

    def end(name):
        depth[0] -= 1
        if name.rpartition(" ")[2] in TEXT_ELEMENTS:
            in_text[0] = max(0, in_text[0] - 1)

    def data(text):
        if in_text[0] and pieces:
            pieces[-1].append((text, line()))

    def instruction(target, _data):
        found.append(
            (line(), f'the drawing has the processing instruction "<?{target}", which is not allowed', HINT)
        )

    parser.StartDoctypeDeclHandler = refuse_declaration
    parser.EntityDeclHandler = refuse_declaration
    parser.ExternalEntityRefHandler = refuse_declaration
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = data
    parser.ProcessingInstructionHandler = instruction
    try:
        parser.Parse(raw, True)
    except _Refused:
        pass
    except xml.parsers.expat.ExpatError as error:
        found.append(
            (
                error.lineno or 1,
                f"the drawing is not well-formed XML ({xml.parsers.expat.ErrorString(error.code)})",
                "save it again from the drawing program",
            )
        )
    return found + _case_data(pieces)


_LINE_BREAKS = str.maketrans("\r\n\t", "   ")


def _case_data(pieces: list[list[tuple[str, int]]]) -> list[tuple[int, str, str]]:
    """Case data in the drawing's text: each piece one line, reported at the XML line where it starts."""
    parts, starts, chunks = [], [], []
    at = 0
    for piece in pieces:
        for text, line in piece:
            starts.append(at)
            chunks.append((text, line))
            parts.append(text.translate(_LINE_BREAKS))  # one character for one: offsets hold
            at += len(text)
        parts.append("\n")
        at += 1
    shown = "".join(parts)
    found = []
    for offset, reason in casedata.find(shown):
        index = max(0, bisect.bisect_right(starts, offset) - 1)
        text, line = chunks[index]
        found.append((line + text.count("\n", 0, offset - starts[index]), reason, CASE_DATA_HINT))
    return found


def _check_attribute(element: str, key: str, value: str, line: int, found: list) -> None:
    namespace, _, local = key.rpartition(" ")
    shown = local if not namespace else {XLINK_NS: "xlink:", XML_NS: "xml:"}.get(namespace, "?:") + local
    if local.lower().startswith("on"):
        found.append(
            (
                line,
                f'the drawing has the attribute "{shown}" on <{element}>, which runs script',
                "remove it: drawings cannot run script",
            )
        )
        return
    if namespace == XML_NS and local in ("space", "lang"):
        return
    if (
        namespace not in ("", XLINK_NS)
        or (namespace == XLINK_NS and local != "href")
        or (not namespace and local not in ATTRIBUTES and not local.startswith("aria-"))
    ):
        found.append(
            (line, f'the drawing has the attribute "{shown}" on <{element}>, which is not allowed', HINT)
        )
        return
    if local == "href":
        if not _CONTROL.sub("", value).startswith("#"):
            found.append(
                (
                    line,
                    f'the drawing\'s <{element}> links to "{value}", outside the drawing',
                    'a link in a drawing may only point inside it, like "#shape"',
                )
            )
        return
    if local == "style":
        if _STYLE_NEVER.search(value):
            found.append(
                (
                    line,
                    f'the drawing has a "style" on <{element}> that loads a file or runs script '
                    "(url(), expression or @import)",
                    "use presentation attributes such as fill and stroke instead",
                )
            )
        return
    for target in _URL.findall(value):
        if not target.startswith("#"):
            found.append(
                (
                    line,
                    f'the drawing\'s attribute "{shown}" on <{element}> loads "{target}", outside the drawing',
                    'url() in a drawing may only point inside it, like "url(#gradient)"',
                )
            )
