"""Capability and inspection frameworks as data, and the items mapped to them.

Each framework is a file of its own, ``docs/_data/frameworks/<id>.yml`` (the Professional
Capabilities Framework, Social Work England's professional standards, the Knowledge and Skills
Statements, CQC's quality statements, Ofsted's inspection questions...), checked against
``content_schema/capability_framework.schema.yaml``. Courses, practice standards, briefings,
events and audit sections name framework items under ``frameworks:``::

    frameworks:
      pcf: [knowledge, critical-reflection-and-analysis]
      swe-standards: [maintain-my-cpd]

Frameworks change on dates that are set in advance, so a mapping is judged on a date: a dated
item (an event on its start, a course on each session's start) must map to what is in force on
that day, an error otherwise; an undated item (a standard, an audit section, a briefing, a
course with no sessions) is judged on the build date, and a framework or item that has ended is
an advisory warning that names what replaced it.

``Site.frameworks`` holds the frameworks by id; :func:`mapped` (also ``Site.framework_map``)
gives, for each (framework id, item id), the items mapped to it in reading order.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ..content_types import CAPABILITY_FRAMEWORK, DATA_DIR, FRAMEWORK_PAGES, FRAMEWORKS_DIR, YAML_SUFFIXES
from ..loader.text import TextProblem, decode
from ..loader.yaml_lines import Loaded, YamlProblem, load
from ..problems import WARNING, Problems
from ..schema import Schemas, suggest
from .items import Item

FIELD = "frameworks"  # the mapping's field on courses, standards, briefings, events, audit sections
FOLDER = f"{DATA_DIR}/{FRAMEWORKS_DIR}"  # under docs/
PACK_HEADINGS = ("know", "how", "doing", "governance")


@dataclass(frozen=True)
class FrameworkItem:
    id: str
    name: str
    group: str
    description: str
    starts: dt.date | None
    ends: dt.date | None
    line: int

    def in_force_on(self, day: dt.date) -> bool:
        return (self.starts is None or self.starts <= day) and (self.ends is None or day <= self.ends)


@dataclass(frozen=True)
class Framework:
    id: str
    name: str
    short_name: str
    kind: str
    version: str
    publisher: str
    source: str
    starts: dt.date
    ends: dt.date | None
    replaced_by: str
    services: tuple[str, ...]
    note: str
    groups: tuple[tuple[str, str], ...]
    items: tuple[FrameworkItem, ...]
    pack: dict[str, tuple[str, ...]]
    path: str

    def item(self, item_id: str) -> FrameworkItem | None:
        return next((entry for entry in self.items if entry.id == item_id), None)

    def in_force_on(self, day: dt.date) -> bool:
        return self.starts <= day and (self.ends is None or day <= self.ends)

    @property
    def label(self) -> str:
        """The short name for tight places, else the name."""
        return self.short_name or self.name


@dataclass
class Reading:
    """The frameworks read, and the ids of framework files that could not be read (mappings to
    them are not reported as unknown)."""

    frameworks: dict[str, Framework] = field(default_factory=dict)
    unread: set = field(default_factory=set)
    lines: dict = field(default_factory=dict)  # (framework id, field name) -> its line in the file

    def line_of(self, framework: Framework, name: str) -> int:
        return self.lines.get((framework.id, name), 1)


def read_frameworks(docs_dir: Path, docs_path: str, schemas: Schemas, problems: Problems) -> Reading:
    """Every framework in docs/_data/frameworks/, each problem at its line."""
    reading = Reading()
    folder = Path(docs_dir) / DATA_DIR / FRAMEWORKS_DIR
    if not folder.is_dir():
        return reading
    for file in sorted(folder.iterdir()):
        if not file.is_file() or not file.name.lower().endswith(YAML_SUFFIXES) or file.name.startswith("."):
            continue
        path = f"{docs_path}/{FOLDER}/{file.name}".lstrip("/")
        stem = file.name.rsplit(".", 1)[0]
        framework, lines = _read_one(file, path, stem, schemas, problems)
        if framework is None:
            reading.unread.add(stem)
        elif framework.id in reading.frameworks:
            problems.add(
                path,
                lines.get("id", 1),
                f'framework "{framework.id}" is already in {reading.frameworks[framework.id].path}',
                "keep one file per framework",
                type=CAPABILITY_FRAMEWORK,
                field="id",
            )
        else:
            reading.frameworks[framework.id] = framework
            reading.lines.update({(framework.id, name): line for name, line in lines.items()})
    _check_between(reading, problems)
    return reading


def _read_one(
    file: Path, path: str, stem: str, schemas: Schemas, problems: Problems
) -> tuple[Framework | None, dict[str, int]]:
    """The framework in *file* (None when it has problems) and the line of each of its fields."""

    def add(line: int, message: str, hint: str, name: str = "") -> None:
        problems.add(path, line, message, hint, type=CAPABILITY_FRAMEWORK, field=name)

    try:
        loaded = load(decode(file.read_bytes()))
    except TextProblem as problem:
        add(problem.line, problem.message, problem.hint)
        return None, {}
    except YamlProblem as problem:
        add(problem.line, problem.message, problem.hint)
        return None, {}
    except (ValueError, TypeError, RecursionError):  # never a traceback for an editor's file
        add(1, "the file cannot be read as a framework", "start it with id:, name: and the other fields")
        return None, {}
    data = loaded.data
    if not isinstance(data, dict):
        add(1, "the file must hold a framework's fields (name: value)", "start it with id:, then name:")
        return None, {}
    findings = schemas.check(CAPABILITY_FRAMEWORK, data)
    for finding in findings:
        add(loaded.line_of(finding.path), finding.message, finding.hint, finding.field)
    lines = {str(name): loaded.line_of((name,)) for name in data}
    if findings:
        return None, lines
    line = lambda *where: loaded.line_of(where)  # noqa: E731 - a short name for a lookup
    if data["id"] != stem:
        add(
            line("id"),
            f'the framework id "{data["id"]}" is not the file\'s name ({stem})',
            f"write id: {stem}, or rename the file {data['id']}.yml",
            "id",
        )
        return None, lines
    return _framework(data, path, loaded, add), lines


def _framework(data: dict, path: str, loaded: Loaded, add) -> Framework | None:
    line = lambda *where: loaded.line_of(where)  # noqa: E731
    groups = tuple((g["id"], g["name"]) for g in data.get("groups", []))
    group_ids = [g for g, _ in groups]
    items: list[FrameworkItem] = []
    good = True
    for index, raw in enumerate(data["items"]):
        if any(entry.id == raw["id"] for entry in items):
            add(
                line("items", index, "id"),
                f'item "{raw["id"]}" is in this framework twice',
                "give each item its own id",
                "items",
            )
            good = False
            continue
        group = raw.get("group", "")
        if group and group not in group_ids:
            guess = suggest(group, group_ids)
            add(
                line("items", index, "group"),
                f'item "{raw["id"]}" names the group "{group}", which is not under groups',
                f'did you mean "{guess}"?' if guess else "add it under groups:, with an id and a name",
                "items",
            )
            good = False
        force = raw.get("in_force") or {}
        items.append(
            FrameworkItem(
                raw["id"],
                raw["name"],
                group,
                raw.get("description", ""),
                _day(force.get("from")),
                _day(force.get("to")),
                line("items", index, "id"),
            )
        )
    starts, ends = _day(data["in_force"]["from"]), _day(data["in_force"].get("to"))
    if starts is None:
        return None
    if ends is not None and ends < starts:
        add(
            line("in_force", "to"),
            f"the framework ends ({ends}) before it starts ({starts})",
            "check the dates under in_force",
            "in_force",
        )
        good = False
    pack = {
        key: tuple(data.get("pack", {}).get(key, [])) for key in PACK_HEADINGS if key in data.get("pack", {})
    }
    known = [entry.id for entry in items]
    for key, ids in pack.items():
        for index, item_id in enumerate(ids):
            if item_id not in known:
                guess = suggest(item_id, known)
                add(
                    line("pack", key, index),
                    f'the pack\'s {key} names "{item_id}", which is not an item of this framework',
                    f'did you mean "{guess}"?' if guess else "use the ids under items",
                    "pack",
                )
                good = False
    if not good:
        return None
    return Framework(
        data["id"],
        data["name"],
        data.get("short_name", ""),
        data["kind"],
        data["version"],
        data["publisher"],
        data["source"],
        starts,
        ends,
        data.get("replaced_by", ""),
        tuple(data.get("services", [])),
        data.get("note", ""),
        groups,
        tuple(items),
        pack,
        path,
    )


def _check_between(reading: Reading, problems: Problems) -> None:
    """What a framework says about others: the framework that replaces it must exist."""
    frameworks = reading.frameworks
    for framework in frameworks.values():
        if framework.replaced_by and framework.replaced_by not in frameworks:
            guess = suggest(framework.replaced_by, frameworks)
            problems.add(
                framework.path,
                reading.line_of(framework, "replaced_by"),
                f'replaced_by names the framework "{framework.replaced_by}", which has no file in {FOLDER}/',
                f'did you mean "{guess}"?'
                if guess
                else f"add {framework.replaced_by}.yml, or remove replaced_by",
                type=CAPABILITY_FRAMEWORK,
                field="replaced_by",
            )


def _day(value) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


# --- mappings --------------------------------------------------------------------------------


def mapping_of(item: Item) -> dict[str, list[str]]:
    """The item's ``frameworks:`` as written (framework id -> item ids), well-formed parts only."""
    raw = item.data.get(FIELD)
    if not isinstance(raw, dict):
        return {}
    return {
        str(key): [str(v) for v in value if isinstance(v, str)]
        for key, value in raw.items()
        if isinstance(value, list)
    }


