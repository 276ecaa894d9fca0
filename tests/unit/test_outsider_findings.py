"""What the outside attacker's trial (about 420 attacks) still found, each pinned."""

from __future__ import annotations

import yaml

from helpers import FIXTURES, REPO, growth, make_project, run_check
from practice_hub.safety import markdown_limits
from practice_hub.safety.files import linked_files
from practice_hub.safety.rendered import Renderer, judge_page, unescape
from practice_hub.settings import LenientLoader

RENDERER = Renderer(
    yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=LenientLoader)["markdown_extensions"]
)
RESERVED = "choose another id: ids starting with __ are the page's own (its settings and search)"


def found(source: str):
    return judge_page(RENDERER.render(source), source)[1]


def test_an_element_cannot_take_the_place_of_materials_settings():
    # <div id="__config"> came before Material's own: its "base" sent search to another host.
    source = 'Intro.\n\n<div id="__config">{"base": "http://evil.example/"}</div>\n'
    assert found(source) == [(3, 'the id "__config" belongs to one of the site\'s own elements', RESERVED)]
    assert found("x\n\n## Heading {#__search}\n") == [
        (3, 'the id "__search" belongs to one of the site\'s own elements', RESERVED)
    ]
    published, _ = judge_page(RENDERER.render(source), source)
    assert "__config" not in published


def test_a_numeric_reference_too_long_to_read_is_no_traceback():
    source = "Number &#" + "9" * 5000 + "; here.\n"
    assert found(source) == []
    assert unescape("&#" + "9" * 5000 + ";") == "\ufffd"


def test_many_code_fences_are_refused_before_rendering():
    messages = []
    markdown_limits.check("```\n" * 300, lambda *args: messages.append(args))
    assert messages == [
        (
            101,
            "the page has more than 100 code fences (lines starting ``` or ~~~)",
            "split it into several pages: so many code blocks make the Markdown renderer very slow",
        )
    ]

    def check(text):
        markdown_limits.check(text, lambda *args: None)

    # refused in a linear scan, never rendered: four times the fences cost about four times as much
    # (tests/helpers.growth: best of five with the garbage collector off, measured again if high)
    assert growth(check, "```\n" * 50_000, "```\n" * 200_000, 6) < 6


def test_a_drafts_files_linked_in_raw_html_are_held_back():
    body = '<a href="files/secret2.txt">s2</a> <img src="files/pic2.svg" alt="p"> <a href="https://x.example/">x</a>'
    assert linked_files("drafty", body) == {"drafty/files/secret2.txt", "drafty/files/pic2.svg"}


def test_file_names_with_line_breaks_or_invisible_characters_are_refused(tmp_path):
    project = make_project(
        tmp_path / "p",
        FIXTURES / "thread" / "docs",
        files={"tools/zz-new\nline.txt": "x\n", "tools/zero\u200bwidth.txt": "x\n"},
    )
    lines = run_check(project).stdout.splitlines()
    assert (
        "docs/tools/zero<U+200B>width.txt:1: the file name has the invisible character U+200B, which cannot be "
        "seen in a list of files (rename the file)"
    ) in lines
    assert (
        "docs/tools/zz-new<U+000A>line.txt:1: the file name has the invisible character U+000A, which cannot be "
        "seen in a list of files (rename the file)"
    ) in lines


def test_a_numeric_reference_too_long_to_read_beside_case_data_is_no_traceback():
    from practice_hub.safety import case_data_seen

    huge = "&#" + "9" * 5000 + ";"
    source = f"Intro {huge} here.\n\nThe number is 943&#32;476&#32;5919.\n"
    published, _ = judge_page(RENDERER.render(source), source)
    [(line, message, _hint)] = case_data_seen(published, source, 1)
    assert (line, message) == (3, '"943 476 5919" looks like an NHS number (it passes the NHS number check)')


def test_the_second_trials_shapes():
    """What a second outsider found after the first round of fixes."""
    from practice_hub.safety import case_data_seen, casedata, check_body, plain_text

    # An NHS number written a digit at a time.
    assert casedata.find("NHS 9 4 3 4 7 6 5 9 1 9 here") == [
        (4, '"9 4 3 4 7 6 5 9 1 9" looks like an NHS number (it passes the NHS number check)')
    ]
    # A zero-width space inside an NI number: check renders the page (no fast path), as the build does.
    body = "NI: A\u200bB123456C\n"
    assert not plain_text(body)
    published, _ = judge_page(RENDERER.render(body), body)
    assert [m for _, m, _ in case_data_seen(published, body, 1)] == [
        '"AB123456C" looks like a National Insurance number'
    ]
    # A numeric reference too long to read, with or without its ";": no "cannot be read".
    for text in ("Number &#" + "9" * 5000 + "; here.\n", "Number &#" + "9" * 5000 + " here.\n"):
        found = []
        check_body("x.md", "procedure", text, 12, found)
        assert found == []
