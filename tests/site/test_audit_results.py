"""Audit results from both sources on a fixture site: the hand-kept results and the counted audits
(docs/_data/audits_counted.yml). Problems with the records at path:line; the dashboard's headline,
per-service trends, sections only under their services, small samples, not applicable; cycle
pages with their sections, the link to the tool and their own results."""

from __future__ import annotations

import html
import re

import pytest

from helpers import FIXTURES, make_project, run_build

THREAD = FIXTURES / "thread" / "docs"
CHILDREN, ADULTS = "Children's services", "Adults' services"

SECTION_3 = """---
id: section-3
number: 3
title: Section 3
summary: Section 3 summary.
looks_for: [Point 3 a]
grades: {outstanding: O3, good: G3, requires_improvement: R3, inadequate: I3}
journey_stages: [Adult safeguarding]
services: ["Adults' services"]
---

# Section 3
"""

CYCLE = """---
id: cycle-one
title: "Audit cycle one"
summary: "A themed audit of section 1."
theme: Section one
services: ["Children's services", "Adults' services"]
audit_sections: [section-1]
planning_meeting: 2026-06-01
audit_window: {start: 2026-07-01, end: 2026-08-31}
link_practitioner: Senior Practitioner
cycle_status: completed
---

# Audit cycle one
"""

# Q3 2026: r1, r2 (children's), r4 (adults'); Q4 2026: r3 (children's), r5 (adults').
RECORDS = """- audit: audit-0001-aaaa
  date: 2026-07-10
  service: "Children's services"
  journey_stage: Assessment
  cycle: cycle-one
  grades: {section-1: good, section-2: not_applicable}
  overall: good
  escalations: 0
- audit: audit-0002-aaaa
  date: 2026-08-10
  service: "Children's services"
  journey_stage: Assessment
  grades: {section-1: requires_improvement, section-2: not_applicable}
  overall: requires_improvement
  escalations: 0
- audit: audit-0003-aaaa
  date: 2026-10-05
  service: "Children's services"
  grades: {section-1: good, section-2: not_applicable}
  overall: outstanding
  escalations: 0
- audit: audit-0004-aaaa
  date: 2026-07-20
  service: "Adults' services"
  cycle: cycle-one
  grades: {section-1: good, section-2: good, section-3: inadequate}
  overall: good
  auditor_overall: good
  moderated_on: 2026-07-30
  overall_changed: false
  moderation: {section-1: agreed, section-3: changed}
  escalations: 1
- audit: audit-0005-aaaa
  date: 2026-10-10
  service: "Adults' services"
  grades: {section-1: inadequate, section-2: good, section-3: good}
  overall: requires_improvement
  escalations: 0
"""


def page(project, url: str) -> str:
    return (project / "site" / url / "index.html").read_text(encoding="utf-8")


def words(markup: str) -> str:
    """The page's text, tags out and spaces squeezed."""
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", markup)))


def group(markup: str, service: str) -> str:
    """One service's part of the dashboard (its data-ph-service section)."""
    start = markup.index(f'data-ph-service="{service}"')
    end = markup.find("data-ph-service=", start + 20)
    return markup[start : end if end > 0 else len(markup)]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    project = make_project(
        tmp_path_factory.mktemp("results"),
        THREAD,
        files={
            "audit/section-3.md": SECTION_3,
            "audit/cycles/cycle-one.md": CYCLE,
            "_data/audits_counted.yml": RECORDS,
        },
    )
    result = run_build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project


def test_headline_counts_overall_judgements_with_their_sample(built):
    text = words(group(page(built, "audit/results"), "All services"))
    # Q4 2026: outstanding and requires improvement; Q3 2026: good, requires improvement, good (67%)
    assert (
        "50% of audits judged good or better overall in Q4 2026, from 2 files (small sample) (down 17 points since Q3 2026)."
        in text
    )
    assert "This is a small sample: read it with care." in text
    # The build's date (2026-11-24) is inside Q4 2026: the headline says the quarter is not over.
    assert "Q4 2026 is not over yet: more audits may be counted before it ends." in text
    children = words(group(page(built, "audit/results"), CHILDREN))
    assert "100% of audits judged good or better overall in Q4 2026, from 1 file (small sample)" in children


def test_per_service_trend_is_the_service_own(built):
    children = words(group(page(built, "audit/results"), CHILDREN))
    # section 1 in children's services: Q3 1 of 2 good, Q4 1 of 1
    assert (
        "Section 1 Q4 2026 100% (small sample) 1 file (small sample) Q3 2026 50%, Q4 2026 100% up 50 points since Q3 2026"
        in children
    )
    everyone = words(group(page(built, "audit/results"), "All services"))
    # all services: the hand-kept Q1 and Q2, then the counted Q3 (2 of 3) and Q4 (1 of 2)
    assert "Q1 2026 72%, Q2 2026 81%, Q3 2026 67%, Q4 2026 50% down 17 points since Q3 2026" in everyone
    assert "first period" not in children


