"""``practice-hub new TYPE "Title"``: a new content file or catalogue entry that passes check.

Every required field comes from the type's schema in content_schema/ (the single source of
truth). Values the editor must replace are valid placeholders marked with a ``# TODO:``
comment, so the new file passes ``check`` straight away and is never published by accident:
types that have a status start as ``draft``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from ..content_types import MARKDOWN, TYPES, classify
from ..safe_write import UnsafePath, check_target, write_text
from ..schema import Schemas, load_schemas
from ..settings import Project
from ..structure import placeholders
from ..structure.load import read_all
from ..structure.review import DEFAULT_INTERVAL_MONTHS, add_months
from ..text import command

PLACEHOLDER = placeholders.TEXT  # one list of placeholders for new and check (structure/placeholders.py)
DRAFT = "draft"


class ScaffoldError(Exception):
    """A request the command cannot carry out, in plain words (no traceback)."""


class UnsafeTarget(ScaffoldError):
    """The file to write is, or sits under, a symbolic link, or leads outside docs/ (exit code 2)."""


def _docs_folder(project: Project) -> Path:
    """docs/ as written in mkdocs.yml, not resolved: a link there is refused, not followed."""
    import yaml

    from ..settings import LenientLoader

    with open(project.root / "mkdocs.yml", encoding="utf-8") as handle:
        config = yaml.load(handle, Loader=LenientLoader) or {}
    return project.root / str(config.get("docs_dir") or "docs")


def _safe_target(project: Project, path: Path) -> Path:
    """*path* (under docs/) as it will be written; UnsafeTarget if writing there could leave docs/."""
    docs = _docs_folder(project)
    target = (
        docs / Path(path).relative_to(project.docs_dir)
        if Path(path).is_relative_to(project.docs_dir)
        else path
    )
    try:
        check_target(project.root, target, inside=docs)
    except UnsafePath as error:
        raise UnsafeTarget(str(error)) from None
    return target


@dataclass
class Scaffolded:
    path: Path
    id: str
    appended: bool  # True when the entry was added to an existing catalogue


def slug(title: str, fallback: str) -> str:
    text = re.sub(r"[^a-z0-9]+", "-", title.lower().replace("'", "").replace("\u2019", "")).strip("-")
    text = text[:60].rstrip("-")
    return text or fallback


def fresh_id(title: str, fallback: str, taken: set) -> str:
    base = slug(title, fallback)
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


class _Filler:
    """Valid placeholder values for the fields a schema requires."""

    def __init__(self, schemas: Schemas, type_name: str, today: dt.date, existing: list):
        self.schemas, self.type, self.today, self.existing = schemas, type_name, today, existing

    def value(self, key: str, schema: dict):
        schema = self.schemas.resolve(schema)
        if "const" in schema:
            return schema["const"]
        if "enum" in schema:
            return DRAFT if key == "status" and DRAFT in schema["enum"] else schema["enum"][0]
        kind = schema.get("type")
        formats = [schema.get("format")] + [
            o.get("format") for o in schema.get("anyOf", []) + schema.get("oneOf", []) if isinstance(o, dict)
        ]
        if kind == "string" or (kind is None and any(formats)):
            if "date" in formats:
                return self.today.isoformat()
            if "local-date-time" in formats:
                return f"{self.today.isoformat()}T09:00"
            if "web-address" in formats:
                return placeholders.WEB_ADDRESS
            if "email-address" in formats:
                return placeholders.EMAIL
            if schema.get("pattern") and schema.get("examples"):  # a placeholder would not match
                return schema["examples"][0]
            return PLACEHOLDER
        if kind == "integer":
            used = [i.data.get(key) for i in self.existing if isinstance(i.data.get(key), int)]
            return max(used) + 1 if used else int(schema.get("minimum", 1))
        if kind == "number":
            return schema.get("minimum", 0)
        if kind == "boolean":
            return False
        if kind == "array":
            items = self.schemas.resolve(schema.get("items", {}))
            return [self.value(key, items)] if schema.get("minItems", 0) >= 1 else []
        if kind == "object":
            props = schema.get("properties", {})
            return {name: self.value(name, props.get(name, {})) for name in schema.get("required", [])}
        return PLACEHOLDER


def _comment(key: str, schema: dict, value) -> str:
    about = str(schema.get("description", "")).strip()
    if key == "status" and value == DRAFT:
        return "a draft is not published: change it to current when every field is filled in"
    if key in ("id", "title"):
        return ""
    if key in ("last_reviewed", "date") and value:
        return ""
    return f"{placeholders.TODO} {about}" if about else f"{placeholders.TODO} fill this in"


def build_entry(
    schemas: Schemas, type_name: str, title: str, new_id: str, today: dt.date, existing: list
) -> list[tuple[str, object, str]]:
    """(field, value, comment) for every required field, plus review_by where the type has it."""
    raw = schemas.resolve(schemas.raw[type_name])
    props = schemas.properties(type_name)
    filler = _Filler(schemas, type_name, today, existing)
    fields: list[tuple[str, object, str]] = []
    required = list(raw.get("required", []))
    if "status" in props and "status" not in required:
        required.append("status")  # new content starts as a draft, never published by accident
    for key in required:
        if key == "id":
            fields.append(("id", new_id, ""))
        elif key in ("title", "term", "label"):
            fields.append((key, title, ""))
        else:
            value = filler.value(key, props.get(key, {}))
            fields.append((key, value, _comment(key, props.get(key, {}), value)))
    if "review_by" in props and "last_reviewed" in required:
        due = add_months(today, DEFAULT_INTERVAL_MONTHS)
        fields.append(
            (
                "review_by",
                due.isoformat(),
                f"next review, {DEFAULT_INTERVAL_MONTHS} months after last_reviewed",
            )
        )
    return fields


def _scalar(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return value
    if (
        isinstance(value, str)
        and re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", value)
        and value not in ("true", "false", "yes", "no", "on", "off", "null")
    ):
        return value
    return json.dumps(value, ensure_ascii=False)


def render_fields(fields, indent: str = "") -> str:
    """YAML lines for the fields, each placeholder followed by its TODO comment."""
    out = []
    for key, value, comment in fields:
        tail = f"  # {comment}" if comment else ""
        if isinstance(value, list) and all(not isinstance(v, (list, dict)) for v in value):
            out.append(f"{indent}{key}: [{', '.join(_scalar(v) for v in value)}]{tail}")
        elif isinstance(value, dict):
            out.append(f"{indent}{key}:{tail}")
            out.append(render_fields([(k, v, "") for k, v in value.items()], indent + "  "))
        elif isinstance(value, list):
            out.append(f"{indent}{key}:{tail}")
            for entry in value:
                lines = render_fields([(k, v, "") for k, v in entry.items()], indent + "    ").split("\n")
                lines[0] = f"{indent}  - " + lines[0].lstrip()
                out.extend(lines)
        else:
            out.append(f"{indent}{key}: {_scalar(value)}{tail}")
    return "\n".join(out)


def markdown_file(fields, title: str, label: str) -> str:
    return (
        "---\n" + render_fields(fields) + "\n---\n\n"
        f"# {title}\n\n"
        f"{placeholders.BODY} the {label}'s text. "
        + (
            "Fill in every field marked TODO above,\nthen"
            if any(note.startswith(placeholders.TODO) for _, _, note in fields)
            else "Then"
        )
        + f" run `{command('check')}`.\n"
    )


def _markdown_path(docs_dir: Path, type_name: str, new_id: str, today: dt.date) -> Path:
    folder = TYPES[type_name].folder
    if TYPES[type_name].blog:
        return docs_dir / folder / "posts" / f"{today.isoformat()}-{new_id}.md"
    return docs_dir / folder / f"{new_id}.md" if folder else docs_dir / f"{new_id}.md"


def _catalogue(root: Path, docs_dir: Path, type_name: str, catalogue: str | None, new_id: str) -> Path:
    folder = docs_dir / TYPES[type_name].folder
    if catalogue:
        path = Path(catalogue)
        if not path.is_absolute():
            path = root / path  # relative to the project, where mkdocs.yml is
        path = Path(os.path.abspath(path))  # not resolved: a link is refused, never followed
        try:
            uri = path.relative_to(docs_dir).as_posix()
        except ValueError:
            raise UnsafeTarget(f"{catalogue} is not inside {docs_dir}: nothing was written") from None
        if classify(uri).type != type_name:
            raise ScaffoldError(
                f"{catalogue} is not a {TYPES[type_name].singular} file: "
                f"put it directly in {folder.relative_to(docs_dir.parent).as_posix()}/"
            )
        return path
    found = sorted(folder.glob("*.yml")) + sorted(folder.glob("*.yaml"))
    if len(found) == 1:
        return found[0]
    if not found:
        return folder / f"{TYPES[type_name].folder.rsplit('/', 1)[-1]}.yml"
    names = ", ".join(p.name for p in found)
    raise ScaffoldError(
        f"there are several {TYPES[type_name].singular} files ({names}): say which one with --catalogue"
    )


def catalogue_entry(fields, indent: int) -> str:
    """One new list entry, indented like the catalogue's entries."""
    pad = " " * indent
    lines = render_fields(fields, pad + "  ").split("\n")
    lines[0] = pad + "- " + lines[0].lstrip()
    return "\n".join(lines) + "\n"


