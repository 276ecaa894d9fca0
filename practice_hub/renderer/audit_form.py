"""The case-file audit tool page (audit/tool/): a real HTML form made from the audit sections.

Without JavaScript it is a printable paper form (fieldsets, legends, labels). With
javascripts/practice-hub-audit.js it keeps drafts on the device, exports and imports audits,
records moderation and prints a one-page summary. The form is written with the helpers of
``markup.py``, so every value is escaped; the data the script needs is embedded as JSON text
that cannot close the element holding it.
"""

from __future__ import annotations

import json
import posixpath

from ..audit_tool.exports import FORMAT, MAX_DEPTH, MAX_IMPORT_BYTES, VERSION
from ..audit_tool.grades import GRADES, NOT_APPLICABLE
from ..markup import Markup, element, join, link, options, start_tag
from ..settings import Settings
from ..structure.items import Item
from ..structure.thread import Thread

TOOL_URI = "audit/tool.md"

RULE_TEXT = {
    "lowest_key_section": "The overall judgement is no better than the lowest grade of a key section "
    "(every section counts when none is marked key).",
    "lowest_section": "The overall judgement is no better than the lowest grade of any section.",
}


def page_url(uri: str, use_directory_urls: bool) -> str:
    """The URL of a page given by its path under docs/ (relative to the site root)."""
    stem = uri[: -len(".md")]
    if not use_directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def relative(from_uri: str, to_uri: str, use_directory_urls: bool, anchor: str = "") -> str:
    here = page_url(from_uri, use_directory_urls)
    base = here if here.endswith("/") else posixpath.dirname(here) + "/"
    target = page_url(to_uri, use_directory_urls)
    rel = posixpath.relpath(target or ".", base.rstrip("/") or ".")
    if target.endswith("/") and not rel.endswith("/"):
        rel += "/"
    return rel + (f"#{anchor}" if anchor else "")


