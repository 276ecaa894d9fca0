"""The Brackenford demo's frameworks, built: every framework page with its source, its coverage
and every item's anchor; the listing of them all; the "Frameworks" list on mapped items' pages;
content.json; and the starter ships the same framework files."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from tests.helpers import REPO, env

pytestmark = pytest.mark.demo

FRAMEWORKS = ("cqc", "ecs-children", "employer-standards", "kss-adults", "kss-children", "ofsted", "pcf", "swe-standards")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("frameworks") / "site"
    made = subprocess.run(
        [sys.executable, "-m", "practice_hub", "build", "-d", str(out)],
        cwd=REPO,
        capture_output=True,
        text=True,
        env=env(),
        timeout=900,
    )
    assert made.returncode == 0, made.stdout + made.stderr
    return out


def article(site, page: str) -> str:
    html = (site / page / "index.html").read_text(encoding="utf-8")
    return re.search(r"<article.*?</article>", html, re.S).group(0)


def text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_listing_names_every_framework_with_its_coverage(built):
    listing = article(built, "frameworks")
    for framework in FRAMEWORKS:
        assert f'href="{framework}/"' in listing, framework
    words = text(listing)
    assert "Child and family social worker early career standards Capabilities Published 18 February 2026 " \
        "from 1 April 2027 6 1" in words
    assert "Professional Capabilities Framework Capabilities 2018 refresh in force 9 0" in words
    assert "Inspection of local authority children's services (" in words and "Inspection ILACS from 2018" in words


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_each_framework_page_has_its_source_coverage_and_every_item(built, framework):
    data = json.loads((built / "content.json").read_text(encoding="utf-8"))
    exported = next(f for f in data["frameworks"] if f["id"] == framework)
    page = article(built, f"frameworks/{framework}")
    assert f'href="{exported["source"]}"' in page
    assert 'id="coverage"' in page
    mapped = [item for item in exported["items"] if item["mapped"]]
    assert mapped, f"{framework}: nothing mapped in the demo"
    for item in exported["items"]:
        assert f'id="{item["id"]}"' in page, item["id"]
    words = text(page)
    gaps = [item for item in exported["items"] if not item["mapped"] and item["id"] != "overall-effectiveness"]
    current = len(exported["items"]) - (framework == "ofsted")
    if gaps:
        assert f"{current - len(gaps)} of {current} items have something mapped to them." in words
        for item in gaps:
            assert f'href="./#{item["id"]}"' in page
    else:
        assert f"Every one of the {current} items has something mapped to it." in words


def test_the_coverage_view_shows_honest_gaps(built):
    ecs = text(article(built, "frameworks/ecs-children"))
    assert "5 of 6 items have something mapped to them. Nothing is mapped yet to this item: Anti-discriminatory practice" in ecs
    swe = text(article(built, "frameworks/swe-standards"))
    assert "Nothing is mapped yet to this item: Act safely, respectfully and with professional integrity" in swe
    ofsted = text(article(built, "frameworks/ofsted"))
    assert "Overall effectiveness is no longer in the framework (it ended on 31 March 2026)." in ofsted
    assert "Every one of the 7 items has something mapped to it." in ofsted


def test_an_item_lists_what_is_mapped_to_it_as_links(built):
    ofsted = article(built, "frameworks/ofsted")
    section = ofsted[ofsted.index('id="impact-of-leaders"') : ofsted.index('id="help-and-protection"')]
    assert 'href="../../standards/management-oversight/"' in section
    assert 'href="../../audit/audit-management-oversight/"' in section
    pcf = article(built, "frameworks/pcf")
    assert 'href="../../training/cpd-and-registration/"' in pcf


@pytest.mark.parametrize(
    "page, target",
    [
        ("standards/management-oversight", "../../frameworks/ofsted/#impact-of-leaders"),
        ("audit/audit-permanence", "../../frameworks/ofsted/#children-in-care"),
        ("training/cpd-and-registration", "../../frameworks/swe-standards/#maintain-my-cpd"),
        ("learning/mr-d-safeguarding-adult-review", "../../frameworks/cqc/#safeguarding"),
        ("events/practice-conference-2027", "../../frameworks/ecs-children/#reflection-and-learning"),
    ],
)
def test_mapped_items_pages_link_their_frameworks(built, page, target):
    html = article(built, page)
    assert 'id="frameworks"' in html and f'href="{target}"' in html


def test_the_quality_assurance_page_and_the_golden_thread_link_the_frameworks(built):
    assert 'href="../frameworks/"' in article(built, "quality-assurance")
    assert 'href="../../frameworks/"' in article(built, "standards/golden-thread")


def test_the_starter_ships_the_demos_framework_files():
    demo = REPO / "docs" / "_data" / "frameworks"
    starter = REPO / "practice_hub" / "starter" / "template" / "docs" / "_data" / "frameworks"
    assert sorted(p.name for p in demo.iterdir()) == sorted(p.name for p in starter.iterdir())
    for file in demo.iterdir():
        assert (starter / file.name).read_text(encoding="utf-8") == file.read_text(encoding="utf-8"), file.name


def test_the_data_files_read_by_practice_hub_are_not_published(built):
    # The frameworks and the search's synonyms are read by modules of their own; like every other
    # data file, they are not copied into the site as they are.
    assert sorted(p.relative_to(built).as_posix() for p in built.rglob("*.y*ml")) == []
    assert not (built / "_data").exists()
