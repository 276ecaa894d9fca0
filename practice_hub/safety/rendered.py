"""Judge what is published: the HTML the renderer produced, as a browser parses it.

The source check in ``html.py`` reads Markdown as text; a Markdown parser trick (an escaped
backtick, an unclosed fence, a comment form like ``<!-->``) can make it read markup that the
renderer publishes as something else. This module judges the *rendered* HTML instead:

* ``render`` turns a body into HTML with the same Markdown extensions and settings as the build;
  ``check`` uses it, and the build judges the HTML MkDocs itself produced (``judge_page``), so a
  trick that hides markup from the judge hides it from the reader too.
* ``judge`` parses the HTML with html5ever (through nh3, the binding to the Ammonia sanitiser:
  the HTML5 parsing algorithm browsers use) twice: once keeping everything it was given, once
  through the allow-list. Equal results mean nothing was refused (the fast path, all in Rust).
  Otherwise the kept-everything serialisation, now well-formed, is walked element by element to
  name what was refused, and each finding is mapped back to the nearest source line.
* What is published is always the allow-listed serialisation, whatever was reported: no element
  or attribute outside the allow-list reaches the site.

Two allow-lists: ``CONTENT`` for what editors write (the page body), and ``SITE`` for what
Practice Hub itself adds (forms of the audit tool, charts, data attributes): never script,
event handlers, outside resources or unsafe link schemes in either.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

import nh3

from . import accessible, urls
from . import html as source_html
from .entities import unescape

# What MkDocs always adds before the extensions named in mkdocs.yml
# (mkdocs.config.defaults: markdown_extensions builtins).
BUILTIN_EXTENSIONS = ("toc", "tables", "fenced_code")

GENERIC = "part of the page's HTML cannot be published"
#: Elements the HTML parser adds itself, as a browser does (a table's rows sit in a <tbody> even
#: when none is written): adding one is not a removal.
IMPLIED = frozenset({"html", "head", "body", "tbody", "colgroup"})
RESERVED_ID = "__"  # Material's own elements (#__config, #__search, #__drawer ...)
MAX_FINDINGS = 40  # per page; the rest are counted
_TEXT_ALIGN = re.compile(r"\s*text-align:\s*(left|right|center)\s*;?\s*")
_RESOURCE = {"src", "srcset", "poster", "data", "background"}


@dataclass(frozen=True)
class AllowList:
    """Tags, attributes per tag (``"*"``: every tag) and attribute prefixes that may be published."""

    name: str
    tags: frozenset
    attributes: dict
    prefixes: frozenset = frozenset()
    input_types: frozenset = frozenset({"checkbox"})
    _cleaner: list = field(default_factory=list, compare=False, repr=False)

    def allowed(self, tag: str, attribute: str) -> bool:
        return (
            attribute in self.attributes.get("*", ())
            or attribute in self.attributes.get(tag, ())
            or any(attribute.startswith(p) for p in self.prefixes)
        )

    def cleaner(self):
        if not self._cleaner:
            self._cleaner.append(
                nh3.Cleaner(
                    tags=set(self.tags),
                    clean_content_tags={"script", "style"},
                    attributes={k: set(v) for k, v in self.attributes.items()},
                    generic_attribute_prefixes=set(self.prefixes) or None,
                    url_schemes=set(urls.LINK_SCHEMES),
                    strip_comments=True,
                    link_rel=None,
                    attribute_filter=self._filter,
                )
            )
        return self._cleaner[0]

    def _filter(self, tag: str, attribute: str, value: str):
        """Values nh3 cannot judge by scheme alone: resources only from this site, styles only
        for table alignment, form fields only of known kinds."""
        if attribute in _RESOURCE:
            addresses = (
                [a.strip().split(" ")[0] for a in value.split(",")] if attribute == "srcset" else [value]
            )
            if any(urls.classify(a) != urls.SITE for a in addresses if a):
                return None
        if attribute == "style" and not _TEXT_ALIGN.fullmatch(value):
            return None
        if attribute in ("id", "for") and value.startswith(RESERVED_ID):
            return None
        if tag == "input" and attribute == "type" and value.lower() not in self.input_types:
            return None
        if attribute in ("href", "cite") and urls.classify(value) in (urls.BAD, urls.OUTSIDE):
            return None
        return value


def _attributes(base: dict, extra: dict) -> dict:
    merged = {tag: set(names) for tag, names in base.items()}
    for tag, names in extra.items():
        merged.setdefault(tag, set()).update(names)
    return {tag: frozenset(names) for tag, names in merged.items()}


_CONTENT_ATTRIBUTES = _attributes(
    {**source_html.ATTRIBUTES, "*": source_html.GLOBAL_ATTRIBUTES},
    {
        # Rendered by the extensions: task-list boxes, aligned table columns.
        "input": {"type", "disabled", "checked"},
        "th": {"style"},
        "td": {"style"},
    },
)
CONTENT = AllowList(
    "content",
    tags=frozenset(source_html.TAGS | {"input", "label"}),
    attributes=_CONTENT_ATTRIBUTES,
)

_SVG = {
    "svg": {"viewBox", "viewbox", "xmlns", "width", "height", "preserveAspectRatio", "focusable"},
    "g": {"transform"},
    "path": {"d", "fill", "stroke", "stroke-width"},
    "circle": {"cx", "cy", "r", "fill", "stroke"},
    "ellipse": {"cx", "cy", "rx", "ry", "fill"},
    "rect": {"x", "y", "width", "height", "rx", "ry", "fill"},
    "line": {"x1", "y1", "x2", "y2", "stroke", "stroke-width"},
    "polyline": {"points", "fill", "stroke"},
    "polygon": {"points", "fill", "stroke"},
    "text": {"x", "y", "dx", "dy", "text-anchor"},
    "tspan": {"x", "y", "dx", "dy"},
    "title": set(),
    "desc": set(),
}
SITE = AllowList(
    "site",
    tags=frozenset(
        CONTENT.tags
        | set(_SVG)
        | set(
            """form fieldset legend select option optgroup textarea button progress meter output
            nav section article aside header footer figure figcaption label""".split()
        )
    ),
    attributes=_attributes(
        _CONTENT_ATTRIBUTES,
        {
            "*": {"role", "hidden", "tabindex", "aria-label"},
            "input": {
                "name",
                "value",
                "id",
                "placeholder",
                "pattern",
                "autocomplete",
                "spellcheck",
                "accept",
                "required",
                "min",
                "max",
                "step",
                "inputmode",
                "maxlength",
                "size",
                "list",
            },
            "select": {"name", "multiple", "required", "autocomplete"},
            "option": {"value", "selected", "disabled"},
            "optgroup": {"label"},
            "textarea": {"name", "rows", "cols", "maxlength", "placeholder", "required", "spellcheck"},
            "button": {"type", "name", "value", "disabled"},
            "label": {"for"},
            "form": {"autocomplete", "novalidate"},
            "fieldset": {"disabled"},
            "progress": {"max", "value"},
            "meter": {"min", "max", "low", "high", "optimum", "value"},
            "output": {"for"},
            "table": {"summary"},
            **_SVG,
        },
    ),
    prefixes=frozenset({"data-", "aria-"}),
    input_types=frozenset({"checkbox", "radio", "text", "search", "date", "file", "number", "hidden"}),
)

_TAG_NAME = re.compile(r"<\s*/?\s*([^\s/>]+)")
_IN_TAG = re.compile(r"<[^<>]*>?")
_ATTR_TOKEN = re.compile(r"[^\s\"'<>/=]+")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")


def _everything(html: str):
    """A cleaner that keeps everything the HTML could hold: every tag and attribute name written
    in it (a superset, found by pattern) and every scheme, so that comparing its output with the
    allow-list's shows exactly what the allow-list removed."""
    tags = {m.lower() for m in _TAG_NAME.findall(html)}
    names: set[str] = set()
    for tag in _IN_TAG.findall(html):
        for token in _ATTR_TOKEN.findall(tag):
            names.update((token, token.lower()))
    decoded = re.sub(r"[\t\n\r]", "", unescape(html))
    schemes = {m.lower() for m in _SCHEME.findall(decoded)} | set(urls.LINK_SCHEMES)
    return nh3.Cleaner(
        tags=tags | IMPLIED,
        clean_content_tags=set(),
        attributes={"*": names},
        generic_attribute_prefixes={"data-", "aria-"},
        url_schemes=schemes,
        strip_comments=True,
        link_rel=None,
    )


