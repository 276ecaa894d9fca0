"""The browser never exports what ``audits summarise`` refuses, and the reverse.

The tool's checks before export (the export schema, then the audit rules R1-R8) run in the page as
``window.PracticeHubAudit.check(audit, data, today)``; the command line's are
``exports.Reader`` with the site's ``AuditRules``. Hypothesis makes audits by breaking a fixture
export the site accepts (the case reference, dates, service, stage and cycle, the sections and
their grades, escalations, the overall judgements, the practitioner, moderation), and each audit
is judged by both, with the same today:

- both accept it, or both refuse it;
- the export schema's problems name the same top-level fields (a field missing at the top is
  named by its own name on both sides);
- the rules' problems name the same top-level fields, leaving out those the schema refused (the
  tool lists the rules' problems about the other fields; the command line runs its rules only on
  an audit of the right shape, so here they are run directly, and compared when they can run).

Audits on which the two sides once disagreed are judged first, every run. Audits are judged in
the page in batches, so the few hundred examples take seconds.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import NamedTuple

import pytest
from conftest import PROJECT, REPO, TODAY
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from practice_hub.audit_tool.exports import Reader, Refused
from practice_hub.audit_tool.rules import AuditRules, of_site
from practice_hub.content_types import AUDIT_CYCLE
from practice_hub.schema import load_schemas
from practice_hub.settings import Project
from practice_hub.site import load_site

pytestmark = pytest.mark.browser
TOOL = "audit/tool/"
EXPORTS = REPO / "tests" / "fixtures" / "audit-exports"
EXAMPLES = 500
BATCH = 60

_CHECK = """([audits, today]) => {
  const data = JSON.parse(document.getElementById('ph-audit-data').textContent);
  const tool = window.PracticeHubAudit.checker(data);
  return audits.map(audit => {
    const found = tool.check(audit, today);
    return {schema: found.schema.map(p => [p.path, p.missing]), rules: found.rules.map(r => r[0]),
            problems: found.problems};
  });
}"""


def _top(field: str) -> str:
    """sections[2].grade -> sections; practitioner.took_part -> practitioner."""
    return field.replace("[", ".").split(".")[0]


def _schema_fields(problems) -> set[str]:
    """The top-level fields of schema problems given as (path, missing)."""
    fields: set[str] = set()
    for path, missing in problems:
        if path:
            fields.add(str(path[0]))
        else:
            fields.update(missing or ["(the whole file)"])
    return fields


@pytest.fixture(scope="module")
def site_rules() -> AuditRules:
    """The rules ``audits summarise`` uses for the site under test, on the tests' today."""
    project = Project.from_config_file(PROJECT / "mkdocs.yml")
    site = load_site(project)
    return of_site(site.thread.sections, site.of_type(AUDIT_CYCLE), project.settings, TODAY)


@pytest.fixture(scope="module")
def validator():
    return load_schemas(REPO / "content_schema").validators["audit_export"]


@pytest.fixture(scope="module")
def bases(site_rules, validator, tmp_path_factory) -> list[dict]:
    """The fixture exports this site's rules accept: the audits the examples start from."""
    reader = Reader(validator, site_rules)
    accepted = []
    for path in sorted(EXPORTS.glob("*.json")):
        try:
            accepted.append(reader.read(path))
        except Refused:
            continue
    if not accepted:
        pytest.skip("no fixture export passes this site's audit rules")
    return accepted


@pytest.fixture(scope="module")
def tool_page(browser, site_server):
    context = browser.new_context(base_url=site_server, service_workers="block")
    page = context.new_page()
    page.goto(TOOL)
    page.wait_for_function("() => window.PracticeHubAudit && document.getElementById('ph-audit-data')")
    yield page
    context.close()


class Verdict(NamedTuple):
    """One side's judgement of an audit: accepted, the top-level fields the export schema's
    problems name, and those the rules' problems name outside them (None: the rules could not
    be run on an audit of this shape)."""

    accepted: bool
    shape: frozenset
    rules: frozenset | None


def python_verdict(audit: dict, validator, rules: AuditRules, reader: Reader, path: Path) -> Verdict:
    """The audit as ``audits summarise`` judges it: accepted or refused by ``exports.Reader``,
    and the fields its schema and its rules name."""
    path.write_text(json.dumps(audit, ensure_ascii=False), encoding="utf-8")
    try:
        reader.read(path)
        accepted = True
    except Refused:
        accepted = False
    shape = _schema_fields(
        (
            tuple(e.absolute_path),
            [m for m in e.validator_value if m not in e.instance] if e.validator == "required" else [],
        )
        for e in validator.iter_errors(audit)
    )
    try:  # the command line runs the rules only on an audit of the right shape
        named = {str(spot[0]) for spot, _, _ in rules.problems(audit)} - shape
    except (AttributeError, TypeError):
        named = None
    assert accepted == (not shape and not named), (audit, shape, named)
    return Verdict(accepted, frozenset(shape), None if named is None else frozenset(named))


