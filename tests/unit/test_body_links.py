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


# --- links the build cannot follow: found by check first, with the link to write instead ------
def test_every_form_of_a_site_address_is_refused_with_the_file_to_link(project):
    body = (
        "[a](/procedures/recording/) [b](procedures/recording) [c](procedures/)\n\n"
        "[d](http://127.0.0.1:8000/procedures/recording/#recording) [e](http://localhost:8000/)\n\n"
        "[f](procedures/recording/#recording) [g](/images/nowhere.png) [h](nowhere)\n"
    )
    assert problems_for(project, body) == [
        'docs/guide.md:10: the link "/procedures/recording/" starts with "/", which the build cannot follow '
        '(write "procedures/recording.md" instead)',
        'docs/guide.md:10: the link "procedures/" points to a folder, which the build cannot follow '
        '(write "procedures/index.md" instead)',
        'docs/guide.md:10: the link "procedures/recording" has no ".md" at the end, which the build cannot '
        'follow (write "procedures/recording.md" instead)',
        'docs/guide.md:12: the link "http://127.0.0.1:8000/procedures/recording/#recording" is an address on '
        "your own computer (the preview), which readers cannot open "
        '(write "procedures/recording.md#recording" instead)',
        'docs/guide.md:12: the link "http://localhost:8000/" is an address on your own computer (the preview), '
        'which readers cannot open (write "index.md" instead)',
        'docs/guide.md:14: the link "/images/nowhere.png" starts with "/", which the build cannot follow '
        "(write the path of the page's .md file, or of the file, from this page, for example "
        '"../procedures/home-visits.md" or "files/form.docx")',
        'docs/guide.md:14: the link "nowhere" has no ".md" at the end, which the build cannot follow '
        '(link to a page\'s .md file by its path from this page, such as "../procedures/home-visits.md")',
        'docs/guide.md:14: the link "procedures/recording/#recording" is the page\'s web address, not its '
        'file, which the build cannot follow (write "procedures/recording.md#recording" instead)',
    ]


def test_an_address_copied_from_a_page_is_read_from_the_page_address(project):
    """From docs/procedures/recording.md (published at /procedures/recording/), "../amendments/"
    copied from the browser means /procedures/amendments/."""
    path = project.docs_dir / "procedures" / "recording.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n[register](../amendments/)\n", encoding="utf-8")
    site = load_site(project)
    check_site_links(site)
    assert [p.message + " (" + p.hint + ")" for p in site.problems.errors] == [
        'the link "../amendments/" is the page\'s web address, not its file, which the build cannot follow '
        '(write "amendments.md" instead)'
    ]


def test_the_sites_own_address_is_written_as_a_file(tmp_path):
    from practice_hub.structure.body_links import page_for_address, web_address

    own = "https://practice.council.example/hub/"
    assert web_address("https://practice.council.example/hub/procedures/x/#a", own) == (
        "is this site's own web address, which the build cannot check",
        "/procedures/x/#a",
    )
    assert web_address("https://practice.council.example/other/", own) is None
    assert web_address("https://www.gov.uk/", own) is None
    assert web_address("mailto:a@b.example", own) is None
    assert web_address("//cdn.example/x.js", own) is None
    assert web_address("http://127.0.0.2:8000/x/")[0].startswith("is an address on your own computer")
    known = {"procedures/x.md", "index.md", "training/index.md", "files/a.pdf", "news/posts/hello.md"}
    assert page_for_address("/procedures/x/#a", known) == "procedures/x.md#a"
    assert page_for_address("/procedures/x.html", known) == "procedures/x.md"
    assert page_for_address("/", known) == "index.md"
    assert page_for_address("/training/", known) == "training/index.md"
    assert page_for_address("/files/a.pdf", known) == "files/a.pdf"
    assert page_for_address("/news/2026/11/20/hello/", known) == "news/posts/hello.md"
    assert page_for_address("/news/2026/11/20/hello-all/", known, {"hello-all": "news/posts/hello.md"}) == (
        "news/posts/hello.md"
    )
    assert page_for_address("/nowhere/", known) is None


def test_links_in_angle_brackets_are_read_whole():
    from practice_hub.structure.body_links import links_in

    assert list(links_in('[a](<../x y.md#s>) [b](c.md "title") [c](<d.md>)')) == [
        (0, "../x y.md#s"),
        (0, "c.md"),
        (0, "d.md"),
    ]
