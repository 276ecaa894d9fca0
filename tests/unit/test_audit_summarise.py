"""Exported audits -> counted audits and a report. Everything runs on fixture projects holding the
exports' audit sections (with the demo's intended scope by service) and the demo's winter cycle;
only the test marked demo reads the demo's counted audits."""

from __future__ import annotations

import datetime as dt
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

from practice_hub.audit_tool.counting import record_of
from practice_hub.audit_tool.exports import Reader, Refused
from practice_hub.audit_tool.grades import final_grade, overall
from practice_hub.audit_tool.rules import AuditRules, CycleRule, SectionRule
from practice_hub.audit_tool.summarise import counted, read_exports, report
from practice_hub.cli import main
from practice_hub.renderer.audit_form import script_json
from practice_hub.schema import load_schemas
from practice_hub.settings import Settings
from tests.helpers import TODAY, make_project

REPO = Path(__file__).resolve().parents[2]
EXPORTS = REPO / "tests" / "fixtures" / "audit-exports"
COUNTED = REPO / "docs" / "_data" / "audits_counted.yml"  # the demo's: read only by the test marked demo
ORIGINAL = EXPORTS / "audit-C4100200.json"
MODERATED = EXPORTS / "audit-C4100200-moderated.json"
CHILDREN, ADULTS = "Children's services", "Adults' services"


def _validator():
    return load_schemas(REPO / "content_schema").validators["audit_export"]


def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


ALL = [_load(p) for p in sorted(EXPORTS.glob("*.json"))]
KEY = {"audit-summary-chronology", "audit-voice", "audit-risk"}


def _scope() -> list[tuple[str, str, list[str], list[str]]]:
    """(id, title, services, journey stages) of every section the exports grade, in their order: a
    section only children's audits grade is children's only, and so on."""
    order: dict[str, tuple[str, set, set]] = {}
    for audit in ALL:
        for section in audit["sections"]:
            title, services, stages = order.setdefault(section["id"], (section["title"], set(), set()))
            services.add(audit["service"])
            stages.add(audit["journey_stage"])
    return [
        (
            sid,
            title,
            sorted(services) if len(services) == 1 else [],
            sorted({a["journey_stage"] for a in ALL}),
        )
        for sid, (title, services, _) in order.items()
    ]


SCOPE = _scope()
RULES = AuditRules(
    case_reference_pattern="^[A-Z]{0,3}[0-9]{4,9}$",
    services=(CHILDREN, ADULTS),
    sections=tuple(
        SectionRule(sid, title, tuple(sv), sid in KEY, tuple(st_)) for sid, title, sv, st_ in SCOPE
    ),
    cycles=(
        CycleRule("cycle-2026-q4-risk", (CHILDREN, ADULTS)),
        CycleRule("cycle-adults-voice", (ADULTS,), ("audit-voice",)),
    ),
    today=TODAY,
)


def _section_page(number: int, sid: str, title: str, services: list[str], stages: list[str]) -> str:
    return (
        f"---\nid: {sid}\nnumber: {number}\ntitle: {title}\nsummary: {title} summary.\n"
        f"looks_for: [Point {number}]\n"
        f"grades: {{outstanding: O{number}, good: G{number}, requires_improvement: R{number}, inadequate: I{number}}}\n"
        f"key_section: {'true' if sid in KEY else 'false'}\n"
        + (f"services: {json.dumps(services)}\n" if services else "")
        + f"journey_stages: {json.dumps(stages)}\n---\n\n# {title}\n"
    )


CYCLE = (
    "---\nid: cycle-2026-q4-risk\ntitle: Winter cycle\nsummary: Risk.\ntheme: Risk\n"
    f'services: ["{CHILDREN}", "{ADULTS}"]\nplanning_meeting: 2026-10-06\n'
    "audit_window: {start: 2026-11-02, end: 2026-12-18}\nlink_practitioner: Advanced Practitioner\n"
    "cycle_status: auditing\n---\n\n# Winter cycle\n"
)
ADULTS_CYCLE = CYCLE.replace("cycle-2026-q4-risk", "cycle-adults-voice").replace(
    f'services: ["{CHILDREN}", "{ADULTS}"]', f'services: ["{ADULTS}"]\naudit_sections: [audit-voice]'
)


