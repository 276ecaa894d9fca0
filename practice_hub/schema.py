"""JSON Schema (2020-12, written in YAML) validation with plain-English messages.

The schemas in ``content_schema/`` are the single source of truth for fields: this module
validates against them, reads their ``x-ref`` annotations for cross-references, and the
editors' field reference is generated from them.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import jsonschema
import yaml
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from .cache import SERVE_CACHE
from .safety.urls import is_email_address, is_web_address


URN = "urn:practice-hub:"

_DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}$")

FORMATS = jsonschema.FormatChecker(formats=["date"])


@FORMATS.checks("local-date-time", raises=ValueError)
def _local_date_time(value) -> bool:
    import datetime

    if not isinstance(value, str):
        return True
    if not _DATE_TIME.match(value):
        return False
    datetime.datetime.fromisoformat(value.replace(" ", "T"))
    return True


@FORMATS.checks("email-address")
def _email(value) -> bool:
    return not isinstance(value, str) or is_email_address(value)  # issue 14: strict


@FORMATS.checks("web-address")
def _web(value) -> bool:
    return not isinstance(value, str) or is_web_address(value)  # issue 14: parsed


_FORMAT_HELP = {
    "date": ("is not a real date", "write dates as YYYY-MM-DD, for example 2026-03-01"),
    "local-date-time": ("is not a real date and time",
                        "write it as YYYY-MM-DDTHH:MM in UK local time, for example 2026-03-01T09:30"),
    "email-address": ("is not an email address", "for example learning@council.example"),
    "web-address": ("is not a web address",
                    "start it with https:// or http://, with no spaces, quotes or angle brackets"),
}

_KIND = {"string": "text", "integer": "a whole number", "number": "a number", "array": "a list",
         "object": "a set of fields (name: value)", "boolean": "true or false", "null": "empty"}


def describe(value) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a set of fields"
    return type(value).__name__


def field_name(path) -> str:
    """Display a path into an item: ``sessions[2].start`` (list positions count from 1)."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += ("." if text else "") + str(part)
    return text


def suggest(word: str, choices) -> str | None:
    matches = difflib.get_close_matches(str(word).lower(), [str(c) for c in choices], n=1, cutoff=0.6)
    return matches[0] if matches else None


@dataclass(frozen=True)
class Ref:
    """A field that names other items: where it is, and what type it must name."""

    path: tuple  # keys, with "*" for every list entry
    target: str


@dataclass(frozen=True)
class Finding:
    """A schema problem before it is pinned to a file: path in the item, message, hint."""

    path: tuple
    message: str
    hint: str
    field: str


