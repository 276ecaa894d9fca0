"""Issue 15: exported audits -> results. The demo's latest quarter is counted from the fixture exports."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from practice_hub.audit_tool.grades import overall
from practice_hub.audit_tool.page import script_json
from practice_hub.audit_tool.summarise import read_exports, summarise, write_results
from practice_hub.schema import load_schemas
from practice_hub.settings import Settings

REPO = Path(__file__).resolve().parents[2]
EXPORTS = REPO / "tests" / "fixtures" / "audit-exports"
RESULTS = REPO / "docs" / "_data" / "audit_results.yml"


def _validator():
    return load_schemas(REPO / "content_schema").validators["audit_export"]


def _latest(entries: list[dict]) -> tuple[str, list[dict]]:
    latest = max(e["period"] for e in entries)
    return latest, [e for e in entries if e["period"] == latest]


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
        f"{tmp_path / 'bad.json'}: sections[0].grade: 'excellent' is not one of ['outstanding', 'good', "
        "'requires_improvement', 'inadequate', 'not_applicable', '']",
        f"{tmp_path / 'big.json'}: the file is larger than 1,000,000 bytes, too large to be an exported audit",
        f"{tmp_path / 'broken.json'}:1: not valid JSON (Expecting property name enclosed in double quotes)",
        f"{tmp_path / 'other.json'}: format: not an audit exported by the case-file audit tool "
        '(expected "format": "practice-hub-audit")',
    ]


def test_the_command_reports_a_bad_export_and_writes_nothing(tmp_path):
    (tmp_path / "bad.json").write_text("[]", encoding="utf-8")
    before = RESULTS.read_bytes()
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
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 1
    assert f"{tmp_path / 'bad.json'}: format: not an audit exported by the case-file audit tool" in run.stderr
    assert "nothing was written" in run.stderr
    assert RESULTS.read_bytes() == before


def test_the_command_prints_results_per_period_section_service_and_stage():
    run = subprocess.run(
        [sys.executable, "-m", "practice_hub", "audits", "summarise", str(EXPORTS)],
        cwd=REPO,
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
