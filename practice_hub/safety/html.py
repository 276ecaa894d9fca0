"""Raw HTML and links in Markdown bodies: an allow-list, reported at path:line, never stripped silently.

The body is walked with Python's HTML parser (code blocks and code spans blanked first, so that
examples in code are not HTML). Each start tag must be on the allow-list with allowed attributes;
nh3 (the Ammonia HTML cleaner) then confirms it keeps the tag as written. Links may use http, https,
mailto, tel or a path on this site; images and every other resource must come from this site.
"""

from __future__ import annotations

import bisect
import re
from html.parser import HTMLParser

import nh3

from . import urls
from .entities import HUGE, unescape

TAGS = frozenset(
    """a abbr b blockquote br caption cite code col colgroup dd del details dfn div dl dt em
figcaption figure h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p pre q s samp small span strong sub
summary sup table tbody td tfoot th thead time tr u ul var wbr""".split()
)
GLOBAL_ATTRIBUTES = frozenset({"class", "id", "title", "lang", "dir", "markdown"})
ATTRIBUTES = {
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height", "loading"},
    "td": {"colspan", "rowspan", "headers"},
    "th": {"colspan", "rowspan", "headers", "scope"},
    "col": {"span"},
    "colgroup": {"span"},
    "details": {"open"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "time": {"datetime"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "del": {"cite", "datetime"},
    "ins": {"cite", "datetime"},
}
LINK_ATTRIBUTES = {"href", "cite", "xlink:href", "longdesc"}
RESOURCE_ATTRIBUTES = {
    "src",
    "srcset",
    "data",
    "poster",
    "action",
    "formaction",
    "background",
    "codebase",
    "manifest",
    "icon",
}
RESOURCE_TAGS = {"link": "href", "image": "href", "use": "href", "feimage": "href"}
VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
MAX_HTML_DEPTH = 24
TOO_DEEP = "HTML elements are nested"
TOO_DEEP_HINT = "flatten the page: deep nesting is never needed and makes the build slow"
# Table parts only parse inside a table: nh3 sees them in their place.
_CONTEXT = {
    "caption": ("<table>", "</table>"),
    "colgroup": ("<table>", "</table>"),
    "col": ("<table><colgroup>", "</colgroup></table>"),
    "tbody": ("<table>", "</table>"),
    "thead": ("<table>", "</table>"),
    "tfoot": ("<table>", "</table>"),
    "tr": ("<table><tbody>", "</tbody></table>"),
    "td": ("<table><tbody><tr>", "</tr></tbody></table>"),
    "th": ("<table><tbody><tr>", "</tr></tbody></table>"),
    "li": ("<ul>", "</ul>"),
    "dt": ("<dl>", "</dl>"),
    "dd": ("<dl>", "</dl>"),
    "summary": ("<details>", "</details>"),
}

_NOUN = {
    "img": "image",
    "iframe": "frame",
    "frame": "frame",
    "embed": "embedded object",
    "object": "embedded object",
    "video": "video",
    "audio": "audio",
    "source": "media file",
    "track": "media file",
    "link": "stylesheet or file",
    "script": "script",
    "form": "form",
    "input": "form",
    "button": "form",
    "image": "image",
    "use": "image",
}
_NEVER = {
    "script": "scripts",
    "style": "styles",
    "iframe": "frames",
    "frame": "frames",
    "frameset": "frames",
    "object": "embedded objects",
    "embed": "embedded objects",
    "applet": "embedded objects",
    "form": "forms",
    "input": "forms",
    "button": "forms",
    "textarea": "forms",
    "select": "forms",
    "meta": "page settings",
    "base": "page settings",
    "link": "linked stylesheets",
    "video": "video and audio",
    "audio": "video and audio",
    "source": "video and audio",
    "svg": "inline drawings",
    "math": "inline formulas",
}

LINK_HINT = "links may start with https://, http://, mailto: or tel:, or be a path on this site"
OUTSIDE_HINT = (
    "the site loads nothing from outside: put the file in docs/ (a picture in docs/images/) "
    "and give its path on this site, or link to the address instead of showing it"
)
IMAGE_OUTSIDE_HINT = (
    "the site loads nothing from outside: save the picture in docs/images/ and show it with its "
    "path on this site, for example ![What it shows](../images/chart.png)"
)
#: How to fix a tag that cannot be published, by what it is for (the default: write it in Markdown).
_INSTEAD = {
    "scripts": "pages cannot run scripts: remove it, from <script> to </script>",
    "styles": "the site's look comes from its own stylesheet: remove it, from <style> to </style>",
    "linked stylesheets": "the site's look comes from its own stylesheet: remove it",
    "frames": "a page cannot show another page inside it: remove it and link to that page instead, "
    "for example [Watch the video](https://www.youtube.com/watch?v=...)",
    "embedded objects": "embedded objects cannot be published: remove it and link to the file or page "
    "instead, for example "
    "[Read the report](../files/report.pdf)",
    "video and audio": "a page cannot play video or audio: remove it and link to the recording instead, "
    "for example "
    "[Watch the video](https://www.youtube.com/watch?v=...)",
    "forms": "forms cannot be published: remove it and link to the form instead, for example "
    "[Book a place](https://forms.example/...)",
    "page settings": "a page's settings come from the site: remove it",
    "inline drawings": "inline drawings cannot be published: save the drawing as a file in docs/images/ and show it with its path, for example "
    "![What it shows](../images/drawing.svg)",
}

_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
_LIST_OR_BLOCK = re.compile(r"^[ \t]*(?:[-*+]|\d+[.)])[ \t]|^(?:!!!|\?\?\?\+?|===)")
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.S)
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*|[^<>\s@]+@[^<>\s@]+\.[^<>\s@]+)>")
_MD_LINK = re.compile(
    r"(!?)\[(?:[^\[\]\n]|\[[^\[\]\n]*\])*\]\(\s*(<[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)"
)
_MD_REF_DEF = re.compile(r"^[ ]{0,3}\[([^\]\n]+)\]:[ \t]*<?([^\s>]+)>?", re.M)
_MD_REF_IMAGE = re.compile(r"!\[([^\]\n]*)\](?:\[([^\]\n]*)\])?")
_ATTR_LIST = re.compile(r"\{:?[ \t]*([^{}\n]*)\}")
_ATTR_KEY = re.compile(r"(?:^|[ \t])([A-Za-z_:][-\w:.]*)[ \t]*=")


