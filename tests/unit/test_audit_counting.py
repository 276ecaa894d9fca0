"""Counting audits (practice_hub/audit_tool/counting.py): a counted record holds no case data; the
same audit exported twice is one record, the newer export; merging batches in any order and any
split gives the same records, and the tallies of the parts add up to the tally of the whole."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from practice_hub.audit_tool.counting import OVERALL, merge, newer, record_of, tally

REPO = Path(__file__).resolve().parents[2]
EXPORTS = REPO / "tests" / "fixtures" / "audit-exports"
AUDITS = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(EXPORTS.glob("*.json"))]
RECORDS = [record_of(a) for a in AUDITS]
CASE_FIELDS = (
    "case_reference",
    "auditor",
    "moderator",
    "practitioner",
    "difference",
    "overall_reason",
    "moderation_reason",
    "learning_actions",
    "training",
    "marking",
    "sections",
)


def _texts(value) -> list[str]:
    if isinstance(value, dict):
        return [t for k, v in value.items() for t in [str(k), *_texts(v)]]
    if isinstance(value, list):
        return [t for v in value for t in _texts(v)]
    return [str(value)]


def test_a_record_holds_grades_and_dates_but_no_case_data():
    for audit, record in zip(AUDITS, RECORDS):
        assert not set(CASE_FIELDS) & set(record)
        texts = " ".join(_texts(record))
        assert audit["case_reference"] not in texts
        assert audit["auditor"] not in texts
        for section in audit["sections"]:
            assert section["evidence"] not in texts
            assert all(p.get("note", "") not in texts for p in section["looks_for"] if p.get("note"))
        practitioner = audit["practitioner"]
        for field in ("role", "team", "reflection", "response"):
            assert not practitioner[field] or practitioner[field] not in texts
        assert set(record) <= {
            "audit",
            "date",
            "service",
            "journey_stage",
            "cycle",
            "grades",
            "overall",
            "auditor_overall",
            "moderated_on",
            "overall_changed",
            "moderation",
            "departs_from_rule",
            "escalations",
            "practitioner_took_part",
            "saved",
        }


def _record(audit="aaaaaaaa-1", **fields) -> dict:
    return {"audit": audit, "date": "2026-08-01", "grades": {"s": "good"}, **fields}


def test_the_newer_export_wins_moderated_then_later_moderation_then_later_save():
    plain = _record(saved="2026-08-01T10:00:00Z")
    later = _record(saved="2026-08-02T10:00:00Z")
    moderated = _record(moderated_on="2026-09-01", saved="2026-08-01T09:00:00Z", grades={"s": "inadequate"})
    remoderated = _record(moderated_on="2026-09-02", saved="2026-08-01T08:00:00Z")
    assert newer(later, plain) and not newer(plain, later)
    assert newer(moderated, later) and not newer(later, moderated)
    assert newer(remoderated, moderated)
    merged = merge([plain], [moderated])
    assert merged.records == [moderated] and merged.replaced == ["aaaaaaaa-1"]
    merged = merge([moderated], [plain])
    assert merged.records == [moderated] and merged.unchanged == ["aaaaaaaa-1"]


def test_a_same_day_tie_keeps_what_is_counted_and_the_later_save_of_that_day_wins():
    morning = _record(moderated_on="2026-09-01", saved="2026-09-01T09:00:00Z", grades={"s": "good"})
    evening = _record(moderated_on="2026-09-01", saved="2026-09-01T17:00:00Z", grades={"s": "inadequate"})
    assert merge([morning], [evening]).records == [evening]
    assert merge([evening], [morning]).records == [evening]
    same = dict(evening)
    merged = merge([evening], [same])
    assert merged.records == [evening] and merged.unchanged == ["aaaaaaaa-1"] and merged.replaced == []


def test_merge_adds_new_audits_and_says_which():
    a, b = _record("aaaaaaaa-1"), _record("bbbbbbbb-2", date="2026-07-01")
    merged = merge([a], [b, a])
    assert merged.added == ["bbbbbbbb-2"] and merged.unchanged == ["aaaaaaaa-1"]
    assert [r["audit"] for r in merged.records] == ["bbbbbbbb-2", "aaaaaaaa-1"]  # by date


def _counts(tallies) -> dict:
    return {
        t.key: (
            dict(t.counts),
            t.audits,
            t.moderated,
            t.changed,
            t.escalations,
            t.took_part,
            t.practitioner_recorded,
        )
        for t in tallies
    }


def _sum(parts: list[dict]) -> dict:
    total: dict = {}
    for part in parts:
        for key, (counts, *numbers) in part.items():
            old = total.get(key, ({k: 0 for k in counts}, *[0] * len(numbers)))
            total[key] = (
                {k: old[0][k] + counts[k] for k in counts},
                *[a + b for a, b in zip(old[1:], numbers)],
            )
    return total


ALL_MERGED = merge([], RECORDS).records


@settings(max_examples=60, deadline=None)
@given(order=st.permutations(range(len(RECORDS))), cuts=st.lists(st.integers(0, len(RECORDS)), max_size=4))
def test_merging_batches_in_any_order_and_split_gives_the_same_records(order, cuts):
    shuffled = [RECORDS[i] for i in order]
    bounds = [0, *sorted(cuts), len(shuffled)]
    batches = [shuffled[a:b] for a, b in zip(bounds, bounds[1:])]
    records: list[dict] = []
    for batch in batches:
        records = merge(records, batch).records
    assert records == ALL_MERGED


@settings(max_examples=60, deadline=None)
@given(
    cuts=st.lists(st.integers(0, len(ALL_MERGED)), max_size=4), order=st.permutations(range(len(ALL_MERGED)))
)
def test_the_tallies_of_a_split_add_up_to_the_tally_of_the_whole(cuts, order):
    shuffled = [ALL_MERGED[i] for i in order]
    bounds = [0, *sorted(cuts), len(shuffled)]
    parts = [_counts(tally(shuffled[a:b])) for a, b in zip(bounds, bounds[1:])]
    assert _sum(parts) == _counts(tally(ALL_MERGED))


def test_the_overall_tally_counts_each_audit_once_with_the_moderators_judgement():
    whole = {t.key: t for t in tally(ALL_MERGED)}
    q3 = whole[("2026-Q3", OVERALL, "", "", "")]
    assert q3.audits == sum(1 for r in ALL_MERGED if r["date"] < "2026-10-01")
    moderated = json.loads((EXPORTS / "audit-C4100200-moderated.json").read_text(encoding="utf-8"))
    paired = next(r for r in ALL_MERGED if r["audit"] == moderated["id"])
    assert paired == record_of(moderated)
    assert paired.get("moderated_on")
    assert q3.practitioner_recorded == q3.audits
    assert 0 < q3.took_part < q3.audits
