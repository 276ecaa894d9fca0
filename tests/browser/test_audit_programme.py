"""The audit tool ready for a council's audit programme, in Chromium.

Safe on a shared computer (nothing opens by itself, drafts expire, clear everything, delete after
export), a themed audit started from a cycle for one service, the audit rules before export,
the spreadsheet the same bytes as ``audit_tool/sheet.py``, a one-page print, axe and keyboard.

The themed audit runs on a copy of the site under test with a cycle and sections' services of
this test's own (``themed_site``), so it does not depend on what the demo's cycles hold.
"""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import PROJECT, build_site
from pypdf import PdfReader
from test_accessibility import assert_no_violations

from helpers import without_settings
from practice_hub.audit_tool import sheet
from practice_hub.settings import Project

pytestmark = pytest.mark.browser
TOOL = "audit/tool/"
STORE = "practice-hub:audit-drafts"
CYCLE = "cycle-test-themed-risk"
ADULTS, CHILDREN = "Adults' services", "Children's services"
ADULT_WORDS = {"requires_improvement": "Needs to improve", "inadequate": "Inadequate"}

CYCLE_FILE = f"""---
id: {CYCLE}
title: "Themed audit: risk, voice and safeguarding"
summary: "A themed audit for this test: three sections, both services."
status: current
theme: Risk and the person's voice
services: ["{CHILDREN}", "{ADULTS}"]
audit_sections: [audit-risk, audit-voice, audit-msp, audit-permanence]
planning_meeting: 2026-10-06
audit_window: {{start: 2026-11-02, end: 2026-12-18}}
link_practitioner: Advanced Practitioner, Quality Assurance Team
cycle_status: auditing
action_plan: []
---

# Themed audit: risk, voice and safeguarding

Audits are under way.
"""


def _with_services(path: Path, services: list[str]) -> None:
    """The section for these services, whether or not its front matter names some already."""
    text = re.sub(r"(?m)^services:.*\n", "", path.read_text(encoding="utf-8"), count=1)
    line = "services: [" + ", ".join(f'"{s}"' for s in services) + "]\n"
    path.write_text(text.replace("\n---\n", "\n" + line + "---\n", 1), encoding="utf-8")


