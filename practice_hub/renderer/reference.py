"""The editors' field reference, generated from content_schema/ (the single source of truth)."""

from __future__ import annotations

from ..content_types import CAPABILITY_FRAMEWORK, DATA_DIR, DATA_FILES, FRAMEWORKS_DIR, TYPES, YAML
from ..schema import Schemas
from ..text import esc, esc_keeping_code, table

REFERENCE_URI = "editors/field-reference.md"
#: The editors' guide (practice_hub/guide/editors.md), made here unless the site writes its own.
EDITORS_GUIDE_URI = "editors/index.md"


def _kind(spec: dict, schemas: Schemas) -> str:
    spec = schemas.resolve(spec)
    if "x-ref" in spec:
        return f"id of a {spec['x-ref'].replace('_', ' ')}"
    kind = spec.get("type")
    if kind == "array":
        item = schemas.resolve(spec.get("items", {}))
        if "x-ref" in item:
            return f"list of {item['x-ref'].replace('_', ' ')} ids"
        if "enum" in item:
            return "list, each one of: " + ", ".join(map(str, item["enum"]))
        return "list" + (" of sets of fields" if item.get("type") == "object" else "")
    if "enum" in spec:
        return "one of: " + ", ".join(map(str, spec["enum"]))
    if spec.get("format") == "date":
        return "date, YYYY-MM-DD"
    if spec.get("format") == "local-date-time":
        return "date and time, YYYY-MM-DDTHH:MM"
    if spec.get("format") == "web-address":
        return "web address"
    if "anyOf" in spec:
        return "web address or email address"
    return {
        "string": "text",
        "integer": "whole number",
        "number": "number",
        "boolean": "true or false",
        "object": "set of fields",
    }.get(kind, "value")


def _rows(name: str, schemas: Schemas, path: tuple = (), prefix: str = "") -> list[list[str]]:
    schema = schemas.resolve(schemas.raw[name])
    for part in path:
        schema = schemas.resolve(schema.get("properties", {}).get(part, {}))
        if schema.get("type") == "array":
            schema = schemas.resolve(schema.get("items", {}))
    required = set(schema.get("required", []))
    rows = []
    for field, spec in schema.get("properties", {}).items():
        spec = schemas.resolve(spec)
        rows.append(
            [
                f"`{prefix}{field}`",
                "yes" if field in required else "",
                esc(_kind(spec, schemas)),
                esc_keeping_code(spec.get("description", "")),
            ]
        )
        nested = (
            spec
            if spec.get("type") == "object"
            else schemas.resolve(spec.get("items", {}))
            if spec.get("type") == "array"
            else {}
        )
        if nested.get("type") == "object" and nested.get("properties"):
            rows += _rows(name, schemas, path + (field,), f"{prefix}{field}.")
    return rows


def _ids_and_files(schemas: Schemas) -> list[str]:
    """The id format (from the schemas' shared id definition) and how files are named."""
    spec = schemas.resolve(schemas.raw.get("common", {}).get("$defs", {}).get("id", {}))
    examples = ", ".join(f"`{e}`" for e in spec.get("examples", []))
    rule = esc(spec.get("x-hint", "")) + (
        f" (at most {spec['maxLength']} characters)" if "maxLength" in spec else ""
    )
    rows = []
    for content_type in TYPES.values():
        folder = f"docs/{content_type.folder}/" if content_type.folder else "docs/"
        if content_type.blog:
            name = f"`{folder}posts/YYYY-MM-DD-<id>.md` (the publication date first)"
        elif content_type.format == YAML:
            name = f"`{folder}<any-name>.yml`: a list, one entry per {esc(content_type.singular)}, each starting `- id:`"
        else:
            name = f"`{folder}<id>.md`"
        rows.append([esc(content_type.label), name])
    for file_name, name in DATA_FILES.items():
        rows.append([esc(schemas.raw[name].get("title", name)), f"`docs/{DATA_DIR}/{file_name}` (one file)"])
    if CAPABILITY_FRAMEWORK in schemas.raw:
        title = schemas.raw[CAPABILITY_FRAMEWORK].get("title", CAPABILITY_FRAMEWORK)
        rows.append([esc(title), f"`docs/{DATA_DIR}/{FRAMEWORKS_DIR}/<id>.yml` (one file per framework)"])
    rows.append(
        [
            "News authors",
            "`docs/news/.authors.yml`: under `authors:`, one entry per author id with "
            "`name`, `description` and `avatar`; roles or teams, never people",
        ]
    )
    return [
        "## Ids and file names",
        "",
        f"{esc(spec.get('description', ''))} Ids: {rule}."
        + (f" Example: {examples}." if examples and "for example" not in rule else ""),
        "",
        table(["Content", "File"], rows),
        "",
    ]


def field_reference(schemas: Schemas) -> str:
    out = [
        "---",
        "title: Field reference for editors",
        "audience: editors",
        "---",
        "",
        "# Field reference for editors",
        "",
        "Every field of every content type, generated from the schemas in `content_schema/`. "
        "The folder a file is in decides its type. A field marked *yes* is required.",
        "",
    ]
    out += _ids_and_files(schemas)
    for name, content_type in TYPES.items():
        schema = schemas.raw[name]
        where = f"docs/{content_type.folder}/" if content_type.folder else "anywhere else in docs/"
        form = (
            "YAML files, each a list of entries"
            if content_type.format == YAML
            else "Markdown files, with the fields at the top between two --- lines"
        )
        out += [
            f"## {content_type.label} (`{name}`)",
            "",
            esc_keeping_code(schema.get("description", "")),
            "",
            f"Where: `{where}`. Format: {form}.",
            "",
            table(["Field", "Required", "What to write", "Meaning"], _rows(name, schemas)),
            "",
        ]
    for file_name, name in DATA_FILES.items():
        schema = schemas.raw[name]
        out += [
            f"## {schema.get('title', name)} (`{DATA_DIR}/{file_name}`)",
            "",
            esc_keeping_code(schema.get("description", "")),
            "",
            table(["Field", "Required", "What to write", "Meaning"], _rows(name, schemas)),
            "",
        ]
    framework = schemas.raw.get(CAPABILITY_FRAMEWORK)
    if framework:  # one file per framework, each a set of fields
        out += [
            f"## {esc(framework.get('title', CAPABILITY_FRAMEWORK))} (`{DATA_DIR}/{FRAMEWORKS_DIR}/<id>.yml`)",
            "",
            esc_keeping_code(framework.get("description", "")),
            "",
            table(["Field", "Required", "What to write", "Meaning"], _rows(CAPABILITY_FRAMEWORK, schemas)),
            "",
        ]
    settings = schemas.raw.get("settings")
    if settings:  # the site's settings: IT and the PSW team set them in mkdocs.yml
        out += [
            f"## {esc(settings.get('title', 'Site settings'))} (`mkdocs.yml`)",
            "",
            esc_keeping_code(settings.get("description", "")),
            "",
            table(["Setting", "Required", "What to write", "Meaning"], _rows("settings", schemas)),
            "",
        ]
    return "\n".join(out) + "\n"