class Schemas:
    def __init__(self, schema_dir: Path):
        self.dir = Path(schema_dir)
        self.raw: dict[str, dict] = {}
        resources = []
        digest = hashlib.sha256()
        for file in sorted(self.dir.glob("*.schema.yaml")):
            name = file.name[: -len(".schema.yaml")]
            text = file.read_text(encoding="utf-8")
            digest.update(name.encode() + b"\0" + text.encode())
            schema = yaml.safe_load(text)
            self.raw[name] = schema
            resources.append((schema.get("$id", URN + name), Resource.from_contents(schema, DRAFT202012)))
        self.fingerprint = digest.hexdigest()
        self.registry = Registry().with_resources(resources)
        # Validators work on copies with every $ref written out: the same rules, checked
        # about two and a half times faster than resolving references for every item.
        self.validators = {
            name: jsonschema.Draft202012Validator(self._inline(schema), format_checker=FORMATS)
            for name, schema in self.raw.items()
            if name != "common"
        }
        for name, schema in self.raw.items():
            jsonschema.Draft202012Validator.check_schema(schema)
        self._refs = {name: tuple(self._find_refs(schema, ())) for name, schema in self.raw.items()}

    def _inline(self, node, depth: int = 0):
        if depth > 20:
            raise ValueError("content_schema: $ref chain too deep")
        if isinstance(node, dict):
            if "$ref" in node:
                merged = dict(self._inline(self.registry.resolver().lookup(node["$ref"]).contents, depth + 1))
                merged.update({k: self._inline(v, depth + 1) for k, v in node.items() if k != "$ref"})
                return merged
            return {k: self._inline(v, depth + 1) for k, v in node.items()}
        if isinstance(node, list):
            return [self._inline(entry, depth + 1) for entry in node]
        return node

    # --- what the schemas say -------------------------------------------------------------
    def resolve(self, schema: dict) -> dict:
        """Follow a ``$ref`` (one level at a time) to the schema it names."""
        seen = 0
        while isinstance(schema, dict) and "$ref" in schema and seen < 10:
            resolved = self.registry.resolver().lookup(schema["$ref"]).contents
            merged = dict(resolved)
            merged.update({k: v for k, v in schema.items() if k != "$ref"})
            schema = merged
            seen += 1
        return schema

    def properties(self, name: str, path: tuple = ()) -> dict:
        schema = self.resolve(self.raw[name])
        for part in path:
            if part == "*":
                schema = self.resolve(schema.get("items", {}))
            else:
                schema = self.resolve(schema.get("properties", {}).get(part, {}))
        return {key: self.resolve(value) for key, value in schema.get("properties", {}).items()}

    def refs(self, name: str) -> tuple[Ref, ...]:
        return self._refs.get(name, ())

    def _find_refs(self, schema, path):
        schema = self.resolve(schema)
        if not isinstance(schema, dict):
            return
        if "x-ref" in schema:
            yield Ref(path, schema["x-ref"])
            return
        for key, sub in schema.get("properties", {}).items():
            yield from self._find_refs(sub, path + (key,))
        if isinstance(schema.get("items"), dict):
            yield from self._find_refs(schema["items"], path + ("*",))

    # --- validation -----------------------------------------------------------------------
    def check(self, name: str, data) -> list[Finding]:
        validator = self.validators[name]
        findings: list[Finding] = []
        for error in sorted(validator.iter_errors(data), key=lambda e: (list(map(str, e.absolute_path)), e.validator)):
            findings.extend(self._translate(error))
        return findings

    def _translate(self, error: jsonschema.ValidationError):
        path = tuple(error.absolute_path)
        name = field_name(path)
        label = f'field "{name}"' if name else "the item"
        value = error.instance
        kind = error.validator
        schema = error.schema if isinstance(error.schema, dict) else {}
        custom_hint = schema.get("x-hint", "")

        if kind == "required":
            present = set(value) if isinstance(value, dict) else set()
            for missing in error.validator_value:
                if missing in present:
                    continue
                prop = self.resolve(schema.get("properties", {}).get(missing, {}))
                full = field_name(path + (missing,))
                about = prop.get("description", "").rstrip(".")
                hint = f'add a line "{missing}: ..."' + (f": {_lower_first(about)}" if about else "")
                yield Finding(path, f'missing required field "{full}"', hint, full)
            return
        if kind in ("additionalProperties", "unevaluatedProperties"):
            allowed = list(schema.get("properties", {}))
            patterns = list(schema.get("patternProperties", {}))
            for key in value:
                if key in allowed or any(re.search(p, key) for p in patterns):
                    continue
                full = field_name(path + (key,))
                guess = suggest(key, allowed)
                hint = f'did you mean "{guess}"?' if guess else "allowed fields: " + ", ".join(allowed)
                yield Finding(path + (key,), f'unknown field "{full}"', hint, full)
            return
        if kind == "type":
            expected = error.validator_value
            expected = expected if isinstance(expected, list) else [expected]
            wanted = " or ".join(_KIND.get(t, t) for t in expected)
            got = describe(value)
            if value is None:
                hint = "fill in a value after the colon, or remove the line"
            elif "array" in expected:
                hint = "write each entry on its own line starting with '- '"
            elif "string" in expected and isinstance(value, (list, dict)):
                hint = "write the value as one line of text after the colon"
            elif "string" in expected:
                hint = "put the value in quotes"
            elif "object" in expected:
                hint = "write the fields underneath, indented, as 'name: value'"
            else:
                hint = custom_hint or "check the value"
            yield Finding(path, f"{label} must be {wanted}, not {got}", hint, name)
            return
        if kind == "enum":
            options = [str(o) for o in error.validator_value]
            guess = suggest(value, options) if isinstance(value, str) else None
            hint = f'did you mean "{guess}"?' if guess else "choose one of the listed values"
            yield Finding(path, f'{label} has "{value}", which is not one of: {", ".join(options)}',
                          hint, name)
            return
        if kind == "const":
            yield Finding(path, f'{label} must be "{error.validator_value}"', custom_hint, name)
            return
        if kind == "format":
            what, hint = _FORMAT_HELP.get(error.validator_value, ("is not in the right form", ""))
            iso = uk_date(value) if error.validator_value == "date" else None
            if iso:
                yield Finding(path, f'{label} has "{value}", a date in the wrong form', f"write {iso}", name)
                return
            yield Finding(path, f'{label} has "{value}", which {what}', custom_hint or hint, name)
            return
        if kind == "pattern":
            yield Finding(path, f'{label} has "{value}", which is not in the expected form',
                          custom_hint or f"it must match {error.validator_value}", name)
            return
        if kind == "minLength":
            yield Finding(path, f"{label} is empty" if error.validator_value == 1 else
                          f"{label} is too short (at least {error.validator_value} characters)",
                          custom_hint or "fill it in", name)
            return
        if kind == "maxLength":
            yield Finding(path, f"{label} is too long ({len(value)} characters; at most "
                          f"{error.validator_value})", custom_hint or "shorten it", name)
            return
        if kind == "minItems":
            entries = "entry" if error.validator_value == 1 else "entries"
            yield Finding(path, f"{label} needs at least {error.validator_value} {entries}",
                          custom_hint or "add entries, each on its own line starting with '- '", name)
            return
        if kind == "uniqueItems":
            yield Finding(path, f"{label} lists the same value more than once",
                          "remove the repeated entry", name)
            return
        if kind in ("minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum"):
            words = {"minimum": "at least", "exclusiveMinimum": "more than",
                     "maximum": "at most", "exclusiveMaximum": "less than"}[kind]
            yield Finding(path, f"{label} is {value}; it must be {words} {error.validator_value}",
                          custom_hint, name)
            return
        if kind in ("oneOf", "anyOf") and all("format" in option for option in error.validator_value):
            names = [_FORMAT_HELP.get(o["format"], ("", ""))[0].replace("is not ", "") for o in error.validator_value]
            yield Finding(path, f'{label} has "{value}", which is not ' + " or ".join(names),
                          custom_hint, name)
            return
        if kind in ("oneOf", "anyOf"):
            yield Finding(path, f"{label} does not match any allowed form",
                          custom_hint or schema.get("description", ""), name)
            return
        if kind == "not":
            yield Finding(path, f"{label} is not allowed here", custom_hint, name)
            return
        yield Finding(path, f"{label}: {error.message}", custom_hint, name)


