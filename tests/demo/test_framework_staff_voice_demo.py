"""The Brackenford demo: the practice framework page and two years of health check results,
the change since last year worked out, the home page link, and links at both ends in content.json."""

from __future__ import annotations

import pytest

from practice_hub.export import content_json
from practice_hub.renderer.front_door import front_door
from practice_hub.renderer.site_pages import generated_pages, page_additions
from practice_hub.settings import Project
from practice_hub.site import load_site
from practice_hub.structure.staff_voice import answers, latest
from tests.helpers import REPO


@pytest.fixture(scope="module")
def demo():
    return load_site(Project.from_config_file(REPO / "mkdocs.yml"))


def test_change_since_last_year_is_worked_out_not_typed(demo):
    entry = latest(demo.items)
    assert entry.data["year"] == 2026
    found = {a.id: a for a in answers(entry, demo.items)}
    assert (found["manageable-caseload"].agree, found["manageable-caseload"].change) == (48, 7)
    assert found["recording-system"].change == -2
    assert found["hybrid-working"].change is None  # asked for the first time in 2026
    page = generated_pages(demo, set())["staff-voice/health-check-2026.md"]
    assert "| My caseload is manageable within my working hours. | 48% | up 7 points |" in page
    assert "| 31% | down 2 points |" in page and "| 66% | new question |" in page
    assert "Change since 2025" in page
    assert " %" not in page  # one percent style: "48%"
    assert '<svg class="ph-chart ph-chart--bars"' in page and "<desc id=" in page  # chart + text alternative
    for words in ('data-label="Status"><span class="ph-status">In progress', ">Planned<", ">Done<"):
        assert words in page  # the status in words, not colour alone


def test_demo_has_two_years_and_at_least_six_actions(demo):
    years = demo.of_type("staff_voice")
    assert sorted(y.data["year"] for y in years) == [2025, 2026]
    assert all(8 <= len(y.data["questions"]) <= 12 for y in years)
    assert sum(len(y.data["actions"]) for y in years) >= 6
    listing = generated_pages(demo, set())["staff-voice/index.md"]
    assert listing.index("health-check-2026") < listing.index("health-check-2025")  # latest first


def test_home_page_links_the_latest_results_and_the_block_is_configurable(demo):
    settings = demo.project.settings
    home = front_door(demo.items, {"index.md"}, settings.build_date, settings)
    assert (
        "## Staff voice" in home
        and "[Social work health check 2026](staff-voice/health-check-2026.md)" in home
    )
    without = front_door(
        demo.items, {"index.md"}, settings.build_date, type(settings)(**{**vars(settings), "home": ("news",)})
    )
    assert "Staff voice" not in without


def test_framework_page_shows_principles_and_what_carries_it(demo):
    text = page_additions(demo, "framework/working-alongside.md", "", set())
    assert "## Our principles" in text and "**What it looks like in practice:**" in text
    for heading in ("### Practice standards", "### Procedures", "### Practice tools", "### Training"):
        assert heading in text
    assert "[Three houses](../tools/three-houses.md)" in text


def test_linked_pages_show_the_framework(demo):
    back = "[Working Alongside: the Brackenford practice framework](../framework/working-alongside.md)"
    for uri in (
        "standards/voice-of-the-child.md",
        "tools/three-houses.md",
        "procedures/supervision-policy.md",
    ):
        text = page_additions(demo, uri, "", set())
        assert "## Practice framework" in text and back in text, uri
    course = generated_pages(demo, set())["training/writing-to-the-child.md"]
    assert "## Practice framework" in course and back in course
    assert "## Practice framework" not in page_additions(demo, "standards/plans-are-smart.md", "", set())


def test_content_json_has_both_types_with_urls_and_related_at_both_ends(demo):
    site = demo.with_pages(urls={i.uri: i.uri.removesuffix(".md") + "/" for i in demo.items})
    items = {(e["type"], e["id"]): e for e in content_json(site)["items"]}
    framework = items[("framework", "working-alongside")]
    assert framework["url"] == "framework/working-alongside/"
    assert framework["principles"][0]["name"] == "Work with, not to or for"
    kinds = {"standard", "procedure", "tool", "course"}
    assert kinds <= set(framework["related"])
    for kind in kinds:
        for other in framework["related"][kind]:
            assert "working-alongside" in items[(kind, other)]["related"]["framework"], (kind, other)
    year = items[("staff_voice", "health-check-2025")]
    assert year["url"] == "staff-voice/health-check-2025/" and year["year"] == 2025
    assert year["related"] == {
        "course": ["reflective-supervision-skills"],
        "procedure": ["supervision-policy"],
    }
    assert "health-check-2025" in items[("procedure", "supervision-policy")]["related"]["staff_voice"]
    assert "health-check-2025" in items[("course", "reflective-supervision-skills")]["related"]["staff_voice"]
    assert "sessions" not in year  # course sessions only
