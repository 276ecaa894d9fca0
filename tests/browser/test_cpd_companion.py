"""The CPD companion in Chromium, with every request but the local server's blocked: a piece of
CPD recorded from a course page and from a briefing (and one from an earlier registration year),
listed on My CPD only when asked, with the registration year's count and the peer-reflection
flag, edited, deleted, exported as text and as JSON (the files' contents checked), and cleared;
axe on the open form and on My CPD in the light and dark palettes; the whole path by keyboard at
390 px. Screenshots at desktop and phone widths go to test-output/screenshots/."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from test_accessibility import SCHEMES, assert_no_violations

from helpers import page_of

pytestmark = pytest.mark.browser
MY_CPD = "my-cpd/"
KEY = "practice-hub:cpd@/"  # the demo is served at the server's root
PHONE = {"width": 390, "height": 800}
#: Material's buttons fade between colours: axe judges the colours they end on.
#: The reader's clock in these tests: the day the demo is pinned to, so the registration year and
#: the dates the form fills in are known (the form takes the reader's date, never the build's).
READERS_DAY = dt.datetime(2026, 11, 24, 10, 0)
NO_MOTION = "*, *::before, *::after { transition: none !important; animation: none !important; }"


def _stored(page) -> list[dict]:
    return page.evaluate(f"() => JSON.parse(localStorage.getItem({json.dumps(KEY)}) || '{{}}').records || []")


def _our_keys(page) -> list[str]:
    """Every key of local and session storage this origin holds that is not Material's own
    preferences (theirs start "/.__")."""
    return page.evaluate(
        "() => [...Object.keys(localStorage), ...Object.keys(sessionStorage)].filter(k => !k.startsWith('/.__'))"
    )


def _download(page, label: str) -> tuple[str, str]:
    with page.expect_download() as info:
        page.get_by_role("button", name=label, exact=True).click()
    return info.value.suggested_filename, Path(info.value.path()).read_text(encoding="utf-8")


def _title(page) -> str:
    return page.locator("[data-ph-cpd]").get_attribute("data-cpd-title")


def _record(page, learnt: str, impact: str = "", peer: tuple[str, str] | None = None, date: str = "") -> None:
    """Open the block, fill it and save it."""
    block = page.locator("[data-ph-cpd]")
    assert block.locator("form").is_hidden(), "the form opened by itself"
    page.get_by_role("button", name="Record this as CPD").click()
    assert page.evaluate("document.activeElement.id") == "ph-cpd-type"
    if date:
        page.fill("#ph-cpd-date", date)
    page.fill("#ph-cpd-learnt", learnt)
    page.fill("#ph-cpd-impact", impact)
    if peer:
        page.check("#ph-cpd-peer")
        page.fill("#ph-cpd-peer-with", peer[0])
        page.fill("#ph-cpd-peer-when", peer[1])
        page.fill("#ph-cpd-peer-notes", "We talked about how to use it.")
    page.get_by_role("button", name="Save on this device").click()
    assert block.locator("form").is_hidden()
    assert "Saved in this browser on this device" in block.locator("[data-ph-cpd-status]").inner_text()


@pytest.fixture
def pages(demo_pages):
    return {name: page_of(demo_pages, name) for name in ("course", "briefing", "procedure")}


def test_record_list_export_edit_delete_and_clear(page, pages, origin_guard, site_server, test_output):
    page.clock.set_fixed_time(READERS_DAY)
    shots = test_output / "screenshots"
    shots.mkdir(exist_ok=True)
    # A course: the block says where records are kept; without pressing, nothing is open.
    page.goto(pages["course"])
    block = page.locator("[data-ph-cpd]")
    assert block.locator("[data-ph-cpd-needs-script]").is_hidden()
    assert "Kept in this browser on this device only" in block.inner_text()
    course = _title(page)
    assert page.locator("#ph-cpd-title").is_hidden()
    page.get_by_role("button", name="Record this as CPD").click()
    assert page.input_value("#ph-cpd-title") == course
    assert page.input_value("#ph-cpd-type") == "Course or training"
    assert page.input_value("#ph-cpd-date") == "2026-11-24"  # the site's pinned today
    # Nothing saved without what was learnt: the problem is named, focus goes to the field.
    page.get_by_role("button", name="Save on this device").click()
    assert "What I learnt is empty" in page.locator("#ph-cpd-problems").inner_text()
    assert page.evaluate("document.activeElement.id") == "ph-cpd-learnt"
    page.screenshot(path=shots / "cpd-form-1280.png", full_page=False)
    page.get_by_role("button", name="Cancel").click()
    assert _stored(page) == []
    _record(
        page,
        "How to ask the second question.",
        "I ask it at every visit.",
        ("Practice supervisor", "2026-11-20"),
    )

    # A briefing: its questions are the prompts.
    page.goto(pages["briefing"])
    briefing = _title(page)
    prompts = json.loads(page.locator("[data-ph-cpd]").get_attribute("data-cpd-prompts"))
    page.get_by_role("button", name="Record this as CPD").click()
    assert page.locator("#ph-cpd-prompts li").all_inner_texts() == prompts
    page.get_by_role("button", name="Record this as CPD").click()  # closes it again, nothing saved
    assert _stored(page) and len(_stored(page)) == 1
    _record(page, "What the review found about <script>alert(1)</script> drift.", "We review plans sooner.")

    # A procedure read in the last registration year: listed, but not counted in this one.
    page.goto(pages["procedure"])
    earlier = _title(page)
    _record(page, "The thresholds.", date="2025-11-30")
    assert len(_stored(page)) == 3

    # My CPD shows nothing until asked.
    page.goto(MY_CPD)
    assert page.locator("#ph-cpd-records").is_hidden()
    assert course not in page.locator("main").inner_text()
    page.get_by_role("button", name="Show my CPD records").click()
    assert page.evaluate("document.activeElement.id") == "ph-cpd-records-h"
    count = page.locator(".ph-cpd__count")
    assert count.inner_text() == (
        "Registration year 1 December 2025 to 30 November 2026: 2 pieces of CPD, 1 with a peer reflection."
    )
    assert "That meets Social Work England's requirement" in page.locator("[data-ph-cpd-year]").inner_text()
    records = page.locator(".ph-cpd__record")
    assert records.count() == 3
    flags = {
        records.nth(i).locator("h4").inner_text(): records.nth(i).locator(".ph-cpd__flag").inner_text()
        for i in range(3)
    }
    assert flags == {
        course: "With a peer reflection",
        briefing: "No peer reflection",
        earlier: "No peer reflection",
    }
    assert "Other years (1)" in page.locator("[data-ph-cpd-list]").inner_text()
    assert page.locator("[data-ph-cpd-list] script").count() == 0  # typed text stays text
    page.screenshot(path=shots / "cpd-my-cpd-1280.png", full_page=True)

    # Text: one block per record, in the form's field names.
    name, text = _download(page, "Download as text")
    assert name == "my-cpd-2026-11-24.txt"
    assert text.startswith(
        "My CPD records\nRegistration year 1 December 2025 to 30 November 2026: 2 pieces of CPD, "
        "1 with a peer reflection.\nCopied on 24 November 2026.\n\nPiece of CPD 1 of 3\n"
    )
    course_block = next(b for b in text.split("\n\n") if f"Title: {course}\n" in b)
    url = site_server + pages["course"]
    assert course_block.splitlines() == [
        next(line for line in course_block.splitlines() if line.startswith("Piece of CPD ")),
        "Type of CPD: Course or training",
        f"Title: {course}",
        "Date: 24 November 2026",
        "What I learnt: How to ask the second question.",
        "Impact on my practice: I ask it at every visit.",
        "Peer reflection: Yes, with Practice supervisor on 20 November 2026",
        "What came out of the conversation: We talked about how to use it.",
        f"Page: {url}",
    ]
    assert text.count("Piece of CPD ") == 3 and "Date: 30 November 2025" in text

    # JSON: everything, newest first.
    name, raw = _download(page, "Download as JSON")
    assert name == "my-cpd-2026-11-24.json"
    exported = json.loads(raw)
    assert exported["format"] == "practice-hub-cpd" and exported["version"] == 1
    assert exported["exported"] == "2026-11-24"
    assert [r["title"] for r in exported["records"]][-1] == earlier
    by_title = {r["title"]: r for r in exported["records"]}
    assert by_title[course]["peer"] is True and by_title[course]["peer_with"] == "Practice supervisor"
    assert by_title[course]["page"] == url
    assert by_title[briefing]["type"] == "Learning from a review" and by_title[briefing]["prompts"] == prompts
    assert by_title[briefing]["learnt"] == "What the review found about <script>alert(1)</script> drift."

    # Edit: the briefing gets a peer reflection; the count follows.
    page.get_by_role("button", name=f"Edit {briefing}").click()
    assert page.input_value("#ph-cpd-edit-title") == briefing
    page.check("#ph-cpd-edit-peer")
    page.fill("#ph-cpd-edit-peer-with", "Team manager")
    page.fill("#ph-cpd-edit-peer-when", "2026-11-23")
    page.get_by_role("button", name="Save on this device").click()
    assert count.inner_text().endswith("2 pieces of CPD, 2 with a peer reflection.")
    assert page.evaluate("document.activeElement.textContent") == briefing

    # Delete (after confirming) the earlier year's record.
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name=f"Delete {earlier}").click()
    assert records.count() == 2 and len(_stored(page)) == 2
    assert (
        f"The record \u201c{earlier}\u201d is deleted"
        in page.locator(".ph-cpd--page [role=status]").last.inner_text()
    )

    # Clear everything: refused once, then confirmed; nothing of the companion is left.
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.get_by_role("button", name="Clear everything on this device").click()
    assert len(_stored(page)) == 2
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Clear everything on this device").click()
    assert _our_keys(page) == []
    assert "There are no CPD records in this browser" in page.locator("[data-ph-cpd-list]").inner_text()
    assert count.inner_text().endswith("0 pieces of CPD, 0 with a peer reflection.")
    assert origin_guard.foreign == []


def _seed(page) -> None:
    records = [
        {"id": "a1", "type": "Course or training", "title": "Seeded course", "date": "2026-03-02",
         "learnt": "One thing.", "impact": "Another.", "peer": True, "peer_with": "Senior practitioner",
         "peer_when": "2026-03-09", "peer_notes": "Notes.", "page": "", "prompts": []},
        {"id": "b2", "type": "Learning from a review", "title": "Seeded briefing", "date": "2026-05-02",
         "learnt": "A third thing.", "impact": "", "peer": False, "peer_with": "", "peer_when": "",
         "peer_notes": "", "page": "", "prompts": []},
    ]  # fmt: skip
    value = json.dumps({"format": "practice-hub-cpd", "version": 1, "records": records})
    page.evaluate(f"() => localStorage.setItem({json.dumps(KEY)}, {json.dumps(value)})")


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_form_and_my_cpd_have_no_axe_violations(
    browser, site_server, origin_guard, pages, scheme, test_output
):
    shots = test_output / "screenshots"
    shots.mkdir(exist_ok=True)
    for width in (1280, 390):
        context = browser.new_context(
            base_url=site_server, color_scheme=scheme, viewport={"width": width, "height": 800}
        )
        origin_guard.install(context)
        try:
            page = context.new_page()
            page.clock.set_fixed_time(READERS_DAY)
            page.goto(pages["course"])
            page.add_style_tag(content=NO_MOTION)
            page.get_by_role("button", name="Record this as CPD").click()
            page.check("#ph-cpd-peer")
            page.get_by_role("button", name="Save on this device").click()  # the problems shown too
            assert page.locator("#ph-cpd-problems li").count() >= 2
            assert_no_violations(page, f"the Record as CPD form ({scheme}, {width} px)")
            page.locator("#ph-cpd-h").scroll_into_view_if_needed()
            page.screenshot(path=shots / f"cpd-form-{scheme}-{width}.png", full_page=True)
            _seed(page)
            page.goto(MY_CPD)
            page.add_style_tag(content=NO_MOTION)
            page.get_by_role("button", name="Show my CPD records").click()
            page.get_by_role("button", name="Edit Seeded course").click()
            assert_no_violations(page, f"My CPD ({scheme}, {width} px)")
            assert page.evaluate("document.documentElement.scrollWidth") <= width
            page.screenshot(path=shots / f"cpd-my-cpd-{scheme}-{width}.png", full_page=True)
            assert origin_guard.foreign == []
        finally:
            context.close()


def _tab_to(page, name: str, stops: int = 400) -> None:
    """Tab forward until the focused element's text (or id, "#id") is *name*; each stop on the screen."""
    for _ in range(stops):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "() => { const e = document.activeElement, r = e.getBoundingClientRect();"
            " return {text: (e.innerText || '').trim(), id: '#' + e.id, left: r.left, right: r.right,"
            " width: document.documentElement.clientWidth}; }"
        )
        if name in (focused["text"], focused["id"]):
            assert 0 <= focused["left"] and focused["right"] <= focused["width"] + 1, focused
            return
    raise AssertionError(f"Tab never reached {name!r}")


