"""Capability and inspection frameworks as data (docs/_data/frameworks/): the exact words of every
mistake in a framework file or a ``frameworks:`` mapping, judged on the item's dates or the build
date; the removed fields cpd_hours and pcf_domains; the framework pages, the "Frameworks" list on
a mapped item's page and content.json, from the starter site `practice-hub start` writes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from practice_hub.export import content_json
from practice_hub.problems import Problems
from practice_hub.renderer.frameworks import INDEX_URI, framework_links, framework_pages
from practice_hub.renderer.site_pages import generated_pages
from practice_hub.schema import load_schemas
from practice_hub.settings import Project
from practice_hub.site import load_site
from practice_hub.structure.frameworks import Framework, FrameworkItem, mapped, read_frameworks
from practice_hub.structure.items import Item
from tests.helpers import REPO
from tests.unit import test_editor_messages as messages
from tests.unit.test_editor_messages import COURSES, STANDARD, check, edit, line_of, write

site = messages.site  # the starter site `practice-hub start` writes, one per test

EVENTS = "docs/events/events.yml"
FOLDER = "docs/_data/frameworks"
EVERY = "cqc, ecs-children, employer-standards, kss-adults, kss-children, ofsted, pcf, swe-standards"
TODAY = dt.date(2026, 11, 24)  # tests.helpers.TODAY, the build date of every test


def map_course(root: Path, lines: str) -> int:
    """Give the starter's course a ``frameworks:`` (its lines, indented under it); the line of
    the first framework."""
    edit(
        root,
        COURSES,
        "  standards: [example-standard]\n",
        "  standards: [example-standard]\n  frameworks:\n" + lines,
    )
    return line_of(root, COURSES, "  frameworks:") + 1


def event_on(root: Path, day: str, lines: str) -> int:
    """Move the starter's event to *day* and map it; the line of its first framework."""
    text = (root / EVENTS).read_text(encoding="utf-8")
    start = next(line for line in text.splitlines() if line.startswith("  start: "))
    end = next(line for line in text.splitlines() if line.startswith("  end: "))
    edit(root, EVENTS, start, f"  start: {day}T12:30")
    edit(root, EVENTS, end, f"  end: {day}T13:30")
    edit(
        root,
        EVENTS,
        "  standards: [example-standard]\n",
        "  standards: [example-standard]\n  frameworks:\n" + lines,
    )
    return line_of(root, EVENTS, "  frameworks:") + 1


def event_day(root: Path) -> str:
    text = (root / EVENTS).read_text(encoding="utf-8")
    return next(line for line in text.splitlines() if line.startswith("  start: "))[9:19]


# --- the starter ships the frameworks, and its site checks clean with them ------------------
def test_the_starter_ships_every_framework_and_checks_clean(site):
    shipped = sorted(p.name[:-4] for p in (site / FOLDER).iterdir())
    assert ", ".join(shipped) == EVERY
    assert check(site) == []


# --- mappings: unknown frameworks and items ------------------------------------------------
def test_an_unknown_framework_is_named_with_the_nearest(site):
    at = map_course(site, "    pfc: [knowledge]\n")
    assert check(site) == [f'{COURSES}:{at}: unknown framework "pfc" under frameworks (did you mean "pcf"?)']


def test_an_unknown_framework_with_nothing_near_lists_every_framework(site):
    at = map_course(site, "    inspection: [knowledge]\n")
    assert check(site) == [
        f'{COURSES}:{at}: unknown framework "inspection" under frameworks '
        f"(the frameworks are the files in docs/_data/frameworks/: {EVERY})"
    ]


def test_an_unknown_item_is_named_with_the_nearest_and_the_file(site):
    at = map_course(site, "    pcf: [knowledge, ethics, Skills and Interventions]\n")
    assert check(site) == [
        f'{COURSES}:{at}: framework "pcf" has no item "Skills and Interventions" (did you mean '
        '"skills-and-interventions"? the items are in docs/_data/frameworks/pcf.yml)',
        f'{COURSES}:{at}: framework "pcf" has no item "ethics" '
        "(the items are in docs/_data/frameworks/pcf.yml)",
    ]


