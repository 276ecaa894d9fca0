"""The CPD companion: "Record as CPD" under a course, event, briefing, research entry or
procedure, and the generated "My CPD" page (my-cpd.md).

Social Work England asks a social worker to record at least two pieces of CPD in each
registration year (1 December to 30 November), at least one of them with a peer reflection, and
counts pieces, never hours. Its own form signs people out after an hour, so people draft
elsewhere: this is that draft, kept in the reader's browser only.

Everything here is HTML made by ``markup.py``, every value escaped. The block carries what the
script needs as data attributes (the type of CPD, the title, the date, the page's path and the
prompts) and holds an inline form in Social Work England's fields; it is hidden without
JavaScript, which it says. ``overrides/javascripts/practice-hub-cpd.js`` keeps the records in
one localStorage key of this site, lists them on My CPD only when the reader asks (nothing
opens by itself on a shared computer), counts the registration year, exports them as text and
JSON and clears them, as the audit tool does its drafts. Nothing is ever sent.
"""

from __future__ import annotations

import json

from ..content_types import TYPES
from ..markup import Markup, element, link, start_tag
from ..structure.items import Item
from .audit_form import page_url, relative

MY_CPD_URI = "my-cpd.md"
MY_CPD_TITLE = "My CPD"

#: Prompts for what has no questions of its own (research entries, procedures, and courses and
#: events without ``reflection_prompts``): the one place they are written.
ENGINE_PROMPTS = (
    "What did you learn that you did not know, or had not thought about, before?",
    "What will you do differently with the children, adults or families you work with?",
    "Who could you talk it through with, and what would you ask them?",
)

#: Where each item gets its prompts: its own reflection questions, else a briefing's questions
#: for teams, else the engine's.
PROMPT_FIELDS = ("reflection_prompts", "questions")

DEVICE_NOTE = (
    "Kept in this browser on this device only: nothing is sent to anyone, and it is not saved "
    "to your Social Work England account. On a shared computer, clear it when you finish."
)
NEEDS_SCRIPT = (
    "Recording this as CPD needs JavaScript, which is switched off or blocked in this browser. "
    "You can record it straight into your Social Work England account instead."
)
SWE_YEAR = (
    "Social Work England's registration year runs from 1 December to 30 November. In each year "
    "you record at least two pieces of CPD, and at least one of them with a peer reflection. "
    "It counts pieces of CPD, not hours."
)


def prompts_of(item: Item) -> list[str]:
    """The questions shown as hints while recording the item as CPD (one to five)."""
    for field in PROMPT_FIELDS:
        own = [str(p) for p in item.data.get(field) or [] if isinstance(p, str) and p.strip()]
        if own:
            return own[:5]
    return list(ENGINE_PROMPTS)


def counts_as_cpd(item: Item) -> bool:
    """Whether the item's page offers "Record as CPD": its type is a learning activity and the
    item does not say ``cpd: false``."""
    content_type = TYPES.get(item.type)
    return bool(content_type and content_type.cpd_type) and item.data.get("cpd") is not False


def cpd_type_of(item: Item) -> str:
    """The type of CPD in Social Work England's words; an event's kind after it ("Event: seminar")."""
    named = TYPES[item.type].cpd_type
    kind = item.data.get("kind")
    return f"{named}: {kind}" if isinstance(kind, str) and kind else named


def date_of(item: Item) -> str:
    """The activity's date when it has one (an event's start day), as YYYY-MM-DD, else ""."""
    start = str(item.data.get("start") or "")
    return start[:10] if len(start) >= 10 and start[4:5] == "-" else ""


def _field(label: str, control: Markup, ident: str, hint: Markup | str = "") -> Markup:
    parts = [element("label", label, for_=ident)]
    if hint:
        parts.append(hint if isinstance(hint, Markup) else element("p", hint, class_="ph-cpd__hint"))
    parts.append(control)
    return element("div", *parts, class_="ph-cpd__field")


def _text(ident: str, name: str, **attrs) -> Markup:
    return start_tag("input", type="text", id=ident, name=name, autocomplete="off", **attrs)