@dataclass(frozen=True)
class When:
    """A day an item is judged on: the day, the words naming it, and the line to blame."""

    day: dt.date
    words: str  # "the date of this event", "the date of session 2 of this course"
    line: int  # 0: the framework's own line under frameworks:


def dates_of(item: Item) -> list[When]:
    """The days a dated item happens on: each session's start (a course), or its start (an
    event); empty for an undated item, judged on the build date instead."""
    sessions = item.data.get("sessions")
    if isinstance(sessions, list) and sessions:
        found = []
        for index, session in enumerate(sessions):
            day = _day(str(session.get("start", ""))[:10]) if isinstance(session, dict) else None
            if day is not None:
                found.append(
                    When(
                        day,
                        f"the date of session {index + 1} of this {item.label}",
                        item.line_of("sessions", index),
                    )
                )
        return found
    day = _day(str(item.data.get("start", ""))[:10]) if item.data.get("start") else None
    return [When(day, f"the date of this {item.label}", 0)] if day is not None else []


def check_mappings(
    items: list[Item],
    reading: Reading,
    today: dt.date,
    problems: Problems,
) -> None:
    """Every item's ``frameworks:``: known frameworks and items, in force on the item's dates
    (an error) or, for an undated item, not ended by *today* (an advisory warning)."""
    frameworks = reading.frameworks
    for item in items:
        for framework_id, item_ids in mapping_of(item).items():
            key_line = item.line_of(FIELD, framework_id)
            if framework_id not in frameworks:
                if framework_id not in reading.unread:
                    _unknown_framework(item, framework_id, key_line, frameworks, problems)
                continue
            framework = frameworks[framework_id]
            known = [entry.id for entry in framework.items]
            found: list[tuple[FrameworkItem, int]] = []
            for index, item_id in enumerate(item_ids):
                entry = framework.item(item_id)
                at = item.line_of(FIELD, framework_id, index)
                if entry is None:
                    guess = suggest(item_id, known)
                    where = f"the items are in {framework.path}"
                    problems.add(
                        item.path,
                        at,
                        f'framework "{framework_id}" has no item "{item_id}"',
                        f'did you mean "{guess}"? {where}' if guess else where,
                        type=item.type,
                        field=FIELD,
                    )
                else:
                    found.append((entry, at))
            _check_dates(item, framework, found, key_line, frameworks, today, problems)


