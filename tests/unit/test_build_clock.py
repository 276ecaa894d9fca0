"""One clock per build: the moment is read once when the build's settings are made, so every page,
feed and file of one build says the same time, even when the build runs across a second; and
SOURCE_DATE_EPOCH, when set, is that moment (reproducible builds)."""

from __future__ import annotations

import datetime as dt

import pytest

from helpers import FIXTURES, make_project
from practice_hub import clock
from practice_hub.clock import Clock
from practice_hub.settings import Environment, Project, Settings

EPOCH = "1795478400"  # 2026-11-24T00:00:00Z


class TickingClock:
    """A fake real clock that moves on a second (and a half) every time it is asked."""

    def __init__(self, start: dt.datetime):
        self.now, self.asked = start, 0

    def __call__(self) -> dt.datetime:
        self.asked += 1
        self.now += dt.timedelta(seconds=1.5)
        return self.now


@pytest.fixture
def ticking(monkeypatch) -> TickingClock:
    fake = TickingClock(dt.datetime(2026, 11, 24, 9, 0, 59, 900_000, tzinfo=dt.UTC))
    monkeypatch.setattr(clock, "_now", fake)
    return fake


def test_the_real_clock_is_read_once_per_build(ticking):
    settings = Settings.from_mapping({}, Environment())
    first = settings.clock.moment
    assert [settings.clock.moment, settings.clock.time, settings.build_date] == [
        first,
        first.isoformat(),
        settings.build_date,
    ]
    assert ticking.asked == 1
    assert first == dt.datetime(2026, 11, 24, 9, 1, 1, tzinfo=dt.UTC)  # whole seconds
    assert Settings.from_mapping({}, Environment()).clock.moment > first  # the next build: a new moment


def test_two_reads_in_one_build_give_the_same_moment_across_a_second(tmp_path, ticking):
    from practice_hub.export import content_json
    from practice_hub.renderer.site_pages import calendar_files, feed_file
    from practice_hub.site import load_site

    project = make_project(tmp_path / "p", FIXTURES / "thread" / "docs")
    site = load_site(Project.from_config_file(project / "mkdocs.yml", Environment()))
    asked = ticking.asked
    generated = [content_json(site)["generated"] for _ in range(3)]
    _, feed = feed_file(site, "Test hub")
    calendars = calendar_files(site)
    assert ticking.asked == asked, "nothing after the settings asks the real clock"
    assert len(set(generated)) == 1
    assert f"<updated>{generated[0]}</updated>".encode() in feed  # the feed's own "updated"
    stamp = site.project.settings.clock.calendar_stamp.strftime("%Y%m%dT%H%M%SZ").encode()
    stamps = {
        line for text in calendars.values() for line in text.splitlines() if line.startswith(b"DTSTAMP")
    }
    assert stamps == {b"DTSTAMP:" + stamp}


def test_source_date_epoch_is_the_moment_and_the_calendar_stamp():
    environment = Environment.read({"SOURCE_DATE_EPOCH": EPOCH})
    settings = Settings.from_mapping({"today": "2027-02-01"}, environment)
    moment = dt.datetime(2026, 11, 24, tzinfo=dt.UTC)
    assert settings.clock == Clock(moment, dt.date(2027, 2, 1), reproducible=True)
    assert settings.clock.time == "2026-11-24T00:00:00+00:00"
    assert settings.clock.calendar_stamp == moment
    assert settings.build_date == dt.date(2027, 2, 1)  # the pinned date stays the build date


def test_without_source_date_epoch_calendars_are_stamped_at_the_start_of_the_build_date(ticking):
    settings = Settings.from_mapping({"today": "2027-02-01"}, Environment(source_date_epoch="soon"))
    assert not settings.clock.reproducible
    assert settings.clock.calendar_stamp == dt.datetime(2027, 2, 1, tzinfo=dt.UTC)


def test_a_clock_can_be_started_from_a_given_real_time():
    noon = dt.datetime(2026, 6, 1, 11, 30, 5, 123, tzinfo=dt.UTC)
    started = Clock.start(now=lambda: noon)
    assert started.moment == noon.replace(microsecond=0)
    assert started.today == noon.astimezone().date()
