"""Without site_url (the default), printed pages and feeds still read well."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from helpers import FIXTURES, make_project, run_build

ATOM = "{http://www.w3.org/2005/Atom}"
PROCEDURE = """---
id: changed
title: Changed
summary: A procedure with a change.
owner: PSW
status: current
last_reviewed: 2026-10-01
changes:
  - {date: 2026-10-01, summary: New step added., type: major}
---

# Changed
"""


def test_print_line_and_feed_links_without_site_url(tmp_path):
    project = make_project(tmp_path, FIXTURES / "thread" / "docs", files={"procedures/changed.md": PROCEDURE})
    assert "site_url" not in (project / "mkdocs.yml").read_text(encoding="utf-8")
    result = run_build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    html = (project / "site/procedures/changed/index.html").read_text(encoding="utf-8")
    assert "Printed from <span data-ph-print-url>/procedures/changed/</span> on" in html
    feed = ET.fromstring((project / "site/procedures/amendments.xml").read_bytes())
    assert feed.find(f"{ATOM}id").text == "tag:practice-hub,2026:procedures/amendments/"
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")}
    # Relative to the feed's own address (procedures/amendments.xml), so right under any sub-folder too.
    assert links == {"alternate": "../procedures/amendments/", "self": "../procedures/amendments.xml"}
    entry = feed.find(f"{ATOM}entry")
    assert entry.find(f"{ATOM}link").get("href") == "../procedures/changed/"
    assert entry.find(f"{ATOM}id").text.startswith("tag:practice-hub,2026:procedures/changed/")
