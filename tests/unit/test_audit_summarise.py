"""Exported audits -> results. The demo's latest quarter is counted from the fixture exports
(the tests marked demo); everything else runs on a fixture project holding the exports' audit sections."""

from __future__ import annotations

import json
import math
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from practice_hub.audit_tool.exports import Reader, Refused
from practice_hub.audit_tool.grades import overall
from practice_hub.audit_tool.page import script_json
from practice_hub.audit_tool.summarise import read_exports, summarise, write_results
from practice_hub.cli import main
from practice_hub.schema import load_schemas
from practice_hub.settings import Settings
from tests.helpers import make_project

REPO = Path(__file__).resolve().parents[2]
EXPORTS = REPO / "tests" / "fixtures" / "audit-exports"
RESULTS = REPO / "docs" / "_data" / "audit_results.yml"  # the demo's: read only by tests marked demo


def _validator():
    return load_schemas(REPO / "content_schema").validators["audit_export"]


def _latest(entries: list[dict]) -> tuple[str, list[dict]]:
    latest = max(e["period"] for e in entries)
    return latest, [e for e in entries if e["period"] == latest]


@pytest.mark.demo
def test_summarise_reproduces_the_demos_latest_quarter_exactly():
    audits, problems = read_exports([EXPORTS], _validator())
    assert problems == []
    assert len(audits) == 24
    made = [g.as_result() for g in summarise([a for _, a in audits]) if not g.journey_stage]
    demo_period, demo = _latest(yaml.safe_load(RESULTS.read_text(encoding="utf-8")))
    period, ours = _latest(made)
    assert period == demo_period == "2026-Q3"
    key = lambda r: (r["audit_section"], r.get("service", ""))  # noqa: E731
    assert sorted(ours, key=key) == sorted(demo, key=key)


@pytest.mark.demo
def test_write_into_a_copy_reproduces_the_file_and_keeps_its_comments(tmp_path):
    copy = tmp_path / "audit_results.yml"
    shutil.copy(RESULTS, copy)
    audits, _ = read_exports([EXPORTS], _validator())
    added, replaced = write_results(copy, summarise([a for _, a in audits]))
    assert (added, replaced) == (0, 36)
    assert copy.read_text(encoding="utf-8").startswith("# Case-file audit results")
    assert yaml.safe_load(copy.read_text(encoding="utf-8")) == yaml.safe_load(
        RESULTS.read_text(encoding="utf-8")
    )


def test_a_bad_export_is_reported_with_its_path_and_field(tmp_path):
    good = json.loads((EXPORTS / "audit-01.json").read_text(encoding="utf-8"))
    bad = dict(good, sections=[dict(good["sections"][0], grade="excellent")])
    (tmp_path / "bad.json").write_text(json.dumps(bad), encoding="utf-8")
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "other.json").write_text(
        json.dumps({"format": "another-tool", "version": 3}), encoding="utf-8"
    )
    (tmp_path / "big.json").write_text(" " * 1_000_001, encoding="utf-8")
    audits, problems = read_exports(sorted(tmp_path.iterdir()), _validator())
    assert audits == []
    assert problems == [
        f'{tmp_path / "bad.json"}:1: sections[0].grade: the text "excellent" is not one of the choices '
        '(expected "outstanding", "good", "requires_improvement", "inadequate", "not_applicable" or empty)',
        f"{tmp_path / 'big.json'}: the file is larger than 1,000,000 bytes, too large to be an exported audit",
        f"{tmp_path / 'broken.json'}:1: not valid JSON (Expecting property name enclosed in double quotes)",
        f"{tmp_path / 'other.json'}: format: not an audit exported by the case-file audit tool "
        '(expected "format": "practice-hub-audit")',
    ]


def test_the_command_reports_a_bad_export_and_writes_nothing(project, tmp_path):
    (tmp_path / "bad.json").write_text("[]", encoding="utf-8")
    results = project / "docs" / "_data" / "audit_results.yml"
    before = results.read_bytes()
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "practice_hub",
            "audits",
            "summarise",
            str(EXPORTS / "audit-01.json"),
            str(tmp_path / "bad.json"),
            "--write",
        ],
        cwd=project,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 1
    assert f"{tmp_path / 'bad.json'}: format: not an audit exported by the case-file audit tool" in run.stderr
    assert "nothing was written" in run.stderr
    assert results.read_bytes() == before


