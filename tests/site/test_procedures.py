"""Procedures people can trust: review box and banners, drafts, archive, register, feed, schedule."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest

from helpers import FIXTURES, make_project, run_build, run_check

THREAD = FIXTURES / "thread" / "docs"


def procedure(pid, title, review_by, status="current", extra=""):
    return f"""---
id: {pid}
title: {title}
summary: {title} summary.
owner: Head of Service, Assessment
status: {status}
last_reviewed: 2026-01-15
review_by: {review_by}
{extra}---

# {title}

Steps for {title.lower()}.
"""


FILES = {
    "procedures/current-one.md": procedure("current-one", "Current one", "2027-06-01", extra=(
        "changes:\n  - {date: 2026-11-10, summary: First published., type: major}\n")),
    "procedures/due-one.md": procedure("due-one", "Due one", "2026-12-10", extra=(
        "changes:\n  - {date: 2025-01-10, summary: First published., type: major}\n"
        "  - {date: 2026-11-01, summary: Clarified who chairs the meeting., type: minor}\n")),
    "procedures/overdue-one.md": procedure("overdue-one", "Overdue one", "2026-11-01"),
    "procedures/boundary-one.md": procedure("boundary-one", "Boundary one", "2026-12-24"),
    "procedures/revising-one.md": procedure("revising-one", "Revising one", "2027-02-01", status="under review"),
    "procedures/secret-draft.md": procedure("secret-draft", "Zanzibar draft", "2027-06-01", status="draft"),
    "procedures/old-one.md": procedure("old-one", "Old one", "2027-06-01", status="archived",
                                       extra="archived_date: 2026-09-30\n"),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("procedures"), THREAD, files=FILES)
    result = run_build(project, strict=False)
    assert result.returncode == 0, result.stderr
    return project, result


def html(project, url):
    return (project / "site" / url / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("url, state, banner_hidden, text", [
    ("procedures/current-one", "current", True, ""),
    ("procedures/due-one", "due", False, "This page is due for review by 10 December 2026."),
    ("procedures/boundary-one", "due", False, "This page is due for review by 24 December 2026."),  # 30 days
    ("procedures/overdue-one", "overdue", False,
     "This page was due for review on 1 November 2026. Check with Head of Service, Assessment before relying on it."),
])
def test_banner_state_at_build(built, url, state, banner_hidden, text):
    page = html(built[0], url)
    assert f'data-ph-state="{state}"' in page
    assert 'data-ph-review-by="' in page
    banner = page.split("data-ph-banner", 1)[1].split(">", 1)[0]
    assert ("hidden" in banner) == banner_hidden
    assert f"<p data-ph-banner-text>{text}</p>" in page


def test_review_box_sits_under_the_title(built):
    page = html(built[0], "procedures/due-one")
    article = page.split('<article class="md-content__inner md-typeset">', 1)[1]
    assert article.index("<h1") < article.index('class="ph-review') < article.index("Steps for due one")
    assert article.count("<h1") == 1
    for text in ("<dt>Owner</dt><dd>Head of Service, Assessment</dd>",
                 '<time datetime="2026-01-15">15 January 2026</time>',
                 '<time datetime="2026-12-10">10 December 2026</time>'):
        assert text in page


def test_overdue_warns_and_the_setting_makes_it_an_error(built, tmp_path):
    expected = ('docs/procedures/overdue-one.md:8: review overdue: procedure "overdue-one" was due for review '
                "on 2026-11-01 (review it with Head of Service, Assessment, then update last_reviewed and review_by)")
    assert f"WARNING -  {expected}" in built[1].stderr
    project = make_project(tmp_path, THREAD, files=FILES, settings={"overdue_reviews_are_errors": "true"})
    result = run_build(project, strict=False)
    assert result.returncode == 1
    assert f"ERROR   -  {expected}" in result.stderr


def test_hosting_build_has_no_trace_of_the_draft(built):
    project = built[0]
    for path in (project / "site").rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert b"secret-draft" not in data and b"Zanzibar" not in data, path
    ids = [item["id"] for item in json.loads((project / "site/content.json").read_text())["items"]]
    assert "secret-draft" not in ids


def test_drafts_show_locally_when_asked(tmp_path):
    project = make_project(tmp_path, THREAD, files=FILES)
    result = run_build(project, strict=False, PRACTICE_HUB_DRAFTS="1")
    assert result.returncode == 0, result.stderr
    page = html(project, "procedures/secret-draft")
    assert "<strong>DRAFT</strong>: this procedure is not published." in page


def test_a_published_page_cannot_name_a_draft(tmp_path):
    files = dict(FILES)
    files["procedures/current-one.md"] = procedure("current-one", "Current one", "2027-06-01",
                                                   extra="standards: [standard-1]\n")
    files["standards/standard-3.md"] = (THREAD / "standards/standard-1.md").read_text().replace(
        "standard-1", "standard-3").replace("status: current", "status: draft")
    files["procedures/uses-draft.md"] = procedure("uses-draft", "Uses draft", "2027-06-01",
                                                  extra="standards: [standard-3]\n")
    project = make_project(tmp_path, THREAD, files=files)
    result = run_check(project)
    assert ('docs/procedures/uses-draft.md:9: field "standards" names "standard-3", which is a draft and will '
            "not be published (publish it first (status: current), or remove the reference until it is)") \
        in result.stdout.splitlines()


def test_archived_page_is_reachable_marked_and_unlisted(built):
    project = built[0]
    page = html(project, "procedures/old-one")
    assert "<strong>Archived on 30 September 2026</strong>" in page
    assert 'href="old-one/"' not in html(project, "procedures")
    # Material's own index carries no pages (Pagefind serves the search); Pagefind's skips archived ones.
    assert json.loads((project / "site/search/search_index.json").read_text())["docs"] == []
    indexed = pagefind_urls(project / "site")
    assert "/procedures/current-one/" in indexed
    assert "/procedures/old-one/" not in indexed


def pagefind_urls(site) -> set[str]:
    """URLs of the pages in a built site's Pagefind index (each fragment is gzipped JSON)."""
    import gzip

    urls = set()
    for fragment in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        raw = gzip.decompress(fragment.read_bytes())
        urls.add(json.loads(raw[raw.index(b"{"):])["url"])
    return urls


