"""Help while typing: VS Code settings that map every YAML data file and catalogue to its schema.

The Red Hat YAML extension cannot follow the schemas' ``urn:practice-hub:`` references, so the
schemas are written out self-contained (JSON, references inlined) under ``.vscode/schemas/``.
They are generated from content_schema/; a test fails when they are out of date. Regenerate with
``python -m practice_hub.editing.vscode``. Front matter inside Markdown cannot be mapped by the
extension: ``python -m practice_hub check`` covers it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ..content_types import DATA_DIR, DATA_FILES, TYPES, YAML
from ..resources import schema_dir
from ..schema import load_schemas

SCHEMA_DIR = ".vscode/schemas"


def _strip(node):
    if isinstance(node, dict):
        return {k: _strip(v) for k, v in node.items() if k not in ("$id", "$defs")}
    if isinstance(node, list):
        return [_strip(v) for v in node]
    return node


def editor_files(root: Path, docs: str = "docs") -> dict[str, str]:
    """Every file to write, by path relative to the repository root."""
    schemas = load_schemas(schema_dir())
    files: dict[str, str] = {}
    mapping: dict[str, list[str]] = {}
    lists = {name: f"{docs}/{t.folder}/*.yml" for name, t in TYPES.items() if t.format == YAML}
    lists.update({name: f"{docs}/{DATA_DIR}/{file}" for file, name in DATA_FILES.items()})
    for name, pattern in sorted(lists.items()):
        entry = _strip(schemas.validators[name].schema)
        entry.pop("$schema", None)
        document = {
            "$schema": "http://json-schema.org/draft-07/schema#",
            "title": f"{entry.get('title', name)} list",
            "type": "array",
            "items": entry,
        }
        path = f"{SCHEMA_DIR}/{name}.json"
        files[path] = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
        mapping[f"./{path}"] = [pattern, pattern[:-4] + ".yaml"] if pattern.endswith(".yml") else [pattern]
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
