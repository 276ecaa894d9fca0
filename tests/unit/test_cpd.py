"""The CPD companion's server side (renderer/cpd.py): "Record as CPD" under courses, events,
briefings, research entries and procedures, absent when ``cpd: false``, every value escaped and
allowed by the site's HTML allow-list; the My CPD page; the course page's "Counts as CPD"."""

from __future__ import annotations

import html
import json
import re

import pytest

from helpers import FIXTURES, make_project
from practice_hub.content_types import COURSE, EVENT, LEARNING, PROCEDURE, RESEARCH, STANDARD, reserved
from practice_hub.loader.yaml_lines import Loaded
from practice_hub.renderer.cpd import (
    DEVICE_NOTE,
    ENGINE_PROMPTS,
    MY_CPD_URI,
    NEEDS_SCRIPT,
    my_cpd_page,
    prompts_of,
    record_block,
)
from practice_hub.renderer.site_pages import (
    CONTINUE_LIST,
    END_LIST,
    ENTRY_PAGES,
    generated_pages,
    page_additions,
    with_additions,
)
from practice_hub.safety import rendered
from practice_hub.settings import Project
from practice_hub.site import load_site
from practice_hub.structure.items import Item

NASTY = "<script>alert(\"x\")</script> & 'quoted'"


def _item(type_name: str, uri: str, **data) -> Item:
    data = {"id": "thing", "title": "A thing", "summary": "About it.", **data}
    return Item(type_name, data, "docs/x", 1, Loaded(data, {}), uri=uri)


def _attribute(block: str, name: str) -> str:
    found = re.search(rf' {name}="([^"]*)"', block)
    assert found, f"no {name} in the block"
    return html.unescape(found.group(1))


def test_the_block_escapes_every_value_and_carries_the_page_s_data():
    course = _item(
        COURSE,
        "training/thing.md",
        title=NASTY,
        reflection_prompts=["What <b>changed</b> for you?", 'And "why"?'],
    )
    block = record_block(course, "training/thing.md", True)
    assert "<script" not in block and "<b>" not in block
    assert _attribute(block, "data-cpd-title") == NASTY
    assert _attribute(block, "data-cpd-type") == "Course or training"
    assert _attribute(block, "data-cpd-page") == "training/thing/"
    assert _attribute(block, "data-cpd-home") == "../../my-cpd/"
    assert "data-cpd-today" not in block  # the reader's date, never the build's
    assert json.loads(_attribute(block, "data-cpd-prompts")) == ["What <b>changed</b> for you?", 'And "why"?']
    assert "<li>What &lt;b&gt;changed&lt;/b&gt; for you?</li>" in block  # shown as hints, as text
    assert NEEDS_SCRIPT in block and html.escape(DEVICE_NOTE, quote=True) in block
    # Hidden until the script shows it (and the form until the reader opens it).
    assert re.search(r"<div hidden data-ph-cpd-js>", block)
    assert re.search(r'<form class="ph-cpd__form" id="ph-cpd-form"[^>]* hidden>', block)
    published = rendered.judge(block, rendered.SITE)
    assert published.findings == ()


def test_the_block_is_absent_when_cpd_is_false_or_the_type_is_not_an_activity():
    assert record_block(_item(COURSE, "training/thing.md", cpd=False), "training/thing.md", True) == ""
    assert record_block(_item(EVENT, "events/thing.md", cpd=False), "events/thing.md", True) == ""
    assert record_block(_item(STANDARD, "standards/thing.md"), "standards/thing.md", True) == ""
    assert record_block(_item(COURSE, "training/thing.md", cpd=True), "training/thing.md", True)


