"""check reports broken relative links and anchors in bodies at path:line, with "did you mean"."""

from __future__ import annotations

import pytest

from practice_hub.renderer.link_check import check_site_links
from practice_hub.settings import Project
from practice_hub.site import load_site
from practice_hub.structure.body_links import anchors_of, slugify
from tests.helpers import FIXTURES, TODAY, make_project

FRONT = "---\nid: links-page\ntitle: Links page\n---\n\n# Links page\n\n## Who this is for\n\n"


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.setenv("PRACTICE_HUB_TODAY", TODAY)
    root = make_project(tmp_path / "p", FIXTURES / "thread" / "docs")
    return Project.from_config_file(root / "mkdocs.yml")


def problems_for(project, body: str) -> list[str]:
    (project.docs_dir / "guide.md").write_text(FRONT + body, encoding="utf-8")
    site = load_site(project)
    check_site_links(site)
    return [str(p) for p in site.problems.errors]


def test_good_links_to_files_generated_pages_and_anchors_pass(project):
    body = (
        "[Recording](procedures/recording.md), [course](training/course-one.md),\n"
        "[thread](standards/golden-thread.md), [register](procedures/amendments.md),\n"
        "[topic](tags/recording.md), [here](#who-this-is-for), [there](procedures/recording.md#recording),\n"
        "[web](https://example.org/x.md), [mail](mailto:a@b.example)\n"
    )
    assert problems_for(project, body) == []


def test_renamed_page_gets_did_you_mean(project):
    assert problems_for(project, "Read [the procedure](procedures/recordin.md).\n") == [
        'docs/guide.md:10: the link "procedures/recordin.md" points to a page that does not exist '
        '(did you mean "procedures/recording.md"?)'
    ]


def test_missing_anchor_and_own_anchor(project):
    assert problems_for(project, "[a](procedures/recording.md#recordng)\n\n[b](#who-this-is-fo)\n") == [
        'docs/guide.md:10: the link "procedures/recording.md#recordng" points to a section "#recordng" '
        'that procedures/recording.md does not have (did you mean "#recording"?)',
        'docs/guide.md:12: the link "#who-this-is-fo" points to a section "#who-this-is-fo" '
        'that this page does not have (did you mean "#who-this-is-for"?)',
    ]


def test_code_is_skipped_and_files_are_checked(project):
    body = "```\n[x](nowhere.md)\n```\n\n`[y](nowhere.md)`\n\n![logo](images/logo.png)\n"
    assert problems_for(project, body) == [
        'docs/guide.md:16: the link "images/logo.png" points to a file that does not exist '
        "(check the file name and folder; downloads go in a files/ folder)"
    ]


def test_outside_docs(project):
    assert problems_for(project, "[x](../README.md)\n") == [
        'docs/guide.md:10: the link "../README.md" points outside the docs folder '
        "(link to a page or file inside docs/, or give a full https:// address)"
    ]


def test_slugs_match_mkdocs_toc():
    assert slugify("What's new — in 2026?") == "whats-new-in-2026"
    assert anchors_of("# A\n## A\n## B {#custom}\n") == {"a", "a_1", "custom"}


def test_links_are_still_checked_when_other_files_have_errors(project):
    (project.docs_dir / "procedures" / "bad.md").write_text(
        "---\nid: bad\ntitle: Bad\nsummary: S.\nowner: PSW\nstatus: current\nlast_reviewed: 01/03/2026\n---\n",
        encoding="utf-8",
    )
    assert problems_for(project, "[x](procedures/recordin.md) [y](training/course-one.md#nope)\n") == [
        'docs/guide.md:10: the link "procedures/recordin.md" points to a page that does not exist '
        '(did you mean "procedures/recording.md"?)',
        'docs/procedures/bad.md:7: field "last_reviewed" has "01/03/2026", a date in the wrong form '
        "(write it as 2026-03-01)",
    ]
