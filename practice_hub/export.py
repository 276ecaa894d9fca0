"""``content.json``: every published item, for IT and other tools."""

from __future__ import annotations

from .clock import calendar_stamp, generated_moment, generated_time  # noqa: F401  (imported from here too)
from .content_types import AUDIT_SECTION, COURSE, EVENT, TYPES
from .site import Site
from .structure.calendar_paths import course_ics_uri, session_ics_uri
from .structure.events import event_ics_uri
from .structure.training import LONDON, sessions_of

REVIEW_FIELDS = ("owner", "approver", "last_reviewed", "review_by", "effective_date", "archived_date")
RENAMED = {"href": "url", "publisher": "source"}


def content_json(site: Site) -> dict:
    items = []
    for item in sorted(site.items, key=lambda i: (i.type, i.id)):
        source = {"path": item.path}
        if item.from_yaml:
            source["line"] = item.line
        entry = {
            "type": item.type,
            "id": item.id,
            "title": item.title,
            "url": site.url_of(item),
            "source": source,
            "status": item.status,
            "summary": item.summary,
        }
        for name in REVIEW_FIELDS:
            if name in item.data:
                entry[name] = item.data[name]
        for name in _export_fields(item.type):
            field = RENAMED.get(name, name)  # keep clear of the common keys (url, source)
            if field in item.data:
                entry[name] = item.data[field]
        for name in ("tags", "keywords"):
            if item.data.get(name):
                entry[name] = list(item.data[name])
        entry["related"] = item.related
        if item.type == COURSE:  # courses: their sessions and calendar feeds
            entry["sessions"] = [
                {
                    "start": s.start.strftime("%Y-%m-%dT%H:%M"),
                    "end": s.end.strftime("%Y-%m-%dT%H:%M"),
                    "timezone": LONDON.key,
                    "venue": s.venue,
                    "status": s.status,
                    "places": s.places,
                    "ics": site.urls.get(session_ics_uri(s), ""),
                }
                for s in sessions_of(item)
            ]
            entry["ics"] = site.urls.get(course_ics_uri(item.id), "")
        if item.type == EVENT:  # the event's own calendar file
            entry["timezone"] = LONDON.key
            entry["ics"] = site.urls.get(event_ics_uri(item), "")
        if item.type == AUDIT_SECTION:
            entry["results"] = [
                {
                    k: r[k]
                    for k in ("period", "files_audited", "good_or_better", "requires_improvement_or_lower")
                }
                for r in site.thread.results.get(item.id, [])
            ]
        items.append(entry)
    return {"generated": generated_time(), "items": items}


def _export_fields(type_name: str) -> tuple[str, ...]:
    content_type = TYPES.get(type_name)
    return content_type.export_fields if content_type else ()