def test_each_kind_of_page_gets_its_own_type_date_and_prompts():
    event = _item(EVENT, "events/thing.md", kind="journal club", start="2026-10-14T12:30")
    block = record_block(event, "events/thing.md", False)
    assert _attribute(block, "data-cpd-type") == "Event: journal club"
    assert _attribute(block, "data-cpd-date") == "2026-10-14"
    assert _attribute(block, "data-cpd-page") == "events/thing.html"
    assert _attribute(block, "data-cpd-home") == "../my-cpd.html"
    briefing = _item(LEARNING, "learning/thing.md", questions=["Would we have seen it?"])
    assert prompts_of(briefing) == ["Would we have seen it?"]
    assert _attribute(record_block(briefing, "learning/thing.md", True), "data-cpd-type") == (
        "Learning from a review"
    )
    for kind, words in ((RESEARCH, "Reading: research"), (PROCEDURE, "Reading: a procedure")):
        item = _item(kind, "x/thing.md")
        assert prompts_of(item) == list(ENGINE_PROMPTS)
        assert _attribute(record_block(item, "x/thing.md", True), "data-cpd-type") == words


def test_the_my_cpd_page_shows_nothing_until_asked_and_passes_the_allow_list():
    page = my_cpd_page(True)
    assert reserved(MY_CPD_URI) == "the My CPD page"
    assert "Show my CPD records" in page
    assert re.search(r'<section id="ph-cpd-records" class="ph-cpd__records"[^>]* hidden>', page)
    assert "1 December to 30 November" in page and "not hours" in page
    body = page.split("---\n", 2)[2]
    assert rendered.judge(rendered.Renderer([]).render(body), rendered.SITE).findings == ()


def test_a_list_continued_under_the_editor_s_related_keeps_the_block_apart():
    """A procedure whose page ends with its own "## Related": the links continue that list, and
    the block after END_LIST is Practice Hub's own (the adapter marks it)."""
    from practice_hub.mkdocs_adapter import _marked

    addition = CONTINUE_LIST + "- [A](a.md)\n" + END_LIST + "\n<section>block</section>\n"
    marked = _marked(addition, "n0nce")
    assert marked.startswith(CONTINUE_LIST + "- [A](a.md)\n")
    assert "<!--ph-engine-n0nce-->\n\n<section>block</section>\n\n<!--/ph-engine-n0nce-->" in marked
    assert END_LIST not in with_additions(None, "p.md", "## Related\n\n- [B](b.md)\n", addition)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    courses = (FIXTURES / "thread" / "docs" / "training" / "courses.yml").read_text(encoding="utf-8")
    courses = courses.replace(
        "  summary: Builds standard 2.\n", "  summary: Builds standard 2.\n  cpd: false\n", 1
    ).replace(
        "  summary: Builds standard 1.\n",
        "  summary: Builds standard 1.\n  reflection_prompts: [How will you use it on Monday?]\n",
        1,
    )
    root = make_project(
        tmp_path_factory.mktemp("cpd") / "p",
        FIXTURES / "thread" / "docs",
        files={"training/courses.yml": courses},
    )
    loaded = load_site(Project.from_config_file(root / "mkdocs.yml"))
    assert not loaded.problems.errors, loaded.problems.errors
    return loaded


def test_a_site_s_course_pages_say_whether_they_count_and_offer_the_block(site):
    one, two = (
        next(c for c in site.of_type(COURSE) if c.id == ident) for ident in ("course-one", "course-two")
    )
    page_one = ENTRY_PAGES["course"](one, site)
    page_two = ENTRY_PAGES["course"](two, site)
    assert "- **Counts as CPD:** Yes" in page_one and "CPD hours" not in page_one
    assert "- **Counts as CPD:** No" in page_two
    assert "data-ph-cpd" in page_one and "<li>How will you use it on Monday?</li>" in page_one
    assert "data-ph-cpd" not in page_two


def test_a_site_makes_the_my_cpd_page_and_adds_the_block_to_procedures(site):
    pages = generated_pages(site, set())
    assert pages[MY_CPD_URI] == my_cpd_page(site.project.use_directory_urls)
    procedure = site.of_type(PROCEDURE)[0]
    addition = page_additions(site, procedure.uri, procedure.body, site.page_uris)
    assert 'data-cpd-type="Reading: a procedure"' in addition
    assert f'data-cpd-title="{html.escape(procedure.title)}"' in addition