def _unknown_framework(
    item: Item, framework_id: str, line: int, frameworks: dict, problems: Problems
) -> None:
    guess = suggest(framework_id, frameworks)
    listed = ", ".join(sorted(frameworks)) or "none yet"
    problems.add(
        item.path,
        line,
        f'unknown framework "{framework_id}" under frameworks',
        f'did you mean "{guess}"?' if guess else f"the frameworks are the files in docs/{FOLDER}/: {listed}",
        type=item.type,
        field=FIELD,
    )


def _check_dates(item, framework, found, key_line, frameworks, today, problems: Problems) -> None:
    dates = dates_of(item)
    for when in dates:
        line = when.line or key_line
        if not framework.in_force_on(when.day):
            problems.add(
                item.path,
                line,
                f'framework "{framework.id}" is not in force on {when.day}, {when.words}: '
                + _why(framework.starts, framework.ends, when.day),
                _instead(framework, when.day, frameworks),
                type=item.type,
                field=FIELD,
            )
            continue
        for entry, at in found:
            if not entry.in_force_on(when.day):
                problems.add(
                    item.path,
                    when.line or at,
                    f'item "{entry.id}" of framework "{framework.id}" is not in force on {when.day}, '
                    f"{when.words}: " + _why(entry.starts, entry.ends, when.day),
                    "check the date, or remove the item",
                    type=item.type,
                    field=FIELD,
                )
    if dates:
        return
    if framework.ends is not None and framework.ends < today:
        problems.add(
            item.path,
            key_line,
            f'framework "{framework.id}" ended on {framework.ends}',
            _instead(framework, today, frameworks),
            type=item.type,
            field=FIELD,
            severity=WARNING,
            advisory=True,
        )
        return
    for entry, at in found:
        if entry.ends is not None and entry.ends < today:
            problems.add(
                item.path,
                at,
                f'item "{entry.id}" of framework "{framework.id}" ended on {entry.ends}',
                "remove it: the framework no longer has it",
                type=item.type,
                field=FIELD,
                severity=WARNING,
                advisory=True,
            )