def browser_verdict(found: dict) -> Verdict:
    """The audit as the tool judges it before export (``PracticeHubAudit.check``)."""
    shape = _schema_fields(found["schema"])
    named = {_top(f) for f in found["rules"]} - shape
    accepted = not found["problems"]
    assert accepted == (not shape and not named), (found, shape, named)
    return Verdict(accepted, frozenset(shape), frozenset(named))


def agree(ours: Verdict, theirs: Verdict) -> bool:
    return (ours.accepted, ours.shape) == (theirs.accepted, theirs.shape) and ours.rules in (
        None,
        theirs.rules,
    )


def _named(verdict: Verdict) -> str:
    rules = "not run" if verdict.rules is None else sorted(verdict.rules)
    return f"shape {sorted(verdict.shape)}, rules {rules}"


def _short(audit: dict) -> dict:
    """The audit without what no rule reads (notes, evidence, points), for a readable failure."""
    out = {k: v for k, v in audit.items() if k not in ("difference", "training", "looks_for")}
    out["sections"] = [
        {k: v for k, v in s.items() if k not in ("title", "looks_for", "evidence")}
        for s in audit.get("sections", [])
    ]
    return out


# --------------------------------------------------------------------------- audits

CASE_REFERENCES = st.one_of(
    st.sampled_from(
        [
            "",
            " ",
            "C1234567",
            "A41002",
            "ABC123456789",
            "ABCD1234",
            "1234",
            "123",
            "0123456789",
            "012 345 6789",
            "Jane Smith",
            "jane",
            "J Smith",
            "C1234567\n",
            "\nC1234567",
            " C1234567",
            "C1234567 ",
            "c1234567",
            "C12\u00a034567",
        ]
    ),
    st.from_regex(r"[A-Z]{0,4}[0-9]{2,11}", fullmatch=True),
    st.text(alphabet="ABCxyz0123456789 \n-/", max_size=14),
)
# Dates a reader might mistake for one: three in four examples take one of these.
ODD_DATES = [
    "",
    TODAY,
    "2026-11-25",
    "2027-01-01",
    "2026-02-30",
    "2026-13-01",
    "0000-01-01",
    "0001-01-01",
    "2026-11-2",
    "2026-W45-1",
    "2025-W45-1",
    "2026-W01",
    "20261102",
    "2026-11-02\n",
    " 2026-11-02",
    "2026-11-0\u0661",
    "2025-12-31",
    "2026-11-01",
    "not a date",
]
DATES = st.integers(0, 3).flatmap(
    lambda n: st.dates().map(lambda d: d.isoformat()) if n == 0 else st.sampled_from(ODD_DATES)
)
GRADES = st.sampled_from(["", "outstanding", "good", "requires_improvement", "inadequate", "not_applicable"])
OVERALLS = st.sampled_from(["", "outstanding", "good", "requires_improvement", "inadequate"])
TEXTS = st.sampled_from(["", " ", "Because the plan was reviewed", "\n"])


