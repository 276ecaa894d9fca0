"""The exact words an editor reads for the mistakes a new editor made on a starter site: each
message says what is wrong in plain words and leads to the fix (the quoted value, the line the
closing --- belongs on, the page that was renamed, the date as it must be written...).

Each test makes the site `practice-hub start` writes, makes one mistake, and checks it as
`practice-hub check` does (in-process, for speed); tests/mistakes/ holds the same mistakes for
the check-against-build harness."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from practice_hub.problems import Problems, summary
from practice_hub.renderer.link_check import check_site_links
from practice_hub.settings import Project
from practice_hub.site import check_rendered, load_site
from practice_hub.starter import make_repository, site_files
from tests.helpers import REPO, TODAY, env

PROCEDURE = "docs/procedures/example-procedure.md"
STANDARD = "docs/standards/example-standard.md"
COURSES = "docs/training/courses.yml"
EXAMPLES_MADE_BY_START = ("example address", "example phone")


@pytest.fixture
def site(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("PRACTICE_HUB_TODAY", TODAY)
    root = tmp_path / "fernleigh"
    for name, text in site_files("Fernleigh Borough Council", dt.date.fromisoformat(TODAY)).items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def check(root: Path) -> list[str]:
    """What `practice-hub check` prints, errors then warnings, without the starter's own
    example-address warnings."""
    site = load_site(Project.from_config_file(root / "mkdocs.yml"))
    check_rendered(site)
    check_site_links(site)
    lines = [str(p) for p in site.problems.errors]
    lines += [
        f"{p.path}:{p.line}: warning: {p.message}" + (f" ({p.hint})" if p.hint else "")
        for p in site.problems.warnings
    ]
    return [line for line in lines if not any(words in line for words in EXAMPLES_MADE_BY_START)]


def edit(root: Path, path: str, old: str, new: str) -> None:
    file = root / path
    text = file.read_text(encoding="utf-8")
    assert old in text, (path, old)
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(root: Path, path: str, text: str) -> int:
    """The line (from 1) of the first line of a file holding text: the starter's examples change."""
    lines = (root / path).read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


def write(root: Path, path: str, text: str) -> None:
    (root / path).parent.mkdir(parents=True, exist_ok=True)
    (root / path).write_text(text, encoding="utf-8")


def test_the_closing_line_says_run_check_again():
    problems = Problems()
    problems.add("docs/a.md", 1, "x")
    assert summary(problems.errors) == "1 problem in 1 file: fix it, then run check again"


# 1. A comma in a one-line session venue -------------------------------------------------------
def test_a_comma_in_a_one_line_venue_is_told_to_quote_it(site):
    edit(
        site,
        COURSES,
        "  mode: e-learning\n",
        "  mode: classroom\n  sessions:\n"
        "    - {start: 2027-03-04T09:30, end: 2027-03-04T12:30, venue: Fernleigh Civic Centre, Room 2, "
        "status: open}\n",
    )
    assert check(site) == [
        f"{COURSES}:8: session 1's venue has a comma, which ends a value written between "
        '{ and } (put the value in quotes: venue: "Fernleigh Civic Centre, Room 2")'
    ]


# 2. The closing --- missing, a rule (---) later in the text -----------------------------------
def test_a_missing_closing_line_is_found_after_the_last_field(site):
    edit(site, PROCEDURE, "standards: [example-standard]\n---\n", "standards: [example-standard]\n\n")
    edit(site, PROCEDURE, "## What to do", "---\n\n## What to do")
    last = line_of(site, PROCEDURE, "standards: [example-standard]")
    assert check(site) == [
        f"{PROCEDURE}:{last + 1}: the page's fields have no closing --- line after them "
        f"(add a line with just --- after the last field (line {last}), before the page's text)"
    ]


def test_a_closing_line_missing_from_the_whole_page_is_found_after_the_last_field(site):
    edit(site, PROCEDURE, "standards: [example-standard]\n---\n", "standards: [example-standard]\n\n")
    last = line_of(site, PROCEDURE, "standards: [example-standard]")
    assert check(site) == [
        f"{PROCEDURE}:{last + 1}: the page's fields have no closing --- line after them "
        f"(add a line with just --- after the last field (line {last}), before the page's text)"
    ]