def test_a_mapping_over_lines_blames_the_items_line(site):
    edit(
        site,
        STANDARD,
        "audit_sections: [example-audit-section]\n",
        "audit_sections: [example-audit-section]\nframeworks:\n  swe-standards:\n    - be-accountable\n    - maintain-cpd\n",
    )
    at = line_of(site, STANDARD, "- maintain-cpd")
    assert check(site) == [
        f'{STANDARD}:{at}: framework "swe-standards" has no item "maintain-cpd" (did you mean '
        '"maintain-my-cpd"? the items are in docs/_data/frameworks/swe-standards.yml)'
    ]


# --- mappings judged on a dated item's date: errors ----------------------------------------
def test_an_event_before_a_framework_applies_is_told_the_one_it_replaces(site):
    at = event_on(site, "2027-03-25", "    ecs-children: [reflection-and-learning]\n")
    assert check(site) == [
        f'{EVENTS}:{at}: framework "ecs-children" is not in force on 2027-03-25, the date of this event: '
        'it applies from 2027-04-01 (map it to "kss-children" instead)'
    ]


def test_an_event_after_a_framework_ended_is_told_the_one_that_replaced_it(site):
    at = event_on(site, "2027-04-08", "    kss-children: [role-of-supervision]\n")
    assert check(site) == [
        f'{EVENTS}:{at}: framework "kss-children" is not in force on 2027-04-08, the date of this event: '
        'it ended on 2027-03-31 (map it to "ecs-children" instead)'
    ]


def test_the_same_event_on_a_day_in_force_is_fine(site):
    event_on(site, "2027-04-08", "    ecs-children: [reflection-and-learning]\n    pcf: [knowledge]\n")
    assert check(site) == []


def test_a_framework_with_no_successor_says_check_the_date(site):
    write(
        site,
        f"{FOLDER}/practice-model.yml",
        "id: practice-model\nname: Our practice model\nkind: employer\nversion: '1'\n"
        "publisher: Fernleigh\nsource: https://fernleigh.example/model\n"
        "in_force: {from: 2027-06-01}\nitems:\n  - {id: curiosity, name: Curiosity}\n",
    )
    at = event_on(site, "2027-04-08", "    practice-model: [curiosity]\n")
    assert check(site) == [
        f'{EVENTS}:{at}: framework "practice-model" is not in force on 2027-04-08, the date of this event: '
        "it applies from 2027-06-01 (check the date)"
    ]


def test_an_item_removed_from_a_framework_is_an_error_on_a_later_event(site):
    at = event_on(site, "2026-12-10", "    ofsted: [help-and-protection, overall-effectiveness]\n")
    assert check(site) == [
        f'{EVENTS}:{at}: item "overall-effectiveness" of framework "ofsted" is not in force on 2026-12-10, '
        "the date of this event: it ended on 2026-03-31 (check the date, or remove the item)"
    ]


def test_a_course_blames_the_session_out_of_force(site):
    edit(
        site,
        COURSES,
        "  mode: e-learning\n",
        "  mode: classroom\n  sessions:\n"
        "    - {start: 2027-03-04T09:30, end: 2027-03-04T12:30, status: open}\n"
        "    - {start: 2027-04-15T09:30, end: 2027-04-15T12:30, status: open}\n",
    )
    map_course(site, "    kss-children: [role-of-supervision]\n")
    second = line_of(site, COURSES, "2027-04-15T09:30")
    assert check(site) == [
        f'{COURSES}:{second}: framework "kss-children" is not in force on 2027-04-15, the date of session 2 '
        'of this course: it ended on 2027-03-31 (map it to "ecs-children" instead)'
    ]