@dataclass(frozen=True)
class Finding:
    message: str
    hint: str
    needle: str  # what to look for in the source to find its line


@dataclass(frozen=True)
class Judgement:
    published: str  # the allow-listed HTML: what the site gets
    findings: tuple  # of Finding


def judge(html: str, allow: AllowList = CONTENT) -> Judgement:
    """Parse the HTML as a browser would and report every element and attribute the allow-list
    refuses. The published HTML is the allow-listed serialisation, always."""
    strict = allow.cleaner().clean(html)
    if "<" not in html and "&" not in html:
        return Judgement(strict, ())
    kept = _everything(html).clean(html)
    if kept == strict:
        return Judgement(strict, ())
    return Judgement(strict, tuple(_name_findings(kept, allow)))


def _name_findings(kept: str, allow: AllowList) -> list[Finding]:
    findings: list[Finding] = []
    seen: set[str] = set()

    def report(_line, message, hint):
        if message not in seen:
            seen.add(message)
            findings.append(Finding(message, hint, _needle(message)))

    walker = _RenderedWalker(report, allow)
    walker.feed(kept)
    walker.close()
    if not findings:
        # The allow-list changed something no rule above names (a value it refused): name the
        # first element or attribute that differs.
        findings.append(_first_difference(kept, allow))
    return findings


