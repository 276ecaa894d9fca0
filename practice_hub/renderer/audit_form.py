"""The case-file audit tool page (audit/tool/): a real HTML form made from the audit sections.

Without JavaScript it is a printable paper form (fieldsets, legends, labels). With
javascripts/practice-hub-audit.js it starts on the list of drafts on this device (nothing opens
by itself on a shared computer), keeps drafts until they expire, checks an audit by the audit
rules before exporting it (JSON, or CSV in audit_tool/sheet.py's layout), imports audits, records
moderation and prints a one-page summary. Sections are shown by service and by audit cycle
(``?cycle=<id>``). The form is written with the helpers of
``markup.py``, so every value is escaped; the data the script needs is embedded as JSON text
that cannot close the element holding it.
"""

from __future__ import annotations

import json
import posixpath

from ..audit_tool.counting import CONTROL_LIKE, NAME_LIKE, NHS_LIKE
from ..audit_tool.exports import FORMAT, MAX_DEPTH, MAX_IMPORT_BYTES, VERSION
from ..audit_tool.grades import GRADES, LABELS, NOT_APPLICABLE
from ..audit_tool.sheet import COLUMNS
from ..markup import Markup, element, join, link, options, start_tag
from ..settings import Settings
from ..structure.audit_results import window_of
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


def scroll_region(table: Markup, label_id: str) -> Markup:
    """A wide table in a box that scrolls sideways on its own, so the page never does (at 390 px
    or at 200 % text): the box is a labelled region that takes focus, so a keyboard can scroll it
    too (WCAG 1.4.10, 2.1.1). ``label_id`` is the id of the table's caption."""
    return element(
        "div",
        table,
        class_="ph-table-scroll",
        role="region",
        tabindex="0",
        aria_labelledby=label_id,
    )


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


def export_version(export_schema: dict | None) -> int:
    """The export format's version: the schema's ``version`` constant (the contract), else
    the reader's."""
    version = ((export_schema or {}).get("properties") or {}).get("version") or {}
    return int(version.get("const", VERSION))


def section_services(section: Item) -> list[str] | None:
    """The services a section belongs to, or None for every service."""
    services = section.data.get("services")
    return [str(s) for s in services] if services else None


def cycle_data(cycles: list[Item]) -> list[dict]:
    return [
        {
            "id": c.id,
            "title": c.title,
            "services": [str(s) for s in c.data.get("services") or []],
            "audit_sections": [str(s) for s in c.data["audit_sections"]]
            if c.data.get("audit_sections")
            else None,
            "start": start,
            "end": end,
        }
        for c, (start, end) in ((c, window_of(c)) for c in cycles)
    ]


