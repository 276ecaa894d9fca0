"""Adding a content type is one registry entry plus one schema file (DEVELOPING.md, "Adding a
content type, step by step").

Two throwaway types are added to the registry for these tests only, with their schemas beside the
engine's: a Markdown type ("briefing", a file per item) and a YAML type ("circular", a list of
entries in one file, each with a page of its own). Their items are validated, get pages, are
listed on a generated section page, exported in content.json, weighted in the search and linked;
the last test builds a fixture site with both through ``mkdocs build --strict`` for real.
"""

from __future__ import annotations

import dataclasses
import json
import shutil

import pytest

from helpers import FIXTURES, make_project
from practice_hub import content_types
from practice_hub.content_types import MARKDOWN, YAML, ContentType
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


CIRCULAR_SCHEMA = """\
$schema: https://json-schema.org/draft/2020-12/schema
$id: urn:practice-hub:circular
title: Circular
description: A practice circular, one entry of a list in docs/circulars/.
type: object
additionalProperties: false
required: [id, title, summary, issued_by]
properties:
  id: {$ref: "urn:practice-hub:common#/$defs/id"}
  title: {$ref: "urn:practice-hub:common#/$defs/title"}
  summary: {$ref: "urn:practice-hub:common#/$defs/summary"}
  status: {$ref: "urn:practice-hub:common#/$defs/status"}
  issued_by: {type: string, minLength: 1, description: Who sent the circular.}
  applies_to: {type: array, items: {type: string}, description: The teams it applies to.}
  standards:
    type: array
    description: Ids of the practice standards it is about.
    items: {type: string, x-ref: standard}
"""

CIRCULARS = """\
- id: winter-visits
  title: Winter visits
  summary: Visits go ahead in snow & ice <unless> roads are closed.
  issued_by: Head of Service
  applies_to: [Assessment, Long-term]
  standards: [standard-1]
"""

# What a type with one renderer per page needs and nothing more: the registry's default renderer
# ("entry") makes each circular's page, and its entries are reached from the listing, not the menu.
BRIEFING_TYPE = dict(
    name="briefing",
    folder="briefings",
    format=MARKDOWN,
    label="Briefings",
    singular="briefing",
    export_fields=("audience",),
    search_weight=1.4,
    menu=85,
)
CIRCULAR_TYPE = dict(
    name="circular",
    folder="circulars",
    format=YAML,
    label="Circulars",
    singular="circular",
    entry_page="circulars/{id}.md",
    export_fields=("issued_by", "applies_to"),
    search_weight=1.3,
    menu=86,
)


@pytest.fixture
def briefing_type(monkeypatch):
    entry = ContentType(**BRIEFING_TYPE)
    monkeypatch.setitem(content_types.TYPES, entry.name, entry)
    return entry


@pytest.fixture
def circular_type(monkeypatch):
    entry = ContentType(**CIRCULAR_TYPE)
    monkeypatch.setitem(content_types.TYPES, entry.name, entry)
    return entry


def _schemas(tmp_path):
    """The engine's schemas with the new types' schemas beside them (adding a type is an engine
    change: its schema ships in the package)."""
    schemas = tmp_path / "content_schema"
    shutil.copytree(schema_dir(), schemas)
    (schemas / "briefing.schema.yaml").write_text(SCHEMA, encoding="utf-8")
    (schemas / "circular.schema.yaml").write_text(CIRCULAR_SCHEMA, encoding="utf-8")
    return schemas


