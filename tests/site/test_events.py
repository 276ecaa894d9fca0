"""Events: validated with exact messages, a page and a calendar file each, a listing by
month without past events, the whole programme as one feed, and both ends of every link.

A fixture site (the golden-thread fixture plus events) is checked with ``load_site`` for the
messages editors see, and built end to end for the pages, .ics files and content.json.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
from zoneinfo import ZoneInfo

import icalendar
import pytest
from bs4 import BeautifulSoup

from helpers import FIXTURES, REPO, TODAY, make_project, run_build, run_start
from practice_hub.content_types import EVENT, TYPES
from practice_hub.search.index import type_label
from practice_hub.settings import Project
from practice_hub.site import load_site

THREAD = FIXTURES / "thread" / "docs"
LONDON = ZoneInfo("Europe/London")

EVENTS = """\
- id: past-seminar
  title: A seminar that has happened
  summary: It was last week.
  kind: seminar
  start: 2026-11-17T12:30
  end: 2026-11-17T13:30
  venue: Room 1
  host: The practice team
  audience: [all staff]
  standards: [standard-1]

- id: autumn-clocks
  title: A briefing after the clocks go back
  summary: GMT.
  kind: briefing
  start: 2026-11-25T09:30
  end: 2026-11-25T10:30
  online: https://teams.example/l/briefing
  host: The practice team
  audience: [social worker]
  standards: [standard-1]

- id: spring-week
  title: A practice week after the clocks go forward
  summary: BST.
  kind: practice week
  start: 2027-03-29T09:30
  end: 2027-04-02T17:00
  venue: Room 2
  host: The practice team
  audience: [manager]
  schedule:
    - date: 2027-03-30
      time: all day
      activity: One-to-one file reflection with your manager

- id: held-week
  title: A practice week that has been held
  summary: Findings below.
  kind: practice week
  start: 2026-10-05T09:00
  end: 2026-10-09T17:00
  venue: Room 3
  host: The practice team
  audience: [all staff]
  findings:
    summary: Most files heard the child.
    standards: [standard-2]
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    project = make_project(
        tmp_path_factory.mktemp("events") / "p", THREAD, files={"events/programme.yml": EVENTS}
    )
    result = run_build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project


def test_the_type_is_registered_with_its_search_label():
    assert TYPES[EVENT].folder == "events" and TYPES[EVENT].entries_have_pages
    assert type_label(EVENT) == "Event"


def test_listing_by_month_leaves_out_events_that_have_ended(built):
    soup = BeautifulSoup((built / "site/events/index.html").read_text(), "html.parser")
    months = [h.get_text(strip=True).rstrip("¶") for h in soup.select(".ph-events-month h2")]
    assert months == ["November 2026", "March 2027"]
    listed = [li.a.get_text() for li in soup.select("li.ph-event")]
    assert listed == ["A briefing after the clocks go back", "A practice week after the clocks go forward"]
    # every listed event carries its end for the browser to hide it later
    assert soup.select_one("li.ph-event")["data-ph-ends"] == "2026-11-25T10:30:00Z"
    # the held practice week's findings are still found from the listing
    assert "Most files heard the child." in soup.get_text()


def test_event_pages_schedule_findings_and_online_link(built):
    week = BeautifulSoup((built / "site/events/spring-week/index.html").read_text(), "html.parser")
    text = week.get_text(" ", strip=True)
    assert "Monday 29 March to Friday 2 April 2027" in text
    assert "Tuesday 30 March 2027" in text and "One-to-one file reflection with your manager" in text
    assert week.find("a", string="Add to your calendar (.ics)")["href"].endswith(
        "calendar/spring-week-2027-03-29.ics"
    )
    briefing = BeautifulSoup((built / "site/events/autumn-clocks/index.html").read_text(), "html.parser")
    join = briefing.find("a", string="Join A briefing after the clocks go back online")
    assert join["href"] == "https://teams.example/l/briefing"
    held = BeautifulSoup((built / "site/events/held-week/index.html").read_text(), "html.parser")
    assert (
        "This event has finished" in held.get_text()
        and held.find("a", string="Add to your calendar (.ics)") is None
    )


def test_a_standard_shows_its_events_and_the_findings_that_inform_it(built):
    one = (built / "site/standards/standard-1/index.html").read_text()
    assert "Events that support this standard" in one and "A briefing after the clocks go back" in one
    assert "A seminar that has happened" not in one  # it has ended
    two = (built / "site/standards/standard-2/index.html").read_text()
    assert "Practice week findings" in two and "Most files heard the child." in two


def _events(path):
    return icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")


