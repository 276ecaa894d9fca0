"""Schema validation in plain English; cross-reference annotations."""

from __future__ import annotations

import pytest

from helpers import REPO
from practice_hub.content_types import TYPES
from practice_hub.schema import Schemas, field_name, load_schemas


@pytest.fixture(scope="module")
def schemas() -> Schemas:
    return load_schemas(REPO / "content_schema")


def messages(schemas, kind, data):
    return [(f.field, f.message, f.hint) for f in schemas.check(kind, data)]


def test_one_schema_per_content_type(schemas):
    for name in TYPES:
        assert name in schemas.validators, name
        assert schemas.raw[name]["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_every_property_is_described(schemas):
    """The schemas are the editors' field reference: every field says what it is for."""
    for name in schemas.validators:
        for field, spec in schemas.properties(name).items():
            assert spec.get("description"), f"{name}.{field} has no description"


def test_refs_come_from_schema_annotations(schemas):
    refs = {(r.path, r.target) for r in schemas.refs("standard")}
    assert (("audit_sections", "*"), "audit_section") in refs
    assert (("standards", "*"), "standard") in {(r.path, r.target) for r in schemas.refs("course")}
    induction = {(r.path, r.target) for r in schemas.refs("induction")}
    assert (("steps", "*", "procedures", "*"), "procedure") in induction


def test_field_names_count_from_one():
    assert field_name(("sessions", 0, "start")) == "sessions[1].start"
    assert field_name(()) == ""


@pytest.mark.parametrize(
    "data, expected",
    [
        ({"term": "x"}, ("id", 'missing required field "id"')),
        (
            {"id": "a", "term": "DoLS", "definition": "d", "defintion": "x"},
            ("defintion", 'unknown field "defintion"', 'did you mean "definition"?'),
        ),
        (
            {"id": "a", "term": 5, "definition": "d"},
            ("term", 'field "term" must be text, not a number', "put the value in quotes"),
        ),
        (
            {"id": "a", "term": "t", "definition": None},
            ("definition", 'field "definition" must be text, not empty'),
        ),
        (
            {"id": "a", "term": "t", "definition": "d", "see_also": "b"},
            (
                "see_also",
                'field "see_also" must be a list, not text',
                "write each entry on its own line starting with '- '",
            ),
        ),
        (
            {"id": "Bad Id", "term": "t", "definition": "d"},
            ("id", 'field "id" has "Bad Id", which is not in the expected form'),
        ),
        ({"id": "a", "term": "", "definition": "d"}, ("term", 'field "term" is empty', "fill it in")),
    ],
)
def test_plain_english_messages(schemas, data, expected):
    found = messages(schemas, "glossary", data)
    assert any(f[: len(expected)] == expected for f in found), found


def test_dates_are_real_calendar_dates(schemas):
    base = {"id": "a", "title": "t", "summary": "s", "owner": "o", "status": "current"}
    assert messages(schemas, "procedure", dict(base, last_reviewed="2026-02-28")) == []
    assert (
        messages(schemas, "procedure", dict(base, last_reviewed="2026-02-29"))[0][1]
        == 'field "last_reviewed" has "2026-02-29", but there is no 29 February 2026'
    )
    assert messages(schemas, "procedure", dict(base, last_reviewed="1/3/2026"))


def test_local_date_times(schemas):
    course = {
        "id": "c",
        "title": "t",
        "summary": "s",
        "audience": ["ASYE"],
        "mode": "classroom",
        "provider": "in-house",
        "standards": [],
        "booking": {"contact": "a@b.example"},
    }
    ok = dict(course, sessions=[{"start": "2026-03-29T09:30", "end": "2026-03-29 12:00", "status": "open"}])
    assert messages(schemas, "course", ok) == []
    bad = dict(course, sessions=[{"start": "2026-03-29T25:30", "end": "2026-03-29", "status": "open"}])
    found = messages(schemas, "course", bad)
    assert [f[0] for f in found] == ["sessions[1].end", "sessions[1].start"]