def test_the_whole_path_by_keyboard_at_390_px(browser, site_server, origin_guard, pages):
    context = browser.new_context(base_url=site_server, viewport=PHONE, locale="en-GB")
    origin_guard.install(context)
    try:
        page = context.new_page()
        page.clock.set_fixed_time(READERS_DAY)
        page.goto(pages["course"])
        _tab_to(page, "Record this as CPD")
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "ph-cpd-type"
        _tab_to(page, "#ph-cpd-learnt", stops=8)  # past the type, the title and the date's parts
        page.keyboard.type("Typed by keyboard.")
        _tab_to(page, "#ph-cpd-peer", stops=2)
        page.keyboard.press("Space")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.id") == "ph-cpd-peer-with"  # shown once ticked
        page.keyboard.type("Practice educator")
        assert page.input_value("#ph-cpd-peer-when") == "2026-11-24"  # today, until changed
        _tab_to(page, "Save on this device")
        page.keyboard.press("Enter")
        assert page.locator("#ph-cpd-problems").inner_text() == ""
        assert page.evaluate("document.activeElement.textContent") == "Record this as CPD"
        stored = _stored(page)
        assert [(r["learnt"], r["peer"], r["peer_with"], r["peer_when"]) for r in stored] == [
            ("Typed by keyboard.", True, "Practice educator", "2026-11-24")
        ]
        _tab_to(page, "See my CPD records")
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"/my-cpd/$"))
        _tab_to(page, "Show my CPD records")
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "ph-cpd-records-h"
        assert "1 piece of CPD, 1 with a peer reflection" in page.locator(".ph-cpd__count").inner_text()
        _tab_to(page, "Clear everything on this device")
        page.once("dialog", lambda dialog: dialog.accept())
        page.keyboard.press("Enter")
        assert _our_keys(page) == []
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        assert origin_guard.foreign == []
    finally:
        context.close()