def _area(ident: str, name: str, **attrs) -> Markup:
    return element("textarea", id=ident, name=name, rows="4", **attrs)


def record_form(prefix: str, prompts: list[str]) -> Markup:
    """The form in Social Work England's fields, hidden until the reader opens it. ``prefix``
    makes its ids unique on the page."""
    hint_id = f"{prefix}-prompts"
    hint = (
        element(
            "div",
            element("p", "To help you reflect:", class_="ph-cpd__hint"),
            element("ul", *(element("li", p) for p in prompts)),
            id=hint_id,
            class_="ph-cpd__prompts",
        )
        if prompts
        else Markup("")
    )
    peer = element(
        "fieldset",
        element("legend", "Peer reflection"),
        element(
            "p",
            "Social Work England asks for at least one piece of CPD a year with a peer reflection: "
            "a conversation about it with a colleague or another professional. Name a role rather "
            "than a person if you prefer.",
            class_="ph-cpd__hint",
        ),
        element(
            "div",
            start_tag("input", type="checkbox", id=f"{prefix}-peer", name="peer"),
            " ",
            element("label", "I reflected on this with a peer", for_=f"{prefix}-peer"),
            class_="ph-cpd__check",
        ),
        _field(
            "With whom (a role or a colleague)",
            _text(f"{prefix}-peer-with", "peer_with"),
            f"{prefix}-peer-with",
        ),
        _field(
            "When",
            start_tag("input", type="date", id=f"{prefix}-peer-when", name="peer_when"),
            f"{prefix}-peer-when",
        ),
        _field(
            "What came out of the conversation",
            _area(f"{prefix}-peer-notes", "peer_notes"),
            f"{prefix}-peer-notes",
        ),
        class_="ph-cpd__peer",
    )
    return element(
        "form",
        element("p", "Fields marked required must be filled in before you save.", class_="ph-cpd__hint"),
        _field("Type of CPD (required)", _text(f"{prefix}-type", "type"), f"{prefix}-type"),
        _field("Title (required)", _text(f"{prefix}-title", "title"), f"{prefix}-title"),
        _field(
            "Date (required)",
            start_tag("input", type="date", id=f"{prefix}-date", name="date"),
            f"{prefix}-date",
        ),
        _field(
            "What I learnt (required)",
            _area(f"{prefix}-learnt", "learnt", aria_describedby=hint_id if prompts else None),
            f"{prefix}-learnt",
            hint,
        ),
        _field(
            "Impact on my practice",
            _area(f"{prefix}-impact", "impact"),
            f"{prefix}-impact",
            "How it has changed, or will change, what you do.",
        ),
        peer,
        element("div", id=f"{prefix}-problems", class_="ph-cpd__problems", role="alert", tabindex="-1"),
        element(
            "p",
            element("button", "Save on this device", type="submit", class_="md-button md-button--primary"),
            " ",
            element("button", "Cancel", type="button", class_="md-button", data_cpd_action="cancel"),
            class_="ph-cpd__buttons",
        ),
        class_="ph-cpd__form",
        id=f"{prefix}-form",
        data_ph_cpd_form=True,
        aria_label="Record as CPD",
        autocomplete="off",
        novalidate=True,
        hidden=True,
    )


