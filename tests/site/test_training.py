"""The training catalogue: course pages, upcoming sessions, calendar feeds and validation."""

from __future__ import annotations

import datetime as dt
import json
import re
from zoneinfo import ZoneInfo

import icalendar
import pytest
import yaml
from bs4 import BeautifulSoup

from helpers import FIXTURES, make_project, run_build, run_check

LONDON = ZoneInfo("Europe/London")

COURSES = """\
- id: court-skills
  title: Court skills
  summary: Giving evidence.
  audience: [social worker, experienced social worker]
  mode: classroom
  provider: external
  standards: [standard-1]
  prerequisites: [course-one]
  booking: {contact: learning@brackenford.example}
  sessions:
    - {start: 2026-10-26T09:30, end: 2026-10-26T16:00, venue: Northgate Hub, status: open}
    - {start: 2027-03-29T09:30, end: 2027-03-29T16:00, venue: Northgate Hub, status: open, places: 12}
    - {start: 2027-03-26T09:30, end: 2027-03-26T16:00, venue: Northgate Hub, status: cancelled}
    - {start: 2026-11-02T09:30, end: 2026-11-02T12:00, venue: Northgate Hub, status: full}
- id: recording-online
  title: Recording online
  summary: Recording well.
  audience: [ASYE]
  mode: live online
  provider: in-house
  standards: [standard-2]
  booking: {contact: "https://learning.brackenford.example/recording"}
  sessions:
    - {start: 2027-01-12T13:00, end: 2027-01-12T15:00, venue: Online (Teams), status: open}
- id: records-e-learning
  title: Records e-learning
  summary: Recording at your own pace.
  audience: [student]
  mode: e-learning
  provider: in-house
  standards: [standard-2]
  booking: {contact: "https://learning.brackenford.example/records", instructions: Log in to the portal.}
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("training"), FIXTURES / "thread" / "docs",
                           files={"training/more.yml": COURSES})
    result = run_build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project


def _yaml_courses(project):
    courses = {}
    for path in sorted((project / "docs/training").glob("*.yml")):
        for course in yaml.load(path.read_text(), Loader=yaml.BaseLoader):
            courses[course["id"]] = course
    return courses


def _local(text):
    return dt.datetime.fromisoformat(text).replace(tzinfo=LONDON)


def test_every_ics_file_matches_the_yaml(built):
    courses = _yaml_courses(built)
    feeds = sorted((built / "site/training/calendar").rglob("*.ics"))
    assert len(feeds) == 1 + len(courses) + sum(len(c.get("sessions", [])) for c in courses.values())
    events_seen = 0
    for feed in feeds:
        calendar = icalendar.Calendar.from_ical(feed.read_bytes())
        assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
        assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] in ([], ["Europe/London"])
        for event in calendar.walk("VEVENT"):
            events_seen += 1
            course_id, stamp = re.match(r"(.+)-(\d{8}T\d{4})@", str(event["UID"])).groups()
            course = courses[course_id]
            session = next(s for s in course["sessions"]
                           if _local(s["start"]).strftime("%Y%m%dT%H%M") == stamp)
            assert event.decoded("DTSTART") == _local(session["start"])
            assert event.decoded("DTEND") == _local(session["end"])
            assert str(event["SUMMARY"]) == course["title"]
            assert str(event["LOCATION"]) == session["venue"]
            expected = "CANCELLED" if session["status"] == "cancelled" else "TENTATIVE"
            assert str(event["STATUS"]) == expected
            assert event["DTSTART"].params["TZID"] == "Europe/London"
    # each session: its own file, its course feed and the whole catalogue
    assert events_seen == 3 * sum(len(c.get("sessions", [])) for c in courses.values())


def test_clock_changes_are_right(built):
    calendar = icalendar.Calendar.from_ical((built / "site/training/calendar/court-skills.ics").read_bytes())
    starts = {str(e["UID"]).split("@")[0]: e.decoded("DTSTART") for e in calendar.walk("VEVENT")}
    # 26 October 2026 is after the clocks go back: 9:30 GMT is 09:30 UTC.
    assert starts["court-skills-20261026T0930"].astimezone(dt.timezone.utc).hour == 9
    # 29 March 2027 is after the clocks go forward: 9:30 BST is 08:30 UTC.
    assert starts["court-skills-20270329T0930"].astimezone(dt.timezone.utc).hour == 8


def test_uids_are_stable_across_builds(built, tmp_path):
    again = make_project(tmp_path, FIXTURES / "thread" / "docs", files={"training/more.yml": COURSES})
    assert run_build(again).returncode == 0
    for name in ("all.ics", "court-skills.ics"):
        assert (again / "site/training/calendar" / name).read_bytes() == \
            (built / "site/training/calendar" / name).read_bytes()


def test_course_page_offers_only_sessions_that_have_not_passed(built):
    html = (built / "site/training/court-skills/index.html").read_text()
    assert "Monday 29 March 2027, 9:30am to 4pm" in html
    assert "26 October 2026" not in html and "2 November 2026" not in html  # before 24 November 2026
    assert 'data-ph-ends="2027-03-29T15:00:00Z"' in html  # 4pm BST
    assert "Open for booking (12 places)" in html
    assert "Cancelled" in html
    assert 'href="../calendar/court-skills/court-skills-2027-03-29.ics"' in html
    assert 'href="../calendar/court-skills.ics"' in html
    assert 'href="../course-one/"' in html  # prerequisite


def test_e_learning_offers_start_and_no_calendar(built):
    soup = BeautifulSoup((built / "site/training/records-e-learning/index.html").read_text(), "html.parser")
    text = soup.get_text(" ")
    assert ".ics" not in str(soup.select_one("article")) and "Calendar feed" not in text
    assert "Book:" not in text and "How to start" in text
    start = soup.find("a", href="https://learning.brackenford.example/records")
    assert start.get_text(strip=True) == "Start Records e-learning"  # link text, not the raw address
    # a classroom course still offers its feed, and its booking link says what it does
    soup = BeautifulSoup((built / "site/training/court-skills/index.html").read_text(), "html.parser")
    assert soup.find("a", href="mailto:learning@brackenford.example").get_text() == "learning@brackenford.example"
    assert "to book a place" in soup.get_text(" ")


def test_sessions_tables_label_every_cell_for_phone_cards(built):
    soup = BeautifulSoup((built / "site/training/upcoming/index.html").read_text(), "html.parser")
    cells = soup.select("table.ph-sessions td")
    assert cells and all(td.get("data-label") for td in cells)
    assert {td["data-label"] for td in cells} == {"When", "Course", "Where", "Status", "Calendar"}


def test_catalogue_lists_every_course_once_with_filter_data(built):
    html = (built / "site/training/index.html").read_text()
    listed = BeautifulSoup(html, "html.parser").select("ul.ph-courses > li")
    hrefs = [li.find("a")["href"] for li in listed]
    assert sorted(hrefs) == sorted(f"{course_id}/" for course_id in _yaml_courses(built))
    assert 'data-audience="|social worker|experienced social worker|"' in html
    assert 'data-standards="|standard-1|"' in html
    assert 'data-months="|2027-03|"' in html  # the cancelled and past sessions give no month
    assert "<form class=\"ph-filters\" data-ph-filter=\"\" hidden=\"\">" in html  # shown only by the script


def test_upcoming_page_groups_by_month(built):
    html = (built / "site/training/upcoming/index.html").read_text()
    months = re.findall(r'<h2 id="[^"]+">([A-Z][a-z]+ \d{4})', html)
    assert months == ["December 2026", "January 2027", "March 2027"]
    assert "October 2026" not in html


def test_content_json_carries_sessions_and_feeds(built):
    content = json.loads((built / "site/content.json").read_text())
    course = next(i for i in content["items"] if i["id"] == "court-skills")
    assert course["ics"] == "training/calendar/court-skills.ics"
    assert [s["start"] for s in course["sessions"]] == [
        "2026-10-26T09:30", "2026-11-02T09:30", "2027-03-26T09:30", "2027-03-29T09:30"]
    assert course["sessions"][2]["status"] == "cancelled"
    assert course["sessions"][3]["ics"] == "training/calendar/court-skills/court-skills-2027-03-29.ics"


BAD = """\
- id: alpha
  title: Alpha
  summary: A.
  audience: [ASYE]
  mode: classroom
  provider: in-house
  standards: [standard-1]
  prerequisites: [beta]
  booking: {contact: learning@brackenford.example}
  sessions:
    - {start: 2027-01-10T13:00, end: 2027-01-10T09:00, venue: Civic Centre, status: open}
    - {start: 2027-02-01T09:00, end: 2027-02-01T12:00, venue: Civic Centre, status: open}