def test_a_value_with_a_colon_is_shown_in_quotes(site):
    edit(site, PROCEDURE, "title: Home visits", "title: Home visits: what to record")
    assert check(site) == [
        f'{PROCEDURE}:3: the value on this line has ": " in it, which reads as the start of another '
        'field (put the value in quotes: title: "Home visits: what to record")'
    ]


# 3. "Did you mean" ---------------------------------------------------------------------------
def test_did_you_mean_never_names_the_page_itself(site):
    edit(site, PROCEDURE, "## Recording\n", "## Recording\n\nSee [the checklist](example-procedures.md).\n")
    found = check(site)
    assert len(found) == 1 and "example-procedure.md" not in found[0].split("(", 1)[1]


def test_did_you_mean_finds_a_renamed_page_by_its_id(site):
    (site / PROCEDURE).rename(site / "docs/procedures/home-visits.md")
    edit(
        site,
        "docs/learning/example-briefing.md",
        "\n---\n",
        "\n---\n\nSee [the procedure](../procedures/example-procedure.md).\n",
    )
    assert check(site) == [
        'docs/learning/example-briefing.md:24: the link "../procedures/example-procedure.md" points to '
        'a page that does not exist (did you mean "../procedures/home-visits.md"? It is the page with '
        'the id "example-procedure", renamed)'
    ]


# 4. A duplicate id ---------------------------------------------------------------------------
COPY = "docs/procedures/a-home-visits.md"  # sorts before the page it copies


def test_a_duplicate_id_is_blamed_on_the_new_file_by_git(site):
    if not make_repository(site, "Fernleigh Borough Council", out=lambda *_: None):
        pytest.skip("git is not available")
    write(site, COPY, (site / PROCEDURE).read_text(encoding="utf-8"))
    assert check(site) == [
        f'{COPY}:2: id "example-procedure" is already used by {PROCEDURE}:2 (give this one another id: '
        f"leave {PROCEDURE} as it is, since pages and links may already use its id)"
    ]


def test_a_duplicate_id_is_blamed_on_the_changed_file_by_git(site):
    if not make_repository(site, "Fernleigh Borough Council", out=lambda *_: None):
        pytest.skip("git is not available")
    write(
        site, COPY, (site / PROCEDURE).read_text(encoding="utf-8").replace("example-procedure", "home-visits")
    )
    subprocess.run(["git", "add", "-A"], cwd=site, check=True, capture_output=True)
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@t.example", "commit", "-qm", "x"],
        cwd=site,
        check=True,
        capture_output=True,
    )
    edit(site, COPY, "id: home-visits", "id: example-procedure")  # changed, not new
    assert check(site)[0].startswith(f'{COPY}:2: id "example-procedure" is already used by {PROCEDURE}:2')


def test_without_git_the_later_file_is_told_and_no_published_id_is_named(site):
    write(site, "docs/procedures/z-home-visits.md", (site / PROCEDURE).read_text(encoding="utf-8"))
    assert check(site) == [
        f'docs/procedures/z-home-visits.md:2: id "example-procedure" is already used by {PROCEDURE}:2 '
        "(give the newer of the two another id, and leave the other as it is, since pages and links "
        "may already use its id)"
    ]


# 5. A required field left empty ---------------------------------------------------------------
def test_an_empty_required_field_is_not_told_to_remove_the_line(site):
    edit(site, PROCEDURE, "owner: Principal Social Worker", "owner:")
    assert check(site) == [
        f'{PROCEDURE}:5: field "owner" must be text, not empty '
        "(fill in a value after the colon: this field is required)"
    ]


# 6. A UK date and time ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("written", "wanted"),
    [
        ("04/03/2027 9.30am", "2027-03-04T09:30"),
        ("4 March 2027 at 2pm", "2027-03-04T14:00"),
        ("2027-03-04 9:30", "2027-03-04T09:30"),
        ("04/03/2027 12:30pm", "2027-03-04T12:30"),
        ("2027-03-04T09.30", "2027-03-04T09:30"),
    ],
)
def test_a_date_and_time_written_another_way_is_given_as_it_must_be_written(site, written, wanted):
    edit(
        site,
        COURSES,
        "  mode: e-learning\n",
        "  mode: classroom\n  sessions:\n"
        f"    - start: {written}\n      end: 2027-03-04T16:30\n      venue: Town Hall\n      status: open\n",
    )
    assert check(site) == [
        f'{COURSES}:8: session 1\'s start has "{written}", a date and time in the wrong form '
        f"(write it as {wanted})"
    ]