def record_block(item: Item, uri: str, use_directory_urls: bool) -> str:
    """ "Record as CPD" for the item's page at *uri* (Markdown: one HTML block), or "" when the
    item does not count as CPD."""
    if not counts_as_cpd(item):
        return ""
    prompts = prompts_of(item)
    home = relative(uri, MY_CPD_URI, use_directory_urls)
    block = element(
        "section",
        element("h2", "Record as CPD", id="ph-cpd-h"),
        element("p", NEEDS_SCRIPT, class_="ph-cpd__needs-script", data_ph_cpd_needs_script=True),
        element(
            "div",
            element("p", DEVICE_NOTE, class_="ph-cpd__note"),
            element(
                "p",
                element(
                    "button",
                    "Record this as CPD",
                    type="button",
                    class_="md-button",
                    data_cpd_action="open",
                    aria_expanded="false",
                    aria_controls="ph-cpd-form",
                ),
                " ",
                link("See my CPD records", home),
                class_="ph-cpd__buttons",
            ),
            record_form("ph-cpd", prompts),
            element("p", role="status", class_="ph-cpd__status", data_ph_cpd_status=True),
            hidden=True,
            data_ph_cpd_js=True,
        ),
        class_="ph-cpd",
        aria_labelledby="ph-cpd-h",
        data_ph_cpd=True,
        data_cpd_type=cpd_type_of(item),
        data_cpd_title=item.title,
        data_cpd_date=date_of(item),
        data_cpd_page=page_url(uri, use_directory_urls),
        data_cpd_prompts=json.dumps(prompts, ensure_ascii=False),
        data_cpd_home=home,
        data_pagefind_ignore="all",
    )
    return "\n" + str(block) + "\n"


def _button(action: str, text: str, **attrs) -> Markup:
    return element("button", text, type="button", class_="md-button", data_cpd_action=action, **attrs)


def my_cpd_page(use_directory_urls: bool) -> str:
    """The My CPD page (Markdown): what it is for, the note, and a place the script fills only
    when the reader presses "Show my CPD records"."""
    home = relative(MY_CPD_URI, MY_CPD_URI, use_directory_urls)
    records = element(
        "div",
        element("p", DEVICE_NOTE, class_="ph-cpd__note"),
        element(
            "p",
            _button("show", "Show my CPD records", aria_expanded="false", aria_controls="ph-cpd-records"),
            class_="ph-cpd__buttons",
        ),
        element(
            "section",
            element("h2", "My CPD records", id="ph-cpd-records-h", tabindex="-1"),
            element("div", class_="ph-cpd__year", data_ph_cpd_year=True),
            element("div", class_="ph-cpd__list", data_ph_cpd_list=True),
            record_form("ph-cpd-edit", list(ENGINE_PROMPTS)),
            element("h2", "Copy or download", id="ph-cpd-export-h"),
            element(
                "p",
                "The text has one block per record, with the field names of Social Work England's "
                "form, ready to paste into your account. The JSON file keeps everything, to keep a "
                "copy or move it to another device.",
            ),
            element(
                "p",
                _button("copy-text", "Copy as text"),
                " ",
                _button("download-text", "Download as text"),
                " ",
                _button("download-json", "Download as JSON"),
                class_="ph-cpd__buttons",
            ),
            element("h2", "Clear everything", id="ph-cpd-clear-h"),
            element(
                "p",
                "Removes every CPD record kept in this browser. Download them first if you want to keep "
                "them.",
            ),
            element(
                "p",
                _button("clear-all", "Clear everything on this device"),
                class_="ph-cpd__buttons",
            ),
            id="ph-cpd-records",
            class_="ph-cpd__records",
            aria_labelledby="ph-cpd-records-h",
            hidden=True,
        ),
        element("p", role="status", class_="ph-cpd__status", data_ph_cpd_status=True),
        hidden=True,
        data_ph_cpd_js=True,
    )
    page = element(
        "div",
        element("p", NEEDS_SCRIPT, class_="ph-cpd__needs-script", data_ph_cpd_needs_script=True),
        records,
        class_="ph-cpd ph-cpd--page",
        data_ph_cpd_page=True,
        data_cpd_home=home,
        data_pagefind_ignore="all",
    )
    intro = (
        "Draft your CPD here before you add it to your Social Work England account, whose form signs "
        "you out after an hour. Record a course, event, briefing, research entry or procedure from "
        "its page with \u201cRecord this as CPD\u201d."
    )
    return "\n".join(
        [
            "---",
            f"title: {MY_CPD_TITLE}",
            "hide: [toc]",
            "---",
            "",
            f"# {MY_CPD_TITLE}",
            "",
            intro,
            "",
            SWE_YEAR,
            "",
            str(page),
            "",
        ]
    )
