"""Briefing use and the learning loop, checked on a small site (the golden-thread fixture plus a
briefing and an audit cycle): the exact messages editors see, the unused-briefing gap in check
and on the golden thread page, a team's use on the briefing's page and on its standard's page,
and the learning loop on the cycle's page and the dashboard.
"""

from __future__ import annotations

import pytest
from helpers import FIXTURES, REPO, TODAY, make_project
from practice_hub.content_types import LEARNING
from practice_hub.export import content_json
from practice_hub.renderer.audit_cycles import cycle_additions
from practice_hub.renderer.audit_results import dashboard_page
from practice_hub.renderer.learning import briefing_page
from practice_hub.renderer.thread import matrix_page, standard_additions
from practice_hub.settings import Project
from practice_hub.site import load_site

THREAD = FIXTURES / "thread" / "docs"
USE_HINT = 'when a team has discussed it, add it under "uses:" with team, date, answers and agreed_change'


def briefing(extra: str = "", last_reviewed: str = "2026-06-01") -> str:
    """A complete briefing with two questions; *extra* is YAML written after its other fields."""
    return (
        "---\n"
        "id: b1\n"
        "title: Briefing one\n"
        "summary: What it is about.\n"
        "owner: Principal Social Worker\n"
        "status: current\n"
        f"last_reviewed: {last_reviewed}\n"
        "review_kind: child safeguarding practice review\n"
        "scope: local\n"
        "source: The local safeguarding partnership\n"
        "date: 2026-05-20\n"
        "why_it_matters: It could happen in any team.\n"
        "story: A fictional story.\n"
        "learning_points: [See the whole picture.]\n"
        "questions:\n"
        "  - Who else knows this family?\n"
        "  - What would you record?\n"
        "local_changes: [The template asks for every address.]\n"
        "standards: [standard-1]\n" + extra + "---\n\n# Briefing one\n"
    )


USE = (
    "uses:\n"
    "  - team: Northgate Assessment Team\n"
    "    date: 2026-07-14\n"
    "    answers:\n"
    "      - The health visitor and the GP.\n"
    "      - Every adult at every address.\n"
    "    agreed_change: Ask for every address at the first visit.\n"
    "    changed: [recording]\n"
)


def line_of(text: str, start: str, nth: int = 1) -> int:
    """The line number (from 1) of the nth line of *text* that starts with *start* (stripped)."""
    found = [n for n, line in enumerate(text.splitlines(), 1) if line.strip().startswith(start)]
    return found[nth - 1]


def load(tmp_path, monkeypatch, files: dict[str, str], settings: dict | None = None):
    monkeypatch.setenv("PRACTICE_HUB_TODAY", TODAY)  # 2026-11-24
    root = make_project(tmp_path / "p", THREAD, files=files, settings=settings)
    return load_site(Project.from_config_file(root / "mkdocs.yml"))


def messages(site) -> list[str]:
    return [str(p) for p in site.problems.errors] + [f"WARNING {p}" for p in site.problems.warnings]


# --- briefing uses ---------------------------------------------------------------------------


def test_a_briefing_with_a_use_has_no_problems_and_shows_it(tmp_path, monkeypatch):
    site = load(tmp_path, monkeypatch, {"learning/b1.md": briefing(USE)})
    assert messages(site) == []
    item = site.by_id["b1"]
    page = briefing_page(item, site.thread)
    assert "## How teams used this briefing" in page
    assert "### Northgate Assessment Team, 14 July 2026" in page
    assert "*Who else knows this family?* The health visitor and the GP." in page
    assert "**Agreed change:** Ask for every address at the first visit." in page
    assert "**Changed:** [Recording](../procedures/recording.md) (procedure)" in page
    standard = standard_additions(site.by_id["standard-1"], site.thread, site.project.settings.build_date)
    assert "used by 1 team, latest 14 July 2026 (Northgate Assessment Team)" in standard
    exported = {i["id"]: i for i in content_json(site)["items"]}["b1"]  # content.json
    assert [(u["team"], str(u["date"])) for u in exported["uses"]] == [("Northgate Assessment Team", "2026-07-14")]


