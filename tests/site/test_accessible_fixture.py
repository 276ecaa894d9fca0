"""Accessible content end to end: a fixture site (tests/fixtures/inaccessible/) with a picture
with no text alternative, a file name as one, an HTML picture with no alt, headings that skip a
level (one in a body with no other markup, which check's fast path must still render), vague and
bare-address link text (one in a learning briefing, whose text the build shows inside Practice
Hub's own boxes) and an HTML table with no header row. ``check`` reports each at its
path:line, and the strict build, judging the HTML MkDocs itself produced (Practice Hub's own
additions to each page left out), fails on exactly the same lines. The decorative pictures, the
Markdown table and the table with <th> are not reported."""

from __future__ import annotations

import base64

import pytest

from helpers import FIXTURES, make_project, run_build, run_check

PAGES = FIXTURES / "inaccessible" / "docs"
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)
PICTURES = ("referral-route.png", "IMG_0042.jpg", "divider.png", "duty-rota.png", "rule.png")
EXAMPLE = "Flow chart of the referral route"
VAGUE = (
    "write what the reader will find as the link text, for example [the referral form](...), not [{}](...)"
)
EXPECTED = [
    f'docs/learning/marsh-lane-review.md:26: the link text "here" does not say where the link goes '
    f"({VAGUE.format('here')})",
    "docs/procedures/duty-tables.md:12: the table has no header row (make its first row the column headings: "
    "write it as a Markdown table (| Team | Phone | on the first line, | --- | --- | under it), or use <th> for "
    "the heading cells)",
    'docs/procedures/joint-visits.md:10: the heading "Planning" skips a level: it is level 3, after level 1 '
    "(the page title) (make it ## Planning, or put a level 2 heading (## ...) above it)",
    'docs/procedures/out-of-hours.md:14: the heading "Who to tell" skips a level: it is level 4, after level 2 '
    "(make it ### Who to tell, or put a level 3 heading (### ...) above it)",
    'docs/procedures/out-of-hours.md:22: the heading "Leaving early" skips a level: it is level 5, after level 3 '
    "(make it #### Leaving early, or put a level 4 heading (#### ...) above it)",
    'docs/procedures/photographs.md:14: the image "referral-route.png" has no text alternative (write what it '
    f"shows in the brackets: ![{EXAMPLE}](../images/referral-route.png); for a decorative image write "
    '![](../images/referral-route.png){ alt="" })',
    'docs/procedures/photographs.md:18: the image "IMG_0042.jpg" has a file name, "IMG_0042.jpg", as its text '
    f"alternative (write what it shows instead, for example ![{EXAMPLE}](../images/IMG_0042.jpg))",
    'docs/procedures/photographs.md:22: the image "duty-rota.png" has no text alternative (write what it shows '
    f'in its alt attribute: alt="{EXAMPLE}"; for a decorative image write alt="")',
    f'docs/procedures/referral-links.md:12: the link text "click here" does not say where the link goes '
    f"({VAGUE.format('click here')})",
    'docs/procedures/referral-links.md:14: the link text is the address "https://www.gov.uk/government/'
    'publications/working-togeth..." itself (write what the page is as the link text, with the address after '
    "it in brackets: [Working Together to Safeguard Children](https://www.gov.uk/...))",
    f'docs/procedures/referral-links.md:16: the link text "Read more" does not say where the link goes '
    f"({VAGUE.format('Read more')})",
]
SUMMARY = "Practice Hub: 11 problems in 6 files: fix them, then run check again"


@pytest.fixture(scope="module")
def inaccessible(tmp_path_factory):
    files: dict[str, str | bytes] = {
        p.relative_to(PAGES).as_posix(): p.read_text(encoding="utf-8") for p in PAGES.rglob("*.md")
    }
    files.update({f"images/{name}": PNG for name in PICTURES})
    # The fixture's briefing is written to show the accessibility checks, not its teams' use.
    return make_project(
        tmp_path_factory.mktemp("inaccessible"),
        FIXTURES / "thread" / "docs",
        files=files,
        settings={"briefing_use_days": "0"},
    )


def test_check_reports_each_at_its_line(inaccessible):
    result = run_check(inaccessible)
    assert "Traceback" not in result.stdout + result.stderr
    assert result.returncode == 1
    assert [line for line in result.stdout.splitlines() if ": warning: " not in line] == EXPECTED + [SUMMARY]


def test_the_strict_build_fails_on_the_same_lines(inaccessible, tmp_path):
    result = run_build(inaccessible, site_dir=tmp_path / "site")
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    assert result.returncode != 0
    errors = [line.split("-  ", 1)[1] for line in output.splitlines() if line.startswith("ERROR")]
    assert errors == EXPECTED + [SUMMARY]