def _make(root: Path) -> Path:
    files = {
        f"audit/{sid}.md": _section_page(n, sid, title, services, stages)
        for n, (sid, title, services, stages) in enumerate(SCOPE, 1)
    }
    files["audit/cycles/2026-q4-risk.md"] = CYCLE
    files["audit/cycles/adults-voice.md"] = ADULTS_CYCLE
    files["index.md"] = "---\nid: home\ntitle: Home\n---\n\n# Home\n"
    files["_data/audits_counted.yml"] = "# Counted audits: the head comment stays\n[]\n"
    made = make_project(root, files=files)
    shutil.copytree(REPO / "content_schema", made / "content_schema")
    return made


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """A fixture project with the exports' audit sections, whose counted audits a refused --write
    must leave alone."""
    return _make(tmp_path_factory.mktemp("project"))


@pytest.fixture(autouse=True)
def _today(monkeypatch):
    monkeypatch.setenv("PRACTICE_HUB_TODAY", TODAY)


def _summarise(project: Path, *args: str) -> list[str]:
    return ["audits", "summarise", *args, "-f", str(project / "mkdocs.yml")]


@pytest.mark.demo
def test_the_demos_counted_audits_are_the_fixture_exports_counted():
    audits, problems, _ = read_exports([EXPORTS], _validator())
    assert problems == []
    assert yaml.safe_load(COUNTED.read_text(encoding="utf-8")) == counted(audits).records
    assert "audits summarise" in COUNTED.read_text(encoding="utf-8").split("\n- ", 1)[0]


def test_the_fixture_exports_are_realistic_and_all_pass_the_rules():
    audits, problems, refused = read_exports([EXPORTS], _validator(), RULES)
    assert (problems, refused) == ([], 0)
    records = counted(audits).records
    assert len(audits) == 27 and len(records) == 26
    assert {r["date"][:7] for r in records} >= {"2026-07", "2026-08", "2026-09", "2026-10", "2026-11"}
    assert max(r["date"] for r in records) <= "2026-11-20"
    assert {r["service"] for r in records} == {CHILDREN, ADULTS}
    assert sum(1 for r in records if r.get("cycle") == "cycle-2026-q4-risk") >= 5
    assert sum(r["escalations"] for r in records) > 0
    assert 0.7 < sum(r["practitioner_took_part"] for r in records) / len(records) < 1
    assert all("(" in a["auditor"] for a in ALL)


def test_a_bad_export_is_reported_with_its_path_and_field(tmp_path):
    good = _load(ORIGINAL)
    bad = dict(good, sections=[dict(good["sections"][0], grade="excellent")])
    (tmp_path / "bad.json").write_text(json.dumps(bad), encoding="utf-8")
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "other.json").write_text(
        json.dumps({"format": "another-tool", "version": 3}), encoding="utf-8"
    )
    (tmp_path / "big.json").write_text(" " * 1_000_001, encoding="utf-8")
    audits, problems, refused = read_exports(sorted(tmp_path.iterdir()), _validator())
    assert audits == [] and refused == 4
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
    results = project / "docs" / "_data" / "audits_counted.yml"
    before = results.read_bytes()
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "practice_hub",
            "audits",
            "summarise",
            str(ORIGINAL),
            str(tmp_path / "bad.json"),
            "--write",
        ],
        cwd=project,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 1
    assert run.stdout == ""
    assert run.stderr.splitlines() == [
        f"{tmp_path / 'bad.json'}: format: not an audit exported by the case-file audit tool "
        '(expected "format": "practice-hub-audit")',
        "Practice Hub: 1 of 2 files refused (1 problem); nothing was counted or written",
    ]
    assert results.read_bytes() == before


