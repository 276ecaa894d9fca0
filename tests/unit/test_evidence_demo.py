"""The evidence pack's entries on the Brackenford demo, at fixed dates: every heading has entries
for Ofsted and for CQC, each framework keeps only its services, nothing is dated after the date
asked for, and the staff pages show every heading with what it answers."""

from __future__ import annotations

import datetime as dt

import pytest

from practice_hub.renderer.evidence import EVIDENCE_INDEX, evidence_pages, page_uri
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


def test_the_learning_loop_joins_what_we_are_doing_when_given(demo):
    loop = Entry(
        "doing",
        LEARNING_LOOP,
        "Median days from finding to action",
        "2026-11-30",
        "41 days",
        "",
        "All services",
        "audit/results.md",
        "",
    )
    doing = dict((k, e) for k, _, e in evidence(demo, demo.frameworks["cqc"], AS_OF, learning_loop=[loop]))[
        "doing"
    ]
    assert loop in doing


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