- id: beta
  title: Beta
  summary: B.
  audience: [ASYE]
  mode: classroom
  provider: in-house
  standards: [standard-1]
  prerequisites: [alpha]
  booking: {contact: learning@brackenford.example}
  sessions:
    - {start: 2027-02-01T11:00, end: 2027-02-01T13:00, venue: civic  centre, status: open}
- id: gamma
  title: Gamma
  summary: C.
  audience: [ASYE]
  mode: e-learning
  provider: external
  standards: [standard-1]
  booking: {contact: "learning.brackenford.example"}
  sessions:
    - {start: 2027-02-01T11:00, end: 2027-02-01T13:00, venue: Online, status: open}
- id: delta
  title: Delta
  summary: D.
  audience: [ASYE]
  mode: classroom
  provider: external
  standards: [standard-1]
  prerequisites: [epsilon]
  booking: {contact: learning@brackenford.example}
"""


def test_training_validation_messages(tmp_path):
    project = make_project(tmp_path, FIXTURES / "thread" / "docs", files={"training/bad.yml": BAD})
    result = run_check(project)
    assert result.returncode == 1
    assert result.stdout.splitlines()[:-1] == [  # the last line counts them
        'docs/training/bad.yml:8: prerequisites go round in a circle: alpha → beta → alpha (remove one of these prerequisites)',
        'docs/training/bad.yml:11: session 1 of "alpha" ends (2027-01-10T09:00) before it starts (2027-01-10T13:00) (check the dates and times of start and end)',
        'docs/training/bad.yml:23: session 1 of "beta" at civic  centre overlaps session 2 of "alpha" (docs/training/bad.yml:12, 2027-02-01 09:00 to 12:00) (move one of the sessions or change its venue)',
        'docs/training/bad.yml:31: field "booking.contact" has "learning.brackenford.example", which is not a web address or an email address (give a web address starting with https:// or an email address)',
        # Counted warnings fail the build, so check shows them as problems, in line order.
        'docs/training/bad.yml:32: course "gamma" is e-learning but has sessions (e-learning can be done any time: remove the sessions, or change the mode)',
        'docs/training/bad.yml:34: course "delta" is classroom but has no sessions (add sessions so people can book, or mark it e-learning)',
        'docs/training/bad.yml:41: field "prerequisites" names "epsilon", which is not the id of any course (check the id in docs/training/)',
    ]


def test_times_that_do_not_exist_or_happen_twice(tmp_path):
    bad = COURSES.replace("{start: 2027-01-12T13:00, end: 2027-01-12T15:00",
                          "{start: 2027-03-28T01:30, end: 2027-10-31T01:30")
    project = make_project(tmp_path, FIXTURES / "thread" / "docs", files={"training/more.yml": bad})
    result = run_check(project)
    assert result.returncode == 1
    assert result.stdout.splitlines()[:2] == [
        'docs/training/more.yml:24: session 1 of "recording-online" ends at 2027-10-31T01:30, a time that happens '
        "twice in the UK (the clocks go back) (choose a time outside 1am to 2am on the night the clocks change)",
        'docs/training/more.yml:24: session 1 of "recording-online" starts at 2027-03-28T01:30, a time that does '
        "not exist in the UK (the clocks go forward) (choose a time outside 1am to 2am on the night the clocks change)",
    ]


def test_a_file_that_cannot_be_read_does_not_cause_false_unknown_ids(tmp_path):
    project = make_project(tmp_path, FIXTURES / "thread" / "docs")
    standard = project / "docs/standards/standard-1.md"
    standard.write_text(standard.read_text().replace("title: Standard 1", "title: Standard 1: broken"))
    result = run_check(project)
    assert result.stdout.splitlines()[0] == (
        'docs/standards/standard-1.md:4: the value on this line has ": " in it, which reads as the '
        'start of another field (put the value in quotes: title: "Standard 1: broken")')
    assert "golden thread gap" not in result.stdout  # the standard's links are not known: no gaps
    assert "standard-1\", which is not the id" not in result.stdout
