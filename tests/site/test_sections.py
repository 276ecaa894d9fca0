"""Induction, tools, research, news, recruitment and links: pages, listings and bad inputs."""

from __future__ import annotations

import json

import pytest

from helpers import FIXTURES, make_project, run_build, run_check

THREAD = FIXTURES / "thread" / "docs"

GOOD = {
    "induction/asye.md": """---
id: asye-pathway
title: Newly qualified social worker (ASYE)
summary: Your first three months.
role: Newly qualified social worker (ASYE)
owner: ASYE co-ordinator
last_reviewed: 2026-09-01
steps:
  - {when: first day, text: Collect your laptop and ID badge., meet: Team manager}
  - {when: first week, text: Read the recording procedure., procedures: [recording]}
  - {when: first month, text: Book direct work training., courses: [course-one]}
---

# Newly qualified social worker (ASYE)
""",
    "tools/chronology.md": """---
id: chronology
title: Chronology template
summary: A template for chronologies.
owner: Principal Social Worker
status: current
last_reviewed: 2026-05-01
when_to_use: At allocation and before every review.
file: files/chronology.csv
standards: [standard-1]
---

# Chronology template
""",
    "tools/files/chronology.csv": "Date,Event,Source,Impact\n",
    "research/evidence.md": """---
id: evidence-review
title: An evidence review
summary: What works in direct work.
source: Research in Practice
resource_type: evidence review
date: 2026-11-03
link: https://www.researchinpractice.org.uk/
topics: [recording]
standards: [standard-1]
---

# An evidence review
""",
    "research/older.md": """---
id: older-guide
title: An older guide
summary: A practice guide.
source: SCIE
resource_type: practice guide
date: 2025-02-01
link: https://www.scie.org.uk/
---

# An older guide
""",
    "recruitment/vacancies/open.md": """---
id: senior-practitioner
title: Senior practitioner
summary: Lead complex work.
team: Assessment Service
grade: Grade 10
salary: £42,000 to £45,000
hours: 37 hours
closing_date: 2026-12-15
apply: https://jobs.brackenford.example/123
---

# Senior practitioner
""",
    "recruitment/vacancies/closed.md": """---
id: closed-post
title: Closed post
summary: This one has closed.
team: Assessment Service
grade: Grade 9
salary: £38,000
hours: 37 hours
closing_date: 2026-11-10
apply: jobs@brackenford.example
---

# Closed post
""",
}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("sections"), THREAD, files=GOOD)
    result = run_build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project


def page(project, url):
    return (project / "site" / url / "index.html").read_text(encoding="utf-8")


def test_induction_checklist(built):
    html = page(built, "induction/asye")
    assert html.index("First day") < html.index("First week") < html.index("First month")
    assert html.count('data-ph-step=') == 3
    assert 'data-ph-checklist="asye-pathway"' in html
    assert 'href="../../procedures/recording/"' in html and 'href="../../training/course-one/"' in html
    assert "Meet: Team manager" in html


def test_tool_download_shows_type_and_size(built):
    html = page(built, "tools/chronology")
    assert 'href="../files/chronology.csv"' in html
    assert "(CSV spreadsheet, 25 bytes, chronology.csv)" in html
    assert (built / "site/tools/files/chronology.csv").exists()


def test_research_library_filters_and_new_this_month(built):
    html = page(built, "research").split("<article", 1)[1]
    assert html.index("New this month") < html.index("An evidence review") < html.index("Library")
    assert 'data-topics="|recording|"' in html and 'data-source="|SCIE|"' in html


def test_closed_vacancy_is_not_listed_and_says_closed(built):
    listing = page(built, "recruitment/vacancies")
    assert "Senior practitioner" in listing and "Closed post" not in listing.split("<article")[1].split("</article>")[0]
    closed = page(built, "recruitment/vacancies/closed")
    notice = closed.split("data-ph-closed-notice", 1)[1].split(">", 1)[0]
    assert "hidden" not in notice
    assert "This vacancy closed on 10 November 2026." in closed


def test_every_section_in_content_json(built):
    items = {i["id"]: i for i in json.loads((built / "site/content.json").read_text())["items"]}
    for item_id, url in (("asye-pathway", "induction/asye/"), ("chronology", "tools/chronology/"),
                         ("evidence-review", "research/evidence/"), ("senior-practitioner", "recruitment/vacancies/open/")):
        assert items[item_id]["url"] == url


BAD = {
    "tools/missing.md": GOOD["tools/chronology.md"].replace("id: chronology", "id: missing-tool").replace(
        "files/chronology.csv", "files/gone.docx"),
    "induction/bad.md": GOOD["induction/asye.md"].replace("id: asye-pathway", "id: bad-pathway").replace(
        "when: first week", "when: second week").replace("procedures: [recording]", "procedures: [recordin]"),
    "research/bad.md": GOOD["research/older.md"].replace("id: older-guide", "id: bad-research").replace(
        "source: SCIE", "source: S").replace("link: https://www.scie.org.uk/", "link: www.scie.org.uk"),
    "recruitment/vacancies/bad.md": GOOD["recruitment/vacancies/open.md"].replace(
        "id: senior-practitioner", "id: bad-vacancy").replace("closing_date: 2026-12-15", "closing_date: 15/12/2026"),
    "links/bad.yml": "- id: bad-link\n  title: Bad link\n  url: intranet/home\n  category: Systems\n",
}


def test_bad_inputs_have_exact_messages(tmp_path):
    project = make_project(tmp_path, THREAD, files={**GOOD, **BAD})
    result = run_check(project)
    assert result.returncode == 1
    assert result.stdout.splitlines()[:-1] == [  # the last line counts them
        'docs/induction/bad.md:10: in step 2\'s procedures, "recordin" is not the id of any procedure (did you mean "recording"?)',
        'docs/induction/bad.md:10: step 2\'s when has "second week", which is not one of: first day, first week, first month, first three months (choose one of the listed values)',
        'docs/links/bad.yml:1: missing required field "description" (add a line "description: ...": what readers find there, in one sentence)',
        'docs/links/bad.yml:3: field "url" has "intranet/home", which is not a web address (start it with https:// or http://, with no spaces, quotes or angle brackets)',
        'docs/recruitment/vacancies/bad.md:9: field "closing_date" has "15/12/2026", a date in the wrong form (write it as 2026-12-15)',
        'docs/research/bad.md:5: field "source" is too short (at least 2 characters) (fill it in)',
        'docs/research/bad.md:8: field "link" has "www.scie.org.uk", which is not a web address (start it with https:// or http://, with no spaces, quotes or angle brackets)',
        'docs/tools/missing.md:9: field "file" names files/gone.docx, which is not in docs/tools/files/ (add the file there, or correct the file name)',
    ]
