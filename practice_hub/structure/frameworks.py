"""STAND-IN (replaced by helper A's module): capability and inspection frameworks as data.

Only the contract's dataclasses and a tiny reader of docs/_data/frameworks/<id>.yml, enough for
the evidence pack; no checks, no mapping. Helper A's module replaces this file whole.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ..loader.yaml_lines import YamlProblem, load

FRAMEWORKS_DIR = "_data/frameworks"


@dataclass(frozen=True)
class FrameworkItem:
    id: str
    name: str
    group: str
    description: str
    starts: dt.date | None
    ends: dt.date | None
    line: int


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
    pack: dict[str, tuple[str, ...]] = field(default_factory=dict)
    path: str = ""

    def item(self, item_id: str) -> FrameworkItem | None:
        return next((i for i in self.items if i.id == item_id), None)

    def in_force_on(self, day: dt.date) -> bool:
        return self.starts <= day and (self.ends is None or day <= self.ends)


def _day(value) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _force(value) -> tuple[dt.date | None, dt.date | None]:
    value = value if isinstance(value, dict) else {}
    return _day(value.get("from")), _day(value.get("to"))


def read_frameworks(docs_dir: Path, docs_path: str = "docs") -> dict[str, Framework]:
    """Every readable framework file, by id (the file's name); unreadable files are left out."""
    found: dict[str, Framework] = {}
    for file in sorted((docs_dir / FRAMEWORKS_DIR).glob("*.yml")):
        try:
            loaded = load(file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, YamlProblem):
            continue
        data = loaded.data if isinstance(loaded.data, dict) else {}
        starts, ends = _force(data.get("in_force"))
        items = []
        for index, raw in enumerate(data.get("items") or []):
            if isinstance(raw, dict):
                i_starts, i_ends = _force(raw.get("in_force"))
                items.append(
                    FrameworkItem(
                        str(raw.get("id", "")),
                        str(raw.get("name", "")),
                        str(raw.get("group", "")),
                        str(raw.get("description", "")),
                        i_starts,
                        i_ends,
                        loaded.line_of(("items", index)),
                    )
                )
        pack = data.get("pack")
        pack = pack if isinstance(pack, dict) else {}
        found[file.stem] = Framework(
            file.stem,
            str(data.get("name", file.stem)),
            str(data.get("short_name") or data.get("name", file.stem)),
            str(data.get("kind", "")),
            str(data.get("version", "")),
            str(data.get("publisher", "")),
            str(data.get("source", "")),
            starts or dt.date.min,
            ends,
            str(data.get("replaced_by", "")),
            tuple(str(s) for s in data.get("services") or []),
            str(data.get("note", "")),
            tuple(
                (str(g.get("id")), str(g.get("name")))
                for g in data.get("groups") or []
                if isinstance(g, dict)
            ),
            tuple(items),
            {str(k): tuple(str(v) for v in vs or []) for k, vs in pack.items()},
            f"{docs_path}/{FRAMEWORKS_DIR}/{file.name}",
        )
    return found