# --- mappings of undated items, judged on the build date: advisory warnings ------------------
def test_an_undated_item_on_an_ended_framework_is_a_warning_naming_its_successor(site):
    write(
        site,
        f"{FOLDER}/kss-2014.yml",
        "id: kss-2014\nname: Knowledge and skills for child and family social work\nkind: capability\n"
        "version: '2014'\npublisher: Department for Education\nsource: https://www.gov.uk/\n"
        "in_force: {from: 2014-01-01, to: 2017-12-31}\nreplaced_by: kss-children\n"
        "items:\n  - {id: role-of-child-and-family-social-work, name: The role of child and family social work}\n",
    )
    edit(
        site,
        STANDARD,
        "audit_sections: [example-audit-section]\n",
        "audit_sections: [example-audit-section]\nframeworks:\n"
        "  kss-2014: [role-of-child-and-family-social-work]\n  ofsted: [overall-effectiveness]\n",
    )
    at = line_of(site, STANDARD, "  kss-2014:")
    assert check(site) == [
        f'{STANDARD}:{at}: warning: framework "kss-2014" ended on 2017-12-31 (map it to "kss-children" instead)',
        f'{STANDARD}:{at + 1}: warning: item "overall-effectiveness" of framework "ofsted" ended on 2026-03-31 '
        "(remove it: the framework no longer has it)",
    ]
    loaded = load_site(Project.from_config_file(site / "mkdocs.yml"))
    assert not loaded.problems.errors and all(p.advisory for p in loaded.problems.warnings)


def test_an_undated_item_may_map_a_framework_that_has_not_started(site):
    map_course(site, "    ecs-children: [reflection-and-learning]\n")  # e-learning: no sessions
    assert check(site) == []


# --- framework files -----------------------------------------------------------------------
def test_a_framework_whose_id_is_not_its_files_name(site):
    write(
        site,
        f"{FOLDER}/model.yml",
        "id: practice-model\nname: Our practice model\nkind: employer\nversion: '1'\n"
        "publisher: Fernleigh\nsource: https://fernleigh.example/model\n"
        "in_force: {from: 2020-01-01}\nitems:\n  - {id: curiosity, name: Curiosity}\n",
    )
    assert check(site) == [
        f'{FOLDER}/model.yml:1: the framework id "practice-model" is not the file\'s name (model) '
        "(write id: model, or rename the file practice-model.yml)"
    ]


def test_a_framework_files_own_mistakes_at_their_lines(site):
    write(
        site,
        f"{FOLDER}/model.yml",
        "id: model\nname: Our practice model\nkind: employer\nversion: '1'\n"
        "publisher: Fernleigh\nsource: https://fernleigh.example/model\n"
        "in_force: {from: 2020-01-01, to: 2019-01-01}\nreplaced_by: modle-2\n"
        "groups:\n  - {id: heart, name: Heart}\n"
        "items:\n  - {id: curiosity, name: Curiosity, group: hart}\n  - {id: curiosity, name: Again}\n"
        "pack:\n  know: [curiosty]\n",
    )
    path = f"{FOLDER}/model.yml"
    assert check(site) == [
        f"{path}:7: the framework ends (2019-01-01) before it starts (2020-01-01) (check the dates under in_force)",
        f'{path}:12: item "curiosity" names the group "hart", which is not under groups (did you mean "heart"?)',
        f'{path}:13: item "curiosity" is in this framework twice (give each item its own id)',
        f'{path}:15: the pack\'s know names "curiosty", which is not an item of this framework '
        '(did you mean "curiosity"?)',
    ]


def test_a_replacement_that_has_no_file(site):
    edit(site, f"{FOLDER}/kss-children.yml", "replaced_by: ecs-children", "replaced_by: ecs-child")
    at = line_of(site, f"{FOLDER}/kss-children.yml", "replaced_by:")
    assert check(site) == [
        f'{FOLDER}/kss-children.yml:{at}: replaced_by names the framework "ecs-child", which has no file in '
        '_data/frameworks/ (did you mean "ecs-children"?)'
    ]


def test_a_framework_file_against_its_fields(site):
    edit(site, f"{FOLDER}/pcf.yml", "kind: capability", "kind: skills")
    at = line_of(site, f"{FOLDER}/pcf.yml", "kind: skills")
    found = check(site)
    assert len(found) == 1 and found[0].startswith(f'{FOLDER}/pcf.yml:{at}: field "kind" has "skills"')