def test_an_unused_briefing_past_the_days_is_a_gap_in_check_and_on_the_golden_thread(tmp_path, monkeypatch):
    text = briefing()
    site = load(tmp_path, monkeypatch, {"learning/b1.md": text})
    # 2026-06-01 to 2026-11-24: 29 + 31 + 31 + 30 + 31 + 24 = 176 days, more than the default 90.
    message = 'briefing "b1" has no recorded team use 176 days after it was shared on 2026-06-01'
    assert messages(site) == [
        f"WARNING docs/learning/b1.md:{line_of(text, 'title:')}: golden thread gap: {message} ({USE_HINT})"
    ]
    assert f"[Briefing one](../learning/b1.md): {message}" in matrix_page(site.thread)
    assert "No team has recorded its use of this briefing yet." in briefing_page(site.by_id["b1"], site.thread)


def test_shared_moves_the_start_and_the_setting_turns_it_off(tmp_path, monkeypatch):
    shared = briefing("shared: 2026-09-01\n")  # 84 days before 2026-11-24: not yet a gap
    assert messages(load(tmp_path / "a", monkeypatch, {"learning/b1.md": shared})) == []
    off = load(tmp_path / "b", monkeypatch, {"learning/b1.md": briefing()}, {"briefing_use_days": 0})
    assert messages(off) == []
    short = load(tmp_path / "c", monkeypatch, {"learning/b1.md": shared}, {"briefing_use_days": 30})
    assert [p.message for p in short.problems.warnings] == [
        'golden thread gap: briefing "b1" has no recorded team use 84 days after it was shared on 2026-09-01'
    ]


def test_a_use_with_too_few_answers_is_named_at_its_answers_line(tmp_path, monkeypatch):
    text = briefing(USE.replace("      - Every adult at every address.\n", ""))
    site = load(tmp_path, monkeypatch, {"learning/b1.md": text})
    assert messages(site) == [
        f"docs/learning/b1.md:{line_of(text, 'answers:')}: the use by \"Northgate Assessment Team\" has "
        "1 answer, but the briefing has 2 questions (write one answer for each question, in the order "
        "of the questions)"
    ]


def test_a_use_in_the_future_is_refused(tmp_path, monkeypatch):
    text = briefing(USE.replace("2026-07-14", "2099-01-05"))
    site = load(tmp_path, monkeypatch, {"learning/b1.md": text})
    assert f"docs/learning/b1.md:{line_of(text, 'date: 2099')}: the use by \"Northgate Assessment Team\" " \
        "is dated 2099-01-05, which is in the future (record a use once the team has discussed the " \
        "briefing, with the date it did)" in messages(site)


def test_a_use_names_what_changed_by_id(tmp_path, monkeypatch):
    text = briefing(USE.replace("changed: [recording]", "changed: [recordng, section-1]"))
    site = load(tmp_path, monkeypatch, {"learning/b1.md": text})
    line = line_of(text, "changed:")
    assert messages(site) == [
        f'docs/learning/b1.md:{line}: "changed" names "recordng", which is not the id of a procedure, '
        'course, tool or practice standard (did you mean "recording"?)',
        f'docs/learning/b1.md:{line}: "changed" names "section-1", which is an audit section, not a '
        "procedure, course, tool or practice standard (list only what was changed: the id of a "
        "procedure, course, tool or practice standard)",
    ]


# --- the learning-loop fields of an audit cycle's actions ---------------------------------------


def cycle(action: str) -> str:
    return (
        "---\n"
        "id: c1\n"
        "title: Cycle one\n"
        "summary: A themed audit.\n"
        "theme: Chronologies\n"
        'services: ["Children\'s services"]\n'
        "planning_meeting: 2026-01-12\n"
        "audit_window: {start: 2026-02-02, end: 2026-03-13}\n"
        "link_practitioner: Advanced Practitioner\n"
        "cycle_status: completed\n"
        "action_plan:\n"
        "  - action: Add a chronology prompt.\n"
        "    owner: Principal Social Worker\n"
        "    due: 2026-05-29\n" + action + "---\n\n# Cycle one\n"
    )


DONE = (
    "    action_status: done\n"
    "    standard: standard-1\n"
    "    finding: Chronologies were out of date.\n"
    "    audit_section: section-1\n"
    "    closed: 2026-05-22\n"
    "    changed: [recording]\n"
)