def script_json(data) -> str:
    """JSON safe inside <script type="application/json">: no <, > or & can end the element."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def journey_stages(sections: list[Item]) -> list[str]:
    seen: list[str] = []
    for section in sections:
        for stage in section.data.get("journey_stages") or []:
            if stage not in seen:
                seen.append(str(stage))
    return seen


NOTES = ("description", "title", "$schema", "$id", "x-hint")


def export_rules(schema, names: bool = False):
    """The audit_export schema without its words: the script checks an import by the same rules
    as ``audits summarise``, so a file the tool accepts is one the command accepts. ``names``: a ``properties`` mapping, whose keys are fields
    (one of them is called title) rather than words to leave out."""
    if isinstance(schema, dict):
        return {
            k: export_rules(v, names=k == "properties" and not names)
            for k, v in schema.items()
            if names or k not in NOTES
        }
    if isinstance(schema, list):
        return [export_rules(v) for v in schema]
    return schema


def tool_data(
    sections: list[Item], thread: Thread, settings: Settings, use_dir: bool, export_schema: dict | None = None
) -> dict:
    """What the script needs, made at build time."""
    key = [s.id for s in sections if s.data.get("key_section") is True]
    out = []
    for section in sections:
        standards = []
        for standard in thread.standards_for(section):
            standards.append(
                {
                    "id": standard.id,
                    "title": standard.title,
                    "url": relative(TOOL_URI, standard.uri, use_dir),
                    "training": [
                        {"id": c.id, "title": c.title, "url": relative(TOOL_URI, c.uri, use_dir, c.anchor)}
                        for c in thread.courses_for(standard)
                    ],
                }
            )
        out.append(
            {
                "id": section.id,
                "number": section.number,
                "title": section.title,
                "key": section.id in key,
                "looks_for": [str(p) for p in section.data.get("looks_for") or []],
                "journey_stages": [str(s) for s in section.data.get("journey_stages") or []],
                "standards": standards,
            }
        )
    return {
        "format": FORMAT,
        "version": VERSION,
        "max_import_bytes": MAX_IMPORT_BYTES,
        "max_depth": MAX_DEPTH,
        "export_schema": export_rules(export_schema) if export_schema else None,
        "rule": settings.audit_overall_rule,
        "rule_text": RULE_TEXT[settings.audit_overall_rule],
        "key_sections": key,
        "case_reference_pattern": settings.case_reference_pattern,
        "grades": [{"id": k, "label": v} for k, v in GRADES + (NOT_APPLICABLE,)],
        "sections": out,
    }


GRADE_CHOICES = GRADES + (NOT_APPLICABLE,)


def _field(label: Markup, control: Markup) -> Markup:
    return element("p", label, control, class_="ph-audit__field")


def _label(text, for_: str) -> Markup:
    return element("label", text, for_=for_)


def _choose(ident: str, name: str, anyone: str, values: list[str]) -> Markup:
    """A drop-down list whose options have no value attribute: each submits its text."""
    return element(
        "select",
        element("option", anyone, value=""),
        join(element("option", value) for value in values),
        id=ident,
        name=name,
    )


def _header(settings: Settings, stages: list[str]) -> Markup:
    pattern = settings.case_reference_pattern
    html_pattern = pattern[1:] if pattern.startswith("^") else pattern
    html_pattern = (
        html_pattern[:-1] if html_pattern.endswith("$") and not html_pattern.endswith("\\$") else html_pattern
    )
    return element(
        "fieldset",
        element("legend", "About the audit"),
        element(
            "p",
            element("strong", "Case reference:"),
            Markup(
                " enter the case system's number for the case, never the child's or adult's name, and never "
                "an NHS number. Only the shape of a case reference is accepted."
            ),
            class_="ph-audit__notice",
            id="ph-audit-case-hint",
        ),
        _field(
            _label("Case reference", "ph-audit-case"),
            start_tag(
                "input",
                id="ph-audit-case",
                name="case_reference",
                type="text",
                autocomplete="off",
                spellcheck="false",
                pattern=html_pattern,
                data_pattern=pattern,
                aria_describedby="ph-audit-case-hint ph-audit-case-error",
            )
            + element("span", class_="ph-audit__error", id="ph-audit-case-error", role="alert"),
        ),
        _field(
            _label("Service (which audit tool)", "ph-audit-service"),
            _choose("ph-audit-service", "service", "Choose a service", list(settings.audit_services)),
        ),
        _field(
            _label("Journey stage", "ph-audit-stage"),
            _choose("ph-audit-stage", "journey_stage", "Choose a stage", stages),
        ),
        _field(
            _label("Auditor", "ph-audit-auditor"),
            start_tag("input", id="ph-audit-auditor", name="auditor", type="text", autocomplete="name"),
        ),
        _field(
            _label("Date of audit", "ph-audit-date"),
            start_tag("input", id="ph-audit-date", name="date", type="date"),
        ),
        element(
            "p",
            start_tag("input", id="ph-audit-joint", name="joint_audit", type="checkbox"),
            " ",
            _label(Markup("Joint audit with the worker's manager"), "ph-audit-joint"),
            class_="ph-audit__field",
        ),
        class_="ph-audit__about",
    )


def _radio(ident: str, name: str, value: str, label) -> Markup:
    """A radio button and its label, in a paragraph."""
    return element(
        "p",
        start_tag("input", type="radio", id=ident, name=name, value=value),
        " ",
        _label(label, ident),
        class_="ph-audit__grade",
    )


def _grade_choice(prefix: str, name: str, grades: dict, legend: str) -> Markup:
    choices = []
    for key, label in GRADE_CHOICES:
        descriptor = grades.get(key, "")
        extra = join([" ", element("span", descriptor, class_="ph-audit__descriptor")]) if descriptor else ""
        choices.append(_radio(f"{prefix}-{key}", name, key, join([element("strong", label), extra])))
    return element("fieldset", element("legend", legend), *choices, class_="ph-audit__grades")


def _point(p: str, sid: str, index: int, point: str) -> Markup:
    return element(
        "div",
        element(
            "p",
            start_tag("input", type="checkbox", id=f"{p}-p{index}", name=f"{sid}.looks_for.{index}.met"),
            " ",
            _label(point, f"{p}-p{index}"),
        ),
        element(
            "p",
            _label("Note on this point", f"{p}-n{index}"),
            " ",
            start_tag("input", type="text", id=f"{p}-n{index}", name=f"{sid}.looks_for.{index}.note"),
        ),
        class_="ph-audit__point",
    )


def _standards(standards: list[dict]) -> Markup:
    items = []
    for standard in standards:
        training = Markup(", ").join(link(c["title"], c["url"]) for c in standard["training"])
        items.append(
            element(
                "li",
                link(standard["title"], standard["url"]),
                join(["; training: ", training]) if training else "; no training linked yet",
            )
        )
    return element(
        "div",
        element("p", "Standards this section checks, and their training:"),
        element("ul", *items),
        class_="ph-audit__standards",
    )


def _moderation(p: str, sid: str, title: str) -> Markup:
    return element(
        "fieldset",
        element("legend", "Moderation of ", title),
        _radio(f"{p}-m-agree", f"{sid}.moderation.outcome", "agree", "Moderator agrees with the grade"),
        _radio(f"{p}-m-changed", f"{sid}.moderation.outcome", "changed", "Moderator changes the grade"),
        _field(
            _label("Moderated grade", f"{p}-m-grade"),
            element(
                "select",
                options(GRADE_CHOICES, "No change"),
                id=f"{p}-m-grade",
                name=f"{sid}.moderation.grade",
            ),
        ),
        _field(
            _label("Reason for the change", f"{p}-m-reason"),
            element("textarea", id=f"{p}-m-reason", name=f"{sid}.moderation.reason", rows="2"),
        ),
        class_="ph-audit__moderation",
    )


def _section(section: Item, data: dict) -> Markup:
    sid = section.id
    p = f"ph-{sid}"
    key = " (key section)" if data["key"] else ""
    title = f"Section {section.number}: {section.title}" if section.number else section.title
    return element(
        "fieldset",
        element("legend", title, key),
        element("p", section.summary, class_="ph-audit__summary-text"),
        element(
            "fieldset",
            element("legend", "What auditors look for"),
            *(_point(p, sid, index, point) for index, point in enumerate(data["looks_for"])),
            class_="ph-audit__points",
        ),
        _grade_choice(f"{p}-g", f"{sid}.grade", section.data.get("grades") or {}, "Grade"),
        _field(
            _label("Evidence notes", f"{p}-evidence"),
            element("textarea", id=f"{p}-evidence", name=f"{sid}.evidence", rows="4"),
        ),
        _standards(data["standards"]) if data["standards"] else "",
        _moderation(p, sid, title),
        class_="ph-audit__section",
        id=p,
        data_section=sid,
    )


def _learning_action(i: int) -> Markup:
    n = i + 1
    return element(
        "fieldset",
        element("legend", f"Learning action {n}"),
        _field(
            _label("What would make it good", f"ph-la-{n}-action"),
            element("textarea", id=f"ph-la-{n}-action", name=f"learning.{i}.action", rows="2"),
        ),
        _field(
            _label("Agreed with", f"ph-la-{n}-with"),
            start_tag("input", type="text", id=f"ph-la-{n}-with", name=f"learning.{i}.agreed_with"),
        ),
        _field(
            _label("By when", f"ph-la-{n}-by"),
            start_tag("input", type="date", id=f"ph-la-{n}-by", name=f"learning.{i}.by"),
        ),
        class_="ph-audit__action",
    )


def _summary(sections: list[Item], rule_text: str) -> Markup:
    rows = [
        element(
            "tr",
            element("th", s.title, scope="row"),
            element("td", data_summary_grade=s.id),
            element("td", data_summary_moderated=s.id),
        )
        for s in sections
    ]
    head = element(
        "tr", *(element("th", name, scope="col") for name in ("Section", "Grade", "Moderated grade"))
    )
    return element(
        "section",
        element("h2", "Summary", id="ph-audit-summary-h"),
        element("p", class_="ph-audit__print-only", data_summary_about=True),
        element(
            "table",
            element("caption", "Grade per section"),
            element("thead", head),
            element("tbody", *rows),
            class_="ph-audit__table",
        ),
        element(
            "p",
            element("strong", "Overall judgement:"),
            " ",
            element("span", id="ph-audit-overall", data_summary_overall=True),
        ),
        element("p", rule_text, class_="ph-audit__rule"),
        element(
            "fieldset",
            element("legend", "Moderation"),
            _field(
                _label("Moderator", "ph-audit-moderator"),
                start_tag("input", id="ph-audit-moderator", name="moderator", type="text"),
            ),
            _field(
                _label("Date moderated", "ph-audit-moderated-on"),
                start_tag("input", id="ph-audit-moderated-on", name="moderated_on", type="date"),
            ),
            class_="ph-audit__about",
        ),
        element("h3", "Learning actions for the practitioner", id="ph-audit-actions-h"),
        *(_learning_action(i) for i in range(3)),
        element("h3", "Training suggested", id="ph-audit-training-h"),
        element(
            "div",
            element(
                "p",
                "Training for the standards of the sections graded lowest appears here once sections "
                "are graded.",
            ),
            id="ph-audit-training",
            aria_live="polite",
        ),
        class_="ph-audit__summary",
        id="ph-audit-summary",
        aria_labelledby="ph-audit-summary-h",
    )


def _button(action: str, text: str) -> Markup:
    return element("button", text, type="button", class_="md-button", data_action=action)


def _toolbar() -> Markup:
    return element(
        "div",
        element(
            "section",
            element("h2", "Drafts on this device", id="ph-audit-drafts-h"),
            element(
                "p",
                "Audits are saved in this browser as you type. They never leave this device unless you "
                "export them.",
            ),
            element("div", id="ph-audit-draft-list"),
            element("p", _button("new", "Start a new audit")),
            class_="ph-audit__drafts",
            aria_labelledby="ph-audit-drafts-h",
        ),
        element(
            "div",
            _button("export-json", "Export JSON"),
            " ",
            _button("export-csv", "Export CSV"),
            " ",
            _button("print", "Print summary"),
            " ",
            element("label", "Import", for_="ph-audit-import", class_="ph-audit__import"),
            " ",
            start_tag("input", type="file", id="ph-audit-import", accept=".json,application/json"),
            class_="ph-audit__toolbar",
            role="group",
            aria_label="Audit file",
        ),
        element("p", id="ph-audit-status", role="status", class_="ph-audit__status"),
        element("p", id="ph-audit-message", role="alert", class_="ph-audit__message"),
        class_="ph-audit__js",
        hidden=True,
        data_ph_audit_js=True,
    )


def tool_page(
    sections: list[Item],
    thread: Thread,
    settings: Settings,
    use_directory_urls: bool,
    export_schema: dict | None = None,
) -> str:
    """The tool page as Markdown: front matter, an introduction and one raw HTML form."""
    data = tool_data(sections, thread, settings, use_directory_urls, export_schema)
    by_id = {d["id"]: d for d in data["sections"]}
    form = element(
        "form",
        _header(settings, journey_stages(sections)),
        *(_section(s, by_id[s.id]) for s in sections),
        _summary(sections, data["rule_text"]),
        class_="ph-audit",
        id="ph-audit",
        data_ph_audit=True,
        aria_label="Case-file audit",
        autocomplete="off",
    )
    # Data, not script (no script element reaches a page): the tool reads this element's text.
    # script_json leaves no <, > or & in it, so it is already safe as HTML text.
    data_text = element(
        "pre", Markup(script_json(data)), hidden=True, id="ph-audit-data", data_pagefind_ignore="all"
    )
    return "\n".join(
        [
            "---",
            "title: Case-file audit tool",
            "hide: [toc]",
            "---",
            "",
            "# Case-file audit tool",
            "",
            "Audit one case file against every section of the audit tool. Print this page to use it on paper.",
            "With JavaScript, your audit is kept in this browser as you type and never leaves this device:",
            "export it as JSON to send it for moderation or to be counted in the results, or as CSV for a spreadsheet.",
            "",
            str(_toolbar()),
            "",
            str(form),
            "",
            str(data_text),
            "",
        ]
    )