# --- the removed fields -------------------------------------------------------------------
CPD_HOURS = (
    '"cpd_hours" is no longer used: Social Work England records pieces of CPD, not hours '
    '(write "cpd: true" if the course counts as CPD (or "cpd: false"), and "reflection_prompts:" '
    "with questions to reflect on)"
)
PCF_DOMAINS = '"pcf_domains" is no longer used: frameworks are listed in docs/_data/frameworks/'


def test_cpd_hours_says_what_to_write_instead(site):
    edit(site, COURSES, "  provider: in-house\n", "  provider: in-house\n  cpd_hours: 1.5\n")
    at = line_of(site, COURSES, "cpd_hours")
    assert check(site) == [f"{COURSES}:{at}: {CPD_HOURS}"]


def test_pcf_domains_names_the_ids_to_write(site):
    edit(
        site,
        COURSES,
        "  provider: in-house\n",
        '  provider: in-house\n  pcf_domains: [Knowledge, "Rights, Justice and Economic Wellbeing"]\n',
    )
    at = line_of(site, COURSES, "pcf_domains")
    assert check(site) == [
        f'{COURSES}:{at}: {PCF_DOMAINS} (write "frameworks:" with '
        '"pcf: [knowledge, rights-justice-and-economic-wellbeing]" under it)'
    ]


def test_pcf_domains_on_a_standard_with_a_name_not_known_points_to_the_file(site):
    edit(
        site,
        STANDARD,
        "audit_sections: [example-audit-section]\n",
        "audit_sections: [example-audit-section]\npcf_domains: [Knowledge, Intervention and Skills]\n",
    )
    at = line_of(site, STANDARD, "pcf_domains")
    assert check(site) == [
        f'{STANDARD}:{at}: {PCF_DOMAINS} (write "frameworks:" with "pcf:" and the domain ids from '
        "docs/_data/frameworks/pcf.yml)"
    ]


def test_a_removed_field_is_only_removed_at_the_top():
    schemas = load_schemas(REPO / "content_schema")
    findings = schemas.check("course", {"booking": {"contact": "a@b.example", "cpd_hours": 2}})
    assert 'unknown field "booking.cpd_hours"' in [f.message for f in findings]


# --- what the structure gives ---------------------------------------------------------------
def test_framework_and_item_dates():
    removed = FrameworkItem("overall", "Overall effectiveness", "", "", None, dt.date(2026, 3, 31), 5)
    framework = Framework(
        "f",
        "F",
        "",
        "inspection",
        "1",
        "P",
        "https://p.example",
        dt.date(2018, 1, 1),
        None,
        "",
        (),
        "",
        (),
        (removed,),
        {},
        "docs/_data/frameworks/f.yml",
    )
    assert framework.item("overall") is removed and framework.item("other") is None
    assert framework.in_force_on(dt.date(2018, 1, 1)) and not framework.in_force_on(dt.date(2017, 12, 31))
    assert removed.in_force_on(dt.date(2026, 3, 31)) and not removed.in_force_on(dt.date(2026, 4, 1))


def test_mapped_keeps_reading_order_and_known_items_only():
    problems = Problems()
    starter = REPO / "practice_hub" / "starter" / "template" / "docs"
    reading = read_frameworks(starter, "docs", load_schemas(REPO / "content_schema"), problems)
    assert not problems.items and ", ".join(sorted(reading.frameworks)) == EVERY
    items = [
        Item("course", {"id": "b", "frameworks": {"pcf": ["knowledge", "nothing"]}}, "b.yml", 1, None),
        Item("standard", {"id": "a", "frameworks": {"pcf": ["knowledge"], "zzz": ["x"]}}, "a.md", 1, None),
    ]
    found = mapped(items, reading.frameworks)
    assert [i.id for i in found[("pcf", "knowledge")]] == ["b", "a"]
    assert ("pcf", "nothing") not in found and found[("pcf", "values-and-ethics")] == []
    assert len(found) == sum(len(f.items) for f in reading.frameworks.values())


