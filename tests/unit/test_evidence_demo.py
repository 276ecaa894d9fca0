"""The evidence pack's entries on the Brackenford demo, at fixed dates: every heading has entries
for Ofsted and for CQC, each framework keeps only its services, nothing is dated after the date
asked for, and the staff pages show every heading with what it answers."""

from __future__ import annotations

import datetime as dt

import pytest

from practice_hub.renderer.evidence import EVIDENCE_INDEX, evidence_pages, page_uri
from practice_hub.renderer.frameworks import framework_pages
from practice_hub.settings import Project
from practice_hub.site import load_site
from practice_hub.structure.evidence import (
    AUDIT_RESULT_KIND,
    CYCLE_KIND,
    HEADINGS,
    LEARNING_LOOP,
    Entry,
    evidence,
)
from tests.helpers import REPO

pytestmark = pytest.mark.demo

AS_OF = dt.date(2026, 11, 30)
CHILDREN, ADULTS = "Children's services", "Adults' services"


@pytest.fixture(scope="module")
def demo():
    return load_site(Project.from_config_file(REPO / "mkdocs.yml"))


def flat(headings) -> list[Entry]:
    return [e for _, _, entries in headings for e in entries]


@pytest.mark.parametrize("framework_id", ["ofsted", "cqc"])
def test_every_heading_has_entries_in_order(demo, framework_id):
    headings = evidence(demo, demo.frameworks[framework_id], AS_OF)
    assert [(key, title) for key, title, _ in headings] == list(HEADINGS)
    for key, title, entries in headings:
        assert entries, f"{framework_id}: nothing under {title}"
        assert {e.heading for e in entries} == {key}


def test_each_framework_keeps_its_own_services_and_those_for_all(demo):
    ofsted = flat(evidence(demo, demo.frameworks["ofsted"], AS_OF))
    cqc = flat(evidence(demo, demo.frameworks["cqc"], AS_OF))
    assert demo.frameworks["ofsted"].services == (CHILDREN,) and demo.frameworks["cqc"].services == (ADULTS,)
    assert not [e for e in ofsted if e.service == ADULTS] and [e for e in ofsted if e.service == CHILDREN]
    assert not [e for e in cqc if e.service == CHILDREN] and [e for e in cqc if e.service == ADULTS]
    # A section audited only in adults' services is in CQC's pack, never in Ofsted's.
    carers = [e for e in cqc if e.kind == AUDIT_RESULT_KIND and e.uri == "audit/audit-carers.md"]
    assert carers and not [e for e in ofsted if e.uri == "audit/audit-carers.md"]
    # Results are by service: a service's own result replaces the result of both services together.
    results = [e for e in ofsted if e.kind == AUDIT_RESULT_KIND]
    assert results and {e.service for e in results} == {CHILDREN}


def test_nothing_is_dated_after_the_date_asked_for(demo):
    ofsted = demo.frameworks["ofsted"]
    for day in (dt.date(2026, 7, 15), dt.date(2026, 10, 31), AS_OF):
        found = flat(evidence(demo, ofsted, day))
        assert found and max(e.date for e in found) <= day.isoformat()
    july = flat(evidence(demo, ofsted, dt.date(2026, 7, 15)))
    november = flat(evidence(demo, ofsted, AS_OF))
    # The Q3 results (period ending 30 September) are not known in July; the latest then is Q2.
    assert {e.date for e in july if e.kind == AUDIT_RESULT_KIND} == {"2026-06-30"}
    assert {e.date for e in november if e.kind == AUDIT_RESULT_KIND} == {"2026-09-30"}
    # The winter cycle's audit window opens on 2 November 2026.
    winter = "audit/cycles/2026-q4-risk.md"
    assert [e.uri for e in flat(evidence(demo, ofsted, dt.date(2026, 10, 31))) if e.uri == winter] == []
    assert [e for e in november if e.uri == winter and e.kind == CYCLE_KIND]


