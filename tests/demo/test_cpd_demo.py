"""The Brackenford demo's CPD companion: the journal club's own reflection prompts, World Social
Work Day (a celebration, ``cpd: false``) without "Record as CPD", a briefing's questions as its
prompts, and the My CPD page made from the demo."""

from __future__ import annotations

import html
import json
import re

import pytest

from practice_hub.content_types import EVENT, LEARNING
from practice_hub.renderer.cpd import MY_CPD_URI
from practice_hub.renderer.site_pages import generated_pages, page_additions
from practice_hub.settings import Project
from practice_hub.site import load_site
from tests.helpers import REPO


@pytest.fixture(scope="module")
def demo():
    return load_site(Project.from_config_file(REPO / "mkdocs.yml"))


@pytest.fixture(scope="module")
def pages(demo):
    return generated_pages(demo, set())


def _prompts(markdown: str) -> list[str]:
    found = re.search(r' data-cpd-prompts="([^"]*)"', markdown)
    assert found, "no Record as CPD block"
    return json.loads(html.unescape(found.group(1)))


def test_events_offer_record_as_cpd_with_their_own_prompts_unless_they_do_not_count(demo, pages):
    events = {e.id: e for e in demo.of_type(EVENT)}
    club = events["journal-club-november-2026"]
    assert _prompts(pages[club.uri]) == club.data["reflection_prompts"]
    assert 'data-cpd-type="Event: journal club"' in pages[club.uri]
    assert 'data-cpd-date="2026-11-19"' in pages[club.uri]
    assert events["world-social-work-day-2027"].data["cpd"] is False
    assert "data-ph-cpd" not in pages[events["world-social-work-day-2027"].uri]


def test_a_briefing_s_questions_are_its_prompts_and_my_cpd_is_made(demo, pages):
    briefing = demo.of_type(LEARNING)[0]
    addition = page_additions(demo, briefing.uri, briefing.body, demo.page_uris)
    assert _prompts(addition) == briefing.data["questions"]
    assert "Show my CPD records" in pages[MY_CPD_URI]
    assert "data-cpd-today" not in pages[MY_CPD_URI]  # the reader's date, never the pinned one