# --- the pages -----------------------------------------------------------------------------
def test_framework_pages_and_coverage_from_the_starter(site):
    map_course(site, "    pcf: [knowledge]\n    ofsted: [how-do-you-know]\n")
    loaded = load_site(Project.from_config_file(site / "mkdocs.yml"))
    pages = generated_pages(loaded, set())
    assert {uri for uri in pages if uri.startswith("frameworks/")} == {INDEX_URI} | {
        f"frameworks/{name}.md" for name in EVERY.split(", ")
    }
    index = pages[INDEX_URI]
    assert (
        "| [Professional Capabilities Framework](pcf.md) | Capabilities | 2018 refresh | in force | 9 | 8 |"
        in index
    )
    assert (
        "| [Child and family social worker early career standards](ecs-children.md) | Capabilities | "
        "Published 18 February 2026 | from 1 April 2027 | 6 | 6 |" in index
    )
    pcf = pages["frameworks/pcf.md"]
    assert "1 of 9 items have something mapped to them. Nothing is mapped yet to these 8 items:" in pcf
    assert "- [Values and Ethics](pcf.md#values-and-ethics)" in pcf
    assert '<h3 id="knowledge">Knowledge</h3>' in pcf
    assert "- Courses: [Hearing the voice of the child or adult](../training/example-course.md)" in pcf
    ofsted = pages["frameworks/ofsted.md"]
    assert "6 of 7 items have something mapped" not in ofsted  # one of seven current items is mapped
    assert "1 of 7 items have something mapped to them." in ofsted
    assert (
        "[Overall effectiveness](ofsted.md#overall-effectiveness) is no longer in the framework "
        "(it ended on 31 March 2026)." in ofsted
    )
    assert "*Removed from the framework after 31 March 2026.*" in ofsted
    course = pages["training/example-course.md"]
    assert "## Frameworks" in course
    assert "- PCF: [Knowledge](../frameworks/pcf.md#knowledge)" in course
    assert "- Ofsted ILACS: [How do you know it?](../frameworks/ofsted.md#how-do-you-know)" in course
    kss = pages["frameworks/kss-children.md"]
    assert "**Replaced by:** [Child and family social worker early career standards](ecs-children.md)." in kss
    assert "in force on 24 November 2026" in kss


def test_an_item_with_no_frameworks_shows_no_list(site):
    loaded = load_site(Project.from_config_file(site / "mkdocs.yml"))
    course = loaded.by_id["example-course"]
    assert framework_links(course, loaded.frameworks, course.uri) == ""
    assert framework_pages({}, {}, TODAY) == {}


def test_content_json_exports_the_frameworks_and_what_is_mapped(site):
    map_course(site, "    swe-standards: [maintain-my-cpd]\n")
    loaded = load_site(Project.from_config_file(site / "mkdocs.yml"))
    exported = {f["id"]: f for f in content_json(loaded)["frameworks"]}
    assert ", ".join(sorted(exported)) == EVERY
    kss = exported["kss-children"]
    assert (
        kss["in_force"] == {"from": "2018-01-01", "to": "2027-03-31"} and kss["replaced_by"] == "ecs-children"
    )
    cpd = next(i for i in exported["swe-standards"]["items"] if i["id"] == "maintain-my-cpd")
    assert cpd["mapped"] == [{"type": "course", "id": "example-course"}]
    assert exported["cqc"]["services"] == ["Adults' services"]


def test_a_framework_saved_beside_the_data_files_is_told_where_frameworks_go(site):
    write(site, "docs/_data/pcf-2024.yml", "id: pcf-2024\n")
    assert check(site) == [
        "docs/_data/pcf-2024.yml:1: this file is not read, so nothing in it would appear on the site "
        "(Practice Hub reads only audit_results.yml, audits_counted.yml, legislation.yml, tags.yml in _data/, "
        "and frameworks in _data/frameworks/)"
    ]
