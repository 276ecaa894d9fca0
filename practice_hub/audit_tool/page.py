"""The case-file audit tool page (audit/tool/): a real HTML form made from the audit sections.

Without JavaScript it is a printable paper form (fieldsets, legends, labels). With
javascripts/practice-hub-audit.js it keeps drafts on the device, exports and imports audits,
records moderation and prints a one-page summary. Everything is escaped; the data the script
needs is embedded as JSON that cannot close its <script> element.
"""

from __future__ import annotations

import html
import json
import posixpath
from html import escape as e

from ..settings import Settings
from ..structure.items import Item
from ..structure.thread import Thread
from .grades import GRADES, NOT_APPLICABLE

TOOL_URI = "audit/tool.md"
FORMAT = "practice-hub-audit"
VERSION = 1
MAX_IMPORT_BYTES = 1_000_000
MAX_DEPTH = 10  # an exported audit is 5 levels deep: audit, sections, section, looks_for, point

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
    as ``audits summarise``. ``names``: a ``properties`` mapping, whose keys are fields
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


def _field(label: str, control: str, hint: str = "") -> str:
    return f'<p class="ph-audit__field">{label}{hint}{control}</p>'


def _header(settings: Settings, stages: list[str]) -> str:
    services = "".join(f"<option>{e(s)}</option>" for s in settings.audit_services)
    stage_options = "".join(f"<option>{e(s)}</option>" for s in stages)
    pattern = settings.case_reference_pattern
    html_pattern = pattern[1:] if pattern.startswith("^") else pattern
    html_pattern = (
        html_pattern[:-1] if html_pattern.endswith("$") and not html_pattern.endswith("\\$") else html_pattern
    )
    return "".join(
        [
            '<fieldset class="ph-audit__about"><legend>About the audit</legend>',
            '<p class="ph-audit__notice" id="ph-audit-case-hint"><strong>Case reference:</strong> enter the case '
            "system's number for the case, never the child's or adult's name, and never an NHS number. "
            "Only the shape of a case reference is accepted.</p>",
            _field(
                '<label for="ph-audit-case">Case reference</label>',
                f'<input id="ph-audit-case" name="case_reference" type="text" autocomplete="off" spellcheck="false" '
                f'pattern="{e(html_pattern)}" data-pattern="{e(pattern)}" '
                'aria-describedby="ph-audit-case-hint ph-audit-case-error">'
                '<span class="ph-audit__error" id="ph-audit-case-error" role="alert"></span>',
            ),
            _field(
                '<label for="ph-audit-service">Service (which audit tool)</label>',
                f'<select id="ph-audit-service" name="service"><option value="">Choose a service</option>'
                f"{services}</select>",
            ),
            _field(
                '<label for="ph-audit-stage">Journey stage</label>',
                f'<select id="ph-audit-stage" name="journey_stage"><option value="">Choose a stage</option>'
                f"{stage_options}</select>",
            ),
            _field(
                '<label for="ph-audit-auditor">Auditor</label>',
                '<input id="ph-audit-auditor" name="auditor" type="text" autocomplete="name">',
            ),
            _field(
                '<label for="ph-audit-date">Date of audit</label>',
                '<input id="ph-audit-date" name="date" type="date">',
            ),
            '<p class="ph-audit__field"><input id="ph-audit-joint" name="joint_audit" type="checkbox"> '
            '<label for="ph-audit-joint">Joint audit with the worker\'s manager</label></p>',
            "</fieldset>",
        ]
    )


def _grade_choice(prefix: str, name: str, grades: dict, legend: str) -> str:
    out = [f'<fieldset class="ph-audit__grades"><legend>{e(legend)}</legend>']
    for key, label in GRADES + (NOT_APPLICABLE,):
        descriptor = grades.get(key, "")
        extra = f' <span class="ph-audit__descriptor">{e(descriptor)}</span>' if descriptor else ""
        out.append(
            f'<p class="ph-audit__grade"><input type="radio" id="{prefix}-{key}" name="{name}" '
            f'value="{key}"> <label for="{prefix}-{key}"><strong>{e(label)}</strong>{extra}</label></p>'
        )
    out.append("</fieldset>")
    return "".join(out)