def shown(value: str, limit: int = 60) -> str:
    """A value as it may appear in a message: one line, controls visible, not too long."""
    text = re.sub(r"[\x00-\x1f\x7f]", lambda m: f"\\x{ord(m.group()):02x}", str(value))
    return text if len(text) <= limit else text[: limit - 3] + "..."


def blank_code(body: str) -> str:
    """The body with fenced and indented code blocks and code spans replaced by spaces."""
    lines = body.split("\n")
    out = []
    fence = None
    previous_blank = True
    context_is_block = False  # the last unindented line opened a list, admonition, details or tab
    in_indented = False
    for line in lines:
        stripped = line.strip()
        if fence:
            out.append(" " * len(line))
            if stripped.startswith(fence) and set(stripped) == {fence[0]}:
                fence = None
            continue
        match = _FENCE.match(line)
        if match:
            fence = match.group(1)
            out.append(" " * len(line))
            continue
        indented = line.startswith("    ") or line.startswith("\t")
        if stripped and not indented:
            context_is_block = bool(_LIST_OR_BLOCK.match(line))
            in_indented = False
        if indented and stripped and (in_indented or (previous_blank and not context_is_block)):
            in_indented = True
            out.append(" " * len(line))
        else:
            out.append(line)
        previous_blank = not stripped
    text = "\n".join(out)
    return _CODE_SPAN.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


