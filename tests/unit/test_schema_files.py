"""The schema files themselves: no stray keys (a comma in an unquoted flow-style description splits it)."""

from __future__ import annotations

import pytest
import yaml

from helpers import REPO

KEYWORDS = {
    "$schema",
    "$id",
    "$ref",
    "$defs",
    "title",
    "description",
    "type",
    "additionalProperties",
    "required",
    "properties",
    "items",
    "enum",
    "const",
    "pattern",
    "maxLength",
    "minLength",
    "minItems",
    "maxItems",
    "uniqueItems",
    "minProperties",
    "maxProperties",
    "minimum",
    "maximum",
    "format",
    "anyOf",
    "oneOf",
    "allOf",
    "not",
    "examples",
    "default",
    "patternProperties",
    "propertyNames",
}


def stray_keys(node, path=()):
    if isinstance(node, dict):
        for key, value in node.items():
            if path and path[-1] in ("properties", "$defs", "patternProperties"):
                yield from stray_keys(value, path + (key,))
                continue
            if key == "x-removed":  # removed fields by name, each with its message (schema.py)
                continue
            if key not in KEYWORDS and not str(key).startswith("x-"):
                yield path + (key,)
            yield from stray_keys(value, path + (key,))
    elif isinstance(node, list):
        for entry in node:
            yield from stray_keys(entry, path)


@pytest.mark.parametrize(
    "path", sorted((REPO / "content_schema").glob("*.schema.yaml")), ids=lambda p: p.name
)
def test_schema_has_only_json_schema_keywords(path):
    assert list(stray_keys(yaml.safe_load(path.read_text(encoding="utf-8")))) == []