def test_a_date_without_its_time_is_told_so(site):
    edit(
        site,
        COURSES,
        "  mode: e-learning\n",
        "  mode: classroom\n  sessions:\n"
        "    - {start: 04/03/2027, end: 2027-03-04T12:30, venue: Town Hall, status: open}\n",
    )
    assert check(site) == [
        f'{COURSES}:8: session 1\'s start has "04/03/2027", a date without its time '
        "(write the date and the time, as 2027-03-04T09:30 for half past nine in the morning)"
    ]


def test_a_date_and_a_time_in_fields_of_their_own_are_given_as_start(site):
    edit(
        site,
        COURSES,
        "  mode: e-learning\n",
        "  mode: classroom\n  sessions:\n"
        "    - date: 04/03/2027\n      time: 9.30am\n      venue: Town Hall\n      status: open\n",
    )
    assert [line for line in check(site) if "unknown field" in line] == [
        f'{COURSES}:8: unknown field "date" in session 1 (the date and the time go in one field, start: '
        "write start: 2027-03-04T09:30)",
        f'{COURSES}:9: unknown field "time" in session 1 (the date and the time go in one field, start: '
        "write start: 2027-03-04T09:30)",
    ]


def test_a_uk_date_is_given_as_it_must_be_written(site):
    edit(site, PROCEDURE, f"last_reviewed: {TODAY}", "last_reviewed: 01/11/2026")
    assert check(site) == [
        f'{PROCEDURE}:7: field "last_reviewed" has "01/11/2026", a date in the wrong form (write it as 2026-11-01)'
    ]


# 7. A file that cannot be read ----------------------------------------------------------------
def test_a_standard_that_cannot_be_read_adds_no_golden_thread_warnings(site):
    edit(site, STANDARD, "owner: ", "\towner: ")
    assert check(site) == [
        f"{STANDARD}:6:1: a tab in the indentation (indent with spaces: delete the tab and type spaces instead)"
    ]


def test_a_course_list_that_cannot_be_read_adds_no_golden_thread_warnings(site):
    edit(site, COURSES, "  provider: in-house", "\tprovider: in-house")
    found = check(site)
    assert not [line for line in found if "golden thread gap" in line], found


# 8. Case data in a field ----------------------------------------------------------------------
def test_case_data_in_a_field_is_offered_the_yaml_marker(site):
    edit(site, PROCEDURE, "summary: How to plan", "summary: Quote 943 476 5919. How to plan")
    assert check(site) == [
        f'{PROCEDURE}:4: field "summary": "943 476 5919" looks like an NHS number (it passes the NHS '
        "number check) (remove it: the site is read by every member of staff; if it is a made-up "
        "example, add # practice-hub: not-case-data at the end of the line of the field, after the value "
        "(a made-up NHS number must come from the NHS test range 999 000 0000 to "
        "999 999 9999))"
    ]


def test_the_yaml_marker_as_offered_excuses_a_made_up_number(site):
    edit(
        site,
        PROCEDURE,
        "summary: How to plan, carry out and record a home visit to a child or adult, in office hours.",
        "summary: Quote the NHS number, for example 999 000 0026. # practice-hub: not-case-data",
    )
    assert check(site) == []


def test_case_data_in_a_page_is_offered_the_markdown_marker(site):
    edit(site, PROCEDURE, "## Recording\n", "## Recording\n\nNHS number 943 476 5919.\n")
    at = line_of(site, PROCEDURE, "## Recording") + 2
    assert check(site) == [
        f'{PROCEDURE}:{at}: "943 476 5919" looks like an NHS number (it passes the NHS number check) '
        "(remove it: the site is read by every member of staff; if it is a made-up example, add "
        "<!-- practice-hub: not-case-data --> at the end of the line (a made-up NHS number must come "
        "from the NHS test range 999 000 0000 to 999 999 9999))"
    ]