def test_calendar_files_europe_london_both_clock_changes_and_stable_uids(built, tmp_path):
    folder = built / "site/events/calendar"
    names = sorted(p.name for p in folder.glob("*.ics"))
    assert names == [
        "all.ics",
        "autumn-clocks-2026-11-25.ics",
        "held-week-2026-10-05.ics",
        "past-seminar-2026-11-17.ics",
        "spring-week-2027-03-29.ics",
    ]
    programme = icalendar.Calendar.from_ical((folder / "all.ics").read_bytes())
    assert [tz["TZID"] for tz in programme.walk("VTIMEZONE")] == ["Europe/London"]
    starts = {str(e["UID"]).split("@")[0]: e.decoded("DTSTART") for e in programme.walk("VEVENT")}
    assert starts["autumn-clocks-20261125T0930"].astimezone(dt.UTC).hour == 9  # GMT
    assert starts["spring-week-20270329T0930"].astimezone(dt.UTC).hour == 8  # BST
    for event in programme.walk("VEVENT"):
        assert event["DTSTART"].params["TZID"] == "Europe/London"
        assert str(event["STATUS"]) == "TENTATIVE"  # nothing is booked by the site
    (one,) = _events(folder / "autumn-clocks-2026-11-25.ics")
    assert str(one["SUMMARY"]) == "A briefing after the clocks go back" and str(one["LOCATION"]) == "Online"
    again = make_project(tmp_path / "again", THREAD, files={"events/programme.yml": EVENTS})
    assert run_build(again).returncode == 0
    for path in folder.glob("*.ics"):
        assert (again / "site/events/calendar" / path.name).read_bytes() == path.read_bytes()


def test_content_json_has_every_event_with_its_url_and_both_ends(built):
    items = json.loads((built / "site/content.json").read_text())["items"]
    events = {i["id"]: i for i in items if i["type"] == EVENT}
    assert set(events) == {"past-seminar", "autumn-clocks", "spring-week", "held-week"}
    assert events["autumn-clocks"]["url"] == "events/autumn-clocks/"
    assert events["autumn-clocks"]["ics"] == "events/calendar/autumn-clocks-2026-11-25.ics"
    assert events["autumn-clocks"]["start"] == "2026-11-25T09:30"
    assert events["autumn-clocks"]["timezone"] == "Europe/London"
    assert events["spring-week"]["schedule"][0]["activity"] == "One-to-one file reflection with your manager"
    assert events["held-week"]["findings"]["summary"] == "Most files heard the child."
    assert events["autumn-clocks"]["related"] == {"standard": ["standard-1"]}
    assert events["held-week"]["related"] == {"standard": ["standard-2"]}  # through its findings
    standards = {i["id"]: i for i in items if i["type"] == "standard"}
    assert standards["standard-1"]["related"]["event"] == ["autumn-clocks", "past-seminar"]
    assert standards["standard-2"]["related"]["event"] == ["held-week"]


def problems_for(tmp_path, monkeypatch, text: str) -> list[str]:
    monkeypatch.setenv("PRACTICE_HUB_TODAY", TODAY)
    root = make_project(tmp_path / "p", THREAD, files={"events/bad.yml": text})
    site = load_site(Project.from_config_file(root / "mkdocs.yml"))
    return [str(p) for p in site.problems.errors] + [f"WARNING {p}" for p in site.problems.warnings]


GOOD = {
    "id": "e",
    "title": "An event",
    "summary": "What it is.",
    "kind": "seminar",
    "start": "2026-12-01T12:30",
    "end": "2026-12-01T13:30",
    "venue": "Room 1",
    "host": "The practice team",
    "audience": "[all staff]",
}


#: A practice week that was held before the fixture's today (2026-11-24).
HELD = {"kind": "practice week", "start": "2026-11-02T09:00", "end": "2026-11-06T17:00"}


def event(drop=(), **changes) -> str:
    fields = {k: v for k, v in {**GOOD, **changes}.items() if k not in drop}
    lines = [f"- id: {fields.pop('id')}"] + [f"  {k}: {v}" for k, v in fields.items()]
    return "\n".join(lines) + "\n"


def test_a_good_event_has_no_problems(tmp_path, monkeypatch):
    assert problems_for(tmp_path, monkeypatch, event()) == []


