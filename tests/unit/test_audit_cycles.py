"""Issue 15: audit cycles: a content type with an action plan, open actions on the standards they
serve, overdue actions as review-style warnings, cycles in content.json."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from practice_hub.export import content_json
from practice_hub.renderer.site_pages import generated_pages, page_additions
from practice_hub.settings import Project
from practice_hub.site import load_site

REPO = Path(__file__).resolve().parents[2]


def _site():
    return load_site(Project.from_config_file(REPO / "mkdocs.yml"))


def test_demo_has_two_completed_cycles_and_one_in_progress():
    site = _site()
    assert not site.problems.errors
    cycles = site.of_type("audit_cycle")
    assert sorted(c.data["cycle_status"] for c in cycles) == ["auditing", "completed", "completed"]
    assert all(c.data["action_plan"] for c in cycles if c.data["cycle_status"] == "completed")
    exported = [e for e in content_json(site)["items"] if e["type"] == "audit_cycle"]
    assert len(exported) == 3
    assert "audit/cycles/index.md" in generated_pages(site, set())


def test_open_actions_show_on_the_standards_they_serve():
    site = _site()
    text = page_additions(site, "standards/partnership-with-families.md", "", set())
    assert "## Open actions from audit cycles" in text
    assert "Add the person" in text
    done_only = page_additions(site, "standards/chronologies-up-to-date.md", "", set())
    assert "Open actions from audit cycles" not in done_only  # both its actions are done
    cycle = page_additions(site, "audit/cycles/2026-q2-voice.md", "", set())
    assert "## Action plan" in cycle and "## About this cycle" in cycle


def test_overdue_actions_are_review_style_warnings():
    run = subprocess.run(
        [sys.executable, "-m", "practice_hub", "check"],
        cwd=REPO,
        capture_output=True,
        text=True,
        env=dict(os.environ, PRACTICE_HUB_TODAY="2027-03-01"),
    )
    line = next(
        n
        for n, text in enumerate((REPO / "docs/audit/cycles/2026-q2-voice.md").read_text().splitlines(), 1)
        if text.strip() == "due: 2027-01-29"
    )
    assert (
        f"docs/audit/cycles/2026-q2-voice.md:{line}: warning: action \"Add the person's view to the care and "
        'support plan template." was due on 2027-01-29 and is still in progress (mark it done, or agree a new '
        "due date)"
    ) in run.stdout
