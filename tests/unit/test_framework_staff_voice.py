"""The practice framework and staff voice (health check results by year): bad input
reported with exact messages, the change since last year worked out, links shown at both ends."""

from __future__ import annotations

import pytest

from practice_hub.renderer.site_pages import generated_pages, page_additions
from practice_hub.settings import Project
from practice_hub.site import load_site
from tests.helpers import FIXTURES, make_project

# What the bad framework names: a tool whose id is one letter away, and a standard named as a course.
TOOL = """---
id: three-houses
title: Three houses
summary: A tool for talking with children.
owner: Principal Social Worker
status: current
last_reviewed: 2026-04-01
---

# Three houses
"""
STANDARD = """---
id: voice-of-the-child
number: 3
title: Voice of the child
summary: The child's voice in the record.
owner: Principal Social Worker
status: current
last_reviewed: 2026-04-01
---

# Voice of the child
"""

BAD_VOICE = """\
- id: bad-2024
  title: Health check 2024
  summary: Results with mistakes in them.
  year: 2024
  questions:
    - id: caseload
      topic: Caseload
      question: My caseload is manageable.
      agree: 140
    - id: caseload
      topic: Caseload again
      question: My caseload is fine.
      agree: 50
    - id: supervision
      topic: Supervision
      question: My caseload is manageable.
      agree: "48%"
  actions:
    - said: Too much work.
      action: More staff.
      status: started
      date: 2024-09-01
      question: wellbeing
- id: bad-2024-again
  title: Health check 2024 again
  summary: The same year twice.
  year: 2024
  questions:
    - id: learning
      topic: Learning
      question: I have time to learn.
      agree: -5
  actions: []
"""

BAD_FRAMEWORK = """\
---
id: bad-framework
title: A framework with mistakes
summary: Every kind of mistake in one page.
owner: Principal Social Worker
status: current
last_reviewed: 2026-01-01
model: We work with families.
principles:
  - name: Work with
    means: Partners in change.
tools: [three-house]
courses: [voice-of-the-child]
---

# A framework with mistakes
"""


@pytest.fixture(scope="module")
def bad_site(tmp_path_factory):
    root = make_project(
        tmp_path_factory.mktemp("bad18") / "p",
        FIXTURES / "thread" / "docs",
        files={
            "staff-voice/bad.yml": BAD_VOICE,
            "framework/bad.md": BAD_FRAMEWORK,
            "tools/three-houses.md": TOOL,
            "standards/voice-of-the-child.md": STANDARD,
        },
    )
    return load_site(Project.from_config_file(root / "mkdocs.yml"))


def _problems(site, path: str) -> list[str]:
    return [str(p) for p in site.problems.errors if p.path == path]


def test_bad_staff_voice_is_reported_with_exact_messages(bad_site):
    assert _problems(bad_site, "docs/staff-voice/bad.yml") == [
        "docs/staff-voice/bad.yml:9: question 1's agree is 140; it must be at most 100 "
        "(write the percentage as a number from 0 to 100, without the % sign, for example 48)",
        'docs/staff-voice/bad.yml:10: question "caseload" is already in this year at line 6 '
        "(ask each question once a year: remove the repeat or give it its own id)",
        "docs/staff-voice/bad.yml:16: the same question is already in this year at line 8 "
        "(ask each question once a year: remove the repeat)",
        "docs/staff-voice/bad.yml:17: question 3's agree must be a number, not text "
        "(write the percentage as a number from 0 to 100, without the % sign, for example 48)",
        'docs/staff-voice/bad.yml:19: missing required field "owner" in action 1 (add a line "owner: ...": '
        "who owns the action: a role, never a person's name, for example Head of Service)",
        'docs/staff-voice/bad.yml:21: action 1\'s status has "started", which is not one of: '
        "planned, in progress, done (choose one of the listed values)",
        'docs/staff-voice/bad.yml:23: action 1 names question "wellbeing", which is not a question in this '
        "year (use the id of one of this year's questions, or remove the line)",
        "docs/staff-voice/bad.yml:27: year 2024 already has results at docs/staff-voice/bad.yml:4 "
        "(keep one entry per year: merge the two, or correct the year)",
        "docs/staff-voice/bad.yml:32: question 1's agree is -5; it must be at least 0 "
        "(write the percentage as a number from 0 to 100, without the % sign, for example 48)",
    ]


def test_bad_framework_is_reported_with_exact_messages(bad_site):
    assert _problems(bad_site, "docs/framework/bad.md") == [
        'docs/framework/bad.md:10: missing required field "in_practice" in principle 1 '
        '(add a line "in_practice: ...": what it looks like in practice, in a home visit, a record or a '
        "supervision)",
        'docs/framework/bad.md:12: field "tools" names "three-house", which is not the id of any tool '
        '(did you mean "three-houses"?)',
        'docs/framework/bad.md:13: field "courses" names "voice-of-the-child", which is a practice '
        "standard, not a course (use the id of a course)",
    ]


def test_bad_input_still_renders_without_a_traceback(bad_site):
    pages = generated_pages(bad_site, set())
    assert "Health check 2024" in pages["staff-voice/bad-2024.md"]
    assert "staff-voice/index.md" in pages
    page_additions(bad_site, "framework/bad.md", "", set())


def test_search_labels_and_weights_come_from_the_registry():
    from practice_hub.content_types import search_weights
    from practice_hub.search.index import type_label

    assert type_label("framework") == "Practice framework"
    assert type_label("staff_voice") == "Health check results"
    weights = search_weights()
    assert weights["framework"] == 1 > weights["staff_voice"]