_MONTHS = {name.lower(): number for number, name in enumerate(
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
     "November", "December"], start=1)}
_MONTHS.update({name[:3]: number for name, number in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_UK_NUMERIC = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_UK_WORDS = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})$")


def uk_date(value) -> str | None:
    """The ISO form of a real date written the UK way (01/03/2027, 1 March 2027), else None."""
    import datetime

    if not isinstance(value, str):
        return None
    text = value.strip()
    numeric, words = _UK_NUMERIC.match(text), _UK_WORDS.match(text)
    if numeric:
        day, month, year = int(numeric.group(1)), int(numeric.group(2)), int(numeric.group(3))
    elif words and words.group(2).lower() in _MONTHS:
        day, month, year = int(words.group(1)), _MONTHS[words.group(2).lower()], int(words.group(3))
    else:
        return None
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text else text



def load_schemas(schema_dir: Path) -> Schemas:
    """Schemas for a folder, reused while the files are unchanged (``mkdocs serve`` rebuilds)."""
    schema_dir = Path(schema_dir)
    stamp = tuple((f.name, f.stat().st_mtime_ns, f.stat().st_size) for f in sorted(schema_dir.glob("*.schema.yaml")))
    key = (str(schema_dir.resolve()), stamp)
    loaded = SERVE_CACHE.schemas
    if key not in loaded:  # Schemas are read-only once made, so one object is shared
        loaded.clear()
        loaded[key] = Schemas(schema_dir)
    return loaded[key]
