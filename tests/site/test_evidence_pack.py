"""``practice-hub evidence`` on the Brackenford demo, once for Ofsted and once for CQC, as on 30
November 2026: the command's words, every heading with entries, every link in index.html a file
of the folder (with its anchor), the spreadsheet row for row the page's entries, the page with no
script and nothing fetched, and the site beside it built as on that date."""

from __future__ import annotations

import csv
import re
import html.parser
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from helpers import REPO, env, run_evidence
from practice_hub.foreign import foreign_resources
from practice_hub.structure.evidence import HEADINGS

pytestmark = pytest.mark.demo

AS_OF = "2026-11-30"
NAMES = {
    "ofsted": "Inspection of local authority children's services (ILACS)",
    "cqc": "CQC assessment of local authorities",
}


class Page(html.parser.HTMLParser):
    """The pack's page read back: each section's heading id, its rows (cells' text and link), and
    every tag with its attributes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.sections: dict[str, list[dict]] = {}
        self.ids: set[str] = set()
        self._section = ""
        self._row: dict | None = None
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        self.tags.append((tag, values))
        if "id" in values:
            self.ids.add(values["id"])
        if tag == "h2":
            self._section = values.get("id", "")
            self.sections[self._section] = []
        elif tag == "tr" and self._section and "data-kind" in values:
            self._row = {"cells": [], "href": "", "kind": values["data-kind"]}
        elif tag == "td" and self._row is not None:
            self._cell = []
        elif tag == "a" and self._row is not None:
            self._row["href"] = values.get("href", "")

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)

    def handle_endtag(self, tag):
        if tag == "td" and self._row is not None and self._cell is not None:
            self._row["cells"].append("".join(self._cell))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.sections[self._section].append(self._row)
            self._row = None


def ids_in(file: Path) -> set[str]:
    page = Page()
    page.feed(file.read_text(encoding="utf-8"))
    return page.ids


@pytest.fixture(scope="module", params=["ofsted", "cqc"])
def pack(request, tmp_path_factory):
    """(framework id, the pack's folder, the command's CompletedProcess): one build each."""
    out = tmp_path_factory.mktemp(f"pack-{request.param}") / "pack"
    done = run_evidence(request.param, AS_OF, out)
    assert done.returncode == 0, done.stdout + done.stderr
    return request.param, out, done


def read(out: Path) -> Page:
    page = Page()
    page.feed((out / "index.html").read_text(encoding="utf-8"))
    return page


def test_the_command_says_where_it_wrote_the_pack(pack):
    framework, out, done = pack
    last = done.stderr.strip().splitlines()[-1]
    count = sum(len(rows) for rows in read(out).sections.values())
    assert last == (
        f"Practice Hub: the evidence pack for {NAMES[framework]} as on 30 November 2026 ({count} entries) is in "
        f"{out}/: open index.html; evidence.csv holds the same entries; site/ is the site as built on that date"
    )
    assert sorted(p.name for p in out.iterdir()) == ["evidence.csv", "index.html", "site"]


def test_every_heading_has_entries(pack):
    _, out, _ = pack
    sections = read(out).sections
    assert list(sections) == [key for key, _ in HEADINGS]
    for key, rows in sections.items():
        assert rows, f"nothing under {key}"
        assert all(row["cells"][0] <= AS_OF for row in rows)  # the date column: nothing after the date


def test_every_link_is_a_file_of_the_folder_with_its_anchor(pack):
    _, out, _ = pack
    page = read(out)
    hrefs = [values["href"] for tag, values in page.tags if tag == "a"]
    assert hrefs and len(hrefs) == sum(len(rows) for rows in page.sections.values())
    for href in hrefs:
        parts = urlsplit(href)
        assert not parts.scheme and not parts.netloc and href.startswith("site/"), href
        target = out / unquote(parts.path)
        assert target.is_file(), href
        if parts.fragment:
            assert parts.fragment in ids_in(target), href


def test_every_link_in_the_site_beside_it_names_a_file(pack):
    # Opened from a folder, a link to a folder (procedures/) shows the folder's listing: the
    # pack's copy of the site is built with every link naming its file (procedures/index.html).
    _, out, _ = pack
    site, checked, broken = out / "site", 0, []
    for html in site.rglob("*.html"):
        if html == site / "404.html":  # the web server's page: its links are from the site's root
            continue
        for href in re.findall(r'(?:href|src)="([^"#?]*)', html.read_text(encoding="utf-8")):
            if not href or urlsplit(href).scheme or href.startswith("//"):
                continue
            checked += 1
            target = (html.parent / unquote(href)).resolve()
            if not target.is_file():
                broken.append(f"{html.relative_to(site)}: {href}")
    assert checked > 1000 and broken == []


def test_the_spreadsheet_holds_the_same_entries_as_the_page(pack):
    _, out, _ = pack
    page = read(out)
    titles = dict(HEADINGS)
    from_page = [
        (
            titles[key],
            row["kind"],
            row["cells"][1],
            row["cells"][0],
            row["cells"][3],
            row["cells"][4],
            row["href"],
        )
        for key, rows in page.sections.items()
        for row in rows
    ]
    with (out / "evidence.csv").open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    from_sheet = [
        (r["heading"], r["kind"], r["title"].removeprefix("'"), r["date"], r["detail"], r["owner"], r["link"])
        for r in rows
    ]
    assert from_sheet == from_page
    assert all(r["answers"] for r in rows)  # every heading of these frameworks answers an item


def test_the_page_has_no_script_and_fetches_nothing(pack):
    _, out, _ = pack
    text = (out / "index.html").read_text(encoding="utf-8")
    page = read(out)
    assert not [tag for tag, _ in page.tags if tag in ("script", "link", "img", "iframe", "object", "embed")]
    assert "url(" not in text and "@import" not in text
    assert foreign_resources(out) == []  # nor does the site beside it


def test_the_site_beside_it_is_the_site_as_built_and_the_entries_as_on_the_date(pack):
    # The copy is the site as the live one is built (the tests' build date, 24 November 2026);
    # the pack's entries are as on 30 November, and the page says both.
    framework, out, _ = pack
    staff_page = (out / "site" / "evidence" / f"{framework}.html").read_text(encoding="utf-8")
    assert "as on 24 November 2026, the date of this build" in staff_page
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "<dt>As on</dt><dd>30 November 2026</dd>" in index
    assert "<dt>Site copy built</dt><dd>24 November 2026</dd>" in index
    # Opened from a folder the theme reads the search's settings from a script, as Material's
    # offline plugin writes it; without it the theme's script stops and the menu covers the footer.
    settings = (out / "site" / "search" / "search_index.json").read_text(encoding="utf-8")
    assert (out / "site" / "search" / "search_index.js").read_text(encoding="utf-8") == f"var __index = {settings};\n"


def test_a_pack_as_on_an_earlier_date_leaves_out_what_came_later(tmp_path):
    # Audits counted and events held after 30 June are in the site, not in a pack as on that date
    # (before, the site was built as on the date and refused what it had not yet seen).
    out = tmp_path / "pack"
    done = run_evidence("ofsted", "2026-06-30", out)
    assert done.returncode == 0, done.stdout + done.stderr
    page = read(out)
    dates = [row["cells"][0] for rows in page.sections.values() for row in rows]
    assert dates and max(dates) <= "2026-06-30"
    assert all(page.sections[key] for key, _ in HEADINGS)
