"""Content named as content, folders too: a page in ``docs/Procedures/`` or ``docs/procedures/home
visits/``, and a page saved as ``Home Visits.MD``, are refused at path:1 with the name to rename
to (a folder once, however many pages it holds); check and the strict build report the same lines,
and none of them reaches a built site, nor does any link to them (not even the problems page
`mkdocs serve` shows)."""

from __future__ import annotations

import re

import pytest

from helpers import FIXTURES, make_project, run_build, run_check

THREAD = FIXTURES / "thread" / "docs"
FRONT = (
    "---\nid: {id}\ntitle: {title}\nsummary: S.\nowner: PSW\nstatus: current\nlast_reviewed: 2026-04-01\n"
    "---\n\n# {title}\n\nText.\n"
)
FILES = {
    "Procedures/lone-working.md": FRONT.format(id="lone-working", title="Lone working"),
    "Procedures/visits.md": FRONT.format(id="visits", title="Visits"),
    "procedures/home visits/first-visit.md": FRONT.format(id="first-visit", title="First visit"),
    "procedures/Home Visits.MD": FRONT.format(id="home-visits", title="Home visits"),
}
FOLDER = "so nothing in it is published: folders that hold content are named in lower case, with hyphens between words"
EXPECTED = [
    f'docs/Procedures:1: the folder name "Procedures" has capitals, {FOLDER} (rename the folder to '
    '"procedures" and change the links to the pages in it)',
    'docs/procedures/Home Visits.MD:1: the file name ends in ".MD" in capitals, so it would be copied into the '
    'site unchecked instead of becoming a page (rename it to "home-visits.md" and change the links to it)',
    f'docs/procedures/home visits:1: the folder name "home visits" has spaces, {FOLDER} (rename the folder to '
    '"home-visits" and change the links to the pages in it)',
]
REFUSED = re.compile(
    r"Procedures/|home visits|home%20visits|Home Visits|Home%20Visits|lone-working|/visits/", re.I
)


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return make_project(tmp_path_factory.mktemp("names"), THREAD, FILES)


def test_check_reports_each_folder_once_and_the_file(project):
    result = run_check(project)
    assert result.returncode == 1 and "Traceback" not in result.stdout + result.stderr
    assert [line for line in result.stdout.splitlines() if "warning" not in line and not line.startswith("Practice Hub: ")] == EXPECTED


def test_the_strict_build_refuses_the_same_and_publishes_nothing(project):
    result = run_build(project)
    log = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in log
    errors = [line.split("-  ", 1)[1] for line in log.splitlines() if line.startswith("ERROR")]
    assert errors[: len(EXPECTED)] == EXPECTED
    assert not (project / "site").exists() or not any((project / "site").iterdir())


def test_nothing_refused_reaches_the_problems_page_site_nor_a_link_to_it(project):
    site = project / "served"
    result = run_build(project, strict=False, site_dir=site, PRACTICE_HUB_SERVING="1")
    assert result.returncode == 0, result.stdout + result.stderr
    published = [path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()]
    assert published
    assert [uri for uri in published if REFUSED.search(uri)] == []
    for path in site.rglob("*.html"):
        links = re.findall(r'(?:href|src)="([^"]*)"', path.read_text(encoding="utf-8"))
        assert [link for link in links if REFUSED.search(link)] == [], path