def _section(section: Item, data: dict) -> str:
    sid = section.id
    p = f"ph-{sid}"
    key = " (key section)" if data["key"] else ""
    title = f"Section {section.number}: {section.title}" if section.number else section.title
    out = [
        f'<fieldset class="ph-audit__section" id="{p}" data-section="{e(sid)}">',
        f"<legend>{e(title)}{e(key)}</legend>",
        f'<p class="ph-audit__summary-text">{e(section.summary)}</p>',
        '<fieldset class="ph-audit__points"><legend>What auditors look for</legend>',
    ]
    for index, point in enumerate(data["looks_for"]):
        out.append(
            f'<div class="ph-audit__point"><p><input type="checkbox" id="{p}-p{index}" '
            f'name="{sid}.looks_for.{index}.met"> <label for="{p}-p{index}">{e(point)}</label></p>'
            f'<p><label for="{p}-n{index}">Note on this point</label> '
            f'<input type="text" id="{p}-n{index}" name="{sid}.looks_for.{index}.note"></p></div>'
        )
    out.append("</fieldset>")
    out.append(_grade_choice(f"{p}-g", f"{sid}.grade", section.data.get("grades") or {}, "Grade"))
    out.append(
        f'<p class="ph-audit__field"><label for="{p}-evidence">Evidence notes</label>'
        f'<textarea id="{p}-evidence" name="{sid}.evidence" rows="4"></textarea></p>'
    )
    if data["standards"]:
        items = []
        for standard in data["standards"]:
            training = ", ".join(f'<a href="{e(c["url"])}">{e(c["title"])}</a>' for c in standard["training"])
            items.append(
                f'<li><a href="{e(standard["url"])}">{e(standard["title"])}</a>'
                + (f"; training: {training}" if training else "; no training linked yet")
                + "</li>"
            )
        out.append(
            f'<div class="ph-audit__standards"><p>Standards this section checks, and their training:</p>'
            f"<ul>{''.join(items)}</ul></div>"
        )
    out.append(
        f'<fieldset class="ph-audit__moderation"><legend>Moderation of {e(title)}</legend>'
        f'<p class="ph-audit__grade"><input type="radio" id="{p}-m-agree" name="{sid}.moderation.outcome" '
        f'value="agree"> <label for="{p}-m-agree">Moderator agrees with the grade</label></p>'
        f'<p class="ph-audit__grade"><input type="radio" id="{p}-m-changed" name="{sid}.moderation.outcome" '
        f'value="changed"> <label for="{p}-m-changed">Moderator changes the grade</label></p>'
        f'<p class="ph-audit__field"><label for="{p}-m-grade">Moderated grade</label>'
        f'<select id="{p}-m-grade" name="{sid}.moderation.grade"><option value="">No change</option>'
        + "".join(f'<option value="{k}">{e(v)}</option>' for k, v in GRADES + (NOT_APPLICABLE,))
        + f'</select></p><p class="ph-audit__field"><label for="{p}-m-reason">Reason for the change</label>'
        f'<textarea id="{p}-m-reason" name="{sid}.moderation.reason" rows="2"></textarea></p></fieldset>'
    )
    out.append("</fieldset>")
    return "".join(out)