class _Walker(HTMLParser):
    def __init__(self, report):
        super().__init__(convert_charrefs=True)
        self.report = report
        self.depth = 0
        self.too_deep = False

    def handle_starttag(self, tag, attrs):
        line = self.getpos()[0]
        self._check(tag, attrs, self.get_starttag_text() or "", line)
        if tag not in VOID:
            self.depth += 1
            if self.depth > MAX_HTML_DEPTH and not self.too_deep:
                self.too_deep = True
                self.report(
                    line,
                    f"{TOO_DEEP} more than {MAX_HTML_DEPTH} deep",
                    TOO_DEEP_HINT,
                )

    def handle_startendtag(self, tag, attrs):
        self._check(tag, attrs, self.get_starttag_text() or "", self.getpos()[0])

    def handle_endtag(self, tag):
        if tag not in VOID and self.depth:
            self.depth -= 1

    def _check(self, tag, attrs, raw, line):
        allowed_tag = tag in TAGS
        if not allowed_tag:
            never = _NEVER.get(tag)
            hint = (
                _INSTEAD.get(never, f"{never} cannot be published: write the content in Markdown")
                if never
                else "write the content in Markdown; pages may use tables, details, abbr, span, div, img and links"
            )
            if tag.startswith(("o:", "w:", "v:")):  # Office's own tags, copied from Word with its text
                hint = "it was pasted from Word with the text: delete it and Word's other tags, and keep the words"
            self.report(line, f"HTML tag <{shown(tag, 30)}> is not allowed", hint)
        allowed = GLOBAL_ATTRIBUTES | ATTRIBUTES.get(tag, set())
        refused = False
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                refused = True
                self.report(
                    line,
                    f'HTML attribute "{shown(name, 30)}" on <{tag}> runs script and is not allowed',
                    "remove it: pages cannot run script",
                )
                continue
            if name in LINK_ATTRIBUTES or (name == "href" and tag not in RESOURCE_TAGS):
                kind = urls.classify(value)
                if kind == urls.BAD:
                    refused = True
                    self._bad_link(tag, name, value, line)
            if name in RESOURCE_ATTRIBUTES or RESOURCE_TAGS.get(tag) == name:
                for address in value.split(",") if name == "srcset" else [value]:
                    address = address.strip().split(" ")[0] if name == "srcset" else address
                    kind = urls.classify(address)
                    if kind in (urls.WEB, urls.OUTSIDE):
                        refused = True
                        if allowed_tag:  # a tag refused whole is named once, with its own fix
                            self._outside(tag, name, address, line)
                    elif kind != urls.SITE:
                        refused = True
                        self._bad_link(tag, name, address, line)
            if name == "style" and re.search(r"(?i)url\s*\(|expression\s*\(|@import", urls.decode(value)):
                refused = True
                self.report(
                    line,
                    f'HTML attribute "style" on <{tag}> loads a file through CSS url()',
                    "remove it; styles come from the site's own stylesheet (use a class)",
                )
                continue
            if allowed_tag and name not in allowed and not name.startswith("on"):
                refused = True
                self.report(
                    line,
                    f'HTML attribute "{shown(name, 30)}" is not allowed on <{tag}>',
                    f"remove it; allowed on <{tag}>: {', '.join(sorted(allowed))}",
                )
        if allowed_tag and not refused:
            self._confirm(tag, attrs, raw, line)

    def _confirm(self, tag, attrs, raw, line):
        """nh3 must keep the tag and each attribute as written; anything it drops is refused."""
        attributes = {name: set(extra) for name, extra in ATTRIBUTES.items()}
        attributes["*"] = set(GLOBAL_ATTRIBUTES)
        before, after = _CONTEXT.get(tag, ("", ""))
        kept = nh3.clean(
            before + raw + after,
            tags=set(TAGS),
            attributes=attributes,
            url_schemes=set(urls.LINK_SCHEMES),
            link_rel=None,
            strip_comments=True,
        )
        seen = _Seen()
        seen.feed(kept)
        seen.close()
        if tag not in seen.tags:
            self.report(
                line,
                f"HTML tag <{tag}> would be taken out of the page here",
                "write the content in Markdown, or check that the tag is in its place (a <tr> in a <table>)",
            )
            return
        for name, _ in attrs:
            if name not in seen.attributes:
                self.report(
                    line,
                    f'HTML attribute "{shown(name, 30)}" on <{tag}> would be taken out of the page',
                    "remove it, or correct its value",
                )

    def _bad_link(self, tag, name, value, line):
        scheme = urls.scheme_of(value) or "an unsafe"
        self.report(
            line,
            f'<{tag} {name}="{shown(value)}"> uses the {scheme}: scheme, which is not allowed',
            LINK_HINT,
        )

    def _outside(self, tag, name, value, line):
        noun = _NOUN.get(tag, "file")
        article = "an" if noun[0] in "aeiou" else "a"
        self.report(
            line,
            f'<{tag} {name}="{shown(value)}"> loads {article} {noun} from outside the site',
            IMAGE_OUTSIDE_HINT if noun == "image" else OUTSIDE_HINT,
        )


