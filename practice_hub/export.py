"""``content.json``: every published item, for IT and other tools."""

from __future__ import annotations

import datetime as dt
import os

from .renderer.calendar import course_ics_uri, session_ics_uri
from .site import Site
from .structure.training import sessions_of

REVIEW_FIELDS = ("owner", "approver", "last_reviewed", "review_by", "effective_date", "archived_date")
RENAMED = {"href": "url", "publisher": "source"}
TYPE_FIELDS = {
    "vacancy": ("team", "grade", "salary", "hours", "closing_date", "apply"),
    "research": ("publisher", "resource_type", "date", "link", "topics"),
    "news": ("date", "categories", "authors"),
    "tool": ("file",),
    "induction": ("role",),
    "link": ("href", "category", "internal"),
    "glossary": ("term", "expansion"),
    "course": ("mode", "audience", "provider", "duration", "cpd_hours"),
    "standard": ("number",),
    "audit_section": ("number", "journey_stages"),
}


def generated_moment() -> dt.datetime:
    """Build time, or SOURCE_DATE_EPOCH when set (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = (dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc) if epoch and epoch.isdigit()
              else dt.datetime.now(dt.timezone.utc))
    return moment.replace(microsecond=0)


def calendar_stamp(build_date: dt.date) -> dt.datetime:
    """DTSTAMP for calendar feeds: SOURCE_DATE_EPOCH, else the start of the build date (stable all day)."""
    if os.environ.get("SOURCE_DATE_EPOCH", "").isdigit():
        return generated_moment()
    return dt.datetime.combine(build_date, dt.time(), dt.timezone.utc)


def generated_time() -> str:
    return generated_moment().isoformat()


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
        for name in TYPE_FIELDS.get(item.type, ()):
            field = RENAMED.get(name, name)  # keep clear of the common keys (url, source)
            if field in item.data:
                entry[name] = item.data[field]
        for name in ("tags", "keywords"):
            if item.data.get(name):
                entry[name] = list(item.data[name])
        entry["related"] = item.related
        if item.type == "course":
            entry["sessions"] = [
                {"start": s.start.strftime("%Y-%m-%dT%H:%M"), "end": s.end.strftime("%Y-%m-%dT%H:%M"),
                 "timezone": "Europe/London", "venue": s.venue, "status": s.status, "places": s.places,
                 "ics": site.urls.get(session_ics_uri(s), "")}
                for s in sessions_of(item)
            ]
            entry["ics"] = site.urls.get(course_ics_uri(item.id), "")
        if item.type == "audit_section":
            entry["results"] = [
                {k: r[k] for k in ("period", "files_audited", "good_or_better", "requires_improvement_or_lower")}
                for r in site.thread.results.get(item.id, [])
            ]
        items.append(entry)
    return {"generated": generated_time(), "items": items}