def test_the_report_gives_each_section_and_the_overall_judgement_per_period_and_group(project, capsys):
    assert main(_summarise(project, str(EXPORTS))) == 0
    out = capsys.readouterr().out
    blocks = out.split("\n\n")
    assert blocks[0].splitlines()[0] == "2026-Q3, all services: 15 audits"
    heads = [b.splitlines()[0] for b in blocks if b.strip() and not b.startswith("*")]
    assert heads[:4] == [
        "2026-Q3, all services: 15 audits",
        "2026-Q3, Adults' services: 7 audits",
        "2026-Q3, Children's services: 8 audits",
        "2026-Q3, Adult safeguarding: 4 audits",
    ]
    assert (
        "2026-Q4, all services: 11 audits" in heads
        and "cycle cycle-2026-q4-risk, all services: 6 audits" in heads
    )
    first = blocks[0].splitlines()
    assert first[2].split()[:2] == ["Overall", "judgement"] and first[2].split()[2] == "15"
    assert [line.split("  ")[1].strip() for line in first[2::2][:4]] == [
        "Overall judgement",
        "Case summary and chronology",
        "Assessment and analysis",
        "Voice of the child and the person",
    ]
    assert "Requires improvement to be good" in out  # the grades in words
    assert "practitioner took part: 13 of 15" in first[-1]
    assert out.rstrip().endswith("* fewer than 5 files graded: a small sample, read with care.")
    small = [line for line in out.splitlines() if " * " in line]
    assert small and all(int(line.split(" * ")[0].split()[-1]) < 5 for line in small)


def test_a_section_nobody_could_grade_is_not_applicable_never_0_audited():
    records = [
        {
            "audit": "aaaaaaaa-1",
            "date": "2026-07-01",
            "service": CHILDREN,
            "grades": {"audit-permanence": "not_applicable"},
        }
    ]
    text = report(records, RULES, small=5)
    line = next(x for x in text.splitlines() if x.strip().startswith("Permanence"))
    assert line.split() == ["Permanence", "not", "applicable", "(1)"]
    assert "0 %" not in text and " 0%" not in text.replace("100%", "")


def test_the_original_and_the_moderated_export_count_once_with_the_moderators_grades(tmp_path, capsys):
    project = _make(tmp_path / "p")
    assert main(_summarise(project, str(ORIGINAL), str(MODERATED), "--write")) == 0
    err = capsys.readouterr().err.splitlines()
    moderated = _load(MODERATED)
    assert err[0] == (
        f"{MODERATED}: the same audit as {ORIGINAL} (id {moderated['id']}): "
        "counted once, the moderated export (moderated on 2026-10-16)"
    )
    records = yaml.safe_load((project / "docs/_data/audits_counted.yml").read_text(encoding="utf-8"))
    assert len(records) == 1
    assert records[0]["grades"] == {s["id"]: final_grade(s) for s in moderated["sections"]}
    assert records[0]["moderated_on"] == "2026-10-16" and records[0]["overall"] == moderated["overall"]
    # the other order says the same
    assert main(_summarise(project, str(MODERATED), str(ORIGINAL))) == 0
    assert capsys.readouterr().err.splitlines()[0] == err[0]


def test_write_twice_on_two_batches_counts_both_and_keeps_the_head_comment(tmp_path, capsys):
    project = _make(tmp_path / "p")
    target = project / "docs/_data/audits_counted.yml"
    files = sorted(EXPORTS.glob("*.json"))
    first, second = files[:14], files[14:]  # the original and moderated export both in the first
    assert main(_summarise(project, *map(str, first), "--write")) == 0
    err = capsys.readouterr().err
    assert (
        "Practice Hub: " + str(target) + ": 13 added, 0 replaced, 0 unchanged; 13 audits counted in all"
        in err
    )
    assert main(_summarise(project, *map(str, second), "--write")) == 0
    err = capsys.readouterr().err
    assert f"Practice Hub: {target}: 13 added, 0 replaced, 0 unchanged; 26 audits counted in all" in err
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Counted audits: the head comment stays\n- audit: ")
    everything, _, _ = read_exports([EXPORTS], _validator())
    assert yaml.safe_load(text) == counted(everything).records
    # again: nothing changes; the moderated export after the original replaces it
    assert main(_summarise(project, *map(str, second), "--write")) == 0
    assert "0 added, 0 replaced, 13 unchanged" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == text
    again = _make(tmp_path / "q")
    assert main(_summarise(again, str(ORIGINAL), "--write")) == 0
    capsys.readouterr()
    assert main(_summarise(again, str(MODERATED), "--write")) == 0
    err = capsys.readouterr().err
    assert f"  replaced by a newer export: {_load(MODERATED)['id']}" in err.splitlines()
    assert "0 added, 1 replaced, 0 unchanged; 1 audit counted in all" in err
    assert main(_summarise(again, str(ORIGINAL), "--write")) == 0
    assert "0 added, 0 replaced, 1 unchanged" in capsys.readouterr().err