class _Elements(HTMLParser):
    """The start tags of well-formed HTML, with their attributes, in order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, tuple]] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, tuple(attrs)))

    handle_startendtag = handle_starttag


def _elements(html: str) -> list[tuple[str, tuple]]:
    parser = _Elements()
    parser.feed(html)
    parser.close()
    return parser.elements


def _first_difference(kept: str, allow: AllowList) -> Finding:
    """A finding naming the first element or attribute of *kept* that the allow-list changes."""
    strict = _elements(allow.cleaner().clean(kept))
    for index, (tag, attrs) in enumerate(_elements(kept)):
        other = strict[index] if index < len(strict) else None
        if other is None or other[0] != tag:
            message = f"HTML tag <{source_html.shown(tag, 30)}> cannot be published here"
            return Finding(message, "remove it, or write the content in Markdown", _needle(message))
        for name, value in attrs:
            if (name, value) not in other[1]:
                return Finding(
                    f'HTML attribute "{source_html.shown(name, 30)}" on <{tag}> cannot be published '
                    f'with the value "{source_html.shown(value or "", 40)}"',
                    "remove the attribute, or correct its value",
                    name,
                )
    return Finding(GENERIC, "remove the HTML, or write the content in Markdown", "<")


class _RenderedWalker(source_html._Walker):
    """The source check's rules, on well-formed HTML, with the allow-list given."""

    def __init__(self, report, allow: AllowList):
        super().__init__(report)
        self.allow = allow

    def handle_starttag(self, tag, attrs):
        self._check(tag, attrs, "", 0)

    def handle_startendtag(self, tag, attrs):
        self._check(tag, attrs, "", 0)

    def handle_endtag(self, tag):
        return

    def _check(self, tag, attrs, raw, line):
        if tag in self.allow.tags:
            for name, value in attrs:
                self._judge_attribute(tag, name, value or "", line)
            return
        super()._check(tag, attrs, raw, line)

    def _judge_attribute(self, tag, name, value, line) -> bool:
        """Report one attribute of an allowed tag; True when something was reported."""
        lower = name.lower()
        if lower.startswith("on"):
            self.report(
                line,
                f'HTML attribute "{source_html.shown(name, 30)}" on <{tag}> runs script and is not allowed',
                "remove it: pages cannot run script",
            )
            return True
        if lower in ("id", "for") and value.startswith(RESERVED_ID):
            self.report(
                line,
                f'the id "{source_html.shown(value, 30)}" belongs to one of the site\'s own elements',
                "choose another id: ids starting with __ are the page's own (its settings and search)",
            )
            return True
        if lower == "style":
            if _TEXT_ALIGN.fullmatch(value):
                if self.allow.allowed(tag, "style"):
                    return False
            elif re.search(r"(?i)url\s*\(|expression\s*\(|@import", urls.decode(value)):
                self.report(
                    line,
                    f'HTML attribute "style" on <{tag}> loads a file through CSS url()',
                    "remove it; styles come from the site's own stylesheet (use a class)",
                )
                return True
        if lower in source_html.LINK_ATTRIBUTES and urls.classify(value) == urls.BAD:
            self._bad_link(tag, name, value, line)
            return True
        if lower in _RESOURCE:
            for address in value.split(",") if lower == "srcset" else [value]:
                address = address.strip().split(" ")[0] if lower == "srcset" else address
                kind = urls.classify(address)
                if kind in (urls.WEB, urls.OUTSIDE):
                    self._outside(tag, name, address, line)
                    return True
                if kind != urls.SITE:
                    self._bad_link(tag, name, address, line)
                    return True
        if tag == "input" and lower == "type" and value.lower() not in self.allow.input_types:
            self.report(
                line,
                "HTML tag <input> is not allowed",
                "forms cannot be published: write the content in Markdown",
            )
            return True
        if not self.allow.allowed(tag, name) and not (name != lower and self.allow.allowed(tag, lower)):
            allowed = sorted(self.allow.attributes.get("*", set()) | self.allow.attributes.get(tag, set()))
            self.report(
                line,
                f'HTML attribute "{source_html.shown(name, 30)}" is not allowed on <{tag}>',
                f"remove it; allowed on <{tag}>: {', '.join(allowed)}",
            )
            return True
        return False

    def _confirm(self, tag, attrs, raw, line):
        return  # nh3 already judged this HTML