def test_the_learning_loop_is_counted_from_the_demo_cycles_actions(demo):
    # Counted by hand from docs/audit/cycles/: the chronology prompt (found 13 March 2026, the
    # spring audit window's end, closed 22 May: 70 days), the chronology workshops (13 March to
    # 24 July: 133 days) and the direct-work guide (found 12 June, closed 21 August: 70 days).
    # Closed in Q2 2026: 70 -> median 70; in Q3: 133 and 70 -> median 101.5; all: 70, 70, 133 -> 70.
    def loop(day):
        doing = dict((k, e) for k, _, e in evidence(demo, demo.frameworks["ofsted"], day))["doing"]
        return [e for e in doing if e.kind == LEARNING_LOOP]

    november = loop(AS_OF)
    assert [e.date for e in november] == ["2026-05-22", "2026-07-24", "2026-08-21", "2026-11-30"]
    assert november[-1].detail == (
        "All: 70 days over 3 closed actions. By quarter closed: 2026 Q2: 70 days (1 closed); "
        "2026 Q3: 101.5 days (2 closed)"
    )
    assert "(133 days)" in november[1].detail and "Changed: " in november[1].detail
    # An Ofsted pack: the children's services' results (docs/_data/audit_results.yml), before the
    # finding (Q4 2025, 47%) and for the first quarter that ended after the action closed (Q2, 58%).
    assert (
        "Case summary and chronology (children's services): 47% good or better in Q4 2025, "
        "then 58% good or better in Q2 2026." in november[0].detail
    )
    # On 29 June only the first was closed (the rest are still open actions then), and no
    # quarter had ended since it closed.
    june = loop(dt.date(2026, 6, 29))
    assert (
        june[-1].detail == "All: 70 days over 1 closed action. By quarter closed: 2026 Q2: 70 days (1 closed)"
    )
    assert "then not audited since." in june[0].detail


def test_the_staff_pages_show_each_heading_with_what_it_answers(demo):
    pages = evidence_pages(demo, AS_OF)
    assert set(pages) == {EVIDENCE_INDEX, "evidence/ofsted.md", "evidence/cqc.md"}
    for framework_id in ("ofsted", "cqc"):
        framework = demo.frameworks[framework_id]
        page = pages[page_uri(framework)]
        for key, title in HEADINGS:
            assert f"\n## {title}\n" in page
            named = [framework.item(i).name for i in framework.pack[key]]
            assert f"Answers: {'; '.join(named)}" in page
        assert "Nothing yet." not in page
        assert "30 November 2026" in page
    assert "(ofsted.md)" in pages[EVIDENCE_INDEX] and "(cqc.md)" in pages[EVIDENCE_INDEX]
    assert (
        ".venv/bin/practice-hub evidence --framework ID --as-of YYYY-MM-DD --out FOLDER"
        in pages[EVIDENCE_INDEX]
    )


def test_an_inspection_frameworks_page_leads_to_its_evidence_and_a_capability_frameworks_does_not(demo):
    pages = framework_pages(demo.frameworks, demo.framework_map, AS_OF)
    assert "[evidence pack](../evidence/ofsted.md)" in pages["frameworks/ofsted.md"]
    assert "[evidence pack](../evidence/cqc.md)" in pages["frameworks/cqc.md"]
    assert "evidence pack" not in pages["frameworks/pcf.md"]


def test_the_frameworks_list_counts_items_as_each_framework_s_page_does(demo):
    pages = framework_pages(demo.frameworks, demo.framework_map, AS_OF)
    # Ofsted's overall-effectiveness judgement ended on 31 March 2026: 7 items in force, 1 ended.
    row = next(line for line in pages["frameworks/index.md"].splitlines() if "(ILACS)" in line)
    assert "| 7 (1 ended) |" in row
    assert "of the 7 items" in pages["frameworks/ofsted.md"] or "7 items" in pages["frameworks/ofsted.md"]
