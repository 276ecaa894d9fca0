"""The case-file audit tool in Chromium. The audit never leaves the device."""

from __future__ import annotations

import csv
import io
import json

import pytest
from test_accessibility import SCHEMES, assert_no_violations, open_in_scheme

pytestmark = pytest.mark.browser
TOOL = "audit/tool/"
GRADES = ["good", "requires_improvement", "outstanding", "inadequate"]


def _sections(page) -> list[dict]:
    return json.loads(page.locator("#ph-audit-data").text_content())["sections"]


def _children(sections: list[dict]) -> list[dict]:
    """The sections the form shows for Children's services (a section may be for one service)."""
    return [s for s in sections if not s["services"] or "Children's services" in s["services"]]


def _start(page):
    """With JavaScript the tool opens on the drafts on this device: start an audit to see the form."""
    page.get_by_role("button", name="Start a new audit").click()


def _fill(page, sections):
    page.fill("#ph-audit-case", "C1234567")
    page.select_option("#ph-audit-service", "Children's services")
    page.select_option("#ph-audit-stage", "Children in Care")
    page.fill("#ph-audit-auditor", "Test Auditor")
    page.fill("#ph-audit-date", "2026-11-02")
    page.check("#ph-audit-joint")
    for n, section in enumerate(sections):
        sid = section["id"]
        page.check(f"#ph-{sid}-p0")
        page.fill(f"#ph-{sid}-n0", f"note {sid}")
        page.check(f"#ph-{sid}-g-{GRADES[n % 4]}")
        page.fill(f"#ph-{sid}-evidence", f"evidence for {sid}")
        if page.locator(f"#ph-{sid}-escalation").is_visible():  # a key section graded inadequate
            page.fill(f"#ph-{sid}-esc-to", "Head of Service")
            page.fill(f"#ph-{sid}-esc-date", "2026-11-03")
    page.fill("#ph-audit-pr-role", "Social worker")
    page.check("#ph-audit-pr-yes")
    page.check("#ph-audit-ov-requires_improvement")
    page.fill("#ph-audit-overall-reason", "The auditor's own judgement")
    page.fill("#ph-la-1-action", "Write the analysis")
    page.fill("#ph-la-1-with", "Team manager")
    page.fill("#ph-la-1-by", "2026-12-31")


def _download(page, label: str) -> str:
    with page.expect_download() as info:
        page.get_by_role("button", name=label, exact=True).click()
    return open(info.value.path(), encoding="utf-8-sig").read()


