"""Audit cycles: a content type with an action plan, open actions on the standards they
serve, overdue actions as review-style warnings, cycles in content.json. The engine's behaviour is
tested on the thread fixture with one cycle; the demo's own cycles by the test marked demo."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import FIXTURES, make_project
from practice_hub.export import content_json
from practice_hub.renderer.site_pages import generated_pages, page_additions
from practice_hub.settings import Project
from practice_hub.site import load_site

REPO = Path(__file__).resolve().parents[2]


CYCLE = """---
id: cycle-voice
title: "Audit cycle: the voice of the child"
summary: "A themed audit, with an action plan."
status: current
theme: Voice and lived experience
services: ["Children's services"]
planning_meeting: 2026-04-07
audit_window: {start: 2026-05-05, end: 2026-06-12}
link_practitioner: Senior Practitioner, Children in Care
cycle_status: completed
action_plan:
  - action: "Publish a practice guide on recording direct work."
    owner: Centre for Professional Practice
    due: 2026-08-28
    action_status: done
    standard: standard-2
  - action: "Add the person's view to the care and support plan template."
    owner: Principal Social Worker (Adults)
    due: 2027-01-29
    action_status: in progress
    standard: standard-1
---

# Audit cycle: the voice of the child

## Summary report

Thirty-eight case files were audited.
"""


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return make_project(
        tmp_path_factory.mktemp("cycles") / "p",
        FIXTURES / "thread" / "docs",
        files={"audit/cycles/voice.md": CYCLE},
    )


def _site(project: Path = REPO):
    return load_site(Project.from_config_file(project / "mkdocs.yml"))


@pytest.mark.demo
def test_demo_has_two_completed_cycles_and_one_in_progress():
    site = _site()
    assert not site.problems.errors
    cycles = site.of_type("audit_cycle")
    assert sorted(c.data["cycle_status"] for c in cycles) == ["auditing", "completed", "completed"]
    assert all(c.data["action_plan"] for c in cycles if c.data["cycle_status"] == "completed")
    exported = [e for e in content_json(site)["items"] if e["type"] == "audit_cycle"]
    assert len(exported) == 3
    assert "audit/cycles/index.md" in generated_pages(site, set())


def test_open_actions_show_on_the_standards_they_serve(project):
    site = _site(project)
    assert not site.problems.errors, site.problems.errors
    text = page_additions(site, "standards/standard-1.md", "", set())
    assert "## Open actions from audit cycles" in text
    assert "Add the person" in text
    done_only = page_additions(site, "standards/standard-2.md", "", set())
    assert "Open actions from audit cycles" not in done_only  # its action is done
    cycle = page_additions(site, "audit/cycles/voice.md", "", set())
    assert "## Action plan" in cycle and "## About this cycle" in cycle


def test_overdue_actions_are_review_style_warnings(project):
    run = subprocess.run(
        [sys.executable, "-m", "practice_hub", "check"],
        cwd=project,
        capture_output=True,
        text=True,
        env=dict(os.environ, PRACTICE_HUB_TODAY="2027-03-01"),
    )
    line = next(n for n, text in enumerate(CYCLE.splitlines(), 1) if text.strip() == "due: 2027-01-29")
    assert (
        f"docs/audit/cycles/voice.md:{line}: warning: action \"Add the person's view to the care and "
        'support plan template." was due on 2027-01-29 and is still in progress (mark it done, or agree a new '
        "due date)"
    ) in run.stdout
