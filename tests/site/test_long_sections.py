"""A section of more pages than extra.practice_hub.menu_section_limit (a region's year of
events) lists in the menu only the page being read: its index page lists the others. Otherwise each of its pages carries a menu of hundreds, no use on a phone, and the build
costs the square of the section's size (benchmarks/RESULTS.md, 10,000 pages)."""

from __future__ import annotations

import re

import pytest

from helpers import FIXTURES, make_project, run_build

THREAD = FIXTURES / "thread" / "docs"
NAMES = ("assessment", "closure", "supervision")


def procedure(name: str) -> str:
    return f"""---
id: {name}
title: {name.title()} procedure
summary: How to do {name}.
owner: PSW
status: current
last_reviewed: 2026-04-01
standards: [standard-1]
---

# {name.title()} procedure
"""


def menu_links(html: str) -> list[str]:
    """The titles of the page links in the page's menu (the primary sidebar)."""
    menu = html.split('data-md-type="navigation"', 1)[1].split('data-md-type="toc"', 1)[0]
    return [
        re.sub(r"\s+", " ", title).strip()
        for title in re.findall(r'<span class="md-ellipsis">(.*?)</span>', menu, re.S)
    ]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    def build(limit: int):
        project = make_project(
            tmp_path_factory.mktemp(f"limit{limit}") / "p",
            THREAD,
            files={f"procedures/{name}.md": procedure(name) for name in NAMES},
            settings={"menu_section_limit": limit},
        )
        result = run_build(project)
        assert result.returncode == 0, result.stderr
        return project / "site"

    return build


def test_a_long_section_lists_only_the_page_being_read(built):
    site = built(3)  # procedures: recording and the three above, four pages
    page = (site / "procedures/closure/index.html").read_text(encoding="utf-8")
    titles = menu_links(page)
    assert "Closure procedure" in titles
    assert not {"Assessment procedure", "Supervision procedure", "Recording"} & set(titles), titles
    assert "Procedures" in titles  # the section's index page, the listing of all four


def test_within_the_limit_every_page_of_the_section_is_listed(built):
    site = built(10)
    titles = menu_links((site / "procedures/closure/index.html").read_text(encoding="utf-8"))
    assert {"Assessment procedure", "Closure procedure", "Supervision procedure", "Recording"} <= set(
        titles
    ), titles