@pytest.mark.demo  # at least ten of the demo's sections, its journey stages and services
def test_complete_reload_export_import_moderate_delete_without_leaving_the_origin(
    browser, site_server, context, page, origin_guard, tmp_path
):
    page.goto(TOOL)
    sections = _sections(page)
    assert len(sections) >= 10
    sections = _children(sections)
    _start(page)
    _fill(page, sections)
    page.reload()
    assert page.locator("#ph-audit").is_hidden()  # nothing opens by itself
    page.get_by_role("button", name="Resume draft C1234567, 2026-11-02").click()
    assert page.input_value("#ph-audit-case") == "C1234567"
    assert page.input_value("#ph-audit-stage") == "Children in Care"
    assert page.is_checked("#ph-audit-joint")
    for n, section in enumerate(sections):
        sid = section["id"]
        assert page.is_checked(f"#ph-{sid}-p0")
        assert page.input_value(f"#ph-{sid}-n0") == f"note {sid}"
        assert page.is_checked(f"#ph-{sid}-g-{GRADES[n % 4]}")
        assert page.input_value(f"#ph-{sid}-evidence") == f"evidence for {sid}"
    assert page.input_value("#ph-la-1-action") == "Write the analysis"
    assert page.locator("#ph-audit-draft-list li").count() == 1
    key = [GRADES[n % 4] for n, s in enumerate(sections) if s["key"]] or GRADES
    worst = max(key, key=["outstanding", "good", "requires_improvement", "inadequate"].index)
    labels = {
        "good": "Good",
        "outstanding": "Outstanding",
        "requires_improvement": "Requires improvement to be good",
        "inadequate": "Inadequate",
    }
    assert page.locator("#ph-audit-suggested").text_content() == labels[worst]  # the lowest key section
    assert page.locator("#ph-audit-overall").text_content() == labels["requires_improvement"]  # the auditor's
    assert page.locator("#ph-audit-training li").count() >= 1

    exported = _download(page, "Export JSON")
    audit = json.loads(exported)
    assert (audit["format"], audit["version"], audit["case_reference"]) == (
        "practice-hub-audit",
        2,
        "C1234567",
    )
    assert (audit["suggested_overall"], audit["auditor_overall"], audit["overall"]) == (
        worst,
        "requires_improvement",
        "requires_improvement",
    )
    assert [s["id"] for s in audit["sections"]] == [s["id"] for s in sections]
    assert [s["grade"] for s in audit["sections"]] == [GRADES[n % 4] for n in range(len(sections))]
    assert audit["sections"][0]["looks_for"][0]["met"] is True
    assert audit["learning_actions"] == [
        {"action": "Write the analysis", "agreed_with": "Team manager", "by": "2026-12-31"}
    ]
    rows = list(csv.DictReader(io.StringIO(_download(page, "Export CSV"))))
    assert [r["section_id"] for r in rows] == [s["id"] for s in sections]
    assert rows[0]["grade"] == "Good" and rows[0]["case_reference"] == "C1234567"
    assert rows[0]["audit_id"] == audit["id"] and rows[0]["learning_actions"].startswith("Write the analysis")
    assert rows[1]["evidence"] == f"evidence for {sections[1]['id']}"

    # A moderator opens it in a fresh browser and changes one grade.
    saved = tmp_path / "audit.json"
    saved.write_text(exported, encoding="utf-8")
    moderator = browser.new_context(base_url=site_server)
    origin_guard.install(moderator)
    try:
        other = moderator.new_page()
        other.goto(TOOL)
        assert other.locator("#ph-audit").is_hidden()
        other.set_input_files("#ph-audit-import", str(saved))
        other.wait_for_function("document.getElementById('ph-audit-case').value === 'C1234567'")
        first = sections[0]["id"]
        other.check(f"#ph-{first}-m-changed")
        other.select_option(f"#ph-{first}-m-grade", "requires_improvement")
        other.fill(f"#ph-{first}-m-reason", "No analysis of risk")
        other.fill("#ph-audit-moderator", "QA Team")
        other.fill("#ph-audit-moderated-on", "2026-11-20")
        moderated = json.loads(_download(other, "Export JSON"))
        assert moderated["id"] == audit["id"]
        entry = moderated["sections"][0]
        assert entry["grade"] == "good"
        assert entry["moderation"] == {
            "outcome": "changed",
            "grade": "requires_improvement",
            "reason": "No analysis of risk",
        }
        assert moderated["moderator"] == "QA Team"
    finally:
        moderator.close()

    # Delete asks first: dismissing keeps the draft, accepting deletes it.
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.locator("#ph-audit-draft-list button", has_text="Delete").click()
    assert page.locator("#ph-audit-draft-list li").count() == 1
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator("#ph-audit-draft-list button", has_text="Delete").click()
    assert page.locator("#ph-audit-draft-list").text_content() == "No drafts on this device."
    assert page.locator("#ph-audit").is_hidden()
    page.reload()
    assert page.evaluate("localStorage.getItem('practice-hub:audit-drafts')") is None
    assert origin_guard.foreign == []


def test_a_name_cannot_be_saved_as_the_case_reference(page):
    page.goto(TOOL)
    _start(page)
    page.fill("#ph-audit-case", "Jane Smith")
    assert "looks like a name" in page.locator("#ph-audit-case-error").text_content()
    page.fill("#ph-audit-auditor", "Someone")
    assert "Jane" not in page.evaluate("localStorage.getItem('practice-hub:audit-drafts')")
    page.reload()
    page.get_by_role("button", name="Resume draft No case reference, no date").click()
    assert page.input_value("#ph-audit-case") == ""
    assert page.input_value("#ph-audit-auditor") == "Someone"


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("malformed.json", "{not json", "is not valid JSON"),
        (
            "other.json",
            json.dumps({"format": "another-tool", "version": 2, "items": []}),
            "was not exported from this audit tool",
        ),
        ("huge.json", "[" + " " * 1_000_001 + "]", "is too large to be an audit"),
    ],
)
def test_the_importer_refuses_what_is_not_an_audit_and_changes_nothing(
    page, tmp_path, name, content, message
):
    page.goto(TOOL)
    _start(page)
    page.fill("#ph-audit-case", "C7654321")
    page.fill("#ph-audit-auditor", "Before import")
    before = page.evaluate("localStorage.getItem('practice-hub:audit-drafts')")
    bad = tmp_path / name
    bad.write_text(content, encoding="utf-8")
    page.set_input_files("#ph-audit-import", str(bad))
    alert = page.locator("#ph-audit-message")
    alert.filter(has_text="Import failed").wait_for()
    assert message in alert.text_content() and "Nothing was changed." in alert.text_content()
    assert page.input_value("#ph-audit-case") == "C7654321"
    assert page.input_value("#ph-audit-auditor") == "Before import"
    assert page.evaluate("localStorage.getItem('practice-hub:audit-drafts')") == before


