"""Word and keyboard artefacts are named at path:line:column with what to do."""

from __future__ import annotations

from practice_hub.schema import load_schemas
from practice_hub.structure.load import read_file
from tests.helpers import REPO

SCHEMAS = load_schemas(REPO / "content_schema")
PROCEDURE = (
    "---\nid: x\ntitle: X\nsummary: S.\nowner: PSW\nstatus: current\nlast_reviewed: 2026-01-01\n---\n\n# X\n"
)
COURSES = (
    "# Courses\n- id: one\n  title: One\n  summary: S.\n  audience: [manager]\n  mode: classroom\n"
    "  provider: in-house\n  standards: []\n  booking: {contact: a@b.example}\n"
)


def procedure(text: str) -> list[str]:
    return [
        str(p)
        for p in sorted(
            read_file(
                "docs/procedures/x.md", "procedures/x.md", "procedure", "markdown", text.encode(), SCHEMAS
            ).problems,
            key=lambda p: (p.line, p.column, p.message),
        )
    ]


def courses(text: str) -> list[str]:
    return [
        str(p)
        for p in sorted(
            read_file(
                "docs/training/c.yml", "training/c.yml", "course", "yaml", text.encode(), SCHEMAS
            ).problems,
            key=lambda p: (p.line, p.column, p.message),
        )
    ]


def test_clean_files_have_no_artefacts():
    assert procedure(PROCEDURE) == [] and courses(COURSES) == []


def test_non_breaking_space_after_the_colon():
    assert procedure(PROCEDURE.replace("owner: PSW", "owner:\u00a0PSW")) == [
        "docs/procedures/x.md:5:7: a non-breaking space (U+00A0) after the colon "
        "(it looks like a space but YAML cannot read it: retype the space)"
    ]


def test_non_breaking_space_as_indentation_says_the_catalogue_was_skipped():
    assert courses(COURSES.replace("\n  mode:", "\n\u00a0 mode:")) == [
        "docs/training/c.yml:1: none of the entries in this file were read, because of the problem on line 6 "
        "(fix that line and the entries come back; until then, no gap in the golden thread "
        "is reported for what they link to)",
        "docs/training/c.yml:6:1: a non-breaking space (U+00A0) in the indentation "
        "(it looks like a space but YAML cannot read it: delete the indentation and retype the spaces)",
    ]


def test_zero_width_space_in_a_value():
    assert procedure(PROCEDURE.replace("title: X", "title: X\u200b")) == [
        "docs/procedures/x.md:3:9: a zero-width space (U+200B), an invisible character "
        "(it usually comes from pasting: delete the characters around this position and retype them)"
    ]


def test_curly_quotes_around_a_value_and_in_a_key():
    assert procedure(PROCEDURE.replace("title: X", "title: \u201cX\u201d")) == [
        "docs/procedures/x.md:3:8: the value starts with a curly quote (\u201c), which would become part of "
        'the text (use straight quotes (") around the value, or none)'
    ]
    assert procedure(PROCEDURE.replace("summary: S.", "\u201csummary\u201d: S."))[-1] == (
        "docs/procedures/x.md:4:1: a curly quote (\u201c) in the field name (field names are plain words: "
        "delete the quote)"
    )


def test_tab_in_the_indentation():
    found = courses(COURSES.replace("\n  mode:", "\n\tmode:"))
    assert (
        "docs/training/c.yml:6:1: a tab in the indentation (indent with spaces: delete the tab and type "
        "spaces instead)" in found
    )


def test_byte_order_mark_in_the_middle():
    assert procedure(PROCEDURE + "Some text\ufeff here\n") == [
        "docs/procedures/x.md:11:10: a byte order mark (U+FEFF) in the middle of the file (it is invisible and "
        "usually comes from pasting one file into another: delete the character just before this position)"
    ]


def test_apostrophes_inside_text_are_fine():
    assert procedure(PROCEDURE.replace("title: X", "title: Children\u2019s \u201csafe\u201d spaces")) == []
