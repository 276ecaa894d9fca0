"""Publish only what was checked: a fixture site holding one instance of each file
that may not be published. ``check`` reports exactly what the strict build refuses, and not one
of the files reaches a built site (not even the problems page `mkdocs serve` shows); a draft's
attachments are left out of a site that builds."""

from __future__ import annotations

import pytest
from made_files import docx_with, pdf_with

from practice_hub.safety import casedata
from helpers import FIXTURES, REPO, make_project, run_build, run_check

THREAD = FIXTURES / "thread" / "docs"
FRONT = (
    "---\nid: {id}\ntitle: {title}\nsummary: S.\nowner: PSW\nstatus: {status}\nlast_reviewed: 2026-04-01\n"
    "---\n\n# {title}\n\n{body}\n"
)
SAFE_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>\n'
)
CASE_HINT = casedata.HINT
DOCUMENT_HINT = "remove it from the document and upload it again: the site is read by every member of staff"
NHS = '"943 476 5919" looks like an NHS number (it passes the NHS number check)'
BACKUP = (
    "this is an editor's backup or temporary file: publishing it would publish a draft's source "
    "(delete the backup file; git keeps every version)"
)

REFUSED = {
    "assets/javascripts/practice-hub-material.js": "alert(document.cookie)\n",
    "procedures/recording.md~": "---\nid: recording\n---\n\nA draft's source.\n",
    "procedures/recording.md.bak": "A draft's source.\n",
    "procedures/form.html": "<script>alert(1)</script>\n",
    "images/script.svg": '<svg xmlns="http://www.w3.org/2000/svg">\n<script>alert(1)</script>\n</svg>\n',
    "images/onload.svg": '<svg xmlns="http://www.w3.org/2000/svg"\n  onload="alert(1)"><rect/></svg>\n',
    "images/chart.svg": '<svg xmlns="http://www.w3.org/2000/svg">\n<text>NHS 943 476 5919</text>\n</svg>\n',
    "tools/files/letter.rtf": "{\\rtf1 NHS 943 476 5919}\n",
    "procedures/.hidden": "secret\n",
    "procedures/Home Visits.MD": FRONT.format(
        id="home-visits", title="Home visits", status="current", body="T."
    ),
    "tools/files/notes.txt": "Visit notes\nNHS 943 476 5919\n",
    "tools/files/list.csv": "name,nhs\nA,943 476 5919\n",
    "tools/files/letter.docx": docx_with("943 476 5919"),
    "tools/files/report.pdf": pdf_with("NHS 943 476 5919"),
}
DRAFT = {
    "procedures/draft-form.md": FRONT.format(
        id="draft-form",
        title="Draft form",
        status="draft",
        body="Use the [form](files/secret.pdf) and the [shared form](../tools/files/shared.pdf).",
    ),
    "procedures/files/secret.pdf": pdf_with("Nothing to see"),
    "procedures/live-form.md": FRONT.format(
        id="live-form",
        title="Live form",
        status="current",
        body="Use the [shared form](../tools/files/shared.pdf).",
    ),
    "tools/files/shared.pdf": pdf_with("A shared form"),
    "images/safe.svg": SAFE_SVG,
}

EXPECTED = [
    "docs/assets/javascripts/practice-hub-material.js:1: this file would replace the site's own file "
    '"assets/javascripts/practice-hub-material.js" (rename or move it: the site\'s own scripts, styles and pages '
    "come from the engine and the site's theme folder)",
    f"docs/images/chart.svg:2: {NHS} (remove it from the drawing and upload it again: the site is read by "
    "every member of staff)",
    'docs/images/onload.svg:1: the drawing has the attribute "onload" on <svg>, which runs script '
    "(remove it: drawings cannot run script)",
    "docs/images/script.svg:2: the drawing has the element <script>, which runs script (a drawing may hold only "
    "shapes, text, gradients and groups: remove it, or save the drawing as a PNG picture)",
    "docs/procedures/.hidden:1: hidden files and folders (names starting with a dot) are not published "
    "(delete it, or rename it without the dot if it belongs on the site)",
    'docs/procedures/Home Visits.MD:1: the file name ends in ".MD" in capitals, so it would be copied into the site '
    'unchecked instead of becoming a page (rename it to "home-visits.md" and change the links to it)',
    "docs/procedures/form.html:1: an HTML file would be published unchecked and could run script on the site "
    "(write the page in Markdown)",
    f"docs/procedures/recording.md.bak:1: {BACKUP}",
    f"docs/procedures/recording.md~:1: {BACKUP}",
    f"docs/tools/files/letter.docx:1: {NHS}, in word/document.xml ({DOCUMENT_HINT})",
    "docs/tools/files/letter.rtf:1: a rich text file (.rtf) cannot be checked for case data: its text cannot be "
    "read reliably (save it as .docx or PDF so it can be checked for case data)",
    f"docs/tools/files/list.csv:2: {NHS} ({CASE_HINT})",
    f"docs/tools/files/notes.txt:2: {NHS} ({CASE_HINT})",
    f"docs/tools/files/report.pdf:1: {NHS}, on page 1 ({DOCUMENT_HINT})",
]
SUMMARY = "Practice Hub: 14 problems in 14 files: fix them, then run check again"


@pytest.fixture(scope="module")
def refused(tmp_path_factory):
    return make_project(tmp_path_factory.mktemp("refused"), THREAD, {**REFUSED, **DRAFT})


def test_check_reports_each_file_exactly(refused):
    result = run_check(refused)
    assert "Traceback" not in result.stdout + result.stderr
    assert result.returncode == 1
    assert result.stdout.splitlines() == EXPECTED + [SUMMARY]  # the last line counts them


def test_strict_build_refuses_the_same_and_publishes_nothing(refused):
    result = run_build(refused)
    log = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in log
    errors = [line.split("-  ", 1)[1] for line in log.splitlines() if line.startswith("ERROR")]
    assert errors == EXPECTED + [SUMMARY]
    assert not (refused / "site").exists() or not any((refused / "site").iterdir())


def test_no_refused_file_reaches_the_problems_page_site(refused):
    """`mkdocs serve` builds a site showing the problems: the adapter drops the refused files
    (and puts the theme's own script back in place of the one that replaced it)."""
    site = refused / "served"
    result = run_build(refused, strict=False, site_dir=site, PRACTICE_HUB_SERVING="1")
    assert result.returncode == 0, result.stdout + result.stderr
    published = {path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()}
    script = "assets/javascripts/practice-hub-material.js"
    for uri in [*REFUSED, "procedures/files/secret.pdf"]:
        assert uri not in published or uri == script
    assert not any(uri.startswith("procedures/Home Visits") for uri in published)
    assert (site / script).read_bytes() == (REPO / "overrides" / script).read_bytes()


def test_a_drafts_attachments_are_left_out_unless_a_published_page_links_them(tmp_path):
    project = make_project(tmp_path / "drafts", THREAD, DRAFT)
    check = run_check(project)
    assert check.returncode == 0, check.stdout + check.stderr
    result = run_build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    site = project / "site"
    assert not (site / "procedures/files/secret.pdf").exists()
    assert (site / "tools/files/shared.pdf").exists()  # a published page links it too
    assert (site / "images/safe.svg").read_text(encoding="utf-8") == SAFE_SVG  # published as it is
