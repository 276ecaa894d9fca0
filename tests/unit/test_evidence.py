"""The evidence command's refusals, word for word, and the pack's pieces that need no site: where a
page is built, the pack's page (self-contained) and its spreadsheet, one row per entry."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

import pytest

from helpers import FIXTURES, make_project
from practice_hub.cli import main
from practice_hub.evidence_pack import date_problem, folder_problem, framework_problem
from practice_hub.renderer.evidence import CSV_COLUMNS, built_file, pack_csv, pack_html, pack_link
from practice_hub.structure.evidence import HEADINGS, Entry
from practice_hub.structure.frameworks import Framework, FrameworkItem

THREAD = FIXTURES / "thread" / "docs"
#: A framework with evidence headings, as docs/_data/frameworks/<id>.yml holds one.
INSPECTION = """id: inspection
name: An inspection framework
short_name: Inspection
kind: inspection
version: "2026"
publisher: An inspectorate
source: https://inspectorate.example/framework
in_force: {from: 2020-01-01}
services: ["Children's services"]
items:
  - {id: know-it, name: What do you know?}
  - {id: show-it, name: How do you know it?}
pack:
  know: [know-it]
  how: [show-it]
  doing: [know-it]
  governance: [show-it]
"""
CAPABILITY = INSPECTION.replace("id: inspection", "id: capability").split("pack:")[0]


def framework(**changes) -> Framework:
    items = (
        FrameworkItem("know-it", "What do you know?", "", "", None, None, 14),
        FrameworkItem("show-it", "How <do> you know it?", "", "", None, None, 15),
    )
    values = dict(
        id="inspection",
        name="An inspection framework",
        short_name="Inspection",
        kind="inspection",
        version="2026",
        publisher="An inspectorate",
        source="https://inspectorate.example/framework",
        starts=dt.date(2020, 1, 1),
        ends=None,
        replaced_by="",
        services=("Children's services",),
        note="",
        groups=(),
        items=items,
        pack={"know": ("know-it",), "how": ("show-it",), "doing": (), "governance": ("show-it",)},
        path="docs/_data/frameworks/inspection.yml",
    )
    return Framework(**(values | changes))


def entries() -> list[tuple[str, str, list[Entry]]]:
    one = Entry(
        "know",
        "audit result",
        "=Risk: 50% good",
        "2026-09-30",
        "Q3, 8 files",
        "",
        "All services",
        "audit/risk.md",
        "",
    )
    two = Entry(
        "how",
        "briefing",
        "Child L",
        "2026-07-01",
        'said "hello", twice',
        "PSW",
        "All services",
        "learning/l.md",
        "uses",
    )
    three = Entry(
        "governance", "procedure", "Home", "2026-01-01", "in date", "Owner", "All services", "index.md", ""
    )
    found = {"know": [one], "how": [two], "governance": [three]}
    return [(key, title, found.get(key, [])) for key, title in HEADINGS]


# --- the refusals, before anything is read or written -------------------------------------------
@pytest.mark.parametrize("text", ["30/11/2026", "2026-11-31", "2026-1-30", "", "yesterday"])
def test_a_date_that_is_not_one_is_refused_in_plain_words(text):
    assert (
        date_problem(text)
        == f'--as-of "{text}" is not a date: write it as YYYY-MM-DD, for example 2026-11-30'
    )
    assert date_problem("2026-11-30") == ""


def test_a_date_that_has_not_come_is_refused():
    today = dt.date(2026, 12, 7)
    assert date_problem("2026-12-07", today) == ""
    assert date_problem("2027-06-30", today) == (
        "--as-of 2027-06-30 has not come yet: a pack shows what the site held on a day that has come "
        "(today is 2026-12-07, or any day before it)"
    )


def test_a_folder_that_holds_anything_is_refused_and_a_new_or_empty_one_is_taken(tmp_path):
    assert folder_problem(tmp_path / "new") == ""
    assert folder_problem(tmp_path) == ""
    (tmp_path / "notes.txt").write_text("kept", encoding="utf-8")
    assert folder_problem(tmp_path) == (
        f"{tmp_path}: the folder is not empty (name a new folder for the pack: nothing in an existing one is replaced)"
    )
    assert folder_problem(tmp_path / "notes.txt") == (
        f"{tmp_path / 'notes.txt'}: this is a file, not a folder (name a new folder for the pack)"
    )


def test_an_unknown_framework_or_one_without_headings_is_refused_naming_those_with_a_pack():
    known = {"inspection": framework(), "capability": framework(id="capability", pack={})}
    assert framework_problem("inspection", known) == ""
    assert framework_problem("ofstead", known) == (
        'there is no framework "ofstead" in docs/_data/frameworks/ (the frameworks with an evidence pack: inspection)'
    )
    assert framework_problem("capability", known) == (
        'the framework "capability" has no evidence headings ("pack:" in its file) '
        "(the frameworks with an evidence pack: inspection)"
    )
    assert framework_problem("x", {"capability": known["capability"]}) == (
        'there is no framework "x" in docs/_data/frameworks/ (no framework has a "pack:", so there is no '
        "evidence pack to write)"
    )


def test_the_command_refuses_a_bad_date_and_a_full_folder_before_reading_the_site(tmp_path, capsys):
    full = tmp_path / "pack"
    full.mkdir()
    (full / "old.html").write_text("old", encoding="utf-8")
    nowhere = tmp_path / "no-site" / "mkdocs.yml"  # never read: the refusal comes first
    args = ["evidence", "--framework", "ofsted", "-f", str(nowhere)]
    assert main([*args, "--as-of", "2026-02-30", "--out", str(tmp_path / "new")]) == 2
    assert capsys.readouterr().err == (
        'Practice Hub: --as-of "2026-02-30" is not a date: write it as YYYY-MM-DD, for example 2026-11-30\n'
    )
    assert main([*args, "--as-of", "2026-11-30", "--out", str(full)]) == 2
    assert capsys.readouterr().err == (
        f"Practice Hub: {full}: the folder is not empty (name a new folder for the pack: nothing in an "
        "existing one is replaced)\n"
    )
    assert not (tmp_path / "new").exists() and sorted(p.name for p in full.iterdir()) == ["old.html"]


def test_the_command_refuses_an_unknown_framework_of_a_site(tmp_path, capsys):
    project = make_project(tmp_path / "site", THREAD, {"_data/frameworks/inspection.yml": INSPECTION})
    out = tmp_path / "pack"
    code = main(
        [
            "evidence",
            "--framework",
            "ofsted",
            "--as-of",
            "2026-11-30",
            "--out",
            str(out),
            "-f",
            str(project / "mkdocs.yml"),
        ]
    )
    assert code == 2
    assert capsys.readouterr().err == (
        'Practice Hub: there is no framework "ofsted" in docs/_data/frameworks/ (the frameworks with an '
        "evidence pack: inspection)\n"
    )
    assert not out.exists()


def test_a_site_with_problems_gets_them_listed_as_check_lists_them_and_no_pack(tmp_path, capsys):
    broken = "---\nid: broken\ntitle: Broken\n---\n\n# Broken\n"
    files = {"_data/frameworks/inspection.yml": INSPECTION, "procedures/broken.md": broken}
    project = make_project(tmp_path / "site", THREAD, files)
    config = str(project / "mkdocs.yml")
    out = tmp_path / "pack"
    code = main(
        ["evidence", "--framework", "inspection", "--as-of", "2026-11-24", "--out", str(out), "-f", config]
    )
    told = capsys.readouterr().err.splitlines()
    assert code == 1 and not out.exists()
    assert main(["check", "-f", config]) == 1  # check at the demo's pinned date: the same problems
    checked = capsys.readouterr().out.splitlines()
    assert told[:-1] == checked and any(line.startswith("docs/procedures/broken.md:") for line in told)
    assert told[-1] == "Practice Hub: no evidence pack was written: the site would not build"


# --- the pack's pieces ---------------------------------------------------------------------------
def test_every_page_is_linked_where_the_build_writes_it():
    assert built_file("procedures/section-47.md") == "procedures/section-47/index.html"
    assert built_file("audit/index.md") == "audit/index.html"
    assert built_file("index.md") == "index.html"
    assert built_file("procedures/section-47.md", use_directory_urls=False) == "procedures/section-47.html"
    anchored = entries()[1][2][0]
    assert pack_link(anchored) == "site/learning/l/index.html#uses"


def test_the_pack_page_is_one_file_with_no_script_and_nothing_fetched():
    page = pack_html(framework(), entries(), dt.date(2026, 11, 30), "A <Council>")
    assert page.startswith('<!DOCTYPE html>\n<html lang="en-GB">')
    assert "<script" not in page and "<link" not in page and "src=" not in page and "url(" not in page
    assert re.findall(r'href="([^"]+)"', page) == [
        "site/audit/risk/index.html",
        "site/learning/l/index.html#uses",
        "site/index.html",
    ]
    assert "<title>Evidence pack: Inspection, 30 November 2026</title>" in page
    assert "A &lt;Council&gt;" in page and "How &lt;do&gt; you know it?" in page  # escaped
    assert "Answers: What do you know?" in page
    assert page.count('id="doing"') == 1 and "Nothing yet." in page  # a heading with no entries says so
    assert "Practice Hub " in page


def test_the_spreadsheet_has_a_row_per_entry_of_the_page_formulas_written_as_text():
    rows = list(csv.reader(io.StringIO(pack_csv(framework(), entries()))))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert [(r[0], r[3], r[4], r[8]) for r in rows[1:]] == [
        ("What we know", "'=Risk: 50% good", "2026-09-30", "site/audit/risk/index.html"),
        ("How we know", "Child L", "2026-07-01", "site/learning/l/index.html#uses"),
        ("Governance", "Home", "2026-01-01", "site/index.html"),
    ]
    assert rows[2][5] == 'said "hello", twice' and rows[2][1] == "How <do> you know it?"
