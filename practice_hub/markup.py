"""HTML written by Practice Hub: every value escaped by default.

Every layer builds HTML only through these helpers (``tests/unit/test_html_ratchet.py`` finds
HTML written any other way). A value is escaped unless it is ``Markup`` (HTML made by these
helpers, or a constant written in code); URLs go through ``safe_url``, which lets through only
http, https, mailto, tel and links inside the site. ``escape`` is the one HTML escape function:
``practice_hub.text.esc`` (Markdown-literal text) is built on it.

The generated pages are Markdown with HTML inside. Markdown made by ``practice_hub.text`` (``esc``
escapes editor text, ``link`` escapes the link text) has its ``&`` and ``<`` escaped already; it
goes inside an element through ``markdown_text``, which says so where it happens.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from markupsafe import Markup

ALLOWED_SCHEMES = ("http", "https", "mailto", "tel")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_CONTROL = re.compile(r"[\x00-\x20\x7f]")
_TAG_NAME = re.compile(r"[A-Za-z][A-Za-z0-9-]*")

#: Fixed pieces written between elements: a line break inside text, and a new line.
BR = Markup("<br>")
NEWLINE = Markup("\n")


def escape(value, quote: bool = True) -> Markup:
    """Text as HTML: & < > " ' escaped (as html.escape does); Markup passes through.

    ``quote=False`` leaves quotes as they are (text between tags, never an attribute's value).
    """
    if isinstance(value, Markup):
        return value
    return Markup(html.escape("" if value is None else str(value), quote=quote))


def markdown_text(text) -> Markup:
    """Markdown whose HTML specials are already escaped, placed as it is.

    Only for Markdown built by ``practice_hub.text`` (``esc``, ``link``, ``bullet_list``, ``table``:
    editor text escaped, ``&`` and ``<`` included) around HTML built by these helpers.
    """
    return text if isinstance(text, Markup) else Markup(str(text))


def safe_url(url) -> str:
    """The URL if it is http(s), mailto, tel or inside the site (relative, or starting / # ?), else "#".

    The result is not yet escaped for an attribute: ``attributes`` does that.
    """
    text = "" if url is None else str(url).strip()
    if not text or _CONTROL.search(text.replace(" ", "")):
        return "#"
    squashed = _CONTROL.sub("", text)
    if squashed.startswith("//") or squashed.startswith("\\"):
        return "#"  # another host, without a scheme
    if _SCHEME.match(squashed):
        return text if urlsplit(squashed).scheme.lower() in ALLOWED_SCHEMES else "#"
    return text


def attributes(**values) -> Markup:
    """' name="value"' for each value (escaped); True writes the bare name; None and False omit it.

    A trailing underscore is dropped (``class_``), other underscores become hyphens
    (``data_ph_key`` -> ``data-ph-key``); ``href`` and ``src`` go through ``safe_url``.
    """
    out = []
    for key, value in values.items():
        name = key.rstrip("_").replace("_", "-")
        if value is None or value is False:
            continue
        if value is True:
            out.append(f" {name}")
            continue
        if name in ("href", "src"):
            value = safe_url(value)
        out.append(f' {name}="{escape(value)}"')
    return Markup("".join(out))


def _name(tag: str) -> str:
    """The element's name, checked: a name written in code, never a value from content."""
    if not _TAG_NAME.fullmatch(tag):
        raise ValueError(f"not an element name: {tag!r}")
    return tag


def start_tag(tag: str, **attrs) -> Markup:
    """<tag attrs>: an element's opening line, or an HTML void element (input, br)."""
    return Markup("<" + _name(tag)) + attributes(**attrs) + Markup(">")


def end_tag(tag: str) -> Markup:
    """</tag>: the line that closes what ``start_tag`` opened."""
    return Markup("</" + _name(tag) + ">")


def self_closing(tag: str, **attrs) -> Markup:
    """<tag attrs/>: an SVG element with no content (line, rect, circle, polyline)."""
    return Markup("<" + _name(tag)) + attributes(**attrs) + Markup("/>")


def join(parts: Iterable, separator="") -> Markup:
    """The parts one after another, each escaped unless it is Markup (the separator too)."""
    return escape(separator).join(escape(part) for part in parts)


def element(tag: str, *children, **attrs) -> Markup:
    """<tag attrs>children</tag>, each child escaped unless it is Markup."""
    return start_tag(tag, **attrs) + join(children) + end_tag(tag)


def table_head(*headings) -> Markup:
    """<thead><tr><th>heading</th>...</tr></thead>; an empty heading ("") is left out."""
    return element("thead", element("tr", *(element("th", h) for h in headings if h != "")))


def markdown_block(tag: str, *children, **attrs) -> Markup:
    """<tag attrs markdown> with a blank line on each side of the children, so that Markdown reads
    what is inside (Python-Markdown's md_in_html): a page's section, card or box."""
    blank = Markup("\n\n")
    return element(tag, blank, *children, blank, **attrs, markdown=True)


def filter_data(**keys) -> dict[str, str]:
    """The data attributes a filter form's script matches on: ``|value|value|`` for each key
    (a ``FilterField``'s key), so that a value is matched whole, never as part of another.

    ``filter_data(audience=["ASYE", "manager"])`` -> ``{"data_audience": "|ASYE|manager|"}``, to
    pass on to ``element`` or ``start_tag``; a single value (a string) is one value.
    """
    out = {}
    for key, values in keys.items():
        listed = [values] if isinstance(values, str) else list(values or [])
        out[f"data_{key}"] = "|" + "|".join(str(value) for value in listed) + "|"
    return out


def link(text, url, **attrs) -> Markup:
    """<a href="url">text</a>, the URL checked by ``safe_url``; an unsafe URL gives plain text."""
    if safe_url(url) == "#":
        return escape(text)
    return element("a", text, href=url, **attrs)


def markdown_link(text_markdown: str, url) -> str:
    """A Markdown link to an outside URL: [text](<url>); an unsafe URL gives the text alone."""
    checked = safe_url(url)
    if checked == "#":
        return text_markdown
    if re.search(r"[\s()<>]", checked):
        return f"[{text_markdown}](<{checked.replace('<', '%3C').replace('>', '%3E')}>)"
    return f"[{text_markdown}]({checked})"


@dataclass(frozen=True)
class FilterField:
    """One <select> of a filter form: ``key`` is the data attribute the script filters on."""

    key: str
    label: str
    anyone: str  # the first option, meaning no filter
    options: list[tuple[str, str]]  # (value, label)
    name: str = ""  # id suffix (ph-f-<name>), the key when empty


def options(values: Iterable[tuple[str, str]], anyone: str) -> Markup:
    return element("option", anyone, value="") + join(
        element("option", label, value=value) for value, label in values
    )


def filter_form(fields: list[FilterField], noun: str | None = None) -> list[str]:
    """The lines of a filter form (progressive enhancement: hidden until the script shows it)."""
    lines = [str(start_tag("form", class_="ph-filters", data_ph_filter=True, data_ph_noun=noun, hidden=True))]
    for field in fields:
        ident = f"ph-f-{field.name or field.key}"
        select = start_tag("select", id=ident, data_ph_key=field.key)
        lines.append(
            str(
                Markup('<div class="ph-filters__field">')
                + element("label", field.label, for_=ident)
                + select
                + options(field.options, field.anyone)
                + Markup("</select></div>")
            )
        )
    lines += [
        '<button type="reset" class="md-button">Clear filters</button>',
        "</form>",
        '<p class="ph-filter-count" role="status" aria-live="polite"></p>',
    ]
    return lines


def comment(text: str) -> Markup:
    """<!--text-->, an HTML comment; the text is code's own (a token), never an editor's."""
    if "--" in text or ">" in text:
        raise ValueError(f"not a safe comment: {text!r}")
    return Markup(f"<!--{text}-->")


def tag_text(name: str) -> str:
    """<name> as a message shows a tag to a reader: plain text, escaped like any other when it
    reaches a page."""
    return f"<{name}>"
