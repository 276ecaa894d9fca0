"""The demo site built end to end: strict build, content.json against sources, golden thread."""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml
from bs4 import BeautifulSoup

from helpers import REPO, make_project, run_build, run_check

TYPE_FOLDERS = {"procedures": "procedure", "standards": "standard", "audit": "audit_section",
                "tools": "tool", "induction": "induction", "research": "research", "news": "news",
                "recruitment/vacancies": "vacancy", "audit/cycles": "audit_cycle"}
YAML_FOLDERS = {"training": "course", "links": "link", "glossary": "glossary"}


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("demo"), REPO / "docs")
    result = run_build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project, result


@pytest.fixture(scope="module")
def content(demo):
    project, _ = demo
    return json.loads((project / "site" / "content.json").read_text(encoding="utf-8"))


def source_items() -> set[tuple[str, str]]:
    """(type, id) of every published item, read straight from the files (not through the package)."""
    found = set()
    docs = REPO / "docs"
    for path in docs.rglob("*.md"):
        rel = path.relative_to(docs).as_posix()
        if rel.split("/")[0] in ("stylesheets", "javascripts") or "/files/" in rel:
            continue
        text = path.read_text(encoding="utf-8-sig")
        meta = yaml.safe_load(text.split("---", 2)[1])
        if meta.get("status") == "draft":
            continue
        folder = max((f for f in TYPE_FOLDERS if rel.startswith(f + "/")), key=len, default=None)
        kind = TYPE_FOLDERS[folder] if folder and path.name != "index.md" else "page"
        found.add((kind, meta["id"]))
    for folder, kind in YAML_FOLDERS.items():
        for path in (docs / folder).glob("*.yml"):
            for entry in yaml.safe_load(path.read_text(encoding="utf-8")):
                if entry.get("status") != "draft":
                    found.add((kind, entry["id"]))
    return found


def test_demo_builds_strict_with_no_warnings(demo):
    _, result = demo
    assert "WARNING" not in result.stdout + result.stderr


