"""The build's clock: one moment per build, SOURCE_DATE_EPOCH when set (reproducible builds)."""

from __future__ import annotations

import datetime as dt
import os


def generated_moment() -> dt.datetime:
    """Build time, or SOURCE_DATE_EPOCH when set (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = (
        dt.datetime.fromtimestamp(int(epoch), dt.UTC)
        if epoch and epoch.isdigit()
        else dt.datetime.now(dt.UTC)
    )
    return moment.replace(microsecond=0)


def calendar_stamp(build_date: dt.date) -> dt.datetime:
    """DTSTAMP for calendar feeds: SOURCE_DATE_EPOCH, else the start of the build date (stable all day)."""
    if os.environ.get("SOURCE_DATE_EPOCH", "").isdigit():
        return generated_moment()
    return dt.datetime.combine(build_date, dt.time(), dt.UTC)


def generated_time() -> str:
    return generated_moment().isoformat()
