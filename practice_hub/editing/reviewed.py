"""``practice-hub reviewed ID``: record a review without retyping dates.

Stamps ``last_reviewed`` with today, moves ``review_by`` on by the item's interval
(``review_interval_months``, else the default 12 months) and, where the type keeps a change
history, adds a ``changes`` entry at the top. The file is edited line by line, so every other
line, comment and quote stays exactly as it was; the result is read back with ruamel.yaml and
compared with what was meant before it is saved.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from ..content_types import TYPES
from ..loader.frontmatter import split
from ..schema import load_schemas, suggest
from ..settings import Project
from ..structure.load import read_all
from ..structure.review import DEFAULT_INTERVAL_MONTHS, add_months
from ..text import command
from .new import ScaffoldError

DEFAULT_SUMMARY = "Reviewed: no change to practice."


@dataclass
class Reviewed:
    path: Path
    last_reviewed: str
    review_by: str | None
    change_added: bool


def _interval(data: dict) -> int:
    months = data.get("review_interval_months")
    if isinstance(months, int) and not isinstance(months, bool) and 1 <= months <= 60:
        return months
    return DEFAULT_INTERVAL_MONTHS


def _set_value(lines: list[str], index: int, key: str, value: str) -> None:
    match = re.match(rf"^(\s*(?:-\s+)?{re.escape(key)}\s*:\s*)([^#]*?)(\s+#.*)?$", lines[index])
    if not match:
        raise ScaffoldError(f"line {index + 1} does not look like '{key}: value'; edit it by hand")
    lines[index] = match.group(1) + value + (match.group(3) or "")


def _key_indent(line: str) -> str:
    match = re.match(r"^(\s*)(-\s+)?", line)
    assert match is not None  # every part of the pattern is optional: it always matches
    return " " * (len(match.group(1)) + len(match.group(2) or ""))


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


#: Up to this many ids are listed when none is close to the one typed.
LISTED_IDS = 12


def unknown_id(item_id: str, items, schemas) -> str:
    """Why no item can be marked reviewed under *item_id*, leading to the right one: the closest
    id, else the ids that have review dates (or where to find an id, when there are many)."""
    said = f'no item has the id "{item_id}"'
    guess = suggest(item_id, [item.id for item in items])
    if guess:
        return f'{said}; did you mean "{guess}"?'
    reviewable = sorted(
        {item.id for item in items if item.type in TYPES and "last_reviewed" in schemas.properties(item.type)}
    )
    where = 'an item\'s id is its "id:" line, at the top of its file'
    close = difflib.get_close_matches(str(item_id).lower(), reviewable, n=3, cutoff=0.4)
    if close:
        shown = ", ".join(f'"{i}"' for i in close)
        return f"{said}; did you mean {'one of ' if len(close) > 1 else ''}{shown}? ({where})"
    if not reviewable:
        return f"{said}, and no item in this site has review dates yet"
    if len(reviewable) <= LISTED_IDS:
        return f"{said}; the items with review dates are: {', '.join(reviewable)} ({where})"
    return f"{said} ({where}: open the page's file in docs/ and copy its id)"


def mark_reviewed(
    project: Project, item_id: str, summary: str = "", today: dt.date | None = None
) -> Reviewed:
    today = today or project.settings.build_date
    schemas = load_schemas(project.schema_dir)
    items, problems, _ = read_all(project.root, project.docs_dir, schemas)
    matches = [item for item in items if item.id == item_id and item.type in TYPES]
    if not matches:
        raise ScaffoldError(unknown_id(item_id, items, schemas))
    item = matches[0]
    props = schemas.properties(item.type)
    if "last_reviewed" not in props:
        raise ScaffoldError(
            f'{item.label} "{item_id}" has no review dates ({item.type} has no last_reviewed field)'
        )
    if any(p.path == item.path and p.severity == "error" for p in problems.items):
        raise ScaffoldError(f"{item.path} has problems: run {command('check')} and fix them first")
    path = project.root / item.path
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    id_index = item.line_of("id") - 1
    indent = _key_indent(lines[id_index])
    today_text = today.isoformat()
    review_by = None
    if "last_reviewed" in item.data:
        _set_value(lines, item.line_of("last_reviewed") - 1, "last_reviewed", today_text)
    if "review_by" in item.data:
        review_by = add_months(today, _interval(item.data)).isoformat()
        _set_value(lines, item.line_of("review_by") - 1, "review_by", review_by)
    inserts: list[str] = []
    if "last_reviewed" not in item.data:
        inserts.append(f"{indent}last_reviewed: {today_text}")
    change_added = "changes" in props
    entry_summary = summary.strip() or DEFAULT_SUMMARY
    if change_added:
        existing = item.data.get("changes")
        if isinstance(existing, list) and existing:
            first = item.line_of("changes", 0) - 1
            dash = re.match(r"^(\s*)-", lines[first])
            if not dash or item.line_of("changes") - 1 == first:
                raise ScaffoldError(
                    f"{item.path}: the changes list is written on one line; "
                    "write each entry on its own line starting with '- ', then try again"
                )
            pad = dash.group(1)
            lines[first:first] = [
                f"{pad}- date: {today_text}",
                f"{pad}  summary: {_quote(entry_summary)}",
                f"{pad}  type: minor",
            ]
        else:
            if "changes" in item.data:  # "changes: []" or an empty value
                del lines[item.line_of("changes") - 1]
            inserts += [
                f"{indent}changes:",
                f"{indent}  - date: {today_text}",
                f"{indent}    summary: {_quote(entry_summary)}",
                f"{indent}    type: minor",
            ]
    if inserts:
        end = _entry_end(lines, item, text)
        lines[end:end] = inserts
    new_text = "\n".join(lines)
    _verify(new_text, item, today_text, review_by, entry_summary if change_added else None)
    path.write_text(new_text, encoding="utf-8")
    return Reviewed(path, today_text, review_by, change_added)


def _entry_end(lines: list[str], item, text: str) -> int:
    """Index at which new fields go: the end of the front matter, or of the YAML entry."""
    if not item.from_yaml:
        return item.body_line - 2  # the closing --- line
    later = [line for (index, *_), line in _entry_lines(item).items() if index > item.prefix[0]]
    end = (min(later) - 1) if later else len(lines)
    while end > 0 and (not lines[end - 1].strip() or lines[end - 1].lstrip().startswith("#")):
        end -= 1
    return end


def _entry_lines(item) -> dict:
    return {
        path: line for path, line in item.loaded.lines.items() if len(path) == 1 and isinstance(path[0], int)
    }


def _verify(new_text: str, item, last: str, review_by: str | None, summary: str | None) -> None:
    """Read the edited text back and make sure only the intended fields changed."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe", pure=True)
    if item.from_yaml:
        data = yaml.load(new_text)[item.prefix[0]]
    else:
        data = yaml.load(split(new_text).front_matter)
    expected = dict(item.data)
    expected["last_reviewed"] = last
    if review_by:
        expected["review_by"] = review_by
    if summary is not None:
        expected["changes"] = [{"date": last, "summary": summary, "type": "minor"}] + list(
            item.data.get("changes") or []
        )
    if _plain(data) != _plain(expected):
        raise ScaffoldError(f"{item.path}: could not update the dates safely; edit the file by hand")


def _plain(value):
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value
