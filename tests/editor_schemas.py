"""The VS Code schemas (practice_hub/editing/vscode.py) against ``check``, on one site's files.

The extension validates YAML against ``.vscode/schemas/`` with JSON Schema's keywords and, of the
formats, only JSON Schema's own names: so the schemas are read here by ``jsonschema`` without a
format checker, as the extension reads them. Front matter is read against the same patterns (the
extension cannot map it, but the fields are the same and ``check`` reads both alike).
"""

from __future__ import annotations

import fnmatch
import json
from dataclasses import dataclass
from pathlib import Path

import jsonschema

from practice_hub.content_types import classify, schema_of
from practice_hub.editing.vscode import editor_files, editor_schema
from practice_hub.loader import frontmatter
from practice_hub.loader.text import TextProblem, decode
from practice_hub.loader.yaml_lines import YamlProblem, load
from practice_hub.resources import schema_dir
from practice_hub.schema import load_schemas
from practice_hub.settings import Project
from practice_hub.site import load_site


def editor_validators() -> dict[str, jsonschema.Validator]:
    """Each file pattern of .vscode/settings.json with a validator of its schema, as the
    extension would use it (no format assertion)."""
    files = editor_files(Path("."))
    mapping = json.loads(files[".vscode/settings.json"])["yaml.schemas"]
    found = {}
    for schema_path, globs in mapping.items():
        schema = json.loads(files[schema_path.removeprefix("./")])
        validator = jsonschema.Draft7Validator(schema)  # no format_checker: formats are not asserted
        for glob in globs:
            found[glob] = validator
    return found


def front_matter_validator(type_name: str) -> jsonschema.Validator:
    schemas = load_schemas(schema_dir())
    return jsonschema.Draft7Validator(editor_schema(schemas.validators[schema_of(type_name)].schema))


@dataclass
class Verdicts:
    """For every content file of a site: the schema's findings (field path, message) and the
    lines of ``check``'s problems that fail the build (errors and counted warnings)."""

    schema: dict[str, list[tuple[str, str]]]
    check: dict[str, list[str]]
    read: list[str]  # every file the schemas read

    def disagreements(self) -> list[str]:
        """Files ``check`` accepts that the schemas flag."""
        return [
            f"{path}: {field}: {message}"
            for path, found in self.schema.items()
            if path not in self.check
            for field, message in found
        ]


def _field(error: jsonschema.ValidationError) -> str:
    return ".".join(str(part) for part in error.absolute_path)


def verdicts(project: Path) -> Verdicts:
    """The schemas' and check's verdict on every YAML content file and every page's fields."""
    site = load_site(Project.from_config_file(project / "mkdocs.yml"))
    check: dict[str, list[str]] = {}
    for problem in [*site.problems.errors, *site.problems.counted_warnings]:  # what fails the build
        check.setdefault(problem.path, []).append(str(problem))
    validators = editor_validators()
    schema: dict[str, list[tuple[str, str]]] = {}
    read: list[str] = []
    for file in sorted((project / "docs").rglob("*")):
        path = file.relative_to(project).as_posix()
        uri = file.relative_to(project / "docs").as_posix()
        if not file.is_file() or any(part.startswith(".") for part in uri.split("/")):
            continue
        try:
            text = decode(file.read_bytes())
        except TextProblem:
            continue
        validator = next((v for glob, v in validators.items() if fnmatch.fnmatchcase(path, glob)), None)
        kind = classify(uri)
        try:
            if validator is not None:
                data = load(text).data
            elif file.suffix == ".md" and kind.type:
                front = frontmatter.split(text).front_matter
                if front is None:
                    continue
                data = load(front).data
                validator = front_matter_validator(kind.type)
            else:
                continue
        except (TextProblem, YamlProblem):
            continue
        read.append(path)
        schema[path] = [(_field(e), e.message) for e in validator.iter_errors(data)]
        if not schema[path]:
            del schema[path]
    return Verdicts(schema, check, read)