def test_the_command_prints_results_per_period_section_service_and_stage(project):
    run = subprocess.run(
        [sys.executable, "-m", "practice_hub", "audits", "summarise", str(EXPORTS)],
        cwd=project,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("2026-Q3\n")
    lines = run.stdout.splitlines()
    assert any(line.split()[:2] == ["audit-voice", "all"] for line in lines)
    assert any("audit-voice" in line and "Children's services" in line for line in lines)
    assert any("audit-voice" in line and "Children in Care" in line for line in lines)


def test_overall_rule_is_no_better_than_the_lowest_key_section():
    grades = {"a": "good", "b": "inadequate", "c": "outstanding"}
    assert overall(grades, {"a", "c"}, "lowest_key_section") == "good"
    assert overall(grades, {"a", "c"}, "lowest_section") == "inadequate"
    assert overall(grades, set(), "lowest_key_section") == "inadequate"
    assert overall({"a": "not_applicable"}, set(), "lowest_section") == ""


def test_data_in_the_page_cannot_close_its_script_element():
    text = script_json({"title": "</script><script>alert(1)</script> & <!--"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"title": "</script><script>alert(1)</script> & <!--"}


def test_audit_settings_are_checked():
    assert (
        Settings.from_mapping({"case_reference_pattern": "^C[0-9]{6}$"}).case_reference_pattern
        == "^C[0-9]{6}$"
    )
    for bad in (
        {"case_reference_pattern": "[unclosed"},
        {"audit_overall_rule": "average"},
        {"audit_services": "Children"},
    ):
        try:
            Settings.from_mapping(bad)
        except ValueError as error:
            assert "extra.practice_hub." in str(error)
        else:  # pragma: no cover
            raise AssertionError(bad)


# Any JSON at all gives a plain message, never a traceback, and a refused --write
# changes nothing. Each input is made here; each message is exact.

GOOD = json.loads((EXPORTS / "audit-01.json").read_text(encoding="utf-8"))
SECTION = GOOD["sections"][0]


def _with(**fields) -> str:
    return json.dumps(dict(GOOD, **fields), indent=2)


def _section(**fields) -> str:
    return _with(sections=[dict(SECTION, **fields)])


TWICE_LINE = [n for n, x in enumerate(_with(sections=[SECTION, SECTION]).splitlines(), 1) if '"id":' in x][1]
GRADES_TEXT = (
    '(expected "outstanding", "good", "requires_improvement", "inadequate", "not_applicable" or empty)'
)
REFUSED = [
    (
        "deep-list",
        b"[" * 100_000,
        ":1: nested more than 10 levels deep (an exported audit is never more than 5 levels deep)",
    ),
    (
        "deep-object",
        b'{"a":\n' * 100_000,
        ":11: nested more than 10 levels deep (an exported audit is never more than 5 levels deep)",
    ),
    (
        "deep-in-a-field",
        _with(training=[]).replace('"training": []', '"training": ' + "[" * 50 + "]" * 50).encode(),
        f":{[n for n, x in enumerate(_with(training=[]).splitlines(), 1) if 'training' in x][0]}: "
        "nested more than 10 levels deep (an exported audit is never more than 5 levels deep)",
    ),
    (
        "a-list",
        b"[]",
        ': format: not an audit exported by the case-file audit tool (expected "format": "practice-hub-audit")',
    ),
    (
        "null",
        b"null",
        ': format: not an audit exported by the case-file audit tool (expected "format": "practice-hub-audit")',
    ),
    (
        "a-number",
        b"1e999",
        ': format: not an audit exported by the case-file audit tool (expected "format": "practice-hub-audit")',
    ),
    (
        "format-a-list",
        b'{"format": ["practice-hub-audit"]}',
        ': format: not an audit exported by the case-file audit tool (expected "format": "practice-hub-audit")',
    ),
    (
        "sections-a-string",
        _with(sections="audit-voice").encode(),
        ':LINE: sections: expected a list, found the text "audit-voice"',
    ),
    ("sections-null", _with(sections=None).encode(), ":LINE: sections: expected a list, found null"),
    (
        "sections-an-object",
        _with(sections={"id": "audit-voice"}).encode(),
        ":LINE: sections: expected a list, found an object",
    ),
    (
        "section-a-list",
        _with(sections=[["audit-voice"]]).encode(),
        ":LINE: sections[0]: expected an object ({...}), found a list of 1",
    ),
    (
        "version-as-text",
        _with(version="1").encode(),
        ':LINE: version: expected a whole number, found the text "1"',
    ),
    ("version-true", _with(version=True).encode(), ":LINE: version: expected a whole number, found true"),
    (
        "version-huge",
        _with(version=7).replace('"version": 7', '"version": ' + "9" * 5000).encode(),
        ":LINE: version: expected a whole number, found a number too large to be read",
    ),
    (
        "version-1e999",
        _with(version=7).replace('"version": 7', '"version": 1e999').encode(),
        ":LINE: version: expected a whole number, found a number too large to be read",
    ),
    (
        "version-NaN",
        _with(version=7).replace('"version": 7', '"version": NaN').encode(),
        ":LINE: version: NaN is not allowed in JSON (write a number, or leave it out)",
    ),
    (
        "met-Infinity",
        _with(version=7).replace('"version": 7', '"version": -Infinity').encode(),
        ":LINE: version: -Infinity is not allowed in JSON (write a number, or leave it out)",
    ),
    (
        "joint-as-text",
        _with(joint_audit="yes").encode(),
        ':LINE: joint_audit: expected true or false, found the text "yes"',
    ),
    (
        "grade-a-number",
        _section(grade=5).encode(),
        f":LINE: sections[0].grade: the number 5 is not one of the choices {GRADES_TEXT}",
    ),
    (
        "grade-unknown",
        _section(grade="excellent").encode(),
        f':LINE: sections[0].grade: the text "excellent" is not one of the choices {GRADES_TEXT}',
    ),
    (
        "notes-an-object",
        _section(evidence={"note": "x"}).encode(),
        ":LINE: sections[0].evidence: expected text, found an object",
    ),
    (
        "note-too-long",
        _section(evidence="x" * 20_001).encode(),
        ":LINE: sections[0].evidence: longer than 20,000 characters (20,001)",
    ),
    (
        "met-as-text",
        _section(looks_for=[{"point": "p", "met": "true"}]).encode(),
        ':LINE: sections[0].looks_for[0].met: expected true or false, found the text "true"',
    ),
    (
        "date-impossible",
        _with(date="2026-02-30").encode(),
        ':LINE: date: the text "2026-02-30" is not a date (write it as YYYY-MM-DD, for example 2026-11-02)',
    ),
    ("date-a-number", _with(date=20261102).encode(), ":LINE: date: expected text, found the number 20261102"),
    ("missing-date", json.dumps({k: v for k, v in GOOD.items() if k != "date"}).encode(), ': missing "date"'),
    ("unknown-field", _with(x=1).encode(), ': unknown field "x" (remove it)'),
    (
        "unknown-section",
        _section(id="audit-nope").encode(),
        ":LINE: sections[0].id: \"audit-nope\" is not a section of this site's audit tool (export the audit again from this site's tool)",
    ),
    (
        "section-twice",
        _with(sections=[SECTION, SECTION]).encode(),
        f":{TWICE_LINE}: sections[1].id: the section {json.dumps(SECTION['id'])} appears more than once",
    ),
    (
        "duplicate-key",
        _with().replace('"version": 1,', '"version": 1,\n  "version": 2,', 1).encode(),
        ':4: the field "version" appears more than once (JSON readers keep only one of them: remove the others)',
    ),
    (
        "invalid-utf8",
        b'{"format": "\xff"}',
        ":1: not UTF-8 text (byte 0xff cannot be read) (an exported audit is UTF-8: export it again, or save it as UTF-8)",
    ),
    (
        "utf16",
        _with().encode("utf-16"),
        ":1: not UTF-8 text (byte 0xff cannot be read) (an exported audit is UTF-8: export it again, or save it as UTF-8)",
    ),
    ("not-json", b"{not json", ":1: not valid JSON (Expecting property name enclosed in double quotes)"),
    ("empty", b"", ":1: not valid JSON (Expecting value)"),
    (
        "too-large",
        b" " * 1_000_001,
        ": the file is larger than 1,000,000 bytes, too large to be an exported audit",
    ),
]


def _line_of(content: bytes, field: str) -> int:
    """The line where the field named in a message is first written (a list's item: the line after)."""
    name = field.rsplit(".", 1)[-1].split("[")[0]
    lines = content.decode("utf-8", "replace").splitlines()
    found = [n for n, line in enumerate(lines, 1) if f'"{name}":' in line]
    return found[0] + field.endswith("]")


def _section(number: int, id: str) -> str:
    return (
        f"---\nid: {id}\nnumber: {number}\ntitle: Section {number}\nsummary: Section {number} summary.\n"
        f"looks_for: [Point {number}]\n"
        f"grades: {{outstanding: O{number}, good: G{number}, requires_improvement: R{number}, inadequate: I{number}}}\n"
        f"key_section: {'true' if number <= 3 else 'false'}\n---\n\n# Section {number}\n"
    )


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """A fixture project with the exports' audit sections, whose results file a refused --write must
    leave alone."""
    export = json.loads((EXPORTS / "audit-01.json").read_text(encoding="utf-8"))
    files = {f"audit/{s['id']}.md": _section(n, s["id"]) for n, s in enumerate(export["sections"], 1)}
    files["index.md"] = "---\nid: home\ntitle: Home\n---\n\n# Home\n"
    files["_data/audit_results.yml"] = "# Case-file audit results\n[]\n"
    root = make_project(tmp_path_factory.mktemp("project"), files=files)
    shutil.copytree(REPO / "content_schema", root / "content_schema")
    return root


@pytest.mark.parametrize("name, content, expected", REFUSED, ids=[c[0] for c in REFUSED])
def test_any_refused_input_is_one_plain_message_and_a_write_changes_nothing(
    project, tmp_path, capsys, name, content, expected
):
    results = project / "docs" / "_data" / "audit_results.yml"
    before = results.read_bytes()
    bad = tmp_path / f"{name}.json"
    bad.write_bytes(content)
    if ":LINE:" in expected:
        field = expected.split(":LINE: ", 1)[1].split(":", 1)[0]
        expected = expected.replace(":LINE:", f":{_line_of(content, field)}:")
    code = main(
        [
            "audits",
            "summarise",
            str(EXPORTS / "audit-01.json"),
            str(bad),
            "--write",
            "-f",
            str(project / "mkdocs.yml"),
        ]
    )
    err = capsys.readouterr().err
    assert code == 1
    assert "Traceback" not in err and "Error" not in err
    assert err.splitlines() == [
        f"{bad}{expected}",
        "Practice Hub: 1 of 2 files refused (1 problem); nothing was written",
    ]
    assert results.read_bytes() == before
    assert sorted(p.name for p in results.parent.iterdir()) == ["audit_results.yml"]  # no temporary file


def test_deep_nesting_in_a_real_process_has_no_traceback(project, tmp_path):
    (tmp_path / "deep.json").write_text("[" * 100_000, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "practice_hub", "audits", "summarise", str(tmp_path / "deep.json")],
        cwd=project,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    assert (
        run.stderr.splitlines()[-1]
        == "Practice Hub: 1 of 1 file refused (1 problem); they are not counted above"
    )


def test_a_byte_order_mark_is_read_as_browsers_read_it(project, tmp_path, capsys):
    marked = tmp_path / "marked.json"
    marked.write_bytes(b"\xef\xbb\xbf" + (EXPORTS / "audit-01.json").read_bytes())
    assert main(["audits", "summarise", str(marked), "-f", str(project / "mkdocs.yml")]) == 0
    assert capsys.readouterr().out.startswith("2026-Q")


def test_a_problem_in_every_field_is_told_ten_times_then_counted(tmp_path):
    many = dict(GOOD, sections=[dict(SECTION, grade=n) for n in range(15)])
    (tmp_path / "many.json").write_text(json.dumps(many), encoding="utf-8")
    audits, problems = read_exports([tmp_path], _validator())
    assert audits == [] and len(problems) == 11
    assert problems[-1] == f"{tmp_path / 'many.json'}: ... and 5 more problems"


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=30,
)
FIELDS = sorted(GOOD) + ["sections[0]." + k for k in SECTION]
HYPO_DIR = Path(tempfile.mkdtemp(prefix="audit-hypothesis-"))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(value=JSON_VALUES, field=st.sampled_from(FIELDS), whole=st.booleans(), nest=st.integers(0, 30))
def test_random_json_never_raises_anything_but_a_refusal(value, field, whole, nest):
    """A random JSON value, alone or in place of one field of a real export, maybe nested deeply:
    read gives an audit or Refused with plain lines, and nothing else."""
    if whole:
        data = value
    else:
        data = json.loads(json.dumps(GOOD))
        target, key = (
            (data["sections"][0], field.split(".", 1)[1])
            if field.startswith("sections[0].")
            else (data, field)
        )
        target[key] = value
    for _ in range(nest):
        data = [data]
    path = HYPO_DIR / "random.json"
    path.write_text(json.dumps(data), encoding="utf-8")  # NaN and Infinity are written as their literals
    reader = Reader(_validator(), lambda: [s["id"] for s in GOOD["sections"]])
    try:
        audit = reader.read(path)
    except Refused as refused:
        assert refused.lines and all(line.startswith(f"{path}") for line in refused.lines)
        assert all("Traceback" not in line and len(line) < 600 for line in refused.lines)
    else:
        assert isinstance(audit, dict) and audit["format"] == "practice-hub-audit"
        summarise([audit])  # what passes can be counted
        assert not any(isinstance(v, float) and not math.isfinite(v) for v in audit.values())


def test_the_page_checks_imports_by_the_same_schema_without_its_words():
    from practice_hub.audit_tool.page import export_rules

    schema = load_schemas(REPO / "content_schema").raw["audit_export"]
    rules = export_rules(schema)
    assert "description" not in json.dumps(rules)
    section = rules["properties"]["sections"]["items"]
    assert sorted(section["properties"]) == sorted(schema["properties"]["sections"]["items"]["properties"])
    assert section["properties"]["title"] == {"type": "string", "maxLength": 500}  # a field named title stays