def test_a_closed_action_is_in_the_loop_on_the_cycle_standard_and_dashboard(tmp_path, monkeypatch):
    site = load(tmp_path, monkeypatch, {"audit/cycles/c1.md": cycle(DONE)})
    assert messages(site) == []
    settings = site.project.settings
    page = cycle_additions(site.by_id["c1"], site.by_id, settings.build_date, site.thread, settings)
    # found 2026-03-13 (the window's end) to closed 2026-05-22: 18 + 30 + 22 = 70 days. Before: the
    # last result of a period over by 13 March (none: Q1 2026 ends on 31 March); after: the first
    # period that ends after 22 May, Q2 2026 (81% in the fixture's results).
    row = (
        "| Chronologies were out of date. ([Section 1](../section-1.md)) | Add a chronology "
        "prompt. | Principal Social Worker | [Recording](../../procedures/recording.md) | 70 | no earlier "
        "result → 81% (Q2 2026) |"
    )
    assert "## Learning loop" in page and row in page
    standard = standard_additions(site.by_id["standard-1"], site.thread, settings.build_date)
    assert "## Learning loop" in standard and "Add a chronology prompt." in standard
    dashboard = dashboard_page(site.thread, settings, True)
    assert '<tr><th scope="row">2026 Q2</th><td>70</td><td>1</td></tr>' in dashboard
    assert '<tr><th scope="row">All</th><td>70</td><td>1</td></tr>' in dashboard
    assert "Chronologies were out of date. (<a href=\"../section-1/\">" in dashboard


def test_closed_before_found_is_an_error_at_its_line(tmp_path, monkeypatch):
    text = cycle(DONE.replace("closed: 2026-05-22", "closed: 2026-03-01"))
    site = load(tmp_path, monkeypatch, {"audit/cycles/c1.md": text})
    assert messages(site) == [
        f'docs/audit/cycles/c1.md:{line_of(text, "closed:")}: action "Add a chronology prompt." was '
        "closed on 2026-03-01, before the audit found it on 2026-03-13 (check both dates: \"found\" is "
        "when the audit found it (by default the last day of the audit window), \"closed\" when the "
        "action was done)"
    ]


def test_closed_on_an_action_not_done_is_an_error(tmp_path, monkeypatch):
    text = cycle(DONE.replace("action_status: done", "action_status: in progress"))
    text = text.replace("due: 2026-05-29", "due: 2027-05-28")  # not overdue: one problem
    site = load(tmp_path, monkeypatch, {"audit/cycles/c1.md": text})
    assert messages(site) == [
        f'docs/audit/cycles/c1.md:{line_of(text, "closed:")}: action "Add a chronology prompt." has a '
        'closed date but is in progress (mark it done (action_status: done), or remove "closed" until it is)'
    ]


def test_closed_in_the_future_is_an_error(tmp_path, monkeypatch):
    text = cycle(DONE.replace("closed: 2026-05-22", "closed: 2099-05-22"))
    site = load(tmp_path, monkeypatch, {"audit/cycles/c1.md": text})
    assert messages(site) == [
        f'docs/audit/cycles/c1.md:{line_of(text, "closed:")}: action "Add a chronology prompt." was '
        "closed on 2099-05-22, which is in the future (write the date the action was done, once it is)"
    ]


def test_a_done_action_without_closed_is_a_warning(tmp_path, monkeypatch):
    text = cycle(DONE.replace("    closed: 2026-05-22\n", ""))
    site = load(tmp_path, monkeypatch, {"audit/cycles/c1.md": text})
    assert messages(site) == [
        f'WARNING docs/audit/cycles/c1.md:{line_of(text, "action_status:")}: action "Add a chronology '
        'prompt." is done but has no closed date, so it is not counted in the learning loop (add '
        '"closed:" with the date the action was done)'
    ]


def test_an_action_names_what_changed_by_id(tmp_path, monkeypatch):
    text = cycle(DONE.replace("changed: [recording]", "changed: [standard-1]"))
    site = load(tmp_path, monkeypatch, {"audit/cycles/c1.md": text})
    assert messages(site) == [
        f'docs/audit/cycles/c1.md:{line_of(text, "changed:")}: "changed" names "standard-1", which is '
        "a practice standard, not a procedure, course, briefing or tool (list only what was changed: "
        "the id of a procedure, course, briefing or tool)"
    ]


@pytest.mark.demo
def test_the_demo_briefings_show_their_uses(monkeypatch):
    monkeypatch.setenv("PRACTICE_HUB_TODAY", TODAY)
    site = load_site(Project.from_config_file(REPO / "mkdocs.yml"))
    assert not [p for p in site.problems.items if "team use" in p.message]
    used = [b for b in site.of_type(LEARNING) if b.data.get("uses")]
    assert len(used) >= 4
    page = briefing_page(site.by_id["child-l-practice-review"], site.thread)
    assert "### Riverside Child Protection Team, 8 September 2026" in page
