"""The audit tool's data (renderer/audit_form.tool_data) and form: what the browser needs to
apply the same rules as the command line, made at build time from the site and its settings."""

from __future__ import annotations

import json
import re

import pytest

from helpers import FIXTURES, make_project, without_settings
from practice_hub.audit_tool import counting, sheet
from practice_hub.audit_tool.exports import VERSION
from practice_hub.renderer.audit_form import TOOL_URI, tool_data
from practice_hub.renderer.site_pages import audit_pages
from practice_hub.settings import Project
from practice_hub.site import load_site

CYCLE = """---
id: cycle-themed
title: "Themed audit of section 2"
summary: "A themed audit."
status: current
theme: Section two
services: ["Adults' services"]
audit_sections: [section-2]
planning_meeting: 2026-04-07
audit_window: {start: 2026-05-05, end: 2026-06-12}
link_practitioner: Senior Practitioner
cycle_status: auditing
---

# Themed audit of section 2
"""

AUDIT_SETTINGS = ("audit_protective_marking", "audit_draft_expiry_days", "audit_service_grade_labels")
SETTINGS = """
    audit_protective_marking: "OFFICIAL-SENSITIVE AUDIT"
    audit_draft_expiry_days: 14
    audit_service_grade_labels:
      "Adults' services": {requires_improvement: "Needs to improve"}
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = make_project(
        tmp_path_factory.mktemp("tool") / "p",
        FIXTURES / "thread" / "docs",
        files={"audit/cycles/themed.md": CYCLE},
    )
    for name, line in (
        ("section-1.md", 'services: ["Children\'s services"]'),
        ("section-2.md", "key_section: true"),
    ):
        section = root / "docs" / "audit" / name
        text = section.read_text(encoding="utf-8")
        section.write_text(text.replace("\n---\n", f"\n{line}\n---\n", 1), encoding="utf-8")
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  practice_hub:\n" in text
    # The demo's own audit settings give way to this test's.
    text = without_settings(text, *AUDIT_SETTINGS)
    config.write_text(text.replace("  practice_hub:\n", "  practice_hub:" + SETTINGS, 1), encoding="utf-8")
    site = load_site(Project.from_config_file(config))
    assert not site.problems.errors, site.problems.errors
    return site


def _data(site) -> dict:
    markdown = audit_pages(site)[TOOL_URI]
    text = re.search(r'<pre hidden id="ph-audit-data"[^>]*>(.*?)</pre>', markdown, re.S)
    assert text, "the tool page embeds its data"
    return json.loads(text.group(1))


def test_the_tool_data_carries_the_settings_and_the_rules(site):
    data = _data(site)
    settings = site.project.settings
    assert data["version"] == 2  # the export schema's version
    assert data["marking"] == "OFFICIAL-SENSITIVE AUDIT"
    assert data["draft_expiry_days"] == 14
    assert (data["name_like"], data["nhs_like"], data["control_like"]) == (
        counting.NAME_LIKE,
        counting.NHS_LIKE,
        counting.CONTROL_LIKE,
    )
    assert data["case_reference_pattern"] == settings.case_reference_pattern
    assert data["columns"] == list(sheet.COLUMNS)
    assert data["services"] == list(settings.audit_services)
    assert data["grade_labels"][""] == settings.grade_labels()
    assert data["grade_labels"]["Adults' services"]["requires_improvement"] == "Needs to improve"
    assert (
        data["grade_labels"]["Children's services"]["requires_improvement"]
        == "Requires improvement to be good"
    )
    schema = data["export_schema"]
    assert schema["properties"]["id"]["pattern"] == "^[a-z0-9][a-z0-9-]{7,63}$(?!\\n)"
    assert "description" not in schema["properties"]["id"]  # the rules, without their words


def test_sections_carry_their_services_and_cycles_their_sections(site):
    data = _data(site)
    services = {s["id"]: s["services"] for s in data["sections"]}
    assert services == {"section-1": ["Children's services"], "section-2": None}  # None: every service
    assert data["cycles"] == [
        {
            "id": "cycle-themed",
            "title": "Themed audit of section 2",
            "services": ["Adults' services"],
            "audit_sections": ["section-2"],
            "start": "2026-05-05",
            "end": "2026-06-12",
        }
    ]


def test_a_cycle_without_audit_sections_means_every_section():
    class Cycle:
        id, title = "c", "C"
        data = {"services": ["Children's services"]}

    from practice_hub.renderer.audit_form import cycle_data

    assert cycle_data([Cycle()]) == [
        {
            "id": "c",
            "title": "C",
            "services": ["Children's services"],
            "audit_sections": None,
            "start": "",
            "end": "",
        }
    ]


def test_the_form_has_the_marking_the_practitioner_the_difference_and_escalations(site):
    markdown = audit_pages(site)[TOOL_URI]
    assert markdown.count('class="ph-audit__marking"') == 2  # top and bottom of the form
    assert "OFFICIAL-SENSITIVE AUDIT" in markdown
    for name in (
        "practitioner.role",
        "practitioner.team",
        "practitioner.took_part",
        "practitioner.reflection",
        "practitioner.feedback_date",
        "practitioner.response",
        "difference",
        "auditor_overall",
        "overall_reason",
        "moderated_overall",
        "moderation_reason",
        "cycle",
    ):
        assert f'name="{name}"' in markdown, name
    assert "What difference did the work make to the child, adult or family?" in markdown
    assert "never a name" in markdown  # the practitioner's hint
    assert 'value="cycle-themed"' in markdown  # the cycle chooser


def test_the_tool_data_without_a_schema_or_cycles(site):
    sections = site.thread.sections
    data = tool_data(sections, site.thread, site.project.settings, True)
    assert data["export_schema"] is None and data["cycles"] == []
    assert data["version"] == VERSION  # the reader's own version when there is no schema


def test_key_sections_have_an_escalation_fieldset_only(site):
    markdown = audit_pages(site)[TOOL_URI]
    assert markdown.count('class="ph-audit__escalation"') == 1
    assert 'name="section-2.escalation.to"' in markdown and "section-1.escalation" not in markdown
    assert _data(site)["key_sections"] == ["section-2"]