# 9. A table pasted from Word ------------------------------------------------------------------
WORD_TABLE = """
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;mso-border-alt:solid windowtext .5pt'>
 <tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes'>
  <td width=300 valign=top style='width:225.4pt'><p class=MsoNormal><b><span lang=EN-GB>Team<o:p></o:p></span></b></p></td>
  <td width=300 valign=top style='width:225.4pt'><p class=MsoNormal><b><span lang=EN-GB>Phone<o:p></o:p></span></b></p></td>
 </tr>
 <tr style='mso-yfti-irow:1;mso-yfti-lastrow:yes'>
  <td width=300 valign=top style='width:225.4pt'><p class=MsoNormal><span lang=EN-GB>Duty team<o:p></o:p></span></p></td>
  <td width=300 valign=top style='width:225.4pt'><p class=MsoNormal><span lang=EN-GB>01632 960 123<o:p></o:p></span></p></td>
 </tr>
</table>
"""


def test_a_table_pasted_from_word_is_one_message_with_its_markdown(site):
    edit(site, PROCEDURE, "## Recording\n", "## Recording\n" + WORD_TABLE)
    at = line_of(site, PROCEDURE, "## Recording") + 2
    assert check(site) == [
        f"{PROCEDURE}:{at}: this is a table pasted from Word (write it as a Markdown table: a line "
        '"| Team | Phone |", under it "| --- | --- |", then one line for each row, such as '
        '"| Duty team | 01632 960 123 |")'
    ]


def test_a_word_table_with_tags_over_several_lines_is_one_message_too(site):
    table = WORD_TABLE.replace(" style='border-collapse", "\n style='border-collapse")
    edit(site, PROCEDURE, "## Recording\n", "## Recording\n" + table)
    at = line_of(site, PROCEDURE, "## Recording") + 2
    assert [line.split(" (", 1)[0] for line in check(site)] == [
        f"{PROCEDURE}:{at}: this is a table pasted from Word"
    ]


def test_a_broken_mkdocs_yml_is_said_at_its_line_without_a_traceback(site):
    edit(
        site,
        "mkdocs.yml",
        'site_name: "Fernleigh Borough Council Practice Hub"',
        "site_name: Fernleigh: Practice Hub",
    )
    done = subprocess.run(
        [sys.executable, "-m", "practice_hub", "check"],
        cwd=site,
        capture_output=True,
        text=True,
        env=env(PYTHONPATH=str(REPO)),
    )
    assert (done.returncode, done.stdout.splitlines()) == (
        1,
        [
            'mkdocs.yml:5: the value on this line has ": " in it, which reads as the start of another field '
            '(put the value in quotes: site_name: "Fernleigh: Practice Hub")',
            "Practice Hub: 1 problem in 1 file: fix it, then run check again",
        ],
    )


# What a new editor found on a fresh site, second round --------------------------------------------
SUMMARY_LINE = "summary: How to plan, carry out and record a home visit to a child or adult, in office hours."


def test_the_markdown_marker_in_a_field_is_told_to_be_a_yaml_comment(site):
    edit(site, PROCEDURE, SUMMARY_LINE, "summary: Quote 999 000 0018. <!-- practice-hub: not-case-data -->")
    assert check(site) == [
        f"{PROCEDURE}:4: the not-case-data marker is written here as an HTML comment, the form for a "
        "page's text; in a field it is a YAML comment, after the value (write the line as: summary: "
        "Quote 999 000 0018. # practice-hub: not-case-data)"
    ]


def test_the_marker_inside_a_fields_quotes_is_refused_and_never_published(site):
    for written in ("<!-- practice-hub: not-case-data -->", "# practice-hub: not-case-data"):
        edit(site, PROCEDURE, SUMMARY_LINE, f'summary: "Quote 999 000 0018. {written}"')
        assert check(site) == [
            f'{PROCEDURE}:4: field "summary": the value has the not-case-data marker in it, where '
            "readers would see it: in a field the marker is a YAML comment, after the value (write the "
            'line as: summary: "Quote 999 000 0018." # practice-hub: not-case-data)'
        ]
        edit(site, PROCEDURE, f'summary: "Quote 999 000 0018. {written}"', SUMMARY_LINE)
    edit(site, PROCEDURE, SUMMARY_LINE, 'summary: "Quote 999 000 0018." # practice-hub: not-case-data')
    assert check(site) == []


