"""How an event's time reads: the day named once and one clock style, as a course session."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from practice_hub.renderer.events import when
from practice_hub.structure.items import Item
from practice_hub.structure.training import Session

LONDON = ZoneInfo("Europe/London")


def session(start: str, end: str) -> Session:
    item = Item(type="event", data={"id": "e"}, path="docs/events/e.yml", line=1, loaded=None)
    return Session(
        item,
        0,
        dt.datetime.fromisoformat(start).replace(tzinfo=LONDON),
        dt.datetime.fromisoformat(end).replace(tzinfo=LONDON),
        "Room 1",
        "scheduled",
        None,
        1,
    )


def test_a_one_day_event_names_its_day_once_in_one_clock_style():
    assert when(session("2026-12-03T10:00", "2026-12-03T11:00")) == "Thursday 3 December 2026, 10am to 11am"
    assert when(session("2026-12-10T14:00", "2026-12-10T16:30")) == "Thursday 10 December 2026, 2pm to 4:30pm"


def test_an_event_over_several_days_names_both_days():
    assert (
        when(session("2027-01-18T09:00", "2027-01-22T17:00")) == "Monday 18 January to Friday 22 January 2027"
    )