class _Seen(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.attributes = set(), set()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attributes |= {name for name, _ in attrs}

    handle_startendtag = handle_starttag


WORD_TABLE = "this is a table pasted from Word"
_TABLE_TAG = re.compile(r"(?i)<(/?)table\b[^<>]{0,4000}>?")  # bounded: linear in a page
#: What Word leaves in the HTML it copies: its class names (MsoTableGrid, MsoNormal), its styles
#: (mso-...), its own tags (<o:p>, <w:...>) and conditional comments (<![if ...]>).
_WORD = re.compile(r"(?i)class=[\"']?Mso|mso-[a-z-]+\s*:|<o:p\b|</?w:|xmlns:[ow]\b|<!\[if")
_ROW = re.compile(r"(?i)<tr\b")
_CELL = re.compile(r"(?i)<t[dh]\b")
_ANY_TAG = re.compile(r"<[^<>]*>?")
_SPACES = re.compile(r"\s+")
MAX_EXAMPLE_CELL = 30  # characters of a cell shown in the example


def word_tables(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets in *text* (a body, code blanked) of each outermost <table> ...
    </table> that holds Word's HTML; an unclosed table runs to the end. One pass: linear."""
    found: list[tuple[int, int]] = []
    depth, start = 0, 0
    for tag in _TABLE_TAG.finditer(text):
        if not tag.group(1):
            if depth == 0:
                start = tag.start()
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                found.append((start, tag.end()))
    if depth:
        found.append((start, len(text)))
    return [(start, end) for start, end in found if _WORD.search(text, start, end)]


def _cells(row: str) -> list[str]:
    cells = []
    for piece in _CELL.split(row)[1:]:
        words = _SPACES.sub(" ", unescape_text(_ANY_TAG.sub(" ", piece.split(">", 1)[-1]))).strip()
        words = words.replace("|", "/")
        cells.append(words if len(words) <= MAX_EXAMPLE_CELL else words[: MAX_EXAMPLE_CELL - 3] + "...")
    return cells


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cell or " " for cell in cells) + " |"


def word_table_hint(table: str) -> str:
    """How to write a Word table in Markdown, shown with its own first rows."""
    rows = [cells for cells in (_cells(row) for row in _ROW.split(table)[1:3]) if cells]
    heading = rows[0] if rows else ["Team", "Phone"]
    hint = (
        f'write it as a Markdown table: a line "{_row(heading)}", under it '
        f'"{_row(["---"] * len(heading))}", then one line for each row'
    )
    return hint + (f', such as "{_row(rows[1])}"' if len(rows) > 1 else "")


def unescape_text(text: str) -> str:
    return unescape(text).replace("\u00a0", " ")


def report_word_tables(body: str, report) -> str:
    """Report each Word table in *body* once, at its <table> line, with the Markdown to write
    instead (report(line_in_body, message, hint)); return the body with those tables blanked
    (line breaks kept), so that no tag of theirs is reported again one by one."""
    text = blank_code(body)
    tables = word_tables(text)
    if not tables:
        return body
    out, at = [], 0
    for start, end in tables:
        report(text.count("\n", 0, start) + 1, WORD_TABLE, word_table_hint(text[start:end]))
        out += [body[at:start], re.sub(r"[^\n]", " ", body[start:end])]
        at = end
    out.append(body[at:])
    return "".join(out)


def check_body(body: str, report) -> None:
    """Report refused HTML and links in a Markdown body: report(line_in_body, message, hint)."""
    text = HUGE.sub("\ufffd", blank_code(body))  # a reference too long to read is one character
    text = _check_markdown_links(text, report)
    walker = _Walker(report)
    try:
        walker.feed(text)
        walker.close()
    except Exception:  # noqa: BLE001 - the standard parser can give up on broken markup
        report(walker.getpos()[0], "the HTML here cannot be read", "check that every < starts a complete tag")


def check_text_links(text: str, report) -> None:
    """Markdown links and images in a field's text (fields may be shown as Markdown)."""
    _check_markdown_links(text, report)


class _LineOf:
    """The 1-based line of an offset, by bisection over the newlines found once (linear in all)."""

    def __init__(self, text: str):
        self.newlines = [index for index, char in enumerate(text) if char == "\n"]

    def __call__(self, offset: int) -> int:
        return bisect.bisect_left(self.newlines, offset) + 1


def _check_markdown_links(text: str, report) -> str:
    """Check [x](url), ![x](url), reference definitions, autolinks and {: attr lists}; blank autolinks."""
    _line = _LineOf(text)  # blanking autolinks keeps every newline where it is

    def link(offset, address, image, what):
        address = address.strip().strip("<>")
        kind = urls.classify(address)
        line = _line(offset)
        if kind == urls.BAD:
            scheme = urls.scheme_of(address)
            report(
                line, f'{what} "{shown(address)}" uses the {scheme}: scheme, which is not allowed', LINK_HINT
            )
        elif image and kind in (urls.WEB, urls.OUTSIDE):
            report(line, f'image "{shown(address)}" is loaded from outside the site', IMAGE_OUTSIDE_HINT)
        elif image and kind != urls.SITE:
            report(line, f'image "{shown(address)}" is not a file on this site', IMAGE_OUTSIDE_HINT)
        elif kind == urls.OUTSIDE:
            report(
                line,
                f'{what} "{shown(address)}" has no scheme (it starts with //)',
                "start it with https:// for another site, or / for a page on this site",
            )

    for match in _MD_LINK.finditer(text):
        image = bool(match.group(1))
        link(match.start(), match.group(2), image, "image" if image else "link")
    image_refs = set()
    for match in _MD_REF_IMAGE.finditer(text):
        image_refs.add((match.group(2) or match.group(1) or "").strip().lower())
    for match in _MD_REF_DEF.finditer(text):
        label = match.group(1).strip().lower()
        link(match.start(), match.group(2), label in image_refs, "link")

    def autolink(match):
        address = match.group(1)
        if "@" in address and ":" not in address:
            return " " * len(match.group(0))
        link(match.start(), address, False, "link")
        return " " * len(match.group(0))

    text = _AUTOLINK.sub(autolink, text)
    for match in _ATTR_LIST.finditer(text):
        for key in _ATTR_KEY.findall(match.group(1)):
            lower = key.lower()
            if lower.startswith("on") or lower in ("style", "href", "src", "srcset", "action", "formaction"):
                report(
                    _line(match.start()),
                    f'the attribute "{shown(key, 30)}" in {{: ... }} is not allowed',
                    "attribute lists may set ids, classes and plain attributes; remove it",
                )
    return text