BAD = [
    (
        {"drop": ("host",)},
        'docs/events/bad.yml:1: missing required field "host" (add a line "host: ...": who runs it: a team '
        'or role, for example "Principal Social Worker (Adults)". Never a private email address)',
    ),
    (
        {"kind": "party"},
        'docs/events/bad.yml:4: field "kind" has "party", which is not one of: briefing, seminar, journal '
        "club, conference, practice week, drop-in, celebration (choose one of the listed values)",
    ),
    (
        {"end": "2026-12-01T11:00"},
        'docs/events/bad.yml:6: event "e" ends (2026-12-01T11:00) before it starts '
        "(2026-12-01T12:30) (check the dates and times of start and end)",
    ),
    (
        {"drop": ("venue",)},
        'docs/events/bad.yml:1: event "e" has no venue and no online link '
        "(add venue (the room and building) or online (the link to join), or both)",
    ),
    (
        {"start": "2027-03-28T01:30", "end": "2027-03-28T03:00"},
        'docs/events/bad.yml:5: event "e" starts at 2027-03-28T01:30, a time that does not exist in the UK '
        "(the clocks go forward) (choose a time outside 1am to 2am on the night the clocks change)",
    ),
    (
        {"schedule": "[{date: 2026-12-01, activity: Talk}]"},
        'docs/events/bad.yml:10: event "e" is a seminar but has schedule '
        '(only a practice week has schedule: remove it, or make the kind "practice week")',
    ),
    (
        {"kind": "practice week", "findings": "{summary: Found things., standards: [standard-1]}"},
        'docs/events/bad.yml:10: event "e" has findings but has not finished yet (it ends 2026-12-01) '
        "(add findings once the practice week has been held)",
    ),
    (
        {"kind": "practice week", "schedule": "[{date: 2026-12-05, activity: Talk}]"},
        'docs/events/bad.yml:10: schedule entry 1 of "e" is on 2026-12-05, outside the week '
        "(2026-12-01 to 2026-12-01) (check the date, or the start and end of the practice week)",
    ),
    (
        {"standards": "[no-such-standard]"},
        'docs/events/bad.yml:10: field "standards" names "no-such-standard", which is not the id of any '
        'practice standard (did you mean "standard-2"?)',
    ),
    (
        {"start": "2026-12-01T25:30"},
        'docs/events/bad.yml:5: field "start" has "2026-12-01T25:30", which is not a real date and time '
        "(write it as YYYY-MM-DDTHH:MM in UK local time, for example 2026-03-01T09:30)",
    ),
    (
        {"audience": "[everyone]"},
        'docs/events/bad.yml:9: entry 1 of audience has "everyone", which is not one of: ASYE, social '
        "worker, experienced social worker, practice supervisor, manager, student, all staff "
        "(choose one of the listed values)",
    ),
    (
        {"drop": ("venue",), "online": "teams"},
        'docs/events/bad.yml:9: field "online" has "teams", which is not a web address '
        "(start it with https:// or http://, with no spaces, quotes or angle brackets)",
    ),
    (
        {"findings": "{summary: Found things., standards: [standard-1]}"},
        'docs/events/bad.yml:10: event "e" is a seminar but has findings '
        '(only a practice week has findings: remove it, or make the kind "practice week")',
    ),
    (
        {**HELD, "findings": "{summary: Found things., standards: [nope]}"},
        'docs/events/bad.yml:10: field "findings.standards" names "nope", which is not the id of any '
        "practice standard (check the id in docs/standards/)",
    ),
    (
        {**HELD, "findings": "{summary: Found things.}"},
        'docs/events/bad.yml:10: missing required field "findings.standards" (add a line "standards: ...": '
        "ids of the practice standards the findings inform)",
    ),
    (
        {"booking": "{instructions: Ring us}"},
        'docs/events/bad.yml:10: missing required field "booking.contact" (add a line "contact: ...": '
        "the booking web address or email address)",
    ),
    (
        {"id": "calendar"},
        'docs/events/bad.yml:1: event id "calendar" is taken by a page of events/ '
        "(choose another id; calendar, index, upcoming are taken)",
    ),
]


@pytest.mark.parametrize(("changes", "expected"), BAD)
def test_bad_events_give_exact_messages(tmp_path, monkeypatch, changes, expected):
    changes = dict(changes)
    drop = changes.pop("drop", ())
    found = problems_for(tmp_path, monkeypatch, event(drop, **changes))
    assert found == [expected]


@pytest.mark.parametrize(
    "changes",
    [
        {
            "start": "2026-11-02T09:00",
            "end": "2026-11-02T10:00",
            "booking": "{contact: book@council.example}",
        },
        {**HELD, "findings": "{summary: Found things., standards: [standard-1]}"},
        {**HELD, "schedule": "[{date: 2026-11-03, time: all day, activity: One-to-one file reflection}]"},
        {"status": "cancelled", "booking": "{contact: https://learning.council.example/e}"},
    ],
    ids=["past-event-with-booking-open", "findings-once-held", "schedule-in-the-week", "cancelled"],
)
def test_events_that_are_fine(tmp_path, monkeypatch, changes):
    """A past event whose booking was never closed is not a mistake: the page stops offering it."""
    assert problems_for(tmp_path, monkeypatch, event(**changes)) == []