@st.composite
def audits(draw, bases: list[dict], rules: AuditRules, data: dict) -> dict:
    audit = copy.deepcopy(draw(st.sampled_from(bases)))
    services = list(rules.services) + ["", "Early Help", "children's services"]
    cycles = [c.id for c in rules.cycles] + ["", "cycle-unknown"]
    stages = list(rules.journey_stages) + ["", "Nowhere"]
    section_ids = [s.id for s in rules.sections] + ["audit-unknown"]
    key_ids = [s.id for s in rules.sections if s.key] or section_ids
    for _ in range(draw(st.integers(1, 3))):
        change = draw(
            st.sampled_from(
                [
                    "case",
                    "no case",
                    "date",
                    "service",
                    "no service",
                    "stage",
                    "cycle",
                    "drop section",
                    "duplicate section",
                    "add section",
                    "grade",
                    "key inadequate",
                    "moderated inadequate",
                    "overall",
                    "no overall",
                    "took part",
                    "moderation",
                    "moderated on",
                    "feedback date",
                    "learning by",
                    "id",
                    "escalation elsewhere",
                ]
            )
        )
        sections = audit["sections"]
        if change == "case":
            audit["case_reference"] = draw(CASE_REFERENCES)
        elif change == "no case":
            audit.pop("case_reference", None)
        elif change == "date":
            audit["date"] = draw(DATES)
        elif change == "service":
            audit["service"] = draw(st.sampled_from(services))
        elif change == "no service":
            audit.pop("service", None)
        elif change == "stage":
            audit["journey_stage"] = draw(st.sampled_from(stages))
        elif change == "cycle":
            audit["cycle"] = draw(st.sampled_from(cycles))
        elif change == "drop section" and sections:
            sections.pop(draw(st.integers(0, len(sections) - 1)))
        elif change == "duplicate section" and sections:
            sections.append(copy.deepcopy(sections[draw(st.integers(0, len(sections) - 1))]))
        elif change == "add section":
            sid = draw(st.sampled_from(section_ids))
            sections.insert(
                draw(st.integers(0, len(sections))), {"id": sid, "title": sid, "grade": draw(GRADES)}
            )
        elif change == "grade" and sections:
            sections[draw(st.integers(0, len(sections) - 1))]["grade"] = draw(GRADES)
        elif change in ("key inadequate", "moderated inadequate"):
            sid = draw(st.sampled_from(key_ids))
            entry = next((s for s in sections if s["id"] == sid), None)
            if entry is None:
                entry = {"id": sid, "title": sid, "grade": "good"}
                sections.append(entry)
            if change == "key inadequate":
                entry["grade"] = "inadequate"
            else:
                entry["moderation"] = {"outcome": "changed", "grade": "inadequate", "reason": draw(TEXTS)}
            escalation = draw(st.sampled_from(["none", "whole", "no date", "bad date", "empty to"]))
            entry.pop("escalation", None)
            if escalation == "whole":
                entry["escalation"] = {"to": "Head of Service", "date": "2026-11-03"}
            elif escalation == "no date":
                entry["escalation"] = {"to": "Head of Service"}
            elif escalation == "bad date":
                entry["escalation"] = {"to": "Head of Service", "date": draw(DATES)}
            elif escalation == "empty to":
                entry["escalation"] = {"to": "", "date": "2026-11-03"}
        elif change == "overall":
            name = draw(
                st.sampled_from(["overall", "auditor_overall", "moderated_overall", "overall_reason"])
            )
            audit[name] = draw(TEXTS if name == "overall_reason" else OVERALLS)
        elif change == "no overall":
            audit.pop(draw(st.sampled_from(["overall", "auditor_overall", "overall_reason"])), None)
        elif change == "took part":
            what = draw(st.sampled_from(["drop", "no practitioner", "true", "false", "text"]))
            practitioner = audit.setdefault("practitioner", {})
            if what == "drop":
                practitioner.pop("took_part", None)
            elif what == "no practitioner":
                audit.pop("practitioner", None)
            elif what == "text":
                practitioner["took_part"] = "yes"
            else:
                practitioner["took_part"] = what == "true"
        elif change == "moderation":
            what = draw(
                st.sampled_from(
                    ["section agree", "section changed", "no moderator", "overall", "no reason", "blank"]
                )
            )
            if what in ("section agree", "section changed") and sections:
                entry = sections[draw(st.integers(0, len(sections) - 1))]
                changed = what == "section changed"
                entry["moderation"] = {
                    "outcome": "changed" if changed else "agree",
                    "grade": draw(GRADES) if changed else "",
                    "reason": draw(TEXTS),
                }
            elif what == "no moderator":
                audit["moderator"] = draw(st.sampled_from(["", " ", "QA Team"]))
            elif what == "overall":
                audit["moderated_overall"] = draw(OVERALLS)
                audit["moderation_reason"] = draw(TEXTS)
            elif what == "no reason":
                audit["moderation_reason"] = draw(TEXTS)
            else:
                for name in ("moderator", "moderated_on", "moderation_reason"):
                    audit[name] = ""
        elif change == "moderated on":
            audit["moderated_on"] = draw(DATES)
        elif change == "feedback date":
            audit.setdefault("practitioner", {})["feedback_date"] = draw(DATES)
        elif change == "learning by":
            actions = audit.setdefault("learning_actions", [])
            if not actions:
                actions.append({"action": "Review the plan", "agreed_with": "Team manager"})
            actions[draw(st.integers(0, len(actions) - 1))]["by"] = draw(DATES)
        elif change == "escalation elsewhere" and sections:
            sections[draw(st.integers(0, len(sections) - 1))]["escalation"] = {
                "to": "Head of Service",
                "date": "2026-11-03",
            }
        elif change == "id":
            audit["id"] = draw(
                st.sampled_from(["abcdefgh", "abcdefgh\n", "ABCDEFGH", "abc", "a1b2c3d4-e5f6a7b8c9"])
            )
    # Last, as the other changes need the export's shape: one in six audits gets a wrong one.
    if draw(st.integers(0, 5)) == 0:
        sections = audit["sections"]
        what = draw(st.sampled_from(["wrong type", "unknown field", "entry", "moderation outcome"]))
        if what == "wrong type":
            name = draw(
                st.sampled_from(["service", "cycle", "date", "moderator", "sections", "practitioner"])
            )
            audit[name] = draw(st.sampled_from([None, 5, True, [], {}, "x"]))
        elif what == "unknown field":
            audit[draw(st.sampled_from(["notes", "child_name"]))] = "x"
        elif what == "entry" and sections:
            sections[draw(st.integers(0, len(sections) - 1))] = draw(
                st.sampled_from([None, "audit-voice", 3, {}])
            )
        elif what == "moderation outcome" and sections:
            sections[0]["moderation"] = {
                "outcome": draw(st.sampled_from(["", "agreed", "changed"])),
                "grade": "good",
            }
    return audit