def test_sections_only_under_their_services(built):
    dashboard = page(built, "audit/results")
    assert "Section 3" not in words(group(dashboard, CHILDREN))
    assert "Section 3" in words(group(dashboard, ADULTS))
    assert "Section 3" in words(group(dashboard, "All services"))


def test_not_applicable_is_said_never_zero(built):
    children = words(group(page(built, "audit/results"), CHILDREN))
    assert "Section 2 Q4 2026 not applicable not applicable in 1 audit" in children
    row = children.split("Section 2", 1)[1].split("Overall judgements", 1)[0]
    assert "0%" not in row and "0 files" not in row
    section = words(page(built, "audit/section-2"))
    assert "not applicable in 1 audit" in section  # the children's row on the section's page


def test_small_sample_is_marked_in_tables_and_charts(built):
    html_page = page(built, "audit/section-1")
    assert "ph-chart__point--small" in html_page  # a hollow point
    assert "n=2 small" in words(html_page)  # and words under it on the chart
    assert "50% (small sample)" in words(html_page)  # in the table
    assert 'A hollow point marked "small" is a small sample (fewer than 5 files)' in words(html_page)
    assert "<td>38</td>" in html_page  # the hand-kept result keeps its files audited


def test_overall_trend_escalations_and_moderation(built):
    adults = words(group(page(built, "audit/results"), ADULTS))
    assert "Q3 2026 100% (small sample) 1 file (small sample) 1 0 100% of 1 moderated" in adults


def test_journey_stages_shown(built):
    text = words(page(built, "audit/results"))
    assert "By journey stage" in text
    assert (
        "Assessment Q3 2026 50% (small sample) 2 files (small sample) first period "
        "Section 1 : 50% (small sample), Q3 2026" in text  # link, then its words
    )
    section = words(page(built, "audit/section-1"))
    assert "By journey stage" in section and "Assessment Q3 2026 50% (small sample)" in section


def test_dashboard_tables_are_accessible_and_say_no_commands(built):
    dashboard = page(built, "audit/results")
    assert "python -m" not in dashboard and "summarise" not in dashboard
    assert dashboard.count("<caption") >= 4
    # each table in a labelled region that scrolls by itself (named by the table's caption)
    assert dashboard.count('role="region" tabindex="0"') == dashboard.count("<caption")
    assert '<th scope="col">' in dashboard and '<th scope="row">' in dashboard


def test_cycle_page_shows_sections_link_and_results(built):
    cycle = page(built, "audit/cycles/cycle-one")
    # Its window closed on 31 August, before the build's date: no new audits, its results stay.
    assert "?cycle=cycle-one" not in cycle
    text = words(cycle)
    assert (
        "This themed audit looks at these sections only: Section 1 Its audit window closed on "
        "31 August 2026: it takes no new audits." in text
    )
    assert "Section 2" not in text.split("What this cycle audits", 1)[1].split("Results of this cycle", 1)[0]
    # r1 (children's, good) and r4 (adults', good): the cycle's own results, whatever the quarter
    assert "Overall judgement All services 100% (small sample) 2 files (small sample)" in text