def test_csv_writes_every_audit_into_one_sheet(tmp_path, project, capsys):
    out = tmp_path / "all.csv"
    assert main(_summarise(project, str(EXPORTS), "--csv", str(out))) == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = raw.decode("utf-8-sig").splitlines()
    assert len(rows) == 1 + sum(len(a["sections"]) for a in ALL) - len(_load(ORIGINAL)["sections"])
    assert "Zoë" not in raw.decode("utf-8-sig") and "’" in raw.decode("utf-8-sig")
    assert f"26 audits written to {out}" in capsys.readouterr().err


def test_csv_is_never_written_into_docs(project, capsys):
    inside = project / "docs" / "audits.csv"
    assert main(_summarise(project, str(ORIGINAL), "--csv", str(inside))) == 2
    assert capsys.readouterr().err == (
        f"{inside}: an exported audit holds case notes and must never be published: the spreadsheet "
        f"cannot be written under {project / 'docs'} (write it where the audits are kept)\n"
    )
    assert not inside.exists()


def test_the_write_option_says_where_the_audits_go_and_stages_is_gone(capsys):
    with pytest.raises(SystemExit):
        main(["audits", "summarise", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "docs/_data/audits_counted.yml" in text and "replaced only by a newer export" in text
    assert "--stages" not in text and "--csv" in text


# The audit rules: each refusal names the file, the line and the field, in exact words.

GOOD = _load(ORIGINAL)
SECTION = GOOD["sections"][0]
ADULT = _load(EXPORTS / "audit-A4100237.json")


def _with(base: dict = GOOD, **fields) -> str:
    return json.dumps(dict(base, **fields), indent=2, ensure_ascii=False)


def _sections(**changes) -> list[dict]:
    """GOOD's sections with the first one changed."""
    return [dict(SECTION, **changes)] + GOOD["sections"][1:]


def _line(content: str, text: str, nth: int = 0) -> int:
    return [n for n, line in enumerate(content.splitlines(), 1) if text in line][nth]


AGAIN = "correct it in the audit tool and export the audit again"
MSP = next(s for s in ADULT["sections"] if s["id"] == "audit-msp")
INADEQUATE_KEY = [dict(s, grade="inadequate") if s["id"] == "audit-voice" else s for s in GOOD["sections"]]
for _s in INADEQUATE_KEY:
    _s.pop("escalation", None) if _s["id"] == "audit-voice" else None
RULE_CASES = [
    (
        "future-date",
        _with(date="2026-11-25"),
        lambda c: [
            f":{_line(c, chr(34) + 'date' + chr(34))}: date: 2026-11-25 is after today (2026-11-24) "
            f"(an audit cannot be dated in the future: {AGAIN})"
        ],
    ),
    (
        "unknown-section",
        _with(sections=_sections(id="audit-nope")),
        lambda c: [
            f":{_line(c, chr(34) + 'sections' + chr(34))}: sections: 1 section in scope is missing: audit-summary-chronology "
            "(grade every section in scope (not applicable is a grade) and export the audit again)",
            f':{_line(c, "audit-nope")}: sections[0].id: "audit-nope" is not a section of this site\'s audit tool '
            "(export the audit again from this site's tool)",
        ],
    ),
    (
        "unknown-service",
        _with(service="Youth Justice"),
        lambda c: [
            f':{_line(c, "Youth Justice")}: service: "Youth Justice" is not one of this site\'s services '
            f'(expected "{CHILDREN}" or "{ADULTS}")'
        ],
    ),
    (
        "name-like-case-reference",
        _with(case_reference="Jo Bloggs"),
        lambda c: [
            f":{_line(c, 'Jo Bloggs')}: case_reference: looks like a name "
            "(enter the case system's number, never the child's or adult's name)"
        ],
    ),
    (
        "nhs-number",
        _with(case_reference="943 476 5919"),
        lambda c: [
            f":{_line(c, '943 476')}: case_reference: looks like an NHS number "
            "(enter the case system's number, never an NHS number)"
        ],
    ),
    (
        "version-1",
        _with(version=1),
        lambda c: [
            f":{_line(c, 'version')}: version: an export from an older version of the audit tool (version 1), "
            "which cannot be counted (open it in this site's audit tool (Import) and export it again)"
        ],
    ),
    (
        "section-out-of-scope",
        _with(sections=GOOD["sections"] + [MSP]),
        lambda c: [
            f':{_line(c, chr(34) + "audit-msp")}: sections[{len(GOOD["sections"])}].id: the section "audit-msp" '
            f'is not audited in "{CHILDREN}" (it is audited in "{ADULTS}": remove it from this audit)'
        ],
    ),
    (
        "no-escalation",
        _with(sections=INADEQUATE_KEY, overall="inadequate", auditor_overall="inadequate"),
        lambda c: [
            f':{_line(c, chr(34) + "audit-voice") - 1}: sections[2]: the key section "audit-voice" is graded '
            "inadequate but no escalation is recorded (record who the case was escalated to, and when)"
        ],
    ),
    (
        "overall-not-the-one-that-counts",
        _with(overall="good"),
        lambda c: [
            f':{_line(c, chr(34) + "overall" + chr(34))}: overall: "good" is not the judgement that counts '
            f'("{GOOD["auditor_overall"]}") (overall is the moderator\'s overall judgement when there is one, '
            f"else the auditor's: {AGAIN})"
        ],
    ),
    (
        "took-part-missing",
        _with(practitioner={"role": "Social worker"}),
        lambda c: [
            f":{_line(c, chr(34) + 'practitioner')}: practitioner.took_part: does not say whether the "
            "practitioner took part (answer yes or no in the tool and export the audit again)"
        ],
    ),
    (
        "moderated-without-moderator",
        _with(_load(MODERATED), moderator=""),
        lambda c: [
            f":{_line(c, chr(34) + 'moderator' + chr(34))}: moderator: the audit was moderated but the moderator "
            "is not named (name the moderator's role)"
        ],
    ),
    (
        "moderated-before-the-audit",
        _with(_load(MODERATED), moderated_on="2026-06-30"),
        lambda c: [
            f":{_line(c, 'moderated_on')}: moderated_on: 2026-06-30 is before the audit's date (2026-07-01) ({AGAIN})"
        ],
    ),
    (
        "unknown-cycle",
        _with(cycle="cycle-nope"),
        lambda c: [
            f':{_line(c, "cycle-nope")}: cycle: "cycle-nope" is not an audit cycle of this site '
            "(choose one of the cycles in docs/audit/cycles/, or leave it empty)"
        ],
    ),
    (
        "cycle-of-another-service",
        _with(cycle="cycle-adults-voice"),
        lambda c: [
            f':{_line(c, "cycle-adults-voice")}: cycle: the cycle "cycle-adults-voice" does not audit '
            f'"{CHILDREN}" (its services are "{ADULTS}")'
        ],
    ),
]


@pytest.mark.parametrize("name, content, expected", RULE_CASES, ids=[c[0] for c in RULE_CASES])
def test_each_audit_rule_refuses_with_path_line_and_field(project, tmp_path, capsys, name, content, expected):
    results = project / "docs" / "_data" / "audits_counted.yml"
    before = results.read_bytes()
    bad = tmp_path / f"{name}.json"
    bad.write_text(content, encoding="utf-8")
    code = main(_summarise(project, str(bad), "--write"))
    err = capsys.readouterr().err.splitlines()
    lines = expected(content)
    assert code == 1
    assert sorted(err[:-1]) == sorted(f"{bad}{line}" for line in lines)
    assert (
        err[-1]
        == f"Practice Hub: 1 of 1 file refused ({len(lines)} problem{'s' if len(lines) > 1 else ''}); nothing was counted or written"
    )
    assert results.read_bytes() == before


def test_an_audit_of_a_cycle_with_chosen_sections_grades_those_alone(project, tmp_path, capsys):
    voice = next(s for s in ADULT["sections"] if s["id"] == "audit-voice")
    path = tmp_path / "cycle.json"
    in_window = "2026-11-10"  # the cycle's audit window is 2026-11-02 to 2026-12-18
    path.write_text(
        _with(ADULT, cycle="cycle-adults-voice", sections=[voice], date=in_window), encoding="utf-8"
    )
    assert main(_summarise(project, str(path))) == 0, capsys.readouterr().err
    path.write_text(_with(ADULT, cycle="cycle-adults-voice", date=in_window), encoding="utf-8")
    assert main(_summarise(project, str(path))) == 1
    err = capsys.readouterr().err
    assert 'the section "audit-summary-chronology" is not audited in the cycle "cycle-adults-voice"' in err


def test_an_audit_outside_its_cycles_window_is_refused(project, tmp_path, capsys):
    """A cycle whose window has closed keeps the results it reported."""
    voice = next(s for s in ADULT["sections"] if s["id"] == "audit-voice")
    path = tmp_path / "late.json"
    path.write_text(
        _with(ADULT, cycle="cycle-adults-voice", sections=[voice], date="2026-10-30"), encoding="utf-8"
    )
    assert main(_summarise(project, str(path))) == 1
    line = _line(path.read_text(encoding="utf-8"), '"cycle"')
    assert capsys.readouterr().err.splitlines()[0] == (
        f"{path}:{line}: cycle: the audit is dated "
        '2026-10-30, outside the audit window of the cycle "cycle-adults-voice" (2026-11-02 to '
        "2026-12-18) (a closed cycle's results do not change: leave the cycle empty, or correct the date)"
    )


def test_a_future_date_is_judged_by_the_builds_date(project, tmp_path, capsys, monkeypatch):
    """The build's date: PRACTICE_HUB_TODAY, else mkdocs.yml's today, else the real date. An audit
    the command counts is never one the build then refuses as dated in the future."""
    path = tmp_path / "late.json"
    path.write_text(_with(date="2026-11-30"), encoding="utf-8")  # after mkdocs.yml's pin 2026-11-24
    monkeypatch.setenv("PRACTICE_HUB_TODAY", "2026-12-01")
    assert main(_summarise(project, str(path))) == 0, capsys.readouterr().err
    monkeypatch.delenv("PRACTICE_HUB_TODAY")
    assert main(_summarise(project, str(path))) == 1
    assert "date: 2026-11-30 is after today (2026-11-24)" in capsys.readouterr().err
    from practice_hub.audit_tool.rules import today

    assert today("") == dt.date.today().isoformat() and today("2026-12-01") == "2026-12-01"


# Any JSON at all gives a plain message, never a traceback, and a refused --write
# changes nothing. Each input is made here; each message is exact.


def _section(**fields) -> str:
    return _with(sections=[dict(SECTION, **fields)])


TWICE = _with(sections=GOOD["sections"] + [SECTION])
TWICE_LINE = _line(TWICE, f'"id": "{SECTION["id"]}"', 1)
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
        _with(version="2").encode(),
        ':LINE: version: expected a whole number, found the text "2"',
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
    (
        "missing-case-reference",
        json.dumps({k: v for k, v in GOOD.items() if k != "case_reference"}).encode(),
        ': missing "case_reference"',
    ),
    ("unknown-field", _with(x=1).encode(), ': unknown field "x" (remove it)'),
    (
        "section-twice",
        TWICE.encode(),
        f":{TWICE_LINE}: sections[{len(GOOD['sections'])}].id: the section {json.dumps(SECTION['id'])} "
        "appears more than once",
    ),
    (
        "duplicate-key",
        _with().replace('"version": 2,', '"version": 2,\n  "version": 2,', 1).encode(),
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


@pytest.mark.parametrize("name, content, expected", REFUSED, ids=[c[0] for c in REFUSED])
def test_any_refused_input_is_one_plain_message_and_a_write_changes_nothing(
    project, tmp_path, capsys, name, content, expected
):
    results = project / "docs" / "_data" / "audits_counted.yml"
    before = results.read_bytes()
    bad = tmp_path / f"{name}.json"
    bad.write_bytes(content)
    if ":LINE:" in expected:
        field = expected.split(":LINE: ", 1)[1].split(":", 1)[0]
        expected = expected.replace(":LINE:", f":{_line_of(content, field)}:")
    code = main(_summarise(project, str(MODERATED), str(bad), "--write"))
    err = capsys.readouterr().err
    assert code == 1
    assert "Traceback" not in err and "Error" not in err
    assert err.splitlines() == [
        f"{bad}{expected}",
        "Practice Hub: 1 of 2 files refused (1 problem); nothing was counted or written",
    ]
    assert results.read_bytes() == before
    assert sorted(p.name for p in results.parent.iterdir()) == ["audits_counted.yml"]  # no temporary file


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
        == "Practice Hub: 1 of 1 file refused (1 problem); nothing was counted or written"
    )


def test_a_byte_order_mark_is_read_as_browsers_read_it(project, tmp_path, capsys):
    marked = tmp_path / "marked.json"
    marked.write_bytes(b"\xef\xbb\xbf" + MODERATED.read_bytes())
    assert main(_summarise(project, str(marked))) == 0
    assert capsys.readouterr().out.startswith("2026-Q")


def test_a_problem_in_every_field_is_told_ten_times_then_counted(tmp_path):
    many = dict(GOOD, sections=[dict(SECTION, grade=n) for n in range(15)])
    (tmp_path / "many.json").write_text(json.dumps(many), encoding="utf-8")
    audits, problems, _ = read_exports([tmp_path], _validator())
    assert audits == [] and len(problems) == 11
    assert problems[-1] == f"{tmp_path / 'many.json'}: ... and 5 more problems"


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
    reader = Reader(_validator(), RULES)
    try:
        audit = reader.read(path)
    except Refused as refused:
        assert refused.lines and all(line.startswith(f"{path}") for line in refused.lines)
        assert all("Traceback" not in line and len(line) < 600 for line in refused.lines)
    else:
        assert isinstance(audit, dict) and audit["format"] == "practice-hub-audit"
        report([record_of(audit)], RULES)  # what passes can be counted
        assert not any(isinstance(v, float) and not math.isfinite(v) for v in audit.values())


def test_the_page_checks_imports_by_the_same_schema_without_its_words():
    from practice_hub.renderer.audit_form import export_rules

    schema = load_schemas(REPO / "content_schema").raw["audit_export"]
    rules = export_rules(schema)
    assert "description" not in json.dumps(rules)
    section = rules["properties"]["sections"]["items"]
    assert sorted(section["properties"]) == sorted(schema["properties"]["sections"]["items"]["properties"])
    assert section["properties"]["title"] == {"type": "string", "maxLength": 500}  # a field named title stays


def test_remove_takes_a_counted_audit_out_by_id_and_nothing_else(tmp_path, capsys):
    project = _make(tmp_path / "p")
    target = project / "docs/_data/audits_counted.yml"
    files = sorted(EXPORTS.glob("*.json"))[:4]
    assert main(_summarise(project, *map(str, files), "--write")) == 0
    capsys.readouterr()
    before = yaml.safe_load(target.read_text(encoding="utf-8"))
    gone = before[1]["audit"]
    config = ["-f", str(project / "mkdocs.yml")]
    assert main(["audits", "remove", gone, *config]) == 0
    assert capsys.readouterr().err == (
        f"Practice Hub: {target}: 1 audit removed: {gone} (build the site again, or open a pull "
        "request, to update the results)\n"
    )
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Counted audits: the head comment stays\n")
    assert yaml.safe_load(text) == [r for r in before if r["audit"] != gone]
    # an id that is not counted: told, and nothing is removed
    assert main(["audits", "remove", before[0]["audit"], "no-such-audit", *config]) == 1
    assert capsys.readouterr().err == (
        f'{target}: 1 audit not counted: no-such-audit (copy the id from the export\'s "id" or the '
        "spreadsheet's audit_id column); nothing was removed\n"
    )
    assert target.read_text(encoding="utf-8") == text


def test_two_ids_for_one_case_on_one_day_are_both_counted_and_told(tmp_path, capsys):
    project = _make(tmp_path / "p")
    copy = _load(ORIGINAL)
    copy["id"] = "copied-audit-0001"
    twin = tmp_path / "twin.json"
    twin.write_text(json.dumps(copy, indent=2), encoding="utf-8")
    assert main(_summarise(project, str(ORIGINAL), str(twin))) == 0
    err = capsys.readouterr().err
    original = _load(ORIGINAL)
    first, second = sorted([(ORIGINAL, original["id"]), (twin, "copied-audit-0001")])
    assert (
        f"{first[0]} and {second[0]}: 2 audits of case {original['case_reference']} dated "
        f"{original['date']} (ids {first[1]}, {second[1]}): each is counted (if they are one audit "
        "exported from two drafts, leave one file out, or take one out after --write with: "
        "audits remove ID)"
    ) in err.splitlines()
    assert "2 audits counted from 2 files" in err


def test_a_journey_stage_of_another_service_is_refused(project, tmp_path, capsys):
    """mkdocs.yml's audit_service_stages: a children's audit never names an adults' stage."""
    path = tmp_path / "stage.json"
    path.write_text(_with(GOOD, journey_stage="Adult safeguarding"), encoding="utf-8")
    assert main(_summarise(project, str(path))) == 1
    line = _line(path.read_text(encoding="utf-8"), '"journey_stage"')
    assert capsys.readouterr().err.splitlines()[0] == (
        f'{path}:{line}: journey_stage: "Adult safeguarding" is not a journey stage of "Children\'s '
        'services" (expected "Early Help", "Assessment", "Child in Need / Child Protection", '
        '"Children with Disabilities", "Children in Care", "Fostering and Adoption", "Care Leavers" or '
        '"Transitions" or empty (audit_service_stages in mkdocs.yml))'
    )


def test_departing_from_the_rule_needs_a_reason_that_says_why(project, tmp_path, capsys):
    """The overall judgement is the auditor's own; where it differs from the rule's suggestion, the
    reason is a sentence, not "x", and the counted audit says it departed."""
    suggested = GOOD["suggested_overall"]
    other = "inadequate" if suggested != "inadequate" else "good"
    path = tmp_path / "own.json"
    path.write_text(_with(GOOD, auditor_overall=other, overall=other, overall_reason="x"), encoding="utf-8")
    assert main(_summarise(project, str(path))) == 1
    line = _line(path.read_text(encoding="utf-8"), '"overall_reason"')
    assert capsys.readouterr().err.splitlines()[0] == (
        f"{path}:{line}: overall_reason: the overall judgement differs from the rule's suggestion, and the "
        "reason is too short to say why (write a sentence (20 characters or more) saying why the auditor "
        "departed from the suggestion: correct it in the audit tool and export the audit again)"
    )
    reason = "The plan was never shared with the family, so the file is not good overall."
    path.write_text(
        _with(GOOD, auditor_overall=other, overall=other, overall_reason=reason), encoding="utf-8"
    )
    assert main(_summarise(project, str(path))) == 0
    assert "overall differs from the rule's suggestion: 1" in capsys.readouterr().out


def test_an_audit_in_a_period_kept_by_hand_is_not_written(tmp_path, capsys):
    """A period is counted from exports or kept by hand, never both: --write refuses what the build
    would then refuse as counted twice."""
    project = _make(tmp_path / "p")
    hand = project / "docs/_data/audit_results.yml"
    hand.write_text(
        "# kept by hand\n- period: 2026-Q3\n  audit_section: audit-voice\n  files_audited: 38\n"
        "  good_or_better: 60\n  requires_improvement_or_lower: 40\n",
        encoding="utf-8",
    )
    target = project / "docs/_data/audits_counted.yml"
    before = target.read_text(encoding="utf-8")
    assert main(_summarise(project, str(ORIGINAL), "--write")) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[-2] == (
        f'{ORIGINAL}: date: {GOOD["date"]} falls in 2026-Q3, whose results for "audit-voice" are kept by hand '
        f"in {hand} (line 2) (a period is counted from exports or kept by hand, never both: leave this "
        "audit out, or take that period's hand-kept results out first)"
    )
    assert err[-1] == "Practice Hub: 1 audit in periods kept by hand; nothing was written"
    assert target.read_text(encoding="utf-8") == before


def test_a_copy_with_a_new_id_counted_in_a_later_batch_is_told(tmp_path, capsys):
    project = _make(tmp_path / "p")
    assert main(_summarise(project, str(ORIGINAL), "--write")) == 0
    capsys.readouterr()
    copy = dict(_load(ORIGINAL), id="copied-audit-0002")
    twin = tmp_path / "twin.json"
    twin.write_text(json.dumps(copy, indent=2), encoding="utf-8")
    assert main(_summarise(project, str(twin), "--write")) == 0
    assert (
        f"audit copied-audit-0002 matches audit {_load(ORIGINAL)['id']}, already counted, in its date, "
        "service and every grade: both are counted (if it is a copy, take it out with: audits remove "
        "copied-audit-0002)"
    ) in capsys.readouterr().err.splitlines()
