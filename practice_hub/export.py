"""``content.json``: every published item, for IT and other tools."""

from __future__ import annotations

from .content_types import TYPES
from .site import Site
from .structure.calendar_paths import course_ics_uri, session_ics_uri
from .structure.events import event_ics_uri
from .structure.frameworks import as_data
from .structure.items import Item
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
        extra = EXTRAS.get(TYPES[item.type].export_extra) if item.type in TYPES else None
        if extra:
            entry.update(extra(item, site))
        items.append(entry)
    frameworks = as_data(site.frameworks, site.framework_map, site.urls)
    return {"generated": site.project.settings.clock.time, "items": items, "frameworks": frameworks}


def _export_fields(type_name: str) -> tuple[str, ...]:
    content_type = TYPES.get(type_name)
    return content_type.export_fields if content_type else ()


def _sessions(course: Item, site: Site) -> dict:
    """A course's sessions and calendar feeds."""
    return {
        "sessions": [
            {
                "start": s.start.strftime("%Y-%m-%dT%H:%M"),
                "end": s.end.strftime("%Y-%m-%dT%H:%M"),
                "timezone": LONDON.key,
                "venue": s.venue,
                "status": s.status,
                "places": s.places,
                "ics": site.urls.get(session_ics_uri(s), ""),
            }
            for s in sessions_of(course)
        ],
        "ics": site.urls.get(course_ics_uri(course.id), ""),
    }


def _calendar(event: Item, site: Site) -> dict:
    """An event's own calendar file."""
    return {"timezone": LONDON.key, "ics": site.urls.get(event_ics_uri(event), "")}


def _results(section: Item, site: Site) -> dict:
    """An audit section's published results, oldest first, each with its sample (files graded,
    and audits where the section was not applicable)."""
    keys = ("period", "files_audited", "not_applicable", "good_or_better", "requires_improvement_or_lower")
    return {"results": [{k: r[k] for k in keys} for r in site.thread.results.get(section.id, [])]}


# What content.json adds for a type, named by the registry's ``export_extra``.
EXTRAS = {"sessions": _sessions, "calendar": _calendar, "results": _results}
