"""Dates written the UK way are answered with the ISO form to write."""

from __future__ import annotations

import pytest

from practice_hub.schema import load_schemas
from practice_hub.structure.load import read_file
from tests.helpers import REPO

SCHEMAS = load_schemas(REPO / "content_schema")


def problems(value: str) -> list[str]:
    text = f"---\nid: x\ntitle: X\nsummary: S.\nowner: PSW\nstatus: current\nlast_reviewed: {value}\n---\n\n# X\n"
    return [
        str(p)
        for p in read_file(
            "docs/procedures/x.md", "procedures/x.md", "procedure", "markdown", text.encode(), SCHEMAS
        ).problems
    ]


@pytest.mark.parametrize(
    "value, iso",
    [
        ("01/03/2027", "2027-03-01"),
        ("1 March 2027", "2027-03-01"),
        ("1st Mar 2027", "2027-03-01"),
        ("31.12.2026", "2026-12-31"),
    ],
)
def test_uk_dates_say_what_to_write(value, iso):
    assert problems(value) == [
        f'docs/procedures/x.md:7: field "last_reviewed" has "{value}", a date in the wrong form (write it as {iso})'
    ]


def test_impossible_dates_are_still_not_real():
    assert problems("31/02/2027") == [
        'docs/procedures/x.md:7: field "last_reviewed" has "31/02/2027", which is not a real date '
        "(write dates as YYYY-MM-DD, for example 2026-03-01)"
    ]