@pytest.fixture(scope="module")
def themed_project(tmp_path_factory) -> Path:
    """A copy of the site under test with: Permanence for children's services only, Making
    Safeguarding Personal for adults' only, a themed cycle of four sections for both services,
    a protective marking and adults' own words for two grades."""
    audit = PROJECT / "docs" / "audit"
    needed = ("audit-risk.md", "audit-voice.md", "audit-msp.md", "audit-permanence.md")
    if not all((audit / name).is_file() for name in needed):
        pytest.skip("this site has not the audit sections the themed audit uses")
    root = tmp_path_factory.mktemp("themed") / "site"
    shutil.copytree(PROJECT / "docs", root / "docs")
    shutil.copy(PROJECT / "mkdocs.yml", root / "mkdocs.yml")
    _with_services(root / "docs" / "audit" / "audit-permanence.md", [CHILDREN])
    _with_services(root / "docs" / "audit" / "audit-msp.md", [ADULTS])
    cycles = root / "docs" / "audit" / "cycles"
    cycles.mkdir(exist_ok=True)
    (cycles / "test-themed-risk.md").write_text(CYCLE_FILE, encoding="utf-8")
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    settings = (
        "  practice_hub:\n"
        '    audit_protective_marking: "OFFICIAL-SENSITIVE PERSONAL"\n'
        "    audit_draft_expiry_days: 30\n"
        "    audit_service_grade_labels:\n"
        f'      "{ADULTS}": {{requires_improvement: "{ADULT_WORDS["requires_improvement"]}"}}\n'
    )
    assert "  practice_hub:\n" in config
    config = without_settings(
        config, "audit_protective_marking", "audit_draft_expiry_days", "audit_service_grade_labels"
    )
    (root / "mkdocs.yml").write_text(config.replace("  practice_hub:\n", settings, 1), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def themed(themed_project, tmp_path_factory, serve_site):
    """(base URL, settings) of the themed copy, built and served."""
    out = build_site(themed_project, tmp_path_factory.mktemp("themed-site"))
    return serve_site(out), Project.from_config_file(themed_project / "mkdocs.yml").settings


def _data(page) -> dict:
    return json.loads(page.locator("#ph-audit-data").text_content())


def _shown_sections(page) -> list[str]:
    return page.evaluate(
        "() => Array.from(document.querySelectorAll('fieldset[data-section]'))"
        ".filter(f => !f.hidden).map(f => f.getAttribute('data-section'))"
    )


def _storage(page) -> dict:
    """What this origin keeps in localStorage and sessionStorage, leaving out Material's own
    preferences (its keys start "/.__", such as the colour palette), which hold no audit data."""
    return page.evaluate(
        """() => { const ours = store => Object.keys(store).filter(k => !k.startsWith('/.__'));
                   const everything = JSON.stringify({...localStorage}) + JSON.stringify({...sessionStorage});
                   return {local: ours(localStorage), session: ours(sessionStorage),
                           length: ours(localStorage).length + ours(sessionStorage).length,
                           case_data: /C[0-9]{7}|Someone|Test Auditor/.test(everything)}; }"""
    )


def _download(page, label: str) -> bytes:
    return _download_named(page, label)[1]


def _download_named(page, label: str) -> tuple[str, bytes]:
    """(the file name the browser was given, its bytes)."""
    with page.expect_download() as info:
        page.get_by_role("button", name=label, exact=True).click()
    return info.value.suggested_filename, Path(info.value.path()).read_bytes()


def _complete(page, *, case="C1234567", service=None, evidence="evidence typed", grade="good"):
    """Fill every shown part of an open audit so that it passes the audit rules."""
    data = _data(page)
    page.fill("#ph-audit-case", case)
    if service:
        page.select_option("#ph-audit-service", service)
    else:
        page.select_option("#ph-audit-service", data["services"][0])
    page.fill("#ph-audit-auditor", "Test Auditor")
    page.fill("#ph-audit-date", "2026-11-02")
    for sid in _shown_sections(page):
        page.check(f"#ph-{sid}-g-{grade}")
        page.fill(f"#ph-{sid}-evidence", f"{evidence} {sid}")
    page.fill("#ph-audit-pr-role", "Social worker")
    page.fill("#ph-audit-pr-team", "Assessment team")
    page.check("#ph-audit-pr-yes")
    page.check(f"#ph-audit-ov-{grade}")
    page.fill("#ph-audit-overall-reason", "Consistent with the sections")


def _seed(page, drafts: dict) -> None:
    page.evaluate("([key, value]) => localStorage.setItem(key, JSON.stringify(value))", [STORE, drafts])


# ---------------------------------------------------------------- (a) a shared computer


def test_a_second_user_sees_no_case_data_until_they_choose_a_draft(context, page):
    page.goto(TOOL)
    assert page.locator("#ph-audit").is_hidden()  # nothing open by itself, even with no drafts
    assert "No drafts on this device." in page.locator("#ph-audit-draft-list").text_content()
    page.get_by_role("button", name="Start a new audit").click()
    assert page.locator("#ph-audit").is_visible()
    _complete(page, evidence="SECRET-EVIDENCE")
    page.fill("#ph-audit-pr-reflection", "SECRET-REFLECTION")

    second = context.new_page()  # the next person on the same browser profile
    second.goto(TOOL)
    assert second.locator("#ph-audit").is_hidden()
    text = second.locator("body").inner_text()
    assert "SECRET-EVIDENCE" not in text and "SECRET-REFLECTION" not in text and "Test Auditor" not in text
    assert second.locator("#ph-audit-draft-list li").count() == 1
    item = second.locator("#ph-audit-draft-list li").first.inner_text()
    assert "C1234567" in item and "last changed" in item and "expires" in item
    second.get_by_role("button", name="Resume draft C1234567, 2026-11-02").click()
    assert second.locator("#ph-audit").is_visible()
    assert second.input_value("#ph-audit-pr-reflection") == "SECRET-REFLECTION"


def test_clear_everything_leaves_nothing_in_storage(page):
    page.goto(TOOL)
    page.get_by_role("button", name="Start a new audit").click()
    page.fill("#ph-audit-case", "C7654321")
    page.fill("#ph-audit-auditor", "Someone")
    page.evaluate("sessionStorage.setItem('practice-hub:audit-test', 'x')")  # any key the tool writes
    assert _storage(page)["local"] == [STORE]
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.get_by_role("button", name="Clear everything on this device").click()
    assert _storage(page)["local"] == [STORE]  # cancelled: nothing removed
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Clear everything on this device").click()
    assert _storage(page) == {"local": [], "session": [], "length": 0, "case_data": False}
    assert page.locator("#ph-audit").is_hidden()
    assert "has been removed" in page.locator("#ph-audit-status").text_content()
    page.reload()
    assert _storage(page)["length"] == 0


def test_a_draft_older_than_the_expiry_is_gone_on_load(page):
    page.goto(TOOL)
    days = _data(page)["draft_expiry_days"]
    old = {
        "id": "aaaaaaaa-old",
        "case_reference": "C1111111",
        "date": "2026-01-01",
        "saved": "2020-01-01T09:00:00Z",
    }
    fresh = {"id": "bbbbbbbb-new", "case_reference": "C2222222", "date": "2026-11-01"}
    page.evaluate(
        "([key, old, fresh, days]) => { fresh.saved = new Date(Date.now() - (days - 1) * 86400000).toISOString();"
        " localStorage.setItem(key, JSON.stringify({[old.id]: old, [fresh.id]: fresh})); }",
        [STORE, old, fresh, days],
    )
    page.reload()
    drafts = json.loads(page.evaluate(f"localStorage.getItem('{STORE}')"))
    assert list(drafts) == ["bbbbbbbb-new"]
    listed = page.locator("#ph-audit-draft-list").inner_text()
    assert "C2222222" in listed and "C1111111" not in listed and "expires" in listed
    assert "1 expired draft was deleted" in page.locator("#ph-audit-status").text_content()
    # The last one expiring leaves no key at all.
    page.evaluate(
        "([key]) => { const d = JSON.parse(localStorage.getItem(key)); d['bbbbbbbb-new'].saved = '2020-01-01T00:00:00Z';"
        " localStorage.setItem(key, JSON.stringify(d)); }",
        [STORE],
    )
    page.reload()
    assert _storage(page)["length"] == 0


def test_export_then_delete_leaves_nothing(page):
    page.goto(TOOL)
    page.get_by_role("button", name="Start a new audit").click()
    _complete(page)
    audit = json.loads(_download(page, "Export JSON"))
    assert re.fullmatch(r"[a-z0-9][a-z0-9-]{7,63}", audit["id"])
    prompt = page.locator("#ph-audit-after-export")
    assert prompt.is_visible()
    prompt.get_by_role("button", name="Delete this draft from this device").click()
    assert _storage(page)["length"] == 0 and not _storage(page)["case_data"]
    assert page.locator("#ph-audit").is_hidden()
    assert "nothing of this audit is left" in page.locator("#ph-audit-status").text_content()


def test_an_export_is_refused_with_every_problem_and_focus_moves_there(page):
    page.goto(TOOL)
    page.get_by_role("button", name="Start a new audit").click()
    page.fill("#ph-audit-case", "Jane Smith")
    assert "looks like a name" in page.locator("#ph-audit-case-error").text_content()
    page.fill("#ph-audit-case", "943 476 5919")
    assert "looks like an NHS number" in page.locator("#ph-audit-case-error").text_content()
    page.get_by_role("button", name="Export JSON").click()
    alert = page.locator("#ph-audit-message")
    assert page.evaluate("document.activeElement.id") == "ph-audit-message"
    text = alert.inner_text()
    for words in (
        "not exported",
        "NHS number",
        "Service: choose the service",
        "Overall judgement: choose",
        "Reason for the overall judgement",
        "took part",
    ):
        assert words in text, (words, text)
    # Which sections must be graded depends on the service, as on the command line.
    page.select_option("#ph-audit-service", _data(page)["services"][0])
    page.get_by_role("button", name="Export JSON").click()
    assert "choose a grade" in alert.inner_text() and "Service:" not in alert.inner_text()
    assert page.locator("#ph-audit-after-export").is_hidden()


# ---------------------------------------------------------------- (b) a themed audit


def test_a_themed_audit_for_adults_from_a_cycle_page(browser, themed, tmp_path, test_output):
    base, settings = themed
    context = browser.new_context(base_url=base, viewport={"width": 1366, "height": 900})
    try:
        page = context.new_page()
        page.goto("audit/cycles/test-themed-risk/")  # the cycle's page starts the audit
        page.get_by_role("link", name="Start an audit for this cycle").click()
        page.wait_for_url(f"**/{TOOL}?cycle={CYCLE}")
        assert page.locator("#ph-audit").is_visible()  # a new audit for the cycle, empty
        assert (
            "Themed audit: risk, voice and safeguarding" in page.locator("#ph-audit-cycle-title").inner_text()
        )
        assert page.input_value("#ph-audit-cycle") == CYCLE
        assert set(_shown_sections(page)) == {"audit-risk", "audit-voice", "audit-msp", "audit-permanence"}
        page.select_option("#ph-audit-service", ADULTS)
        assert set(_shown_sections(page)) == {"audit-risk", "audit-voice", "audit-msp"}  # no Permanence
        assert (
            page.locator("#ph-audit-risk-g-requires_improvement + label strong").inner_text()
            == (ADULT_WORDS["requires_improvement"])
        )  # the adults' own words
        marking = "OFFICIAL-SENSITIVE PERSONAL"
        assert page.locator(".ph-audit__marking").first.inner_text() == marking
        assert page.locator(".ph-audit__marking").last.inner_text() == marking

        page.fill("#ph-audit-case", "0012345")
        page.fill("#ph-audit-auditor", "Test Auditor")
        page.fill("#ph-audit-date", "2026-11-02")
        page.check("#ph-audit-voice-g-good")
        page.check("#ph-audit-msp-g-requires_improvement")
        choice = page.locator("#ph-audit-ov-good")  # a radio of the disabled fieldset
        assert choice.is_disabled()  # one section still to grade
        assert (
            "1 of 3 still to grade (Risk and safety)"
            in page.locator("#ph-audit-overall-remaining").inner_text()
        )
        page.check("#ph-audit-risk-g-inadequate")  # a key section
        assert choice.is_enabled()
        assert page.locator("#ph-audit-suggested").inner_text() == "Inadequate"
        escalation = page.locator("#ph-audit-risk-escalation")
        assert escalation.is_visible() and page.locator("#ph-audit-voice-escalation").is_hidden()
        page.check("#ph-audit-ov-requires_improvement")
        page.fill("#ph-audit-overall-reason", "Risk is weak but the person's voice is strong")
        page.fill("#ph-audit-pr-role", "Social worker")
        page.fill("#ph-audit-pr-team", "Adults' locality team")
        page.check("#ph-audit-pr-no")
        page.fill("#ph-audit-pr-reflection", "Will use the risk tool")
        page.fill("#ph-audit-difference", "The person is safer at home")
        page.fill("#ph-la-1-action", "=Analyse risk, not list it")
        page.fill("#ph-audit-voice-evidence", 'Zoë O\u2019Brien said "yes", twice')

        page.get_by_role("button", name="Export JSON").click()  # the escalation is missing
        message = page.locator("#ph-audit-message").inner_text()
        assert "Risk and safety" in message and "escalated" in message
        page.screenshot(path=test_output / "audit-escalation-1366.png", full_page=False)
        page.fill("#ph-audit-risk-esc-to", "Head of Service")
        page.fill("#ph-audit-risk-esc-date", "2026-11-03")

        audit = json.loads(_download(page, "Export JSON"))
        assert audit["version"] == 2 and audit["cycle"] == CYCLE and audit["service"] == ADULTS
        assert audit["marking"] == marking
        assert sorted(s["id"] for s in audit["sections"]) == ["audit-msp", "audit-risk", "audit-voice"]
        assert audit["practitioner"] == {
            "role": "Social worker",
            "team": "Adults' locality team",
            "took_part": False,
            "reflection": "Will use the risk tool",
            "feedback_date": "",
            "response": "",
        }
        assert audit["difference"] == "The person is safer at home"
        assert (audit["auditor_overall"], audit["overall"], audit["suggested_overall"]) == (
            "requires_improvement",
            "requires_improvement",
            "inadequate",
        )
        assert audit["overall_reason"] == "Risk is weak but the person's voice is strong"
        risk = next(s for s in audit["sections"] if s["id"] == "audit-risk")
        assert risk["escalation"] == {"to": "Head of Service", "date": "2026-11-03"}

        # The spreadsheet is audit_tool/sheet.py's, byte for byte, in the adults' words.
        csv_bytes = _download(page, "Export CSV")
        assert csv_bytes.decode("utf-8") == sheet.sheet([audit], settings.grade_labels)
        assert csv_bytes.startswith(b"\xef\xbb\xbf") and b"\r\n" in csv_bytes
        assert ADULT_WORDS["requires_improvement"].encode() in csv_bytes
        assert b',="0012345",' in csv_bytes and b"'=Analyse" in csv_bytes

        # One spreadsheet of several exports: the same bytes as sheet.sheet, drafts untouched.
        first = tmp_path / "one.json"
        first.write_text(json.dumps(audit), encoding="utf-8")
        second = dict(audit, id="bbbbbbbb-second", case_reference="C7777777")
        (tmp_path / "two.json").write_text(json.dumps(second), encoding="utf-8")
        drafts = page.evaluate(f"localStorage.getItem('{STORE}')")
        with page.expect_download() as info:
            page.set_input_files("#ph-audit-sheet", [str(first), str(tmp_path / "two.json")])
        many = Path(info.value.path()).read_bytes().decode("utf-8")
        assert many == sheet.sheet([audit, second], settings.grade_labels)
        assert page.evaluate(f"localStorage.getItem('{STORE}')") == drafts
        # The original and the moderated export of one audit: in the spreadsheet once, the newest.
        later = dict(audit, moderator="Practice Lead", moderated_on="2026-11-20")
        (tmp_path / "three.json").write_text(json.dumps(later), encoding="utf-8")
        with page.expect_download() as info:
            page.set_input_files(
                "#ph-audit-sheet", [str(first), str(tmp_path / "two.json"), str(tmp_path / "three.json")]
            )
        once = Path(info.value.path()).read_bytes().decode("utf-8")
        assert once == sheet.sheet([later, second], settings.grade_labels)
        assert (
            "one.json is another export of the audit in three.json"
            in page.locator("#ph-audit-status").inner_text()
        )

        # Print: one A4 page with the marking, the case, the cycle, grades, both overalls and
        # the escalation; no evidence text.
        page.evaluate("document.body.classList.add('ph-audit-printing')")
        page.emulate_media(media="print")
        printed = page.locator("#ph-audit-summary").inner_text()
        for words in ("0012345", "Adults' services", "Themed audit", "Head of Service", "Analyse risk"):
            assert words in printed, words
        assert "Zoë" not in page.locator("body").inner_text()  # evidence is not printed
        assert page.locator(".ph-audit__marking").first.is_visible()
        pdf = page.pdf(format="A4", print_background=True)
        assert len(PdfReader(io.BytesIO(pdf)).pages) == 1
        page.screenshot(path=test_output / "audit-print-1366.png", full_page=True)
    finally:
        context.close()


def test_moderation_locks_the_auditors_grades_and_the_moderated_overall_counts(browser, themed, tmp_path):
    base, settings = themed
    context = browser.new_context(base_url=base)
    try:
        page = context.new_page()
        page.goto(f"{TOOL}?cycle={CYCLE}")
        _complete(page, service=CHILDREN)
        exported = tmp_path / "audit.json"
        exported.write_bytes(_download(page, "Export JSON"))
        original = json.loads(exported.read_text(encoding="utf-8"))

        moderator = browser.new_context(base_url=base)
        other = moderator.new_page()
        other.goto(TOOL)
        other.set_input_files("#ph-audit-import", str(exported))
        other.wait_for_function("document.getElementById('ph-audit-case').value === 'C1234567'")
        assert other.locator("#ph-audit-risk-g-good").is_enabled()  # not moderated yet
        other.check("#ph-audit-risk-m-changed")
        other.select_option("#ph-audit-risk-m-grade", "requires_improvement")
        other.fill("#ph-audit-risk-m-reason", "Risk listed, not analysed")
        assert other.locator("#ph-audit-risk-g-good").is_disabled()  # locked, with the reason why
        assert (
            "locked because this audit has been moderated"
            in other.locator("#ph-audit-risk-g-lock").inner_text()
        )
        assert other.locator("#ph-audit-ov-good").is_disabled()
        other.select_option("#ph-audit-moderated-overall", "requires_improvement")
        other.fill("#ph-audit-moderation-reason", "Risk is the key section")
        other.fill("#ph-audit-moderator", "QA Team")
        other.fill("#ph-audit-moderated-on", "2026-11-20")
        assert other.locator("#ph-audit-overall").inner_text() == (
            "Requires improvement to be good (moderated; the auditor's: Good)"
        )
        name, body = _download_named(other, "Export JSON")
        moderated = json.loads(body)
        assert name == f"audit-C1234567-{moderated['date']}-moderated.json"  # never the original's name
        assert moderated["id"] == original["id"]  # the same audit
        assert (moderated["overall"], moderated["auditor_overall"], moderated["moderated_overall"]) == (
            "requires_improvement",
            "good",
            "requires_improvement",
        )
        rows = _download(other, "Export CSV").decode("utf-8")
        assert rows == sheet.sheet([moderated], settings.grade_labels)

        # Opened again elsewhere, the moderated export stays locked.
        again = tmp_path / "moderated.json"
        again.write_text(json.dumps(moderated), encoding="utf-8")
        third = browser.new_context(base_url=base).new_page()
        third.goto(TOOL)
        third.set_input_files("#ph-audit-import", str(again))
        third.wait_for_function("document.getElementById('ph-audit-case').value === 'C1234567'")
        assert third.locator("#ph-audit-voice-g-good").is_disabled()
        third.context.close()
        moderator.close()
    finally:
        context.close()


def test_an_unknown_cycle_in_the_address_opens_nothing(page):
    page.goto(f"{TOOL}?cycle=no-such-cycle")
    assert page.locator("#ph-audit").is_hidden()
    assert "is not one of this site's cycles" in page.locator("#ph-audit-status").inner_text()


def test_a_closed_cycle_takes_no_new_audits(page):
    """The demo's spring cycle's audit window closed in March: not offered, and its link says so."""
    closed = "cycle-2026-q1-chronologies"
    page.goto(TOOL)
    page.get_by_role("button", name="Start a new audit").click()
    offered = page.eval_on_selector_all(
        "#ph-audit-cycle option:not([disabled])", "os => os.map(o => o.value)"
    )
    assert closed not in offered and "cycle-2026-q4-risk" in offered
    assert "(closed on 2026-03-13)" in page.locator(f'#ph-audit-cycle option[value="{closed}"]').inner_text()
    page.goto(f"{TOOL}?cycle={closed}")
    assert page.locator("#ph-audit").is_hidden()
    assert "closed on 2026-03-13: it takes no new audits" in page.locator("#ph-audit-status").inner_text()


def test_an_audit_of_a_closed_cycle_opened_for_moderation_keeps_its_cycle(page, tmp_path):
    """Moderation comes after the audit window: the import keeps the cycle and its sections."""
    audit = json.loads(
        next(
            p
            for p in sorted((PROJECT / "tests" / "fixtures" / "audit-exports").glob("*.json"))
            if json.loads(p.read_text(encoding="utf-8")).get("cycle")
        ).read_text(encoding="utf-8")
    )
    closed = "cycle-2026-q2-voice"  # the demo's summer cycle: window 2026-05-05 to 2026-06-12
    data_cycles = None
    page.goto(TOOL)
    for c in _data(page)["cycles"]:
        if c["id"] == closed:
            data_cycles = c
    assert data_cycles and data_cycles["audit_sections"]
    audit.update(cycle=closed, date="2026-06-01", service=data_cycles["services"][0], journey_stage="")
    audit["sections"] = [
        dict(s, moderation={"outcome": ""})
        for s in audit["sections"]
        if s["id"] in data_cycles["audit_sections"]
    ]
    path = tmp_path / "summer.json"
    path.write_text(json.dumps(audit), encoding="utf-8")
    page.set_input_files("#ph-audit-import", str(path))
    page.wait_for_function(f"document.getElementById('ph-audit-case').value === '{audit['case_reference']}'")
    assert page.input_value("#ph-audit-cycle") == closed
    assert set(_shown_sections(page)) == set(data_cycles["audit_sections"])


def test_an_older_export_is_said_to_be_an_older_format(page, tmp_path):
    page.goto(TOOL)
    old = tmp_path / "old.json"
    old.write_text(
        json.dumps(
            {"format": "practice-hub-audit", "version": 1, "case_reference": "C1234567", "sections": []}
        ),
        encoding="utf-8",
    )
    page.set_input_files("#ph-audit-import", str(old))
    alert = page.locator("#ph-audit-message")
    alert.filter(has_text="Import failed").wait_for()
    assert "is an older format of exported audit (version 1)" in alert.inner_text()
    assert page.locator("#ph-audit").is_hidden() and _storage(page)["length"] == 0


# ---------------------------------------------------------------- (c) axe, (d) keyboard


def _settled(page) -> None:
    page.wait_for_function("""() => { const t = document.querySelector('.md-top');
        if (!t) return true; const o = getComputedStyle(t).opacity; return o === '0' || o === '1'; }""")


def test_axe_in_every_state_of_the_tool(browser, themed, test_output):
    base, _ = themed
    for width in (1366, 390):
        context = browser.new_context(base_url=base, viewport={"width": width, "height": 900})
        try:
            page = context.new_page()
            page.goto(TOOL)
            page.get_by_role("button", name="Start a new audit").click()
            page.fill("#ph-audit-case", "C1234567")
            page.get_by_role("button", name="Close this audit").click()
            _settled(page)
            assert_no_violations(page, f"the draft list ({width})")
            page.screenshot(path=test_output / f"audit-list-{width}.png", full_page=False)
            page.get_by_role("button", name="Start a new audit").click()
            _settled(page)
            assert_no_violations(page, f"the empty form ({width})")
            _complete(page, service=ADULTS)
            page.fill("#ph-audit-case", "Jane Smith")  # the case reference's error shows too
            _settled(page)
            assert_no_violations(page, f"the filled form ({width})")
            page.locator("#ph-audit-overall-fieldset").scroll_into_view_if_needed()
            page.screenshot(path=test_output / f"audit-filled-{width}.png", full_page=False)
            page.check("#ph-audit-risk-g-inadequate")
            page.locator("#ph-audit-risk-escalation").scroll_into_view_if_needed()
            _settled(page)
            assert_no_violations(page, f"the escalation ({width})")
            page.screenshot(path=test_output / f"audit-escalation-{width}.png", full_page=False)
            page.check("#ph-audit-voice-m-agree")
            page.select_option("#ph-audit-moderated-overall", "inadequate")
            _settled(page)
            assert_no_violations(page, f"the moderated form ({width})")
            page.get_by_role("button", name="Export JSON").click()
            _settled(page)
            assert_no_violations(page, f"the refused export ({width})")
            page.evaluate("document.body.classList.add('ph-audit-printing')")
            page.emulate_media(media="print")
            _settled(page)
            assert_no_violations(page, f"the print summary ({width})")
            page.screenshot(path=test_output / f"audit-print-{width}.png", full_page=True)
            if width == 1366:  # every adults' section, an escalation, a moderated overall: still one page
                assert len(_shown_sections(page)) >= 10
                assert len(PdfReader(io.BytesIO(page.pdf(format="A4"))).pages) == 1
        finally:
            context.close()


def test_the_draft_list_and_clear_everything_work_by_keyboard_at_390_px(browser, site_server, origin_guard):
    context = browser.new_context(base_url=site_server, viewport={"width": 390, "height": 800})
    origin_guard.install(context)
    try:
        page = context.new_page()
        page.goto(TOOL)
        start = page.get_by_role("button", name="Start a new audit")
        start.focus()
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "ph-audit-case"
        page.keyboard.type("C1234567")
        page.get_by_role("button", name="Close this audit").focus()
        page.keyboard.press("Enter")
        assert page.locator("#ph-audit").is_hidden()
        assert page.evaluate("document.activeElement.id") == "ph-audit-drafts-h"
        resume = page.get_by_role("button", name=re.compile("^Resume draft C1234567"))
        resume.focus()
        page.keyboard.press("Enter")
        assert page.locator("#ph-audit").is_visible()
        assert page.input_value("#ph-audit-case") == "C1234567"
        page.get_by_role("button", name="Close this audit").focus()
        page.keyboard.press("Enter")
        # From the draft's Delete button, Tab reaches Start and then Clear everything.
        page.get_by_role("button", name=re.compile("^Delete draft C1234567")).focus()
        page.keyboard.press("Tab")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.textContent") == "Clear everything on this device"
        page.once("dialog", lambda dialog: dialog.accept())
        page.keyboard.press("Enter")
        assert _storage(page)["length"] == 0 and not _storage(page)["case_data"]
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        assert origin_guard.foreign == []
    finally:
        context.close()


def test_the_print_summary_is_one_page_however_long_the_moderators_reasons(page, test_output):
    """Every adults' section moderated with a long reason, and three learning actions: one A4 page
    (each reason shows two lines in print; the export keeps it whole)."""
    page.goto(TOOL)
    page.get_by_role("button", name="Start a new audit").click()
    _complete(page, service=ADULTS)
    reason = (
        "The record shows the plan but not how it was reviewed with the person; the grade is lowered "
        "because the outcomes were never measured against what the person said mattered to them."
    )
    assert len(reason) > 170
    sections = _shown_sections(page)
    assert len(sections) >= 10
    for sid in sections:
        page.check(f"#ph-{sid}-m-changed")
        page.select_option(f"#ph-{sid}-m-grade", "requires_improvement")
        page.fill(f"#ph-{sid}-m-reason", reason)
    for n in (1, 2, 3):
        page.fill(f"#ph-la-{n}-action", f"Learning action {n}: {reason}")
        page.fill(f"#ph-la-{n}-with", "Team manager")
    page.evaluate("document.body.classList.add('ph-audit-printing')")
    page.emulate_media(media="print")
    page.set_viewport_size({"width": 794, "height": 1123})
    page.screenshot(path=test_output / "audit-print-heavy-moderation.png", full_page=True)
    assert len(PdfReader(io.BytesIO(page.pdf(format="A4"))).pages) == 1
