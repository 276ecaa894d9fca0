"""The one place where anything outlives a build: caches that make `mkdocs serve` rebuilds fast.

MkDocs does not reload modules between the builds of `mkdocs serve`, so whatever is kept between
builds is kept here, named, bounded, and reset by the tests (``SERVE_CACHE.reset()``). What is
handed out is a copy, so one build can never change what the next one reads.
"""

from __future__ import annotations

import copy
import weakref
from dataclasses import dataclass, field


@dataclass
class ServeCache:
    """Everything one Python process keeps between builds."""

    files: dict = field(default_factory=dict)  # (path, kind, hash, schemas) -> structure.load.FileResult
    schemas: dict = field(default_factory=dict)  # (folder, file stamps) -> schema.Schemas (read-only)
    last_built: dict = field(default_factory=dict)  # site folder -> page path -> hash it was built from
    calendar: dict = field(default_factory=dict)  # key -> serialised VEVENT, frame or VTIMEZONE (bytes)
    # Pagefind processes still running, to stop on a failed build or at exit (not build state).
    processes: weakref.WeakSet = field(default_factory=weakref.WeakSet)
    # The last complete build of `mkdocs serve` (its engine objects, Practice Hub's Build and the
    # watched files' stamps), so that saving one page rebuilds that page alone.
    last_serve_build: object | None = None

    FILES_LIMIT = 20_000
    EVENTS_LIMIT = 100_000
    SITES_LIMIT = 32

    def reset(self) -> None:
        self.files.clear()
        self.schemas.clear()
        self.last_built.clear()
        self.calendar.clear()
        self.last_serve_build = None

    # --- parsed and validated files -----------------------------------------------------------
    def file_result(self, key: tuple):
        """A copy of the cached result for *key* (items copied: builds change their ``related``)."""
        result = self.files.get(key)
        return None if result is None else _copy_result(result)

    def keep_file_result(self, key: tuple, result) -> None:
        if len(self.files) > self.FILES_LIMIT:
            self.files.clear()
        self.files[key] = _copy_result(result)

    # --- what each page was last built from ----------------------------------------------------
    def swap_last_built(self, site_dir: str, now: dict[str, str]) -> dict[str, str]:
        """Remember *now* for this site folder; return (a copy of) what was there before."""
        previous = dict(self.last_built.get(site_dir, {}))
        self.last_built[site_dir] = dict(now)
        if len(self.last_built) > self.SITES_LIMIT:
            self.last_built.pop(next(iter(self.last_built)))
        return previous

    # --- calendar parts ---------------------------------------------------------------------------
    def calendar_part(self, key: tuple, make):
        """Serialised calendar text (bytes, or a tuple of bytes: immutable, so never copied)."""
        if key not in self.calendar:
            if len(self.calendar) > self.EVENTS_LIMIT:
                self.calendar.clear()
            self.calendar[key] = make()
        return self.calendar[key]


def _copy_result(result):
    items = [copy.copy(item) for item in result.items]
    for item in items:
        item.related = {}
    copied = type(result)(items, list(result.problems), set(result.unread_ids))
    if hasattr(result, "unread_words"):  # a content file's (structure.load.FileResult)
        copied.unread_words = set(result.unread_words)
    return copied


#: The process's one serve cache.
SERVE_CACHE = ServeCache()