def _an_export(page) -> dict:
    """An audit as Export JSON makes it, made in the page from the demo's own sections."""
    sections = _sections(page)
    return {
        "format": "practice-hub-audit",
        "version": 2,
        "id": "c2345678-imported",
        "marking": "OFFICIAL-SENSITIVE",
        "case_reference": "C2345678",
        "date": "2026-10-01",
        "auditor": "Imported Auditor",
        "sections": [
            {
                "id": s["id"],
                "title": s["title"],
                "grade": "good",
                "looks_for": [],
                "evidence": "from the file",
            }
            for s in sections
        ],
    }


def _form_values(page) -> list:
    return page.evaluate(
        """() => Array.from(document.getElementById('ph-audit').elements)
             .map(el => [el.name, el.type, el.value, el.checked])"""
    )


def _bad_imports(page) -> list[tuple[str, bytes, str]]:
    audit = _an_export(page)
    first = audit["sections"][0]
    return [
        ("deep.json", b"[" * 100_000 + b"]" * 100_000, "nested more than 10 levels deep"),
        ("deep-open.json", b'{"a":' * 100_000, "nested more than 10 levels deep"),
        (
            "sections-a-string.json",
            json.dumps(dict(audit, sections="audit-voice")).encode(),
            'sections: expected a list, found the text "audit-voice"',
        ),
        (
            "grade-a-number.json",
            json.dumps(dict(audit, sections=[dict(first, grade=5)])).encode(),
            "sections[0].grade: the number 5 is not one of the choices",
        ),
        (
            "notes-an-object.json",
            json.dumps(dict(audit, sections=[dict(first, evidence={"a": 1})])).encode(),
            "sections[0].evidence: expected text, found an object",
        ),
        (
            "note-too-long.json",
            json.dumps(dict(audit, sections=[dict(first, evidence="x" * 20_001)])).encode(),
            "sections[0].evidence: longer than 20000 characters",
        ),
        (
            "looks-for-a-string.json",
            json.dumps(dict(audit, sections=[dict(first, looks_for="all")])).encode(),
            'sections[0].looks_for: expected a list, found the text "all"',
        ),
        (
            "unknown-section.json",
            json.dumps(dict(audit, sections=[dict(first, id="audit-nope")])).encode(),
            "is not a section of this audit tool",
        ),
        ("twice.json", json.dumps(dict(audit, sections=[first, first])).encode(), "appears more than once"),
        (
            "repeated-key.json",
            json.dumps(audit).replace('"version": 2', '"version": 2, "version": 2').encode(),
            'the field "version" appears more than once',
        ),
        ("not-utf8.json", b'{"format": "\xff"}', "is not UTF-8 text"),
        ("not-json.json", b"%PDF-1.7 not json at all", "is not valid JSON"),
        ("huge.json", b"[" + b" " * 6_000_000 + b"]", "is too large to be an audit"),
    ]


