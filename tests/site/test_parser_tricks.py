"""Markdown parser tricks that hid markup from the source check (escaped backticks, an
unclosed or tab-indented fence, indented lines in a raw <div>, the comment forms <!--> and --!>,
a hidden <meta http-equiv="refresh">), and case data that only the rendered text shows (an NHS
number split by entities, a name and a date in a table with a date-of-birth column). The check judges the HTML the renderer produced, so each
is reported at its path:line by ``check``, and the strict build refuses exactly the same set.
A build that publishes anyway (as `mkdocs serve` does) publishes only allow-listed HTML."""

from __future__ import annotations

import pytest

from helpers import FIXTURES, articles, make_project, refused_in, run_build, run_check
from practice_hub.safety import casedata

TRICKS = FIXTURES / "tricks" / "docs"
ONERROR = (
    'HTML attribute "onerror" on <img> runs script and is not allowed (remove it: pages cannot run script)'
)
HINT = casedata.BODY_HINT  # found in a page's text: the Markdown form of the marker
DOB_HINT = casedata.for_kind(HINT, ("dob",))  # its note for a date of birth
# The image each trick hides has no text alternative either: the accessibility rules read the
# HTML as a browser parses it, so no trick hides it from them.
NO_ALT = (
    'the image "x" has no text alternative (write what it shows in its alt attribute: '
    'alt="Flow chart of the referral route"; for a decorative image write alt="")'
)
EXPECTED = [
    f"docs/news/posts/2026-11-02-excerpt.md:11: {ONERROR}",
    f"docs/news/posts/2026-11-02-excerpt.md:11: {NO_ALT}",
    "docs/procedures/anchor-js-trick.md:12: <a href=\"javascript:window.__pwned='t11'\"> uses the javascript: "
    "scheme, which is not allowed (links may start with https://, http://, mailto: or tel:, or be a path on this site)",
    f"docs/procedures/comment-bang.md:12: {ONERROR}",
    f"docs/procedures/comment-bang.md:12: {NO_ALT}",
    f"docs/procedures/comment-short.md:12: {ONERROR}",
    f"docs/procedures/comment-short.md:12: {NO_ALT}",
    f"docs/procedures/escaped-backticks.md:12: {ONERROR}",
    f"docs/procedures/escaped-backticks.md:12: {NO_ALT}",
    f'docs/procedures/hidden-nhs.md:12: "943 476 5919" looks like an NHS number (it passes the NHS number check) ({HINT})',
    f'docs/procedures/hidden-nhs.md:16: "Jamie Smith | 12/03/2015" looks like a date of birth next to a person ({DOB_HINT})',
    f"docs/procedures/indented-in-div.md:14: {ONERROR}",
    f"docs/procedures/indented-in-div.md:14: {NO_ALT}",
    "docs/procedures/meta-refresh.md:12: HTML tag <meta> is not allowed "
    "(a page's settings come from the site: remove it)",
    f"docs/procedures/tab-fence.md:15: {ONERROR}",
    f"docs/procedures/tab-fence.md:15: {NO_ALT}",
    f"docs/procedures/unclosed-fence.md:15: {ONERROR}",
    f"docs/procedures/unclosed-fence.md:15: {NO_ALT}",
]
SUMMARY = "Practice Hub: 18 problems in 10 files: fix them, then run check again"


@pytest.fixture(scope="module")
def tricks(tmp_path_factory):
    files = {p.relative_to(TRICKS).as_posix(): p.read_text() for p in TRICKS.rglob("*.md")}
    return make_project(tmp_path_factory.mktemp("tricks"), FIXTURES / "thread" / "docs", files=files)


def test_check_reports_every_trick_at_its_line(tricks):
    result = run_check(tricks)
    assert "Traceback" not in result.stdout + result.stderr
    assert result.returncode == 1
    assert [line for line in result.stdout.splitlines() if ": warning: " not in line] == EXPECTED + [SUMMARY]


def test_the_strict_build_refuses_the_same_set(tricks, tmp_path):
    result = run_build(tricks, site_dir=tmp_path / "site")
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    assert result.returncode != 0
    errors = [line.split("-  ", 1)[1] for line in output.splitlines() if line.startswith("ERROR")]
    assert [e for e in errors if not e.startswith("Practice Hub:") and "Aborted" not in e] == EXPECTED
    assert f"Error: {SUMMARY}" in output or SUMMARY in output


def test_a_build_that_publishes_anyway_publishes_only_allow_listed_html(tricks, tmp_path):
    # As `mkdocs serve` does: the problems are printed, and the pages are still written.
    result = run_build(tricks, strict=False, site_dir=tmp_path / "site", PRACTICE_HUB_SERVING="1")
    assert result.returncode == 0, result.stdout + result.stderr
    pages = list(articles(tmp_path / "site"))
    assert len(pages) > 10
    for page, article in pages:
        assert refused_in(article) == [], page
        if page.parent.name == "problems-to-fix":  # the preview's list of problems quotes them, as text
            assert "&lt;img" in article and "<img" not in article
            continue
        assert "__pwned" not in article or "onerror" not in article
    news = (tmp_path / "site/news/index.html").read_text(encoding="utf-8")
    assert "Read this first." in news and "onerror" not in news  # the post's excerpt, judged too
    trick = (tmp_path / "site/procedures/comment-short/index.html").read_text(encoding="utf-8")
    assert '<img src="x">' in trick  # the image stays; its handler does not


def test_every_page_of_the_attack_fixtures_renders_to_allow_listed_html():
    """The differential test over the attack fixtures: each Markdown page, rendered with the
    site's own Markdown settings and judged, publishes nothing outside the allow-list, whatever
    the source held (the attacks fixture's build stops at its source errors before rendering)."""
    import yaml

    from practice_hub.loader.frontmatter import split
    from practice_hub.safety.rendered import Renderer, judge_page
    from practice_hub.settings import LenientLoader

    config = yaml.load((FIXTURES.parent.parent / "mkdocs.yml").read_text(), Loader=LenientLoader)
    renderer = Renderer(config["markdown_extensions"])
    pages = sorted((FIXTURES / "attacks").rglob("*.md")) + sorted(TRICKS.rglob("*.md"))
    assert len(pages) >= 15
    for page in pages:
        body = split(page.read_text(encoding="utf-8")).body
        published, found = judge_page(renderer.render(body), body)
        assert refused_in(published) == [], page
