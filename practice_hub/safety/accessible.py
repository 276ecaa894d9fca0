"""Accessible content by construction: four rules judged on the HTML a page's body renders to.

* **Images have a text alternative.** A picture with no ``alt`` (``<img src="x.png">``), or with
  the empty ``alt`` that Markdown writes for ``![](x.png)``, says nothing to a screen reader
  user. Markdown writes ``alt=""`` both for ``![](x.png)`` (forgotten) and for
  ``![](x.png){ alt="" }`` (decorative, on purpose), so an empty ``alt`` is accepted only when
  the source says so: an attribute list with ``alt=""`` (the site's ``attr_list`` extension) or
  an HTML ``<img>`` that writes ``alt`` itself. A file name as the alternative ("IMG_0042.jpg")
  is refused too: it is what a screen reader would read out.
* **Headings do not skip a level.** The page title is the first level-1 heading (Material
  writes it when the body has none), so the body's first heading is level 1 or 2, and each
  heading is at most one level below the one before it: screen reader users move through a
  page by its outline.
* **Link text says where the link goes**: never "click here", "here", "read more", "this link",
  nor the address itself (screen readers list a page's links by their text alone).
* **Tables have a header row**: a Markdown table always has; an HTML table needs ``<th>``.

``check`` judges the HTML it renders with the site's own Markdown settings, the build the HTML
MkDocs produced for the editor's part of each page (Practice Hub's additions are not the
editor's); each finding is placed at its source line by what it holds (the picture's file
name, the heading's or the link's words), so both report the same ``path:line``.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import unquote

import nh3

from .entities import unescape
from .html import shown

MAX_FINDINGS = 40  # per page; the rest are counted
EXAMPLE_ALT = "Flow chart of the referral route"

#: Link text that says nothing about where the link goes (compared in lower case, without
#: the punctuation around it).
VAGUE_LINK_TEXT = frozenset({"click here", "here", "read more", "this link", "click this link", "more"})
_ADDRESS = re.compile(r"(?i)^(?:[a-z][a-z0-9+.\-]*://|www\.)\S+$")
_PICTURE_FILE = re.compile(r"(?i)^[^\s/\\]+\.(?:png|jpe?g|gif|webp|svg|bmp|tiff?|heic|avif)$")
#: A camera's or a screenshot tool's own name for a picture, without its extension ("IMG_0042").
_CAMERA_NAME = re.compile(r"(?i)^(?:img|dsc[nf]?|pxl|screenshot|screen shot|image)[ _-]?\d[\w .-]*$")
_AROUND = " \t\n.,:;!?\u2026\"'()[]\u2018\u2019\u201c\u201d"
_HEADING = re.compile(r"^h([1-6])$")
_NOT_WORDS = re.compile(r"[\W_]+")

#: Extensions that cannot turn text without markup characters into links, images, tables or
#: headings below level 2 (``plain_text`` bodies): with any other, a plain body is rendered too.
PLAIN_SAFE = frozenset(
    """toc tables fenced_code abbr admonition attr_list def_list md_in_html footnotes meta
    sane_lists smarty nl2br pymdownx.details pymdownx.superfences pymdownx.tasklist
    pymdownx.highlight pymdownx.inlinehilite pymdownx.tabbed pymdownx.caret pymdownx.mark
    pymdownx.tilde pymdownx.keys pymdownx.smartsymbols""".split()
)


@dataclass(frozen=True)
class Style:
    """What the site's Markdown settings change in the rules: the hints' mark-up for a
    decorative picture (``attr_list``), and the level of a ``#`` heading (toc's ``baselevel``)."""

    attr_list: bool = True
    baselevel: int = 1

    @classmethod
    def of(cls, names, settings) -> Style:
        toc = settings.get("toc") or settings.get("markdown.extensions.toc") or {}
        try:
            base = int(toc.get("baselevel", 1)) if isinstance(toc, dict) else 1
        except (TypeError, ValueError):
            base = 1
        return cls(
            attr_list=any(n in ("attr_list", "markdown.extensions.attr_list") for n in names),
            baselevel=min(max(base, 1), 6),
        )


def worth_rendering(body: str, extensions, style: Style = Style()) -> bool:
    """Whether a body with no markup characters (``plain_text``) could still render to something
    these rules report: only a heading of level 3 or below can (level 1 and 2 never skip), and it
    needs "###", unless the settings shift the levels or an extension reads plain text."""
    if style.baselevel != 1 or any(name not in PLAIN_SAFE for name in extensions):
        return True
    return "###" in body


