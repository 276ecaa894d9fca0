"""Checks that matter for any council, on whatever docs/ holds (PRACTICE_HUB_PROJECT, else this repository).

Strict build with no warnings, check, content.json against the sources, links at both ends of the
golden thread, internal links and no outside resources. Pages, kinds and counts are discovered from
content.json and the sources: nothing here assumes the demo's ids or numbers (those are in tests/demo/).
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml
from bs4 import BeautifulSoup

from helpers import PROJECT, articles, foreign_resources, refused_in, run_check

TYPE_FOLDERS = {
    "procedures": "procedure",
    "standards": "standard",
    "audit": "audit_section",
    "tools": "tool",
    "induction": "induction",
    "research": "research",
    "news": "news",
    "recruitment/vacancies": "vacancy",
    "audit/cycles": "audit_cycle",
    "learning": "learning",
    "framework": "framework",
}
YAML_FOLDERS = {
    "training": "course",
    "links": "link",
    "glossary": "glossary",
    "staff-voice": "staff_voice",
    "events": "event",
    "contacts": "contact",
}


def source_items() -> set[tuple[str, str]]:
    """(type, id) of every published item, read straight from the files (not through the package)."""
    found = set()
    docs = PROJECT / "docs"
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


def test_builds_strict_with_no_warnings(built):
    _, result = built
    assert "WARNING" not in result.stdout + result.stderr


def test_check_passes():
    result = run_check(PROJECT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no problems" in result.stdout.splitlines()[-1]  # the last line counts them


def test_content_json_has_every_item_once(content):
    assert re.match(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$", content["generated"])
    pairs = [(item["type"], item["id"]) for item in content["items"]]
    assert len(pairs) == len(set(pairs))
    assert set(pairs) == source_items()
    for item in content["items"]:
        assert {"type", "id", "title", "url", "source", "status", "related"} <= set(item)
        assert (PROJECT / item["source"]["path"]).exists()
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


def test_urls_in_content_json_exist_in_the_site(built, content):
    project, _ = built
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


def test_golden_thread_links_both_ways_in_html(built, content):
    project, _ = built
    by_id = {item["id"]: item for item in content["items"]}
    standards = [i for i in content["items"] if i["type"] == "standard"]
    for standard in standards:
        links = _links(project, standard["url"])
        for kind in ("audit_section", "course"):
            for other_id in standard["related"].get(kind, []):
                other = by_id[other_id]
                assert other["url"] in links, (standard["id"], other_id)
                assert standard["url"] in _links(project, other["url"]), (other_id, standard["id"])


def test_matrix_page_lists_every_standard(built, content):
    project, _ = built
    if not any(item["type"] == "standard" for item in content["items"]):
        pytest.skip("no practice standards in this site")
    links = _links(project, "standards/golden-thread/")
    for item in content["items"]:
        in_thread = item["type"] in ("audit_section", "course") and item["related"].get("standard")
        if item["type"] == "standard" or in_thread:
            assert item["url"] in links, item["id"]


def test_every_procedure_is_two_clicks_from_home(built, content):
    project, _ = built
    if not any(item["type"] == "procedure" for item in content["items"]):
        pytest.skip("no procedures in this site")
    home = _links(project, "")
    assert "procedures/" in home
    listing = _links(project, "procedures/")
    for item in content["items"]:
        if item["type"] == "procedure" and item["status"] != "archived":
            assert item["url"] in listing, item["id"]


def test_every_course_has_a_page_and_is_listed_once(built, content):
    project, _ = built
    if not (project / "site/training/index.html").is_file():
        pytest.skip("no training catalogue in this site")
    html = (project / "site/training/index.html").read_text(encoding="utf-8")
    listed = [li.find("a")["href"] for li in BeautifulSoup(html, "html.parser").select("ul.ph-courses > li")]
    courses = [i for i in content["items"] if i["type"] == "course"]
    if not courses:
        pytest.skip("no training courses in this site")
    assert sorted(listed) == sorted(c["url"].removeprefix("training/") for c in courses)
    for course in courses:
        assert (project / "site" / course["url"] / "index.html").is_file()


def test_register_and_feed_list_every_change(built):
    import xml.etree.ElementTree as ET

    project, _ = built
    expected = 0
    for path in (PROJECT / "docs/procedures").glob("*.md"):
        meta = yaml.safe_load(path.read_text(encoding="utf-8").split("---", 2)[1])
        if meta.get("status") != "draft":
            expected += len(meta.get("changes") or [])
    feed = ET.fromstring((project / "site/procedures/amendments.xml").read_bytes())
    assert len(feed.findall("{http://www.w3.org/2005/Atom}entry")) == expected
    register = (project / "site/procedures/amendments/index.html").read_text(encoding="utf-8")
    rows = BeautifulSoup(register, "html.parser").select("article table tbody tr")
    assert len(rows) == expected


def test_built_files_reference_no_foreign_resources(built):
    project, _ = built
    found = foreign_resources(project / "site")
    assert found == [], "built files load resources from other origins:\n  " + "\n  ".join(found)


def test_every_published_page_is_allow_listed(built):
    """The differential test: every element and attribute of every built page's content
    is on the allow-list, read by a second parser, whatever the sources looked like."""
    project, _ = built
    pages = list(articles(project / "site"))
    assert len(pages) > 5
    found = {str(page.relative_to(project / "site")): refused_in(article) for page, article in pages}
    assert {page: bad for page, bad in found.items() if bad} == {}


HREF = re.compile(r"<a\s[^>]*?href=\"([^\"]*)\"")


def test_every_internal_link_leads_to_a_built_file(built):
    """Every link of every built page (menus included) that stays in the site finds its page or file."""
    site = project_site = built[0] / "site"
    broken = []
    for html in sorted(site.rglob("*.html")):
        rel = html.relative_to(site).as_posix()
        if rel == "404.html":  # its links are relative to wherever the host serves it
            continue
        page_url = "/" + rel.removesuffix("index.html")
        for href in set(HREF.findall(html.read_text(encoding="utf-8"))):
            if (
                not href
                or href.startswith(("#", "mailto:", "tel:", "javascript:"))
                or ":" in href.split("/")[0]
            ):
                continue
            if href.startswith("//"):
                continue
            target = posixpath.normpath(urljoin(page_url, href.split("#")[0].split("?")[0]))
            path = project_site / target.lstrip("/")
            if not (path.is_file() or (path / "index.html").is_file()):
                broken.append(f"{rel}: {href}")
    assert broken == [], "links to pages or files that were not built:\n  " + "\n  ".join(broken[:50])