def _changed(audit: dict, **fields) -> dict:
    """The audit with these fields (a value None: the field removed; practitioner: merged)."""
    out = copy.deepcopy(audit)
    for name, value in fields.items():
        if value is None:
            out.pop(name, None)
        elif name == "practitioner":
            out["practitioner"] = {**out.get("practitioner", {}), **value}
        else:
            out[name] = value
    return out


def _moderated(audit: dict) -> dict:
    """The audit with its first section's grade agreed by a moderator."""
    out = copy.deepcopy(audit)
    out["sections"][0]["moderation"] = {"outcome": "agree", "grade": "", "reason": ""}
    return out


def _ungraded(audit: dict) -> dict:
    out = copy.deepcopy(audit)
    out["sections"][-1]["grade"] = ""
    return out


# Audits on which the two sides once disagreed, judged before the generated ones, every run.
ONCE_DISAGREED = [
    lambda a: _changed(a, practitioner={"feedback_date": "2026-W45-1"}),  # a week's day: not a date
    lambda a: _changed(a, learning_actions=[{"action": "Review", "by": "0000-01-01"}]),  # no year 0
    lambda a: _changed(a, date="0000-01-01"),
    lambda a: _changed(a, id="abcdefgh\n"),  # "$" before a final line break, in Python
    lambda a: _changed(a, case_reference="C1234567\n"),
    lambda a: _changed(_moderated(a), moderator=" ", moderated_on="2026-11-20"),  # a blank moderator
    lambda a: _changed(a, overall=None, auditor_overall="", moderated_overall=""),
    lambda a: _changed(a, case_reference=None, practitioner={"feedback_date": "2026-11-02\n"}),
    lambda a: _changed(a, date="2026-W01", moderated_on="2025-01-01"),  # a rule on a date that is none
    lambda a: _changed(_ungraded(a), service=None),  # sections are judged once the service is known
]


def test_the_tool_and_summarise_accept_and_refuse_the_same_audits(
    tool_page, bases, site_rules, validator, tmp_path
):
    data = json.loads(tool_page.locator("#ph-audit-data").text_content())
    reader = Reader(validator, site_rules)
    batch: list[dict] = []
    disagreements: list[str] = []
    judged = {"accepted": 0, "refused": 0}

    def judge() -> None:
        found = tool_page.evaluate(_CHECK, [batch, TODAY])
        for audit, seen in zip(batch, found, strict=True):
            ours = python_verdict(audit, validator, site_rules, reader, tmp_path / "audit.json")
            theirs = browser_verdict(seen)
            judged["accepted" if ours.accepted else "refused"] += 1
            if not agree(ours, theirs):
                disagreements.append(
                    f"summarise {'accepts' if ours.accepted else 'refuses'} ({_named(ours)}), "
                    f"the tool {'accepts' if theirs.accepted else 'refuses'} ({_named(theirs)}): "
                    f"{seen['problems']}\n{json.dumps(_short(audit), ensure_ascii=False)}"
                )
        batch.clear()

    @settings(
        max_examples=EXAMPLES,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(audits(bases, site_rules, data))
    def collect(audit):
        batch.append(audit)
        if len(batch) >= BATCH:
            judge()

    batch.extend(change(base) for change in ONCE_DISAGREED for base in bases[:3])
    judge()
    collect()
    if batch:
        judge()
    assert not disagreements, f"{len(disagreements)} disagreements, the first:\n" + "\n\n".join(
        disagreements[:12]
    )
    # The examples reach both verdicts, often.
    assert judged["accepted"] >= 20 and judged["refused"] >= 100, judged