def test_check_passes_on_the_demo():
    result = run_check(REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no problems" in result.stderr


def test_content_json_has_every_item_once(content):
    assert re.match(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$", content["generated"])
    pairs = [(item["type"], item["id"]) for item in content["items"]]
    assert len(pairs) == len(set(pairs))
    assert set(pairs) == source_items()
    for item in content["items"]:
        assert {"type", "id", "title", "url", "source", "status", "related"} <= set(item)
        assert (REPO / item["source"]["path"]).exists()
        if item["type"] in YAML_FOLDERS.values():
            assert item["source"]["line"] >= 1


def test_every_related_edge_is_present_at_both_ends(content):
    by_id = {item["id"]: item for item in content["items"]}
    edges = 0
    for item in content["items"]:
        for kind, ids in item["related"].items():
            for other_id in ids:
                other = by_id[other_id]
                assert other["type"] == kind
                assert item["id"] in other["related"].get(item["type"], []), (item["id"], other_id)
                edges += 1
    assert edges > 0


def test_urls_in_content_json_exist_in_the_site(demo, content):
    project, _ = demo
    for item in content["items"]:
        page = item["url"].split("#")[0]
        assert (project / "site" / page / "index.html").exists() or (project / "site" / page).is_file(), item


def _links(project: Path, url: str) -> set[str]:
    """Every page a built page links to, as site-root-relative URLs without fragments."""
    html = (project / "site" / url / "index.html").read_text(encoding="utf-8")
    article = BeautifulSoup(html, "html.parser").find("article")
    found = set()
    for anchor in article.find_all("a", href=True):
        href = anchor["href"]
        if "://" in href or href.startswith("mailto:"):
            continue
        target = posixpath.normpath(urljoin("/" + url, href.split("#")[0]))
        found.add(target.lstrip("/").rstrip("/") + "/" if target != "/" else "")
    return found


def test_golden_thread_links_both_ways_in_html(demo, content):
    project, _ = demo
    by_id = {item["id"]: item for item in content["items"]}
    standards = [i for i in content["items"] if i["type"] == "standard"]
    assert standards
    for standard in standards:
        links = _links(project, standard["url"])
        for kind in ("audit_section", "course"):
            ids = standard["related"].get(kind, [])
            assert ids, f"{standard['id']} has no {kind}"
            for other_id in ids:
                other = by_id[other_id]
                assert other["url"] in links, (standard["id"], other_id)
                assert standard["url"] in _links(project, other["url"]), (other_id, standard["id"])


def test_matrix_page_lists_every_standard(demo, content):
    project, _ = demo
    links = _links(project, "standards/golden-thread/")
    for item in content["items"]:
        in_thread = item["type"] in ("audit_section", "course") and item["related"].get("standard")
        if item["type"] == "standard" or in_thread:
            assert item["url"] in links, item["id"]


MINIMUM_COUNTS = {"procedure": 30, "course": 30, "glossary": 60, "research": 15, "news": 10, "vacancy": 4,
                  "induction": 5, "tool": 10}


def test_demo_has_realistic_scale(content):
    counts: dict[str, int] = {}
    for item in content["items"]:
        counts[item["type"]] = counts.get(item["type"], 0) + 1
    for kind, minimum in MINIMUM_COUNTS.items():
        assert counts.get(kind, 0) >= minimum, (kind, counts.get(kind))
    assert 10 <= counts["standard"] <= 12 and 10 <= counts["audit_section"] <= 12
    assert counts["induction"] == 5
    assert counts["link"] > 0
    periods = {r["period"] for i in content["items"] if i["type"] == "audit_section" for r in i["results"]}
    assert len(periods) >= 3
    vacancies = [i for i in content["items"] if i["type"] == "vacancy"]
    assert any(v.get("summary") for v in vacancies)


def test_every_procedure_is_two_clicks_from_home(demo, content):
    project, _ = demo
    home = _links(project, "")
    assert "procedures/" in home
    listing = _links(project, "procedures/")
    for item in content["items"]:
        if item["type"] == "procedure" and item["status"] != "archived":
            assert item["url"] in listing, item["id"]


def test_demo_review_dates_exercise_the_banner_states(demo, content):
    project, _ = demo
    states = set()
    for item in content["items"]:
        if item["type"] == "procedure":
            html = (project / "site" / item["url"] / "index.html").read_text(encoding="utf-8")
            states.add(re.search(r'data-ph-state="(\w+)"', html).group(1))
    assert {"current", "due"} <= states  # overdue comes with the reader's clock (browser tests)


def test_one_vacancy_in_the_demo_has_closed(content):
    closing = [i["closing_date"] for i in content["items"] if i["type"] == "vacancy"]
    assert sum(day < "2026-11-24" for day in closing) == 1


def test_every_demo_course_has_a_page_and_is_listed_once(demo, content):
    project, _ = demo
    html = (project / "site/training/index.html").read_text(encoding="utf-8")
    listed = [li.find("a")["href"] for li in BeautifulSoup(html, "html.parser").select("ul.ph-courses > li")]
    courses = [i for i in content["items"] if i["type"] == "course"]
    assert sorted(listed) == sorted(c["url"].removeprefix("training/") for c in courses)
    for course in courses:
        assert (project / "site" / course["url"] / "index.html").is_file()


def test_register_and_feed_list_every_demo_change(demo):
    import xml.etree.ElementTree as ET

    project, _ = demo
    expected = 0
    for path in (REPO / "docs/procedures").glob("*.md"):
        meta = yaml.safe_load(path.read_text(encoding="utf-8").split("---", 2)[1])
        if meta.get("status") != "draft":
            expected += len(meta.get("changes") or [])
    assert expected > 30
    feed = ET.fromstring((project / "site/procedures/amendments.xml").read_bytes())
    assert len(feed.findall("{http://www.w3.org/2005/Atom}entry")) == expected
    register = (project / "site/procedures/amendments/index.html").read_text(encoding="utf-8")
    rows = BeautifulSoup(register, "html.parser").select("article table tbody tr")
    assert len(rows) == expected