def test_event_pages_are_found_by_search_as_events(built):
    labels = {}
    for fragment in (built / "site/pagefind/fragment").glob("*.pf_fragment"):  # gzipped JSON
        raw = gzip.decompress(fragment.read_bytes())
        record = json.loads(raw[raw.index(b"{") :])
        labels[record["url"]] = record["meta"].get("ph_label")
    assert {url: label for url, label in labels.items() if url.startswith("/events/")} == {
        "/events/": "List",
        "/events/autumn-clocks/": "Event",
        "/events/past-seminar/": "Event",
        "/events/spring-week/": "Event",
        "/events/held-week/": "Event",
    }
    standard = BeautifulSoup((built / "site/standards/standard-1/index.html").read_text(), "html.parser")
    group = standard.select_one("section[data-ph-group]")  # leaves with its events, in the browser
    assert group.h2.get_text(strip=True).rstrip("¶") == "Events that support this standard"
    assert [s["data-ph-ends"] for s in group.select("[data-ph-ends]")] == ["2026-11-25T10:30:00Z"]


def test_the_editors_guide_quotes_the_message_an_editor_would_see(tmp_path, monkeypatch):
    """The guide's events example, its end moved before its start, on a new site made by start
    (the guide's examples name start's ids): the message is the one the guide quotes."""
    from tests.site.test_editors_guide import GUIDE, examples

    monkeypatch.setenv("PRACTICE_HUB_TODAY", TODAY)
    uri = "events/example-events.yml"
    text = examples()[uri].replace("end: 2027-02-11T13:30", "end: 2027-02-11T11:30")
    root = run_start("Kelsey Vale Council", tmp_path / "kelsey-vale")
    (root / "docs" / uri).parent.mkdir(parents=True, exist_ok=True)
    (root / "docs" / uri).write_text(text, encoding="utf-8")
    site = load_site(Project.from_config_file(root / "mkdocs.yml"))
    (message,) = [str(p) for p in site.problems.errors]
    assert message.startswith(f"docs/{uri}:7: ")
    assert f"`{message}`" in " ".join(GUIDE.read_text(encoding="utf-8").split())


def test_every_event_ics_file_matches_the_yaml(built):
    """The training catalogue's checks, for events: each file's event is the YAML's, in
    Europe/London with both its standard and summer time rules."""
    import yaml

    entries = {e["id"]: e for e in yaml.safe_load(EVENTS)}
    for path in (built / "site/events/calendar").glob("*.ics"):
        calendar = icalendar.Calendar.from_ical(path.read_bytes())
        assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
        (zone,) = calendar.walk("VTIMEZONE")
        assert zone["TZID"] == "Europe/London"
        assert {c.name for c in zone.subcomponents} == {"STANDARD", "DAYLIGHT"}  # both clock changes
        found = calendar.walk("VEVENT")
        assert len(found) == (len(entries) if path.name == "all.ics" else 1), path.name
        for one in found:
            entry = entries[str(one["UID"]).split("-20")[0]]
            assert one.decoded("DTSTART") == dt.datetime.fromisoformat(entry["start"]).replace(tzinfo=LONDON)
            assert one.decoded("DTEND") == dt.datetime.fromisoformat(entry["end"]).replace(tzinfo=LONDON)
            assert str(one["SUMMARY"]) == entry["title"]
            assert str(one["LOCATION"]) == entry.get("venue", "Online")
            assert str(one["STATUS"]) == "TENTATIVE"


def test_a_cancelled_event_is_cancelled_in_calendars(tmp_path, monkeypatch):
    from practice_hub.renderer.site_pages import event_calendar_files

    monkeypatch.setenv("PRACTICE_HUB_TODAY", TODAY)
    root = make_project(tmp_path / "p", THREAD, files={"events/bad.yml": event(status="cancelled")})
    site = load_site(Project.from_config_file(root / "mkdocs.yml"))
    files = event_calendar_files(site)
    (one,) = icalendar.Calendar.from_ical(files["events/calendar/e-2026-12-01.ics"]).walk("VEVENT")
    assert str(one["STATUS"]) == "CANCELLED" and str(one["UID"]).startswith("e-20261201T1230@")