def _check_append(old: str, new: str, new_id: str, path: Path) -> None:
    """Read the result back with ruamel.yaml's round-trip loader: the old entries and their
    comments must be untouched, and the new entry last."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    yaml = YAML()
    try:
        before = yaml.load(old) if old.strip() else []
        after = yaml.load(new)
    except YAMLError as error:
        raise ScaffoldError(
            f"{path} cannot be read as YAML, so nothing was added: "
            f"run {command('check')} first ({str(error).splitlines()[0]})"
        ) from None
    if not isinstance(after, list) or after[:-1] != before or after[-1].get("id") != new_id:
        raise ScaffoldError(f"{path} is not a list of entries, so nothing was added")


def _list_indent(text: str) -> int:
    match = re.search(r"^( *)- ", text, re.M)
    return len(match.group(1)) if match else 0


def scaffold(
    project: Project, type_name: str, title: str, catalogue: str | None = None, today: dt.date | None = None
) -> Scaffolded:
    if type_name not in TYPES:
        raise ScaffoldError(f'"{type_name}" is not a content type; choose one of: {", ".join(TYPES)}')
    title = " ".join(title.split())
    if not title:
        raise ScaffoldError('give a title, for example: new procedure "Section 47 enquiries"')
    today = today or project.settings.build_date
    schemas = load_schemas(project.schema_dir)
    items, _, unread = read_all(project.root, project.docs_dir, schemas)
    taken = {item.id for item in items} | set(unread)
    new_id = fresh_id(title, type_name.replace("_", "-"), taken)
    same_type = [item for item in items if item.type == type_name]
    fields = build_entry(schemas, type_name, title, new_id, today, same_type)
    content_type = TYPES[type_name]
    if content_type.format == MARKDOWN:
        path = _safe_target(project, _markdown_path(project.docs_dir, type_name, new_id, today))
        if path.exists():
            raise ScaffoldError(f"{path} already exists")
        _write(project, path, markdown_file(fields, title, content_type.singular), new=True)
        return Scaffolded(path, new_id, False)
    path = _safe_target(project, _catalogue(project.root, project.docs_dir, type_name, catalogue, new_id))
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    entry = catalogue_entry(fields, _list_indent(old))
    if old and not old.endswith("\n"):
        old += "\n"
    separator = "\n" if old.strip() else ""
    _check_append(old, old + separator + entry, new_id, path)
    # Appended as text: every existing line, comment and quote stays exactly as it was.
    _write(project, path, old + separator + entry)
    return Scaffolded(path, new_id, bool(old.strip()))


def _write(project: Project, path: Path, text: str, new: bool = False) -> None:
    try:
        write_text(project.root, path, text, new=new, inside=_docs_folder(project))
    except UnsafePath as error:
        raise UnsafeTarget(str(error)) from None
