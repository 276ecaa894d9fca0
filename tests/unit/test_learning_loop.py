"""The learning loop's counting (practice_hub/structure/learning_loop.py) over fixture actions:
the days from finding to closed action, the median per quarter of the closed date, and the
section's results before the finding and after the closed action."""

from __future__ import annotations

import datetime as dt

from practice_hub.structure.items import Item
from practice_hub.structure.learning_loop import LoopAction, loop_actions, median_days

D = dt.date
CYCLE = Item(type="audit_cycle", data={"id": "c"}, path="docs/audit/cycles/c.md", line=1, loaded=None)


def action(found: dt.date, closed: dt.date | None) -> LoopAction:
    return LoopAction(
        cycle=CYCLE,
        action="An action",
        owner="A role",
        due=D(2026, 12, 31),
        status="done" if closed else "open",
        finding="",
        section=None,
        standard=None,
        found=found,
        closed=closed,
        changed=(),
        before=None,
        after=None,
        line=1,
    )


# Hand count of the fixture actions (days from found to closed):
#   1. 2026-03-13 -> 2026-05-22: 18 (March) + 30 (April) + 22 (May)  = 70, closed in 2026 Q2
#   2. 2026-03-13 -> 2026-04-02: 18 (March) + 2 (April)              = 20, closed in 2026 Q2
#   3. 2026-03-13 -> 2026-06-30: 18 + 30 + 31 + 30                   = 109, closed in 2026 Q2
#   4. 2026-06-12 -> 2026-08-21: 18 (June) + 31 (July) + 21 (August) = 70, closed in 2026 Q3
#   5. 2026-06-12 -> 2026-07-24: 18 (June) + 24 (July)               = 42, closed in 2026 Q3
#   6. 2026-06-12, not closed: not counted
# 2026 Q2: 20, 70, 109 -> median 70 (3 actions). 2026 Q3: 42, 70 -> (42 + 70) / 2 = 56 (2 actions).
# All: 20, 42, 70, 70, 109 -> median 70 (5 actions).
FIXTURE = [
    action(D(2026, 3, 13), D(2026, 5, 22)),
    action(D(2026, 3, 13), D(2026, 4, 2)),
    action(D(2026, 3, 13), D(2026, 6, 30)),
    action(D(2026, 6, 12), D(2026, 8, 21)),
    action(D(2026, 6, 12), D(2026, 7, 24)),
    action(D(2026, 6, 12), None),
]


def test_days_from_finding_to_closed_action():
    assert [a.days for a in FIXTURE] == [70, 20, 109, 70, 42, None]


def test_the_median_days_per_quarter_and_overall_match_the_hand_count():
    assert median_days(FIXTURE) == [("2026 Q2", 70.0, 3), ("2026 Q3", 56.0, 2), ("All", 70.0, 5)]


def test_no_closed_action_counts_nothing():
    assert median_days([FIXTURE[-1]]) == []


class _Loaded:
    def line_of(self, path, default):
        return default


def test_before_is_the_last_result_up_to_the_finding_and_after_the_first_after_closing():
    section = Item(type="audit_section", data={"id": "s"}, path="s.md", line=1, loaded=_Loaded())
    cycle = Item(
        type="audit_cycle",
        data={
            "id": "c",
            "audit_window": {"start": D(2026, 2, 2), "end": D(2026, 3, 13)},
            "action_plan": [
                {
                    "action": "A",
                    "owner": "R",
                    "due": D(2026, 5, 29),
                    "action_status": "done",
                    "audit_section": "s",
                    "closed": D(2026, 5, 22),
                },
                {
                    "action": "B",
                    "owner": "R",
                    "due": D(2026, 9, 30),
                    "action_status": "open",
                    "audit_section": "s",
                    "found": D(2026, 7, 1),
                },
            ],
        },
        path="c.md",
        line=1,
        loaded=_Loaded(),
    )
    results = [
        {"period": p, "good_or_better": g, "files_audited": 10}
        for p, g in (("2025-Q4", 52), ("2026-Q1", 55), ("2026-Q2", 61), ("2026-Q3", 47))
    ]
    first, second = loop_actions([cycle, section], {"c": cycle, "s": section}, {("s", "", ""): results})
    # Found on 13 March (the window's end): Q1 2026 ends on 31 March, so before is Q4 2025; closed on
    # 22 May: the first period that ends after it (results reported after it closed) is Q2 2026.
    assert (first.found, first.days, first.before["period"], first.after["period"]) == (
        D(2026, 3, 13),
        70,
        "2025-Q4",
        "2026-Q2",
    )
    # Found on 1 July: Q2 2026 is over; not closed, so no after.
    assert (second.before["period"], second.after, second.days) == ("2026-Q2", None, None)