def _project(tmp_path, **files):
    """A fixture site read with the new types' schemas."""
    project = make_project(tmp_path / "p", FIXTURES / "thread" / "docs", files=files)
    return dataclasses.replace(
        Project.from_config_file(project / "mkdocs.yml"), schema_dir=_schemas(tmp_path)
    )


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
    needs no menu line: "briefing" (85) comes after news (80) and before staff voice (85, by name).
    A type in a nested folder (vacancies, in recruitment/vacancies) places its top-level section
    at its own number, once, and leaves that section its own title; types numbered 0 (audit
    cycles) place nothing."""
    from practice_hub.menu import MenuEntry, menu_entries

    entries = menu_entries(None)
    paths = [entry.path for entry in entries]
    assert paths.index("news/") < paths.index("briefings/") < paths.index("staff-voice/")
    assert paths.index("staff-voice/") < paths.index("recruitment/") < paths.index("links/")
    assert MenuEntry("recruitment/", "") in entries and len(paths) == len(set(paths))
    assert paths[0] == "procedures/" and paths[-1] == "glossary/"
    by_folder: dict[str, int] = {}
    for t in content_types.TYPES.values():
        if t.menu:
            top = t.folder.split("/")[0] + "/"
            by_folder[top] = min(by_folder.get(top, t.menu), t.menu)
    assert set(paths) == set(by_folder)
    assert [by_folder[path] for path in paths] == sorted(by_folder[path] for path in paths)


def test_a_nested_types_section_is_placed_in_the_menu_by_its_number():
    """The readers' menu itself (``arrange``), without a menu setting: Recruitment comes where
    vacancies' number (90) puts it, between staff voice (85) and links (100), not last."""
    from types import SimpleNamespace

    from practice_hub.menu import arrange, menu_entries

    def section(title, *uris):
        pages = [
            SimpleNamespace(is_page=True, is_section=False, file=SimpleNamespace(src_uri=u)) for u in uris
        ]
        return SimpleNamespace(is_section=True, is_page=False, title=title, children=pages)

    items = [
        section("Recruitment", "recruitment/index.md", "recruitment/vacancies/social-worker.md"),
        section("Links", "links/index.md"),
        section("Staff voice", "staff-voice/index.md"),
    ]
    titles = [node.title for node in arrange(items, menu_entries(None), {})]
    assert titles == ["Staff voice", "Recruitment", "Links"]


def test_every_type_with_entry_pages_names_a_renderer_that_exists():
    from practice_hub.renderer.site_pages import ENTRY_PAGES

    named = {t.name: t.entry_renderer for t in content_types.TYPES.values() if t.entries_have_pages}
    assert named and all(key in ENTRY_PAGES for key in named.values()), named


def test_a_yaml_type_gets_a_page_per_entry_from_the_registry_alone(tmp_path, monkeypatch, circular_type):
    """A YAML type with ``entry_page="circulars/{id}.md"`` and no renderer of its own: each entry
    gets a page from the default renderer (title, summary, fields, related items), is listed on
    the section's page, is reached from that listing rather than the menu, and is exported."""
    from practice_hub.renderer.site_pages import out_of_menu

    monkeypatch.setenv("PRACTICE_HUB_TODAY", "2026-11-24")
    site = load_site(_project(tmp_path, **{"circulars/circulars.yml": CIRCULARS}))
    assert [str(p) for p in site.problems.errors] == []
    [circular] = site.of_type("circular")
    assert circular.uri == "circulars/winter-visits.md"

    pages = generated_pages(site, set())
    page = pages["circulars/winter-visits.md"]
    assert page.startswith('---\ntitle: "Winter visits"\n---\n\n# Winter visits\n')
    assert "snow &amp; ice &lt;unless&gt; roads are closed" in page  # editor text stays text
    assert "- **Issued by:** Head of Service\n- **Applies to:** Assessment, Long-term\n" in page
    assert "## Related\n\n- [Standard 1](../standards/standard-1.md) (practice standard)\n" in page
    assert "standard-1" not in page.split("## Related")[0]  # a field naming items is shown as links
    assert "[Winter visits](winter-visits.md)" in pages["circulars/index.md"]

    assert out_of_menu("circulars/winter-visits.md") and out_of_menu("training/course-one.md")
    assert not out_of_menu("circulars/index.md") and not out_of_menu("training/upcoming.md")
    assert not out_of_menu("events/practice-week.md")  # events' pages are in the menu (entries_in_menu)

    [exported] = [e for e in content_json(site)["items"] if e["type"] == "circular"]
    assert exported["issued_by"] == "Head of Service" and exported["applies_to"] == [
        "Assessment",
        "Long-term",
    ]