def _why(starts: dt.date | None, ends: dt.date | None, day: dt.date) -> str:
    if starts is not None and day < starts:
        return f"it applies from {starts}"
    return f"it ended on {ends}"


def _instead(framework: Framework, day: dt.date, frameworks: dict[str, Framework]) -> str:
    """Map to the framework that replaced this one (or that this one replaced, before it starts)."""
    if day >= framework.starts and framework.replaced_by:
        return f'map it to "{framework.replaced_by}" instead'
    before = next(
        (f.id for f in frameworks.values() if f.replaced_by == framework.id and f.in_force_on(day)), ""
    )
    return f'map it to "{before}" instead' if before else "check the date"


def mapped(site_items: list[Item], frameworks: dict[str, Framework]) -> dict[tuple[str, str], list[Item]]:
    """(framework id, item id) -> the items mapped to it, in reading order; known items only."""
    found: dict[tuple[str, str], list[Item]] = {
        (framework.id, entry.id): [] for framework in frameworks.values() for entry in framework.items
    }
    for item in site_items:
        for framework_id, item_ids in mapping_of(item).items():
            for item_id in dict.fromkeys(item_ids):
                if (framework_id, item_id) in found:
                    found[(framework_id, item_id)].append(item)
    return found


def mapped_to(item: Item, frameworks: dict[str, Framework]) -> list[tuple[Framework, FrameworkItem]]:
    """What one item is mapped to, known frameworks and items only, in the order written."""
    out = []
    for framework_id, item_ids in mapping_of(item).items():
        framework = frameworks.get(framework_id)
        for item_id in item_ids if framework else []:
            entry = framework.item(item_id) if framework else None
            if framework and entry:
                out.append((framework, entry))
    return out


def page_uri(framework_id: str) -> str:
    """The framework's page, under docs/ (made by renderer/frameworks.py)."""
    return f"{FRAMEWORK_PAGES}/{framework_id}.md"


def as_data(
    frameworks: dict[str, Framework], found: dict[tuple[str, str], list[Item]], urls: dict
) -> list[dict]:
    """The frameworks for content.json: each with its items and what is mapped to them."""
    return [
        {
            "id": framework.id,
            "name": framework.name,
            "short_name": framework.short_name,
            "kind": framework.kind,
            "version": framework.version,
            "publisher": framework.publisher,
            "source": framework.source,
            "in_force": {
                "from": framework.starts.isoformat(),
                "to": framework.ends.isoformat() if framework.ends else None,
            },
            "replaced_by": framework.replaced_by,
            "services": list(framework.services),
            "url": urls.get(page_uri(framework.id), ""),
            "items": [
                {
                    "id": entry.id,
                    "name": entry.name,
                    "group": entry.group,
                    "mapped": [{"type": i.type, "id": i.id} for i in found.get((framework.id, entry.id), [])],
                }
                for entry in framework.items
            ],
        }
        for framework in frameworks.values()
    ]


def status_on(framework: Framework, day: dt.date) -> tuple[str, dt.date | None]:
    """("in force" | "from" | "ended", the date to show) on *day*."""
    if day < framework.starts:
        return "from", framework.starts
    if framework.ends is not None and framework.ends < day:
        return "ended", framework.ends
    return "in force", None


__all__ = [
    "FIELD",
    "as_data",
    "page_uri",
    "Framework",
    "FrameworkItem",
    "Reading",
    "check_mappings",
    "dates_of",
    "mapped",
    "mapped_to",
    "read_frameworks",
    "status_on",
]
