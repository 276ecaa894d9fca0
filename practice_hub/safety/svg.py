"""Drawings (.svg) are published only when they are plain shapes and text.

A browser runs an SVG file opened at the site's address like a page: a ``<script>``, an
``onload=`` attribute or a link out runs at the site's origin. Each drawing is parsed with the
standard library's XML parser (any DOCTYPE or ENTITY declaration refused before it can expand)
and checked against a strict subset; anything else is refused at its XML line, named.
"""

from __future__ import annotations

import re
import xml.parsers.expat

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
            found.append((line(), f"the drawing starts with <{shown}>, not <svg> in the SVG namespace", HINT))
            raise _Refused
        depth[0] += 1
        if namespace != SVG_NS or local not in ELEMENTS:
            what = "runs script" if local == "script" else "is not allowed"
            found.append((line(), f"the drawing has the element <{shown}>, which {what}", HINT))
            return
        for key, value in attributes.items():
            _check_attribute(shown, key, value, line(), found)

    def end(_name):
        depth[0] -= 1

    def instruction(target, _data):
        found.append(
            (line(), f'the drawing has the processing instruction "<?{target}", which is not allowed', HINT)
        )

    parser.StartDoctypeDeclHandler = refuse_declaration
    parser.EntityDeclHandler = refuse_declaration
    parser.ExternalEntityRefHandler = refuse_declaration
    parser.StartElementHandler = start
    parser.EndElementHandler = end
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