def test_the_marker_written_as_text_in_a_page_is_refused(site):
    edit(
        site,
        PROCEDURE,
        "## Recording\n",
        "## Recording\n\nQuote 999 000 0018. # practice-hub: not-case-data\n",
    )
    at = line_of(site, PROCEDURE, "## Recording") + 2
    assert check(site) == [
        f"{PROCEDURE}:{at}: the not-case-data marker is written here as text, which readers would see "
        "(write it as an HTML comment at the end of the line: <!-- practice-hub: not-case-data -->)"
    ]


def test_each_kind_of_case_data_has_its_own_note(site):
    edit(
        site, PROCEDURE, "## Recording\n", "## Recording\n\nNI AB 12 34 56 C.\n\nJamie Smith (12/03/2015).\n"
    )
    at = line_of(site, PROCEDURE, "## Recording") + 2
    start = (
        "(remove it: the site is read by every member of staff; if it is a made-up example, add "
        "<!-- practice-hub: not-case-data --> at the end of the line "
    )
    assert check(site) == [
        f'{PROCEDURE}:{at}: "AB 12 34 56 C" looks like a National Insurance number {start}(a made-up '
        "National Insurance number can start with QQ, which is never issued: QQ 12 34 56 C needs no marker))",
        f'{PROCEDURE}:{at + 2}: "Jamie Smith (12/03/2015)" looks like a date of birth next to a person '
        f'{start}(an example needs no real date: "date of birth: DD/MM/YYYY" needs no marker))',
    ]


def test_an_html_table_with_th_cells_in_its_first_row_passes_without_tbody(site):
    table = "<table>\n<tr><th>Team</th><th>Phone</th></tr>\n<tr><td>Duty team</td><td>01632 960 123</td></tr>\n</table>\n"
    edit(site, PROCEDURE, "## Recording\n", "## Recording\n\n" + table)
    assert check(site) == []


def test_a_frame_and_a_script_say_what_to_do_instead(site):
    body = (
        '<iframe src="https://www.youtube.com/embed/abc123"></iframe>\n\n'
        '<script src="https://example.com/x.js"></script>\n\n'
        '<img src="https://example.com/chart.png" alt="Chart">\n'
    )
    edit(site, PROCEDURE, "## Recording\n", "## Recording\n\n" + body)
    at = line_of(site, PROCEDURE, "## Recording") + 2
    assert check(site) == [
        f"{PROCEDURE}:{at}: HTML tag <iframe> is not allowed (a page cannot show another page inside it: "
        "remove it and link to that page instead, for example [Watch the video](https://www.youtube.com/watch?v=...))",
        f"{PROCEDURE}:{at + 2}: HTML tag <script> is not allowed (pages cannot run scripts: remove it, "
        "from <script> to </script>)",
        f'{PROCEDURE}:{at + 4}: <img src="https://example.com/chart.png"> loads an image from outside the '
        "site (the site loads nothing from outside: save the picture in docs/images/ and show it with its "
        "path on this site, for example ![What it shows](../images/chart.png))",
    ]


def test_a_typo_of_the_pages_own_name_suggests_no_other_page(site):
    edit(site, PROCEDURE, "## Recording\n", "## Recording\n\nSee [this](example-procedre.md).\n")
    at = line_of(site, PROCEDURE, "## Recording") + 2
    assert check(site) == [
        f'{PROCEDURE}:{at}: the link "example-procedre.md" points to a page that does not exist (the nearest '
        "file name is this page's own: to link to a part of this page, write # and the heading's words in "
        'lower case with hyphens, such as "#what-to-do")'
    ]