PROBLEMS = [
    (
        "_data/audit_results.yml",
        "- {period: 2026-Q3, audit_section: section-1, files_audited: 30, good_or_better: 70, requires_improvement_or_lower: 30}\n",
        'docs/_data/audit_results.yml:3: the result of audit section "section-1" for 2026-Q3 is counted twice: '
        "docs/_data/audits_counted.yml counts 3 audits for it (remove this entry; the counted audits give the result)",
    ),
    (
        "_data/audit_results.yml",
        "- {period: 2027-Q1, audit_section: section-1, files_audited: 30, good_or_better: 70, requires_improvement_or_lower: 30}\n",
        'docs/_data/audit_results.yml:3: the result of audit section "section-1" is for 2027-Q1, which had not '
        "started on the date of this build (2026-11-24) (check the period: a result is entered once its audits "
        "are done)",
    ),
    (
        "_data/audits_counted.yml",
        "- audit: audit-0006-aaaa\n  date: 2026-09-01\n  grades: {section-9: good}\n",
        'docs/_data/audits_counted.yml:41: audit "audit-0006-aaaa" grades the section "section-9", which is not the '
        "id of any audit section (check the id in docs/audit/; a section that was renamed keeps its old id in "
        "counted audits)",
    ),
    (
        "_data/audits_counted.yml",
        "- audit: audit-0006-aaaa\n  date: 2026-12-01\n  grades: {section-1: good}\n",
        'docs/_data/audits_counted.yml:40: audit "audit-0006-aaaa" is dated 2026-12-01, after the date of this '
        "build (2026-11-24) (check the audit's date in the tool and export it again; an audit is counted from "
        "the day it was done)",
    ),
    (
        "_data/audits_counted.yml",
        '- audit: audit-0006-aaaa\n  date: 2026-09-01\n  service: "Children\'s services"\n'
        "  grades: {section-1: good, section-3: good}\n",
        'docs/_data/audits_counted.yml:42: audit "audit-0006-aaaa" grades the section "section-3", which is not '
        "audited in Children's services (the section is audited in Adults' services only; check the audit's service)",
    ),
    (
        "_data/audits_counted.yml",
        "- audit: audit-0001-aaaa\n  date: 2026-09-01\n  grades: {section-1: good}\n",
        'docs/_data/audits_counted.yml:39: audit "audit-0001-aaaa" is counted already, on line 1 (keep one entry '
        "per audit: run .venv/bin/practice-hub audits summarise FILE... --write again rather than editing the file)",
    ),
    (
        "_data/audits_counted.yml",
        "- audit: audit-0006-aaaa\n  date: 2026-09-01\n  service: Fostering\n  cycle: cycle-nine\n"
        "  grades: {section-1: good}\n",
        'docs/_data/audits_counted.yml:41: audit "audit-0006-aaaa" names the service "Fostering", which is not '
        "one of audit_services (Children's services, Adults' services) (write the service's name as "
        "audit_services in mkdocs.yml gives it)",
    ),
    (
        "_data/audits_counted.yml",
        "- audit: audit-0006-aaaa\n  date: 2026-09-01\n  cycle: cycle-nine\n  grades: {section-1: good}\n",
        'docs/_data/audits_counted.yml:41: audit "audit-0006-aaaa" names the audit cycle "cycle-nine", which is '
        "not the id of any audit cycle (check the id in docs/audit/cycles/)",
    ),
    (
        "_data/audits_counted.yml",
        "- audit: audit-0007-aaaa\n  date: 2026-09-01\n  cycle: cycle-one\n  grades: {section-1: good}\n",
        'docs/_data/audits_counted.yml:41: audit "audit-0007-aaaa" is dated 2026-09-01, outside the audit window '
        'of the cycle "cycle-one" (2026-07-01 to 2026-08-31) (a closed cycle\'s results do not change: take the '
        "audit out with audits remove, and count it again without the cycle)",
    ),
    (
        "_data/audits_counted.yml",
        "- audit: audit-0006-aaaa\n  date: 2026-09-01\n  journey_stage: Nowhere\n  grades: {section-1: good}\n",
        'docs/_data/audits_counted.yml:41: audit "audit-0006-aaaa" names the journey stage "Nowhere", which no '
        "audit section lists (use one of the journey stages of the audit sections, or add it to a section's "
        "journey_stages)",
    ),
    (
        "audit/section-3.md",
        None,
        'docs/audit/section-3.md:9: audit section "section-3" names the service "Adult services", which is not '
        "one of audit_services (Children's services, Adults' services) (write the service's name as "
        "audit_services in mkdocs.yml gives it)",
    ),
    (
        "audit/cycles/cycle-one.md",
        None,
        'docs/audit/cycles/cycle-one.md:7: audit cycle "cycle-one" looks at the section "section-3", which is not '
        "audited in its services (Children's services) (remove it, or add one of its services (Adults' services) "
        "to the cycle's services)",
    ),
]


@pytest.mark.parametrize("path, added, expected", PROBLEMS)
def test_each_problem_at_path_and_line(tmp_path, path, added, expected):
    files = {
        "audit/section-3.md": SECTION_3,
        "audit/cycles/cycle-one.md": CYCLE,
        "_data/audits_counted.yml": RECORDS,
    }
    if path == "audit/section-3.md":
        files[path] = SECTION_3.replace('services: ["Adults\' services"]', 'services: ["Adult services"]')
    elif path == "audit/cycles/cycle-one.md":
        files[path] = CYCLE.replace(
            'services: ["Children\'s services", "Adults\' services"]\n',
            'services: ["Children\'s services"]\n',
        ).replace("audit_sections: [section-1]", "audit_sections: [section-3]")
        files["_data/audits_counted.yml"] = RECORDS.replace("  cycle: cycle-one\n", "")
    elif path == "_data/audit_results.yml":
        files[path] = (THREAD / "_data" / "audit_results.yml").read_text(encoding="utf-8") + added
    else:
        files[path] = RECORDS + added
    project = make_project(tmp_path, THREAD, files=files)
    result = run_build(project, strict=False)
    assert result.returncode == 1
    assert f"ERROR   -  {expected}" in result.stderr, result.stderr
    assert result.stderr.count("ERROR   -  docs/") == (2 if "Fostering" in (added or "") else 1), (
        result.stderr
    )
    assert "Traceback" not in result.stderr