# --- reading the rendered HTML -------------------------------------------------------------------
_HEADINGS = {f"h{n}" for n in range(1, 7)}
#: The HTML parsed as a browser parses it (html5ever, through nh3, as ``rendered.judge`` does),
#: keeping only what the rules read: a comment trick (``<!-->``) hides nothing from them.
_AS_PARSED = nh3.Cleaner(
    tags={"img", "a", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption"} | _HEADINGS,
    clean_content_tags={"script", "style"},
    attributes={"img": {"src", "alt"}, "a": {"href", "class"}},
    url_schemes={"http", "https", "mailto", "tel", "ftp", "data", "file"},
    strip_comments=True,
    link_rel=None,
)


@dataclass
class _Image:
    src: str
    alt: str | None  # None: no alt attribute at all (only HTML can write that)


@dataclass
class _Link:
    href: str
    text: list = field(default_factory=list)


@dataclass
class _Heading:
    level: int
    text: list = field(default_factory=list)


@dataclass
class _Table:
    has_header: bool = False
    first_cell: list | None = None


class _Reader(HTMLParser):
    """The pictures, headings, links and tables of rendered HTML, in document order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list = []  # _Image, _Heading, _Link and _Table, in order
        self.capturing: list[list] = []  # text buffers open now
        self.heading: _Heading | None = None
        self.link: _Link | None = None
        self.tables: list[_Table] = []
        self.skip = 0  # inside a heading's permalink (the toc extension's ¶)

    def handle_starttag(self, tag, attrs):
        values = {name: value or "" for name, value in attrs}
        if tag == "img":
            alt = dict(attrs).get("alt")
            self.found.append(_Image(values.get("src", ""), alt))
            if alt and not self.skip:
                for buffer in self.capturing:
                    buffer.append(alt)
            return
        heading = _HEADING.match(tag)
        if heading and self.heading is None:
            self.heading = _Heading(int(heading.group(1)))
            self.found.append(self.heading)
            self.capturing.append(self.heading.text)
        elif tag == "a":
            classes = values.get("class", "").split()
            if self.skip or "headerlink" in classes:
                self.skip += 1
            elif (
                self.link is None
                and "href" in values
                and not {"footnote-ref", "footnote-backref"} & set(classes)
            ):
                self.link = _Link(values["href"])
                self.found.append(self.link)
                self.capturing.append(self.link.text)
        elif tag == "table":
            table = _Table()
            self.tables.append(table)
            self.found.append(table)
        elif tag in ("th", "td") and self.tables:
            table = self.tables[-1]
            if tag == "th":
                table.has_header = True
            if table.first_cell is None:
                table.first_cell = []
                self.capturing.append(table.first_cell)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag == "a" and self.skip:
            self.skip -= 1
        elif tag == "a" and self.link is not None:
            self._close(self.link.text)
            self.link = None
        elif _HEADING.match(tag) and self.heading is not None:
            self._close(self.heading.text)
            self.heading = None
        elif tag in ("th", "td") and self.tables and self.tables[-1].first_cell is not None:
            self._close(self.tables[-1].first_cell)
        elif tag == "table" and self.tables:
            self.tables.pop()

    def _close(self, buffer: list) -> None:
        self.capturing = [b for b in self.capturing if b is not buffer]

    def handle_data(self, data):
        if not self.skip:
            for buffer in self.capturing:
                buffer.append(data)


def _words(parts: list) -> str:
    return " ".join("".join(parts).split())


def _file_name(src: str) -> str:
    path = src.split("#", 1)[0].split("?", 1)[0]
    return posixpath.basename(unquote(path).rstrip("/")) or src


# --- what the source says --------------------------------------------------------------------
# Each pattern stops at the next bracket it does not expect, so no two attempts scan the same
# text: the cost stays linear whatever the source holds.
_RAW_IMAGE = re.compile(r"(?is)<img\b[^<>]*>")
_RAW_SRC = re.compile(r"""(?is)\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
_RAW_ALT = re.compile(r"(?is)\salt\s*(?:=|[\s/>])")
_EMPTY_ALT = r"""\{[^{}\n]*\balt\s*=\s*(?:""|'')[^{}\n]*\}"""
_MD_DECORATIVE = re.compile(r"!\[[^\[\]\n]*\]\(\s*<?([^()\[\]\s<>]+)>?(?:\s+[^()\n]*)?\)" + _EMPTY_ALT)
_MD_REF_DECORATIVE = re.compile(r"!\[([^\[\]\n]*)\](?:\[([^\[\]\n]*)\])?" + _EMPTY_ALT)
_REF_DEFINITION = re.compile(r"(?m)^ {0,3}\[([^\]\n]+)\]:\s*<?([^\s>]+)>?")
_MD_IMAGE_SRC = re.compile(r"!\[[^\[\]\n]*\]\(\s*<?([^()\[\]\s<>]+)")


def decorative(source: str, attr_list: bool) -> set[str]:
    """File names of the pictures the source marks decorative on purpose: an HTML ``<img>``
    that writes ``alt`` itself, or (with ``attr_list``) a Markdown image followed by
    ``{ alt="" }``."""
    names: set[str] = set()
    if "<" in source:
        for tag in _RAW_IMAGE.findall(source):
            src = _RAW_SRC.search(tag)
            if src and _RAW_ALT.search(tag):
                names.add(_file_name(unescape(next(g for g in src.groups() if g is not None))))
    if attr_list and "alt" in source:
        names.update(_file_name(m.group(1)) for m in _MD_DECORATIVE.finditer(source))
        references = {k.lower(): v for k, v in _REF_DEFINITION.findall(source)}
        for match in _MD_REF_DECORATIVE.finditer(source):
            label = (match.group(2) or match.group(1)).lower()
            if label in references:
                names.add(_file_name(references[label]))
    return names


def _key(text: str) -> str:
    return _NOT_WORDS.sub("", unescape(text).lower())


class _Source:
    """Places a finding at a line of the source by what it holds."""

    def __init__(self, source: str):
        self.lines = source.split("\n")
        self.keys: list[str] | None = None

    def place(self, needle: str, marks: re.Pattern | None = None, after: int = 0) -> int:
        """The 1-based line of the first line holding *needle* (case, entities and
        punctuation ignored), looking from line *after* + 1 first and then from the start,
        and preferring a line that *marks* matches; 1 when no line holds it."""
        if self.keys is None:
            self.keys = [_key(line) for line in self.lines]
        lower, key = needle.lower(), _key(needle)
        count = len(self.lines)
        for start in dict.fromkeys((min(after, count), 0)):
            for prefer in (True, False) if marks is not None else (False,):
                for number in range(start, count):
                    line = self.lines[number]
                    if prefer and marks is not None and not marks.search(line):
                        continue
                    if lower in line.lower() or (key and key in self.keys[number]):
                        return number + 1
        return 1


_IMAGE_MARKS = re.compile(r"(?i)!\[|<img\b|^\s{0,3}\[[^\]]+\]:")
_LINK_MARKS = re.compile(r"(?i)\]\(|\]\[|<a\b|<https?:|<www\.")
_TABLE_MARKS = re.compile(r"(?i)<t[hd]\b|<table\b")


def _heading_marks(level: int, baselevel: int) -> re.Pattern:
    hashes = level - baselevel + 1
    atx = rf"^\s*(?:>\s*)*#{{{hashes}}}(?!#)" if 1 <= hashes <= 6 else r"(?!x)x"
    return re.compile(rf"(?i){atx}|<h{level}\b")


# --- the rules ----------------------------------------------------------------------------------
def check(html: str, source: str, style: Style = Style()) -> list[tuple[int, str, str]]:
    """[(line in *source*, message, hint)] for what the rules find in *html*, rendered from
    *source*. Never raises on any input."""
    if "<img" not in html and "<h" not in html and "<a" not in html and "<table" not in html:
        return []
    reader = _Reader()
    reader.feed(_AS_PARSED.clean(html))
    reader.close()
    lines = _Source(source)
    found: list[tuple[int, str, str]] = []
    more = 0
    kept = decorative(source, style.attr_list) if any(isinstance(f, _Image) for f in reader.found) else set()
    last = {"image": 0, "heading": 0, "link": 0, "table": 0}
    previous = 1  # the page title
    for thing in reader.found:
        if isinstance(thing, _Heading):
            level, was = thing.level, previous
            previous = level
            if level <= was + 1:
                continue
            problem: tuple | None = _heading(thing, was, lines, last, style)
        elif isinstance(thing, _Image):
            problem = _image(thing, kept, lines, last, style)
        elif isinstance(thing, _Link):
            problem = _link(thing, lines, last)
        else:
            problem = None if thing.has_header else _table(thing, lines, last)
        if problem is None:
            continue
        if len(found) >= MAX_FINDINGS:
            more += 1
            continue
        found.append(problem)
    if more:
        found.append(
            (
                1,
                f"and {more} more accessibility problems on this page",
                "fix the ones listed, then check again",
            )
        )
    return found


def _image(image: _Image, kept: set[str], lines: _Source, last: dict, style: Style):
    name = _file_name(image.src)
    alt = None if image.alt is None else image.alt.strip()
    if alt and not _PICTURE_FILE.match(alt) and not _CAMERA_NAME.match(alt):
        return None
    if alt == "" and name in kept:
        return None
    line = lines.place(name or "<img", _IMAGE_MARKS, last["image"])
    last["image"] = line
    text = lines.lines[line - 1] if line <= len(lines.lines) else ""
    written = _MD_IMAGE_SRC.search(text)
    markdown = image.alt is not None and not (re.search(r"(?i)<img\b", text) and not written)
    src = shown(written.group(1) if written else name, 80)
    if alt:
        example = f"![{EXAMPLE_ALT}]({src})" if markdown else f'alt="{EXAMPLE_ALT}"'
        return (
            line,
            f'the image "{shown(name)}" has a file name, "{shown(alt)}", as its text alternative',
            f"write what it shows instead, for example {example}",
        )
    if not markdown:
        hint = f'write what it shows in its alt attribute: alt="{EXAMPLE_ALT}"; for a decorative image write alt=""'
    else:
        decor = f'![]({src}){{ alt="" }}' if style.attr_list else 'the image in HTML with alt=""'
        hint = (
            f"write what it shows in the brackets: ![{EXAMPLE_ALT}]({src}); "
            f"for a decorative image write {decor}"
        )
    return (line, f'the image "{shown(name)}" has no text alternative', hint)


def _heading(heading: _Heading, was: int, lines: _Source, last: dict, style: Style):
    text = _words(heading.text)
    line = lines.place(text, _heading_marks(heading.level, style.baselevel), last["heading"]) if text else 1
    if not text:
        line = lines.place("<h", _heading_marks(heading.level, style.baselevel), last["heading"])
    last["heading"] = line
    wanted = was + 1
    hashes = "#" * max(wanted - style.baselevel + 1, 1)
    after = f"level {was} (the page title)" if was == 1 else f"level {was}"
    return (
        line,
        f'the heading "{shown(text)}" skips a level: it is level {heading.level}, after {after}',
        f"make it {hashes} {shown(text)}, or put a level {wanted} heading ({hashes} ...) above it",
    )


def _link(link: _Link, lines: _Source, last: dict):
    text = _words(link.text)
    plain = text.lower().strip(_AROUND)
    if plain in VAGUE_LINK_TEXT:
        line = lines.place(text, _LINK_MARKS, last["link"])
        last["link"] = line
        return (
            line,
            f'the link text "{shown(text)}" does not say where the link goes',
            f"write what the reader will find as the link text, for example [the referral form](...), "
            f"not [{shown(text)}](...)",
        )
    if _ADDRESS.match(text):
        line = lines.place(text, _LINK_MARKS, last["link"])
        last["link"] = line
        return (
            line,
            f'the link text is the address "{shown(text)}" itself',
            "write what the page is as the link text, with the address after it in brackets: "
            "[Working Together to Safeguard Children](https://www.gov.uk/...)",
        )
    return None


def _table(table: _Table, lines: _Source, last: dict):
    """At the ``<table`` line before the table's first cell (a table written in HTML)."""
    cell = _words(table.first_cell or [])
    line = lines.place(cell, _TABLE_MARKS, last["table"]) if cell else 0
    opening = next((n for n in range(line, last["table"], -1) if "<table" in lines.lines[n - 1].lower()), 0)
    line = opening or line or lines.place("<table", None, last["table"])
    last["table"] = line
    return (
        line,
        "the table has no header row",
        "make its first row the column headings: write it as a Markdown table (| Team | Phone | "
        "on the first line, | --- | --- | under it), or use <th> for the heading cells",
    )
