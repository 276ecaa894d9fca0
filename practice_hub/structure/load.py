"""Reading every content file under docs/ into items, collecting every problem.

Parsing and schema validation are cached per file, keyed by the file's bytes, so a
rebuild in ``mkdocs serve`` re-reads only what changed while cross-references are still
checked across the whole site.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..cache import SERVE_CACHE
from ..content_types import MARKDOWN, classify, has_id, reserved, schema_of
from ..loader import frontmatter
from ..loader.artefacts import scan as scan_artefacts
from ..loader.artefacts import scan_body
from ..loader.text import TextProblem, decode
from ..loader.yaml_lines import Loaded, YamlProblem, load
from ..problems import Problem, Problems, field_words
from ..safety import check_file as safety_check_file  # safe content
from ..safety.files import OutsideCheck
from ..safety.names import folder_name
from ..schema import Schemas, field_name
from .items import Item
from .placeholders import in_file as unfinished_in


@dataclass
class FileResult:
    items: list[Item] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    unread_ids: set = field(default_factory=set)  # ids in a file that could not be read
    # Every word of such a file: the ids it may name (a standard's audit_sections), so that no
    # other file is told it is linked to nothing because of it.
    unread_words: set = field(default_factory=set)


_WORD = re.compile(r"[A-Za-z0-9][\w-]*")
_ID_LINE = re.compile(r"^[ \t]*(?:-[ \t]+)?id:[ \t]*[\"']?([A-Za-z0-9][\w-]*)", re.M)


def walk(docs_dir: Path) -> list[str]:
    """Every file under docs/, as sorted paths relative to it, skipping hidden files and the
    folders refused by their name (docs/Procedures/: reported once, for the folder, by safety;
    its files are read once it is renamed)."""
    found = []
    for root, dirs, files in os.walk(docs_dir):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not folder_name(Path(root) / d))
        rel_root = Path(root).relative_to(docs_dir).as_posix()
        for name in files:
            if name.startswith("."):
                continue
            found.append(name if rel_root == "." else f"{rel_root}/{name}")
    return sorted(found)


def read_all(repo_root: Path, docs_dir: Path, schemas: Schemas) -> tuple[list[Item], Problems, set]:
    """Every item, every problem, and the ids seen in files that could not be read (so that
    references to them are not also reported as unknown)."""
    reading = read_every_file(repo_root, docs_dir, schemas)
    return reading.items, reading.problems, reading.unread


@dataclass
class Reading:
    """What reading every file under docs/ gives: items, problems, and what files that could not
    be read held: their ids (references to them are not reported as unknown) and every word in
    them (ids they may name: the golden thread reports no gap they might close)."""

    items: list[Item]
    problems: Problems
    unread: set
    unread_words: set


def read_every_file(repo_root: Path, docs_dir: Path, schemas: Schemas) -> Reading:
    """:func:`read_all`, with the words of the files that could not be read."""
    problems = Problems()
    words: set = set()
    items: list[Item] = []
    unread: set = set()
    docs_rel = relative(docs_dir, repo_root)
    leads_outside = OutsideCheck(docs_dir)
    for uri in walk(docs_dir):
        kind = classify(uri)
        path = f"{docs_rel}/{uri}" if docs_rel else uri
        if kind.misplaced:
            problems.add(
                path,
                1,
                "this file is not read, so nothing in it would appear on the site",
                kind.misplaced,
                type="",
            )
            continue
        taken = reserved(uri)
        if taken and kind.format is not None:
            problems.add(
                path,
                1,
                f"Practice Hub makes {taken} at this place, so this file would clash with it",
                "rename the file or move it to another folder",
                type=kind.type or "",
            )
            continue
        if kind.format is None:
            continue
        if leads_outside(docs_dir / uri):  # never read through a link (reported by safety)
            continue
        raw = (docs_dir / uri).read_bytes()
        key = (path, uri, kind, hashlib.sha256(raw).hexdigest(), schemas.fingerprint)
        result = SERVE_CACHE.file_result(key)
        if result is None:
            assert kind.type is not None  # classify: only assets and misplaced files have no type
            result = read_file(path, uri, kind.type, kind.format, raw, schemas)
            SERVE_CACHE.keep_file_result(key, result)
        items.extend(result.items)
        problems.extend(result.problems)
        unread |= result.unread_ids
        words |= result.unread_words
    return Reading(items, problems, unread, words)


def read_file(path: str, uri: str, type_name: str, fmt: str, raw: bytes, schemas: Schemas) -> FileResult:
    """Read one file. Never raises for bad content: problems are returned."""
    out = FileResult()
    try:
        text = decode(raw)
    except TextProblem as problem:
        out.problems.append(Problem(path, problem.line, problem.message, problem.hint, type_name))
        text = raw[:200_000].decode("utf-8", "replace")
    else:
        if fmt == MARKDOWN:
            _read_markdown(path, uri, type_name, text, schemas, out)
        else:
            _read_yaml_list(path, uri, type_name, fmt, text, schemas, out)
        out.problems.extend(safety_check_file(path, text, out.items))  # unsafe text is found as it is read
        out.problems.extend(unfinished_in(text.split("\n"), out.items, schemas))  # new's placeholders
    if out.problems:
        read = {item.id for item in out.items}
        out.unread_ids = {found for found in _ID_LINE.findall(text) if found not in read}
        if out.unread_ids:
            out.unread_words = set(_WORD.findall(text))
    return out


def _read_markdown(path, uri, type_name, text, schemas, out: FileResult) -> None:
    try:
        parts = frontmatter.split(text)
    except TextProblem as problem:
        out.problems.append(Problem(path, problem.line, problem.message, problem.hint, type_name))
        return
    if parts.front_matter is None:
        what = "the file is empty" if not text.strip() else "the page has no fields at the top"
        out.problems.append(
            Problem(
                path,
                1,
                what,
                "start the file with a line ---, then fields such as id: and title:, then a line ---",
                type_name,
            )
        )
        return
    loaded = _load_yaml(path, parts.front_matter, parts.first_line - 1, type_name, out, page=text)
    if loaded is None:
        return
    if loaded.data is None:
        out.problems.append(
            Problem(
                path,
                1,
                "the page has no fields between the --- lines at the top",
                "add fields such as id: and title: between the --- lines",
                type_name,
            )
        )
        return
    if not isinstance(loaded.data, dict):
        out.problems.append(
            Problem(
                path,
                parts.first_line,
                f"the top of the page, between the --- lines, must hold fields (name: value), not {_kind(loaded.data)}",
                "write one field per line, as 'name: value'",
                type_name,
            )
        )
        return
    for found in scan_body(parts.body):
        out.problems.append(
            Problem(
                path,
                found.line + parts.body_line - 1,
                found.message,
                found.hint,
                type_name,
                column=found.column,
            )
        )
    item = Item(
        type_name, loaded.data, path, 1, loaded, (), uri=uri, body=parts.body, body_line=parts.body_line
    )
    _check(item, schemas, out)


def _read_yaml_list(path, uri, type_name, fmt, text, schemas, out: FileResult) -> None:
    loaded = _load_yaml(path, text, 0, type_name, out)
    if loaded is None:
        return
    if loaded.data is None:
        out.problems.append(
            Problem(
                path,
                1,
                "the file has no entries",
                "add entries, each starting with '- id:', or delete the file",
                type_name,
            )
        )
        return
    if not isinstance(loaded.data, list):
        out.problems.append(
            Problem(
                path,
                loaded.line_of(()),
                f"the file must be a list of entries, not {_kind(loaded.data)}",
                "start each entry with '- ' at the left margin, for example '- id: my-entry'",
                type_name,
            )
        )
        return
    for index, entry in enumerate(loaded.data):
        line = loaded.line_of((index,))
        if not isinstance(entry, dict):
            out.problems.append(
                Problem(
                    path,
                    line,
                    f"entry {index + 1} must be a set of fields (name: value), not {_kind(entry)}",
                    "write the entry's fields indented under its '- '",
                    type_name,
                )
            )
            continue
        item = Item(type_name, entry, path, line, loaded, (index,), uri=uri, from_yaml=True)
        _check(item, schemas, out)


def _load_yaml(
    path: str, text: str, offset: int, type_name: str, out: FileResult, page: str | None = None
) -> Loaded | None:
    """The YAML *text* (a whole list file, or the fields of the Markdown *page*), read, with its
    problems added to *out*; None when it cannot be read."""
    artefacts = scan_artefacts(text)
    for found in artefacts:
        out.problems.append(
            Problem(path, found.line + offset, found.message, found.hint, type_name, column=found.column)
        )
    try:
        loaded = load(text)
    except YamlProblem as problem:
        unclosed = frontmatter.missing_close(page, problem.line + offset) if page else None
        if unclosed and not artefacts:  # a rule (---) in the text was taken for the closing line
            out.problems.append(
                Problem(path, unclosed, frontmatter.NO_CLOSE, frontmatter.close_hint(unclosed), type_name)
            )
        elif not artefacts:  # otherwise the artefact is the cause: YAML's own words would mislead
            out.problems.append(
                Problem(path, problem.line + offset, problem.message, problem.hint, type_name)
            )
        if not offset:  # a whole YAML list file: say that none of it was read
            first = artefacts[0].line if artefacts else problem.line
            out.problems.append(
                Problem(
                    path,
                    1,
                    f"none of the entries in this file were read, because of the problem on line {first}",
                    "fix that line and the entries come back; until then, no gap in the golden thread "
                    "is reported for what they link to",
                    type_name,
                )
            )
        return None
    if offset:
        loaded.lines = {key: line + offset for key, line in loaded.lines.items()}
        loaded.duplicates = [(p, line + offset, first + offset) for p, line, first in loaded.duplicates]
        loaded.commas = [(p, line + offset, value) for p, line, value in loaded.commas]
    for value_path, line, value in loaded.commas:
        inner = value_path[1:] if value_path and isinstance(value_path[0], int) else value_path
        name = field_name(inner)
        label = field_words(inner) or f'field "{name}"'
        quote = "'" if '"' in value else '"'
        out.problems.append(
            Problem(
                path,
                line,
                f"{label} has a comma, which ends a value written between {{ and }}",
                f"put the value in quotes: {value_path[-1]}: {quote}{value}{quote}",
                type_name,
                name,
            )
        )
    new_entries = {  # an entry's id given again: a new entry written without its "- "
        dup_path[:-1]: line
        for dup_path, line, _ in loaded.duplicates
        if len(dup_path) == 2 and dup_path[1] == "id"
    }
    lines = text.split("\n") if new_entries else []
    for dup_path, line, first in loaded.duplicates:
        name = ".".join(str(part) for part in dup_path if isinstance(part, str))
        hint = "keep one of them; a second value would silently replace the first"
        starts = new_entries.get(dup_path[:-1])
        if starts is not None and line > starts:
            continue  # a field of the new entry: said once, at its id
        if starts == line and 0 < line - offset <= len(lines):
            hint = (
                'if this line starts a new entry, add "- " before id: write '
                f'"- {lines[line - offset - 1].strip()}" at the start of the line, with the entry\'s '
                'other fields two spaces in, under "id"'
            )
        out.problems.append(
            Problem(
                path, line, f'field "{name}" is given twice (first on line {first})', hint, type_name, name
            )
        )
    return loaded


def _check(item: Item, schemas: Schemas, out: FileResult) -> None:
    for finding in schemas.check(schema_of(item.type), item.data):
        line = item.line_of(*finding.path)
        out.problems.append(Problem(item.path, line, finding.message, finding.hint, item.type, finding.field))
    identity = item.data.get("id")
    if not has_id(item.type) or (isinstance(identity, str) and identity):
        out.items.append(item)


_KINDS: dict[type, str] = {list: "a list", dict: "a set of fields", str: "a line of text"}


def _kind(value) -> str:
    return _KINDS.get(type(value), "a single value")


def relative(path: Path, root: Path) -> str:
    """*path* relative to *root*, with forward slashes ("" for the root itself)."""
    try:
        rel = Path(path).resolve().relative_to(Path(root).resolve()).as_posix()
    except ValueError:
        rel = Path(path).as_posix()
    return "" if rel == "." else rel


_relative = relative  # the old private name
