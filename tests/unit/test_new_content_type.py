"""Adding a content type is one registry entry plus one schema file (README, "For developers").

A throwaway type ("briefing") is added to the registry for this test only, with its schema in a
fixture project: its items are validated, listed on a generated section page, exported in
content.json and weighted in the search.
"""

from __future__ import annotations

import dataclasses
import json
import shutil

import pytest

from helpers import FIXTURES, make_project
from practice_hub import content_types
from practice_hub.content_types import MARKDOWN, ContentType
from practice_hub.export import content_json
from practice_hub.renderer.site_pages import generated_pages
from practice_hub.resources import schema_dir
from practice_hub.search.index import weight_classes, worker_source
from practice_hub.settings import Project
from practice_hub.site import load_site

SCHEMA = """\
$schema: https://json-schema.org/draft/2020-12/schema
$id: urn:practice-hub:briefing
title: Briefing
description: A seven-minute briefing in docs/briefings/.
type: object
additionalProperties: false
required: [id, title, summary, audience]
properties:
  id: {$ref: "urn:practice-hub:common#/$defs/id"}
  title: {$ref: "urn:practice-hub:common#/$defs/title"}
  summary: {$ref: "urn:practice-hub:common#/$defs/summary"}
  status: {$ref: "urn:practice-hub:common#/$defs/status"}
  audience: {type: string, minLength: 1, description: Who the briefing is for.}
"""

BRIEFING = "---\nid: {id}\ntitle: {title}\nsummary: What changed and why.\n{extra}---\n\n# {title}\n\nText.\n"


@pytest.fixture
def briefing_type(monkeypatch):
    entry = ContentType(
        "briefing",
        "briefings",
        MARKDOWN,
        "Briefings",
        "briefing",
        export_fields=("audience",),
        search_weight=1.4,
        menu=85,
    )
    monkeypatch.setitem(content_types.TYPES, entry.name, entry)
    return entry


def _project(tmp_path, **files):
    """A fixture site, and the engine's schemas with the new type's schema beside them (adding a
    type is an engine change: its schema ships in the package)."""
    project = make_project(tmp_path / "p", FIXTURES / "thread" / "docs", files=files)
    schemas = tmp_path / "content_schema"
    shutil.copytree(schema_dir(), schemas)
    (schemas / "briefing.schema.yaml").write_text(SCHEMA, encoding="utf-8")
    return dataclasses.replace(Project.from_config_file(project / "mkdocs.yml"), schema_dir=schemas)


def test_a_new_type_is_validated_listed_exported_and_searched(tmp_path, monkeypatch, briefing_type):
    monkeypatch.setenv("PRACTICE_HUB_TODAY", "2026-11-24")
    project = _project(
        tmp_path,
        **{
            "briefings/seven-minute-mca.md": BRIEFING.format(
                id="seven-minute-mca", title="Seven minute MCA", extra="audience: Social workers\n"
            )
        },
    )
    site = load_site(project)
    assert [str(p) for p in site.problems.errors] == []
    [briefing] = site.of_type("briefing")
    assert briefing.label == "briefing" and briefing.uri == "briefings/seven-minute-mca.md"

    pages = generated_pages(site, set())
    assert "# Briefings" in pages["briefings/index.md"]
    assert "[Seven minute MCA](seven-minute-mca.md): What changed and why." in pages["briefings/index.md"]

    exported = [e for e in content_json(site)["items"] if e["type"] == "briefing"]
    assert exported[0]["id"] == "seven-minute-mca" and exported[0]["audience"] == "Social workers"
    json.dumps(exported)

    assert 1.4 in weight_classes() and "[1.4,0]" in worker_source()  # its search weight ranks it


def test_a_new_type_is_checked_against_its_schema(tmp_path, monkeypatch, briefing_type):
    monkeypatch.setenv("PRACTICE_HUB_TODAY", "2026-11-24")
    project = _project(
        tmp_path,
        **{"briefings/no-audience.md": BRIEFING.format(id="no-audience", title="No audience", extra="")},
    )
    messages = [p.message for p in load_site(project).problems.errors]
    assert 'missing required field "audience"' in messages


def test_a_new_type_takes_its_menu_place_from_the_registry(briefing_type):
    """Without a ``menu`` setting, the menu follows the registry's ``menu`` numbers, so a new type
    needs no menu line: "briefing" (85) comes after news (80) and before vacancies' section."""
    from practice_hub.menu import menu_entries

    paths = [entry.path for entry in menu_entries(None)]
    assert paths.index("news/") < paths.index("briefings/") < paths.index("staff-voice/")
    assert paths[0] == "procedures/" and paths[-1] == "glossary/"
    by_folder = {t.folder + "/": t.menu for t in content_types.TYPES.values()}
    assert [by_folder[path] for path in paths] == sorted(by_folder[path] for path in paths)