def test_check_finds_the_links_the_build_finds(tmp_path, monkeypatch, circular_type):
    """check and the build agree: a new type's entry pages exist for both, and calendar files
    exist only for courses (and their sessions) and events, not for every YAML entry."""
    from practice_hub.renderer.link_check import check_site_links

    monkeypatch.setenv("PRACTICE_HUB_TODAY", "2026-11-24")
    glossary = "- id: psw\n  term: PSW\n  definition: Principal social worker.\n"
    body = (
        "[circular](circulars/winter-visits.md), [course feed](training/calendar/course-one.ics),\n"
        "[session](training/calendar/course-one/course-one-2026-12-03.ics), [all](training/calendar/all.ics)\n"
        "\n[term](training/calendar/psw.ics)\n\n[circular feed](training/calendar/winter-visits.ics)\n"
    )
    guide = "---\nid: guide\ntitle: Guide\n---\n\n# Guide\n\n" + body
    files = {"circulars/circulars.yml": CIRCULARS, "glossary/terms.yml": glossary, "guide.md": guide}
    site = load_site(_project(tmp_path, **files))
    check_site_links(site)
    found = [p.message for p in site.problems.errors]
    assert len(found) == 2, found
    assert '"training/calendar/psw.ics" points to a file that does not exist' in found[0]
    assert '"training/calendar/winter-visits.ics" points to a file that does not exist' in found[1]


BUILD = """\
# Registers the throwaway types in the build's own process, then runs MkDocs' command line: the
# engine reads the registry and the schema folder as it would if the types shipped in the package.
import sys
from pathlib import Path

import practice_hub.mkdocs_adapter
import practice_hub.settings
from practice_hub import content_types
from practice_hub.content_types import ContentType

for fields in {types!r}:
    content_types.TYPES[fields["name"]] = ContentType(**fields)
practice_hub.settings.schema_dir = practice_hub.mkdocs_adapter.schema_dir = lambda: Path({schemas!r})

from mkdocs.__main__ import cli

sys.argv = ["mkdocs", "build", "--strict", "-d", "site"]
cli()
"""


def test_both_new_types_build_for_real(tmp_path):
    """``mkdocs build --strict`` of a fixture site with a briefing and a circular that link to
    each other: both get pages, both are listed, exported and weighted in the search."""
    import subprocess
    import sys

    from helpers import env

    briefing = BRIEFING.format(
        id="seven-minute-mca", title="Seven minute MCA", extra="audience: Social workers\n"
    ).replace("Text.", "See the [winter visits circular](../circulars/winter-visits.md).")
    project = make_project(
        tmp_path / "p",
        FIXTURES / "thread" / "docs",
        files={"briefings/seven-minute-mca.md": briefing, "circulars/circulars.yml": CIRCULARS},
    )
    types = [
        {**BRIEFING_TYPE, "format": MARKDOWN},
        {**CIRCULAR_TYPE, "format": YAML},
    ]
    script = project / "build_with_new_types.py"
    script.write_text(BUILD.format(types=types, schemas=str(_schemas(tmp_path))), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(script)], cwd=project, capture_output=True, text=True, env=env(), timeout=600
    )
    assert done.returncode == 0, done.stderr[-3000:]
    site = project / "site"
    circular = (site / "circulars" / "winter-visits" / "index.html").read_text(encoding="utf-8")
    assert "<h1" in circular and "Winter visits" in circular and "Head of Service" in circular
    assert 'href="../../standards/standard-1/"' in circular  # its related standard, linked
    briefing_page = (site / "briefings" / "seven-minute-mca" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../circulars/winter-visits/"' in briefing_page  # the briefing links to the circular
    assert 'href="winter-visits/"' in (site / "circulars" / "index.html").read_text(encoding="utf-8")
    assert 'href="seven-minute-mca/"' in (site / "briefings" / "index.html").read_text(encoding="utf-8")
    assert "md-nav__link--active" not in circular  # reached from the listing, not the menu
    assert "md-nav__link--active" in briefing_page

    exported = json.loads((site / "content.json").read_text(encoding="utf-8"))["items"]
    kinds = {e["id"]: e for e in exported if e["type"] in ("briefing", "circular")}
    assert kinds["seven-minute-mca"]["audience"] == "Social workers"
    assert kinds["winter-visits"]["issued_by"] == "Head of Service"
    worker = (site / "assets" / "javascripts" / "workers" / "practice-hub-search.js").read_text(
        encoding="utf-8"
    )
    assert "[1.4,1]" in worker and "[1.3,1]" in worker  # each type's weight, and its one page
