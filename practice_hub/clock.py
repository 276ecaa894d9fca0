"""The build's clock: one moment per build, fixed when the build starts.

A ``Clock`` is made once per build (by ``Settings``, which every build makes once) and read from
there: the feeds' "updated", ``content.json``'s "generated", the calendars' DTSTAMP and the build
date are then the same whichever page asks, even when the build runs across a second (or
midnight). ``SOURCE_DATE_EPOCH``, when set, is the moment (reproducible builds); a pinned date
(the ``today`` setting, or ``PRACTICE_HUB_TODAY``) is the build date.

This module reads no environment variable: ``settings.Environment`` reads them, once, and hands
the values in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class Clock:
    """One build's moment (UTC, whole seconds) and date."""

    moment: dt.datetime
    today: dt.date
    reproducible: bool = False  # the moment is SOURCE_DATE_EPOCH's, not the real clock's
    # The real date when the build started, whatever date is pinned: a date an editor wrote is
    # "still to come" only when it is after both (a pinned date in the past makes no page wrong).
    real_today: dt.date | None = field(default=None, compare=False)

    @classmethod
    def start(
        cls,
        source_date_epoch: str = "",
        today: str = "",
        now: Callable[[], dt.datetime] | None = None,
    ) -> Clock:
        """Read the real clock once (*now*, a fake one in tests). *source_date_epoch* (seconds
        since 1970, as the variable holds it) wins over the real time when it is a number;
        *today* (YYYY-MM-DD) wins over the real date when it is given."""
        real = (now or _now)()
        epoch = (source_date_epoch or "").strip()
        reproducible = epoch.isdigit()
        moment = dt.datetime.fromtimestamp(int(epoch), dt.UTC) if reproducible else real.astimezone(dt.UTC)
        day = dt.date.fromisoformat(today) if today else real.astimezone().date()
        return cls(moment.replace(microsecond=0), day, reproducible, real.astimezone().date())

    @property
    def latest_today(self) -> dt.date:
        """The later of the build date and the real date: what is after it is still to come."""
        return max(self.today, self.real_today or self.today)

    @property
    def time(self) -> str:
        """The moment as ISO 8601 text (``content.json``'s "generated")."""
        return self.moment.isoformat()

    @property
    def calendar_stamp(self) -> dt.datetime:
        """DTSTAMP for calendar feeds: SOURCE_DATE_EPOCH's moment, else the start of the build date
        (stable all day, so that calendar files do not change with every build)."""
        if self.reproducible:
            return self.moment
        return dt.datetime.combine(self.today, dt.time(), dt.UTC)