def test_a_course_added_without_its_dash_is_told_at_its_id(site):
    text = (site / COURSES).read_text(encoding="utf-8")
    entry = "id: second-course\n  title: Second course\n  summary: A second course.\n"
    write(site, COURSES, text + "\n" + entry)
    at = len(text.splitlines()) + 2
    assert check(site) == [
        f"{COURSES}:1: none of the entries in this file were read, because of the problem on line {at} "
        "(fix that line and the entries come back; until then, no gap in the golden thread is reported "
        "for what they link to)",
        f'{COURSES}:{at}: this line starts a new entry without "- " in front: the entries in this file are '
        'a list, each starting with "- " (add "- " before id: write "- id: second-course", and indent the '
        'entry\'s other fields by two spaces, to start under "id")',
    ]


def test_a_course_added_without_its_dash_but_indented_is_told_at_its_id(site):
    text = (site / COURSES).read_text(encoding="utf-8")
    write(site, COURSES, text + "  id: second-course\n  title: Second course\n")
    at = len(text.splitlines()) + 1
    assert check(site) == [
        f'{COURSES}:{at}: field "id" is given twice (first on line 2) (if this line starts a new entry, add '
        '"- " before id: write "- id: second-course" at the start of the line, with the entry\'s other '
        'fields two spaces in, under "id")'
    ]


def test_a_date_not_in_the_calendar_is_named(site):
    edit(site, PROCEDURE, f"last_reviewed: {TODAY}", "last_reviewed: 2026-02-30")
    assert check(site) == [
        f'{PROCEDURE}:7: field "last_reviewed" has "2026-02-30", but there is no 30 February 2026 '
        "(check the day and the month)"
    ]
    edit(site, PROCEDURE, "last_reviewed: 2026-02-30", "last_reviewed: 2026-13-02")
    assert check(site) == [
        f'{PROCEDURE}:7: field "last_reviewed" has "2026-13-02", but there is no month 13 (the month comes '
        "second: YYYY-MM-DD) (check the day and the month (for 13 February 2026, write 2026-02-13))"
    ]


def test_a_review_in_the_future_is_refused(site):
    edit(site, PROCEDURE, f"last_reviewed: {TODAY}", "last_reviewed: 2027-11-20")
    assert check(site) == [
        f"{PROCEDURE}:7: last_reviewed is 2027-11-20, a date still to come (write the date the page was "
        "last reviewed, today or before: the next review's date goes in review_by)"
    ]


def test_an_archived_page_needs_its_archived_date(site):
    edit(site, PROCEDURE, "status: current", "status: archived")
    assert check(site) == [
        f"{PROCEDURE}:6: status is archived, but the page has no archived_date (add a line under status: "
        f"archived_date: {TODAY}, the day it was archived (readers are told from when the page no longer "
        "applies))"
    ]
    edit(site, PROCEDURE, "status: archived", f"status: archived\narchived_date: {TODAY}")
    assert check(site) == []


def test_a_news_post_outside_posts_is_told_where_to_go(site):
    post = (site / "docs/news/posts/welcome.md").read_text(encoding="utf-8")
    (site / "docs/news/posts/welcome.md").unlink()
    write(site, "docs/news/welcome.md", post)
    assert check(site) == [
        f"docs/news/welcome.md:{line_of(site, 'docs/news/welcome.md', 'date:')}: this news post is saved in "
        "docs/news/, not in its posts/ folder, so it would be published as a plain page in the menu, not as "
        "a post (move it to docs/news/posts/: docs/news/posts/welcome.md)"
    ]


def test_an_induction_step_naming_a_procedure_by_its_title_is_given_the_id(site):
    path = "docs/induction/example-induction.md"
    edit(site, path, "procedures: [example-procedure]", "procedures: [home-visits]")
    assert check(site) == [
        f'{path}:{line_of(site, path, "home-visits")}: in step 2\'s procedures, "home-visits" is not the id '
        'of any procedure (did you mean "example-procedure"? It is the id of "Home visits" '
        f"({PROCEDURE}): use the id, not the title)"
    ]


def test_an_unknown_id_with_nothing_close_says_where_the_ids_are(site):
    path = "docs/induction/example-induction.md"
    edit(site, path, "procedures: [example-procedure]", "procedures: [section-47]")
    assert check(site) == [
        f'{path}:{line_of(site, path, "section-47")}: in step 2\'s procedures, "section-47" is not the id '
        "of any procedure (check the id in docs/procedures/)"
    ]