_NEEDLES = (
    re.compile(r'^the id "(.+?)(?:\.\.\.)?"'),
    re.compile(r'^HTML attribute "(.+?)"'),
    re.compile(r"^HTML tag <([^\s>]+)"),
    re.compile(r'^<\w+ [\w:-]+="(.+?)(?:\.\.\.)?">'),
    re.compile(r'^(?:link|image) "(.+?)(?:\.\.\.)?"'),
)


def _needle(message: str) -> str:
    for number, pattern in enumerate(_NEEDLES):
        match = pattern.search(message)
        if match:
            return ("<" if number == 2 else "") + match.group(1)
    return "<"


_INVISIBLE = re.compile(r"[\s\x00-\x1f\x7f\\]+")


def _plain(text: str) -> str:
    """Lower case, entities decoded, white space, control characters and backslashes removed."""
    return _INVISIBLE.sub("", unescape(text).lower())


def locate(source: str, needle: str, default: int = 1) -> int:
    """The 1-based line of *source* where *needle* first appears (case, entities, white space
    and backslash escapes ignored); *default* when it does not."""
    needle = re.sub(r"\\x([0-9a-f]{2})", lambda m: chr(int(m.group(1), 16)), needle)
    lower, plain = needle.lower(), _plain(needle)
    lines = source.split("\n")
    for same in (
        lambda line: lower in line.lower(),
        lambda line: lower in unescape(line).lower(),
        lambda line: bool(plain) and plain in _plain(line),
    ):
        for number, line in enumerate(lines, 1):
            if same(line):
                return number
    return default


def judge_page(html: str, source: str, allow: AllowList = CONTENT, already=frozenset()):
    """(published HTML, [(line in source, message, hint)]) for HTML rendered from *source*.
    *already* holds (line in source, message) reported by the source check: a finding on the
    same line about the same tag, attribute or address is not repeated."""
    judgement = judge(html, allow)
    found = []
    findings = judgement.findings
    if len(findings) > MAX_FINDINGS:  # each is placed by a pass over the source: keep it bounded
        more = len(findings) - MAX_FINDINGS
        findings = findings[:MAX_FINDINGS] + (
            Finding(
                f"and {more} more HTML problems on this page",
                "fix the ones listed, then check again",
                "<",
            ),
        )
    for finding in findings:
        if finding.message == GENERIC and already:
            continue  # the source check named what is taken out here
        line = locate(source, finding.needle)
        if finding.message.startswith("HTML attribute"):  # written name="...": not a word in the text
            line = locate(source, finding.needle + "=", default=0) or line
        if any(n == line and (m == finding.message or finding.needle in m) for n, m in already):
            continue
        found.append((line, finding.message, finding.hint))
    return judgement.published, found


# --- rendering as the build does ---------------------------------------------------------------
def extension_settings(configured) -> tuple[list[str], dict]:
    """Extension names and settings from mkdocs.yml's ``markdown_extensions`` (a list of names or
    one-key mappings), after MkDocs' own."""
    names = list(BUILTIN_EXTENSIONS)
    settings: dict = {}
    for entry in configured or []:
        if isinstance(entry, dict):
            for name, options in entry.items():
                if name not in names:
                    names.append(name)
                settings[name] = options or {}
        elif isinstance(entry, str) and entry not in names:
            names.append(entry)
    return names, settings


class Renderer:
    """One Markdown instance for many bodies (``reset`` between them), as MkDocs renders pages."""

    def __init__(self, configured_extensions):
        import markdown

        names, settings = extension_settings(configured_extensions)
        self.extensions = tuple(names)
        self.style = accessible.Style.of(names, settings)
        self._md = markdown.Markdown(extensions=names, extension_configs=settings)

    def render(self, body: str) -> str:
        self._md.reset()
        return self._md.convert(body)