def tool_data(
    sections: list[Item],
    thread: Thread,
    settings: Settings,
    use_dir: bool,
    export_schema: dict | None = None,
    cycles: list[Item] | None = None,
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
                "services": section_services(section),
                "looks_for": [str(p) for p in section.data.get("looks_for") or []],
                "journey_stages": [str(s) for s in section.data.get("journey_stages") or []],
                "standards": standards,
            }
        )
    services = [str(s) for s in settings.audit_services]
    return {
        "format": FORMAT,
        "version": export_version(export_schema),
        "max_import_bytes": MAX_IMPORT_BYTES,
        "max_depth": MAX_DEPTH,
        "export_schema": export_rules(export_schema) if export_schema else None,
        "rule": settings.audit_overall_rule,
        "rule_text": RULE_TEXT[settings.audit_overall_rule],
        "key_sections": key,
        "case_reference_pattern": settings.case_reference_pattern,
        "name_like": NAME_LIKE,
        "nhs_like": NHS_LIKE,
        "control_like": CONTROL_LIKE,
        "marking": settings.audit_protective_marking,
        "draft_expiry_days": settings.audit_draft_expiry_days,
        "services": services,
        "journey_stages": journey_stages(sections),
        "service_stages": {service: list(stages) for service, stages in settings.audit_service_stages},
        "grades": [{"id": k, "label": v} for k, v in GRADES + (NOT_APPLICABLE,)],
        "grade_labels": {service: settings.grade_labels(service) for service in ["", *services]},
        "columns": list(COLUMNS),
        "cycles": cycle_data(cycles or []),
        # The site's date when mkdocs.yml pins one (the demo): the tool judges "after today" as the
        # build and audits summarise do.
        "today_pin": settings.today,
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


def _marking(marking: str, where: str) -> Markup:
    """The protective marking, shown at the top and the bottom of the form and on the print."""
    return element("p", element("strong", marking), class_="ph-audit__marking", data_ph_marking=where)


def _text(ident: str, name: str, label, hint: str = "", kind: str = "text") -> Markup:
    control = start_tag(
        "input",
        id=ident,
        name=name,
        type=kind,
        aria_describedby=f"{ident}-hint" if hint else None,
    )
    hint_text = element("span", hint, class_="ph-audit__hint", id=f"{ident}-hint") if hint else ""
    return _field(_label(label, ident), join([hint_text, control]))


def _area(ident: str, name: str, label, rows: str = "3", hint: str = "") -> Markup:
    hint_text = element("span", hint, class_="ph-audit__hint", id=f"{ident}-hint") if hint else ""
    return _field(
        _label(label, ident),
        join(
            [
                hint_text,
                element(
                    "textarea",
                    id=ident,
                    name=name,
                    rows=rows,
                    aria_describedby=f"{ident}-hint" if hint else None,
                ),
            ]
        ),
    )


def _header(settings: Settings, stages: list[str], cycles: list[dict]) -> Markup:
    pattern = settings.case_reference_pattern
    html_pattern = pattern[1:] if pattern.startswith("^") else pattern
    html_pattern = (
        html_pattern[:-1] if html_pattern.endswith("$") and not html_pattern.endswith("\\$") else html_pattern
    )
    cycle_choice = (
        _field(
            _label("Audit cycle (a themed audit)", "ph-audit-cycle"),
            element(
                "select",
                options(((c["id"], c["title"]) for c in cycles), "Not part of a cycle"),
                id="ph-audit-cycle",
                name="cycle",
            ),
        )
        if cycles
        else ""
    )
    return element(
        "fieldset",
        element("legend", "About the audit"),
        element("p", class_="ph-audit__cycle-title", id="ph-audit-cycle-title", hidden=True),
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
        cycle_choice,
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


def _lock_note(ident: str) -> Markup:
    """Filled in by the script when moderation locks the auditor's grades."""
    return element("p", class_="ph-audit__lock", id=ident, hidden=True)


def _grade_choice(prefix: str, name: str, grades: dict, legend: str) -> Markup:
    choices = []
    for key, label in GRADE_CHOICES:
        descriptor = grades.get(key, "")
        extra = join([" ", element("span", descriptor, class_="ph-audit__descriptor")]) if descriptor else ""
        choices.append(
            _radio(
                f"{prefix}-{key}", name, key, join([element("strong", label, data_grade_label=key), extra])
            )
        )
    return element(
        "fieldset",
        element("legend", legend),
        *choices,
        class_="ph-audit__grades",
        aria_describedby=f"{prefix}-lock",
    )


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


def _grade_options(anyone: str) -> Markup:
    return element("option", anyone, value="") + join(
        element("option", label, value=key, data_grade_label=key) for key, label in GRADE_CHOICES
    )


def _overall_options(anyone: str) -> Markup:
    return element("option", anyone, value="") + join(
        element("option", label, value=key, data_grade_label=key) for key, label in GRADES
    )


def _moderation(p: str, sid: str, title: str) -> Markup:
    return element(
        "fieldset",
        element("legend", "Moderation of ", title),
        _radio(f"{p}-m-none", f"{sid}.moderation.outcome", "", "Not moderated"),
        _radio(f"{p}-m-agree", f"{sid}.moderation.outcome", "agree", "Moderator agrees with the grade"),
        _radio(f"{p}-m-changed", f"{sid}.moderation.outcome", "changed", "Moderator changes the grade"),
        _field(
            _label("Moderated grade", f"{p}-m-grade"),
            element("select", _grade_options("No change"), id=f"{p}-m-grade", name=f"{sid}.moderation.grade"),
        ),
        _field(
            _label("Reason for the change", f"{p}-m-reason"),
            element("textarea", id=f"{p}-m-reason", name=f"{sid}.moderation.reason", rows="2"),
        ),
        class_="ph-audit__moderation",
    )


def _escalation(p: str, sid: str) -> Markup:
    """Shown when a key section's grade (or moderated grade) is Inadequate: both fields needed."""
    return element(
        "fieldset",
        element(
            "legend",
            "Escalation: this key section is graded ",
            element("span", LABELS["inadequate"], data_grade_label="inadequate"),  # the service's word
        ),
        element(
            "p",
            "Record who the case was escalated to (a role, never a name) and when. Both are needed "
            "before the audit can be exported.",
            id=f"{p}-esc-hint",
        ),
        _field(
            _label("Escalated to (role)", f"{p}-esc-to"),
            start_tag(
                "input",
                type="text",
                id=f"{p}-esc-to",
                name=f"{sid}.escalation.to",
                aria_describedby=f"{p}-esc-hint",
            ),
        ),
        _field(
            _label("Date escalated", f"{p}-esc-date"),
            start_tag("input", type="date", id=f"{p}-esc-date", name=f"{sid}.escalation.date"),
        ),
        class_="ph-audit__escalation",
        id=f"{p}-escalation",
        data_escalation=sid,
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
        _lock_note(f"{p}-g-lock"),
        _escalation(p, sid) if data["key"] else "",
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


def _practitioner() -> Markup:
    return element(
        "fieldset",
        element("legend", "The practitioner"),
        _text(
            "ph-audit-pr-role",
            "practitioner.role",
            "Worker's role",
            hint="A role, for example Social worker: never a name.",
        ),
        _text(
            "ph-audit-pr-team", "practitioner.team", "Team", hint="The team's name: never a person's name."
        ),
        element(
            "fieldset",
            element("legend", "Did the worker take part in the audit conversation?"),
            _radio("ph-audit-pr-yes", "practitioner.took_part", "yes", "Yes"),
            _radio("ph-audit-pr-no", "practitioner.took_part", "no", "No"),
            class_="ph-audit__took-part",
        ),
        _area("ph-audit-pr-reflection", "practitioner.reflection", "The worker's reflection"),
        _text(
            "ph-audit-pr-date", "practitioner.feedback_date", "Date of feedback to the worker", kind="date"
        ),
        _area("ph-audit-pr-response", "practitioner.response", "The worker's response to the feedback"),
        class_="ph-audit__practitioner",
        id="ph-audit-practitioner",
    )


def _difference() -> Markup:
    return element(
        "fieldset",
        element("legend", "Impact"),
        _area(
            "ph-audit-difference",
            "difference",
            "What difference did the work make to the child, adult or family?",
            rows="4",
        ),
        class_="ph-audit__difference",
    )


def _overall(rule_text: str) -> Markup:
    choices = [
        _radio(f"ph-audit-ov-{key}", "auditor_overall", key, element("span", label, data_grade_label=key))
        for key, label in GRADES
    ]
    return element(
        "fieldset",
        element("legend", "Overall judgement (the auditor's)"),
        element(
            "p",
            "Suggested by the rule: ",
            element("strong", "not yet (grade the sections first)", id="ph-audit-suggested"),
            class_="ph-audit__suggested",
        ),
        element("p", rule_text, class_="ph-audit__rule"),
        element("p", class_="ph-audit__remaining", id="ph-audit-overall-remaining", hidden=True),
        _lock_note("ph-audit-overall-lock"),
        element(
            "fieldset",
            element("legend", "Your overall judgement"),
            *choices,
            _area("ph-audit-overall-reason", "overall_reason", "Reason for the overall judgement", rows="3"),
            class_="ph-audit__overall-choice",
            id="ph-audit-overall-choice",
            aria_describedby="ph-audit-overall-remaining ph-audit-overall-lock",
        ),
        class_="ph-audit__overall",
        id="ph-audit-overall-fieldset",
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


def _summary(sections: list[Item]) -> Markup:
    rows = [
        element(
            "tr",
            element("th", s.title, scope="row"),
            element("td", data_summary_grade=s.id),
            element("td", data_summary_moderated=s.id),
            data_summary_row=s.id,
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
        scroll_region(
            element(
                "table",
                element("caption", "Grade per section", id="ph-audit-summary-caption"),
                element("thead", head),
                element("tbody", *rows),
                class_="ph-audit__table",
            ),
            "ph-audit-summary-caption",
        ),
        element(
            "p",
            element("strong", "Overall judgement:"),
            " ",
            element("span", id="ph-audit-overall", data_summary_overall=True),
        ),
        element("div", class_="ph-audit__print-only", id="ph-audit-print-extra"),
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
            _field(
                _label("Moderated overall judgement", "ph-audit-moderated-overall"),
                element(
                    "select",
                    _overall_options("No change: the auditor's stands"),
                    id="ph-audit-moderated-overall",
                    name="moderated_overall",
                ),
            ),
            _area(
                "ph-audit-moderation-reason",
                "moderation_reason",
                "Reason for the moderated overall judgement",
            ),
            class_="ph-audit__about ph-audit__moderation-all",
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
        ),
        class_="ph-audit__summary",
        id="ph-audit-summary",
        aria_labelledby="ph-audit-summary-h",
    )


def _button(action: str, text: str, **attrs) -> Markup:
    return element("button", text, type="button", class_="md-button", data_action=action, **attrs)


def _toolbar(marking: str) -> Markup:
    return element(
        "div",
        element(
            "section",
            element("h2", "Audits on this device", id="ph-audit-drafts-h", tabindex="-1"),
            element(
                "p",
                "Drafts are saved in this browser as you type, and deleted when they expire. They never leave "
                "this device unless you export them. On a shared computer, clear everything when you finish.",
            ),
            element("div", id="ph-audit-draft-list"),
            element(
                "p",
                _button("new", "Start a new audit"),
                " ",
                _button("clear-all", "Clear everything on this device"),
                class_="ph-audit__toolbar",
            ),
            element(
                "p",
                element(
                    "label",
                    "Open an exported audit (JSON)",
                    for_="ph-audit-import",
                    class_="ph-audit__import",
                ),
                " ",
                start_tag("input", type="file", id="ph-audit-import", accept=".json,application/json"),
                class_="ph-audit__toolbar",
            ),
            element(
                "p",
                element(
                    "label",
                    "Make one spreadsheet from exported audits (choose several JSON files)",
                    for_="ph-audit-sheet",
                    class_="ph-audit__import",
                ),
                " ",
                start_tag("input", type="file", id="ph-audit-sheet", accept=".json,application/json"),
                class_="ph-audit__toolbar",
            ),
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
            _button("close", "Close this audit"),
            class_="ph-audit__toolbar",
            role="group",
            aria_label="This audit",
            id="ph-audit-actions",
            hidden=True,
        ),
        element(
            "div",
            element(
                "p",
                "The audit is exported. Once you have sent or stored the file, delete the draft so no case "
                "data stays on this device.",
            ),
            element(
                "p",
                _button("delete-current", "Delete this draft from this device"),
                " ",
                _button("keep", "Keep the draft for now"),
            ),
            class_="ph-audit__after-export",
            id="ph-audit-after-export",
            role="region",
            aria_label="After export",
            hidden=True,
        ),
        element("p", id="ph-audit-status", role="status", class_="ph-audit__status"),
        element("div", id="ph-audit-message", role="alert", class_="ph-audit__message", tabindex="-1"),
        class_="ph-audit__js",
        hidden=True,
        data_ph_audit_js=True,
        data_marking=marking,
    )


def tool_page(
    sections: list[Item],
    thread: Thread,
    settings: Settings,
    use_directory_urls: bool,
    export_schema: dict | None = None,
    cycles: list[Item] | None = None,
) -> str:
    """The tool page as Markdown: front matter, an introduction and one raw HTML form."""
    data = tool_data(sections, thread, settings, use_directory_urls, export_schema, cycles)
    by_id = {d["id"]: d for d in data["sections"]}
    marking = settings.audit_protective_marking
    form = element(
        "form",
        _marking(marking, "top"),
        _header(settings, journey_stages(sections), data["cycles"]),
        *(_section(s, by_id[s.id]) for s in sections),
        _practitioner(),
        _difference(),
        _overall(data["rule_text"]),
        _summary(sections),
        _marking(marking, "bottom"),
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
            "title: Audit a case file",
            "hide: [toc]",
            "---",
            "",
            "# Audit a case file",
            "",
            "Audit one case file against the sections of the audit tool. Print this page to use it on paper.",
            "With JavaScript, you choose an audit to work on; it is kept in this browser as you type, never",
            "leaves this device, and is deleted when it expires: export it as JSON to send it for moderation",
            "or to be counted in the results, or as CSV for a spreadsheet.",
            "",
            str(_toolbar(marking)),
            "",
            str(form),
            "",
            str(data_text),
            "",
        ]
    )
