"""Help while typing: VS Code settings that map every YAML data file and catalogue to its schema.

The Red Hat YAML extension cannot follow the schemas' ``urn:practice-hub:`` references, so the
schemas are written out self-contained (JSON, references inlined) under ``.vscode/schemas/``.
They are generated from content_schema/; a test fails when they are out of date. Regenerate with
``python -m practice_hub.editing.vscode``. Front matter inside Markdown cannot be mapped by the
extension: ``python -m practice_hub check`` covers it.

The extension (yaml-language-server) checks ``pattern`` and shows a schema's
``patternErrorMessage`` in its place, but of ``format`` it knows only JSON Schema's own names
(date, date-time, time, email, ipv4, ipv6, uri, color-hex) and ignores the engine's
(web-address, email-address, local-date-time). So every ``format`` is written out here as a
``pattern`` (``EDITOR_FORMATS``, the one place), with the schema's ``x-hint`` as its message: a UK
date, an email address without @ and a web address without https:// are flagged as they are
typed. Each pattern accepts every value ``check`` accepts (it may let through a few that only
``check`` can refuse, such as 29 February in a year that has none); tests/unit/test_vscode_schemas.py
proves both directions on the same values and files as ``check``.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

from ..content_types import CAPABILITY_FRAMEWORK, DATA_DIR, DATA_FILES, FRAMEWORKS_DIR, TYPES, YAML
from ..resources import schema_dir
from ..schema import load_schemas

SCHEMA_DIR = ".vscode/schemas"


@dataclass(frozen=True)
class EditorFormat:
    """A format the engine checks, as the extension can: *pattern* (ECMA-262, which the
    extension compiles with the "u" flag, and Python's re alike: no anchors, only [0-9] for digits, no
    look-behind), *noun* for its message and *hint* when the schema gives none."""

    pattern: str
    noun: str
    hint: str


_LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"  # one part of a host name
_DATE = (
    "[0-9]{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])"
    "|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-9]))"
)
#: Every format of content_schema/, as a pattern the extension checks.
EDITOR_FORMATS = {
    "date": EditorFormat(_DATE, "a date", "write dates as YYYY-MM-DD, for example 2026-03-01"),
    "local-date-time": EditorFormat(
        f"{_DATE}[T ](?:[01][0-9]|2[0-3]):[0-5][0-9]",
        "a date and time",
        "write it as YYYY-MM-DDTHH:MM in UK local time, for example 2026-03-01T09:30",
    ),
    "web-address": EditorFormat(  # http(s), a host name with a dot, then no spaces, quotes or < >
        f"(?!.*%0)[Hh][Tt][Tt][Pp][Ss]?://{_LABEL}(?:\\.{_LABEL})+(?::[0-9]*)?"
        "(?:[/?#][^\\x00-\\x20\"'<>\\\\`{}|^\\x7f]*)?",
        "a web address",
        "start it with https:// or http://, with no spaces, quotes or angle brackets",
    ),
    "email-address": EditorFormat(  # name@host.domain, as safety/urls.py's is_email_address
        "(?=.{1,254}$)(?!.*\\.\\.)[A-Za-z0-9](?:[A-Za-z0-9._+'-]{0,62}[A-Za-z0-9_+-])?"
        f"@{_LABEL}(?:\\.{_LABEL})+",
        "an email address",
        "write it as name@place, for example learning@council.example",
    ),
}


def _formats_of(node: dict) -> list[str] | None:
    """The formats a value must have one of: its own, or those of an anyOf made only of formats
    (a web address or an email address); None when it has none."""
    if "format" in node:
        return [node["format"]]
    options = node.get("anyOf")
    if isinstance(options, list) and options and all(set(o) == {"format"} for o in options):
        return [o["format"] for o in options]
    return None


def _as_pattern(node: dict) -> dict:
    """*node* with its format(s) written as one pattern and its message (the schema's x-hint)."""
    formats = _formats_of(node)
    if formats is None:
        return node
    unknown = [name for name in formats if name not in EDITOR_FORMATS]
    if unknown:
        raise ValueError(f"no pattern for the format {unknown[0]!r}: add it to EDITOR_FORMATS")
    if "pattern" in node:
        raise ValueError("a value with a format cannot have a pattern of its own in content_schema/")
    known = [EDITOR_FORMATS[name] for name in formats]
    body = known[0].pattern if len(known) == 1 else "|".join(f"(?:{f.pattern})" for f in known)
    hint = node.get("x-hint") or known[0].hint
    out = {k: v for k, v in node.items() if k not in ("format", "anyOf")}
    out["pattern"] = f"^(?:{body})$"
    out["patternErrorMessage"] = f"Not {' or '.join(f.noun for f in known)}: {hint}"
    return out


def _strip(node):
    if isinstance(node, dict):
        return {
            k: _strip_each(v) if k in _NAMED else _strip(v)
            for k, v in _as_pattern(node).items()
            if k not in ("$id", "$defs")
        }
    if isinstance(node, list):
        return [_strip(v) for v in node]
    return node


_NAMED = ("properties", "patternProperties")  # a schema for each name: a field may be called "format"


def _strip_each(named):
    return {name: _strip(schema) for name, schema in named.items()} if isinstance(named, dict) else named


def editor_schema(schema: dict) -> dict:
    """One content type's schema (references inlined) as the extension reads it: draft-07,
    self-contained, formats written as patterns."""
    entry = _strip(schema)
    entry.pop("$schema", None)
    return entry


def editor_files(root: Path, docs: str = "docs") -> dict[str, str]:
    """Every file to write, by path relative to the repository root."""
    schemas = load_schemas(schema_dir())
    files: dict[str, str] = {}
    mapping: dict[str, list[str]] = {}
    lists = {name: f"{docs}/{t.folder}/*.yml" for name, t in TYPES.items() if t.format == YAML}
    lists.update({name: f"{docs}/{DATA_DIR}/{file}" for file, name in DATA_FILES.items()})
    for name, pattern in sorted(lists.items()):
        entry = editor_schema(schemas.validators[name].schema)
        document = {
            "$schema": "http://json-schema.org/draft-07/schema#",
            "title": f"{entry.get('title', name)} list",
            "type": "array",
            "items": entry,
        }
        path = f"{SCHEMA_DIR}/{name}.json"
        files[path] = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
        mapping[f"./{path}"] = [pattern, pattern[:-4] + ".yaml"] if pattern.endswith(".yml") else [pattern]
    # A framework is one file of fields, docs/_data/frameworks/<id>.yml, not a list.
    framework = editor_schema(schemas.validators[CAPABILITY_FRAMEWORK].schema)
    path = f"{SCHEMA_DIR}/{CAPABILITY_FRAMEWORK}.json"
    document = {"$schema": "http://json-schema.org/draft-07/schema#", **framework}
    files[path] = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    pattern = f"{docs}/{DATA_DIR}/{FRAMEWORKS_DIR}/*.yml"
    mapping[f"./{path}"] = [pattern, pattern[:-4] + ".yaml"]
    settings = {
        "yaml.schemas": mapping,
        "yaml.validate": True,
        "yaml.completion": True,
        "yaml.hover": True,
        "files.encoding": "utf8",
        "files.insertFinalNewline": True,
        "editor.insertSpaces": True,
        "editor.renderControlCharacters": True,
        "editor.unicodeHighlight.invisibleCharacters": True,
        "editor.unicodeHighlight.nonBasicASCII": False,
        "editor.unicodeHighlight.ambiguousCharacters": True,
        "[markdown]": {"editor.wordWrap": "on"},
    }
    files[".vscode/settings.json"] = json.dumps(settings, indent=2) + "\n"
    files[".vscode/extensions.json"] = (
        json.dumps({"recommendations": ["redhat.vscode-yaml"]}, indent=2) + "\n"
    )
    return files


def main(root: Path) -> int:
    for path, text in editor_files(root).items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path.cwd()))