def _summary(sections: list[Item], rule_text: str) -> str:
    rows = "".join(
        f'<tr><th scope="row">{e(s.title)}</th><td data-summary-grade="{e(s.id)}"></td>'
        f'<td data-summary-moderated="{e(s.id)}"></td></tr>'
        for s in sections
    )
    actions = []
    for i in range(3):
        n = i + 1
        actions.append(
            f'<fieldset class="ph-audit__action"><legend>Learning action {n}</legend>'
            f'<p class="ph-audit__field"><label for="ph-la-{n}-action">What would make it good</label>'
            f'<textarea id="ph-la-{n}-action" name="learning.{i}.action" rows="2"></textarea></p>'
            f'<p class="ph-audit__field"><label for="ph-la-{n}-with">Agreed with</label>'
            f'<input type="text" id="ph-la-{n}-with" name="learning.{i}.agreed_with"></p>'
            f'<p class="ph-audit__field"><label for="ph-la-{n}-by">By when</label>'
            f'<input type="date" id="ph-la-{n}-by" name="learning.{i}.by"></p></fieldset>'
        )
    return "".join(
        [
            '<section class="ph-audit__summary" id="ph-audit-summary" aria-labelledby="ph-audit-summary-h">',
            '<h2 id="ph-audit-summary-h">Summary</h2>',
            '<p class="ph-audit__print-only" data-summary-about></p>',
            '<table class="ph-audit__table"><caption>Grade per section</caption><thead><tr><th scope="col">Section</th>'
            f'<th scope="col">Grade</th><th scope="col">Moderated grade</th></tr></thead><tbody>{rows}</tbody></table>',
            '<p><strong>Overall judgement:</strong> <span id="ph-audit-overall" data-summary-overall></span></p>',
            f'<p class="ph-audit__rule">{e(rule_text)}</p>',
            '<fieldset class="ph-audit__about"><legend>Moderation</legend>',
            _field(
                '<label for="ph-audit-moderator">Moderator</label>',
                '<input id="ph-audit-moderator" name="moderator" type="text">',
            ),
            _field(
                '<label for="ph-audit-moderated-on">Date moderated</label>',
                '<input id="ph-audit-moderated-on" name="moderated_on" type="date">',
            ),
            "</fieldset>",
            '<h3 id="ph-audit-actions-h">Learning actions for the practitioner</h3>',
            "".join(actions),
            '<h3 id="ph-audit-training-h">Training suggested</h3>',
            '<div id="ph-audit-training" aria-live="polite"><p>Training for the standards of the sections '
            "graded lowest appears here once sections are graded.</p></div>",
            "</section>",
        ]
    )


def _toolbar() -> str:
    return "".join(
        [
            '<div class="ph-audit__js" hidden data-ph-audit-js>',
            '<section class="ph-audit__drafts" aria-labelledby="ph-audit-drafts-h">',
            '<h2 id="ph-audit-drafts-h">Drafts on this device</h2>',
            "<p>Audits are saved in this browser as you type. They never leave this device unless you export them.</p>",
            '<div id="ph-audit-draft-list"></div>',
            '<p><button type="button" class="md-button" data-action="new">Start a new audit</button></p></section>',
            '<div class="ph-audit__toolbar" role="group" aria-label="Audit file">',
            '<button type="button" class="md-button" data-action="export-json">Export JSON</button> ',
            '<button type="button" class="md-button" data-action="export-csv">Export CSV</button> ',
            '<button type="button" class="md-button" data-action="print">Print summary</button> ',
            '<label for="ph-audit-import" class="ph-audit__import">Import</label> ',
            '<input type="file" id="ph-audit-import" accept=".json,application/json">',
            "</div>",
            '<p id="ph-audit-status" role="status" class="ph-audit__status"></p>',
            '<p id="ph-audit-message" role="alert" class="ph-audit__message"></p>',
            "</div>",
        ]
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
    form = "".join(
        [
            '<form class="ph-audit" id="ph-audit" data-ph-audit aria-label="Case-file audit" autocomplete="off">',
            _header(settings, journey_stages(sections)),
            "".join(_section(s, by_id[s.id]) for s in sections),
            _summary(sections, data["rule_text"]),
            "</form>",
        ]
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
            _toolbar(),
            "",
            form,
            "",
            # Data, not script (no <script> reaches a page): the tool reads its text.
            f'<pre hidden id="ph-audit-data" data-pagefind-ignore="all">{html.escape(script_json(data), quote=False)}</pre>',
            "",
        ]
    )