def test_the_importer_checks_the_whole_file_before_changing_the_form(page, tmp_path):
    """Each bad file is refused with what is wrong, no error escapes, the form stays."""
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(TOOL)
    sections = _sections(page)
    _start(page)
    page.fill("#ph-audit-case", "C7654321")
    page.fill("#ph-audit-auditor", "Before import")
    page.check(f"#ph-{sections[0]['id']}-g-inadequate")
    page.fill(f"#ph-{sections[0]['id']}-evidence", "typed before")
    before, drafts = _form_values(page), page.evaluate("localStorage.getItem('practice-hub:audit-drafts')")
    alert = page.locator("#ph-audit-message")
    for name, content, message in _bad_imports(page):
        page.evaluate("document.getElementById('ph-audit-message').textContent = ''")
        bad = tmp_path / name
        bad.write_bytes(content)
        page.set_input_files("#ph-audit-import", str(bad))
        alert.filter(has_text="Import failed").wait_for()
        text = alert.text_content()
        assert message in text and name in text and text.endswith("Nothing was changed."), (name, text)
        assert _form_values(page) == before, name
        assert page.evaluate("localStorage.getItem('practice-hub:audit-drafts')") == drafts, name
    assert errors == []

    # A good export still imports, over what was typed.
    good = tmp_path / "good.json"
    good.write_text(json.dumps(_an_export(page)), encoding="utf-8")
    page.set_input_files("#ph-audit-import", str(good))
    page.wait_for_function("document.getElementById('ph-audit-case').value === 'C2345678'")
    assert page.input_value("#ph-audit-auditor") == "Imported Auditor"
    assert page.is_checked(f"#ph-{sections[0]['id']}-g-good")
    assert page.input_value(f"#ph-{sections[0]['id']}-evidence") == "from the file"
    assert alert.text_content() == ""
    assert "Imported C2345678" in page.locator("#ph-audit-status").text_content()
    assert errors == []


def test_the_importer_reads_an_export_with_a_byte_order_mark(page, tmp_path):
    page.goto(TOOL)
    marked = tmp_path / "marked.json"
    marked.write_bytes(b"\xef\xbb\xbf" + json.dumps(_an_export(page)).encode())
    page.set_input_files("#ph-audit-import", str(marked))
    page.wait_for_function("document.getElementById('ph-audit-case').value === 'C2345678'")


def _settled(page) -> None:
    """Material's back-to-top button fades in while the page scrolls: wait for it to finish."""
    page.wait_for_function("""() => { const t = document.querySelector('.md-top');
        if (!t) return true; const o = getComputedStyle(t).opacity; return o === '0' || o === '1'; }""")


def _axe(page, where: str) -> None:
    _settled(page)
    assert_no_violations(page, where)


@pytest.mark.demo  # fills the form with the demo's journey stages; filters by its services
@pytest.mark.parametrize("scheme", SCHEMES)
def test_tool_and_dashboard_have_no_axe_violations(browser, site_server, origin_guard, scheme):
    context, page = open_in_scheme(browser, site_server, origin_guard, TOOL, scheme)
    try:
        _axe(page, f"the audit tool's list of drafts ({scheme})")
        _start(page)
        _axe(page, f"the empty audit tool ({scheme})")
        _fill(page, _children(_sections(page)))
        page.fill("#ph-audit-case", "not a reference")  # the error message shows too
        _axe(page, f"the filled audit tool ({scheme})")
        page.locator("#ph-audit-summary").scroll_into_view_if_needed()
        _axe(page, f"the audit summary ({scheme})")
        page.evaluate("document.body.classList.add('ph-audit-printing')")
        page.emulate_media(media="print")
        assert page.locator(".ph-audit__summary table").is_visible(), "the printed summary lost its table"
        _axe(page, f"the printed summary ({scheme})")
        page.emulate_media(media="screen")
        page.goto("audit/results/")
        _axe(page, f"the audit results dashboard ({scheme})")
        page.select_option("#ph-results-service", "Children's services")
        assert page.locator("[data-ph-service='All services']").is_hidden()
        assert page.locator('[data-ph-service="Children\'s services"]').is_visible()
        _axe(page, f"the filtered dashboard ({scheme})")
        assert origin_guard.foreign == []
    finally:
        context.close()


def test_without_javascript_the_tool_is_a_paper_form(browser, site_server, demo_site):
    import json

    items = json.loads((demo_site / "content.json").read_text(encoding="utf-8"))["items"]
    sections = sum(1 for item in items if item["type"] == "audit_section")  # this site's own
    if not sections:
        pytest.skip("this site has no audit section, so no audit tool")
    context = browser.new_context(base_url=site_server, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(TOOL)
        assert page.locator("[data-ph-audit-js]").is_hidden()
        assert page.locator("form#ph-audit fieldset.ph-audit__section legend").count() >= sections
        assert page.get_by_label("Case reference").is_visible()
        assert page.locator("label", has_text="Outstanding").count() >= sections
    finally:
        context.close()