def test_under_review_is_marked(built):
    assert "<strong>Under review</strong>" in html(built[0], "procedures/revising-one")


def test_new_and_updated_badges(built):
    listing = html(built[0], "procedures")
    assert 'md-status--new' in listing  # current-one: first change within 30 days
    assert 'md-status--updated' in listing  # due-one: latest change within 30 days
    assert listing.count("md-status--") == 2


def test_register_lists_every_change_newest_first(built):
    page = html(built[0], "procedures/amendments")
    assert page.index("November 2026") < page.index("January 2025")
    for text in ("First published.", "Clarified who chairs the meeting."):
        assert text in page
    assert page.count("<td>Major</td>") == 2 and page.count("<td>Minor</td>") == 1


ATOM = "{http://www.w3.org/2005/Atom}"


def test_feed_is_atom_with_every_change(built):
    root = ET.fromstring((built[0] / "site/procedures/amendments.xml").read_bytes())
    assert root.tag == f"{ATOM}feed"
    assert root.find(f"{ATOM}id").text and root.find(f"{ATOM}updated").text
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == 3
    titles = [e.find(f"{ATOM}title").text for e in entries]
    assert titles[0] == "Current one: major change"  # newest first
    for entry in entries:
        for tag in ("id", "title", "updated", "summary"):
            assert entry.find(f"{ATOM}{tag}") is not None
    assert len({e.find(f"{ATOM}id").text for e in entries}) == 3


def test_review_schedule_page_csv_and_cli(built):
    project = built[0]
    page = html(project, "review-schedule")
    for text in ("Overdue (1)", "Due in the next 30 days (2)", "Due in the next 90 days (1)",
                 "Head of Service, Assessment"):
        assert text in page
    rows = list(csv.DictReader(io.StringIO((project / "site/review-schedule.csv").read_text())))
    assert [(r["group"], r["id"]) for r in rows] == [
        ("Overdue", "overdue-one"), ("Due in the next 30 days", "due-one"),
        ("Due in the next 30 days", "boundary-one"), ("Due in the next 90 days", "revising-one")]
    text = run_check_reviews(project)
    assert "Overdue: 1" in text and "2026-11-01  Overdue one (docs/procedures/overdue-one.md)" in text


def run_check_reviews(project):
    import subprocess
    import sys

    from helpers import env

    result = subprocess.run([sys.executable, "-m", "practice_hub", "reviews"], cwd=project,
                            capture_output=True, text=True, env=env())
    assert result.returncode == 0
    return result.stdout
