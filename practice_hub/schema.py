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
from typing import Any

import jsonschema
import yaml
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from .cache import SERVE_CACHE
from .problems import entry_words, field_words
from .safety.urls import is_email_address, is_web_address

URN = "urn:practice-hub:"

_DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}$")

FORMATS = jsonschema.FormatChecker(formats=["date"])


@FORMATS.checks("regular-expression", raises=re.error)
def _regular_expression(value) -> bool:
    """A pattern Python can use (the settings' case reference pattern)."""
    if isinstance(value, str):
        re.compile(value)
    return True


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
    return not isinstance(value, str) or is_email_address(value)  # no scheme or markup can ride in


@FORMATS.checks("web-address")
def _web(value) -> bool:
    return not isinstance(value, str) or is_web_address(value)  # http(s) with a real host, never script


_FORMAT_HELP = {
    "date": ("is not a real date", "write dates as YYYY-MM-DD, for example 2026-03-01"),
    "local-date-time": (
        "is not a real date and time",
        "write it as YYYY-MM-DDTHH:MM in UK local time, for example 2026-03-01T09:30",
    ),
    "email-address": ("is not an email address", "for example learning@council.example"),
    "web-address": (
        "is not a web address",
        "start it with https:// or http://, with no spaces, quotes or angle brackets",
    ),
}

_KIND = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "array": "a list",
    "object": "a set of fields (name: value)",
    "boolean": "true or false",
    "null": "empty",
}


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


def in_words(path) -> str:
    """``field "title"`` for a field, or :func:`field_words` for a value inside a list."""
    return field_words(path) or f'field "{field_name(path)}"'


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
        for schema in self.raw.values():
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
    def check(self, name: str, data, within: str = "") -> list[Finding]:
        """Plain-English findings for *data* against schema *name*. *within* is where settings
        sit in a configuration file ("extra.practice_hub."): messages then name each value by
        its full name and call a field a setting."""
        validator = self.validators[name]
        findings: list[Finding] = []
        for error in sorted(
            validator.iter_errors(data), key=lambda e: (list(map(str, e.absolute_path)), e.validator)
        ):
            for finding in self._translate(name, error, within):
                if finding not in findings:  # one message per value, however many rules it breaks
                    findings.append(finding)
        return findings

    def _translate(self, name: str, error: jsonschema.ValidationError, within: str = ""):
        """Plain-English findings for one error: the schema's own words for the value (its
        ``x-message``) if it has them, else one small function per JSON Schema keyword."""
        about = _Error.of(error, within, self._required_here(name, error))
        if about.kind not in ("additionalProperties", "unevaluatedProperties", "required"):
            own = self._own_message(name, about)
            if own is not None:
                yield own
                return
        translate = _KEYWORDS.get(about.kind, _other)
        yield from translate(self, about)

    def _required_here(self, name: str, error: jsonschema.ValidationError) -> bool:
        """Whether the value the error is about is a required field of the object that holds it
        (an empty required field must be filled in: removing its line is no fix)."""
        where = list(error.absolute_schema_path)
        if len(where) < 3 or where[-3] != "properties":
            return False
        schema = self.validators[name].schema
        for part in where[:-3]:
            try:
                schema = schema[part]
            except (KeyError, IndexError, TypeError):
                return False
        return isinstance(schema, dict) and where[-2] in schema.get("required", ())

    def _own_message(self, name: str, e: _Error) -> Finding | None:
        """The ``x-message`` nearest to the value along its path, after the name of the field
        that carries it (list positions left out): "extra.practice_hub.demo must be true or false"."""
        schema, found = self.resolve(self.raw[name]), None
        for depth, part in enumerate((None, *e.path)):
            if depth:
                if isinstance(part, int):
                    schema = schema.get("items", {})
                else:
                    extra = schema.get("additionalProperties")
                    schema = schema.get("properties", {}).get(part, extra if isinstance(extra, dict) else {})
                schema = self.resolve(schema) if isinstance(schema, dict) else {}
            if "x-message" in schema:
                found = (e.path[:depth], schema)
        if found is None:
            return None
        path, schema = found
        while path and isinstance(path[-1], int):
            path = path[:-1]
        cause = e.error.cause if e.error.cause is not None else e.error.message
        message = schema["x-message"].format(value=e.value, cause=cause)
        return Finding(e.path, f"{e.label_of(path)} {message}", schema.get("x-hint", ""), e.name)


_MONTHS = {
    name.lower(): number
    for number, name in enumerate(
        [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ],
        start=1,
    )
}
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


MAX_DATE_TEXT = 40  # characters: "Wednesday 4 September 2027 at 12.30pm" is 37
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_CLOCK = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?m\.?$|^(\d{1,2})[:.](\d{2})$", re.I)
_DATE_AND_CLOCK = re.compile(
    r"^(?P<date>.+?)(?:T|\s*,\s*|\s+at\s+|\s+)(?P<clock>\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?)$", re.I
)


def _any_date(text: str) -> str | None:
    """The ISO form of a real date written as ISO (2027-3-4) or the UK way, else None."""
    import datetime

    iso = _ISO_DATE.match(text.strip())
    if iso:
        try:
            return datetime.date(*(int(part) for part in iso.groups())).isoformat()
        except ValueError:
            return None
    return uk_date(text)


def _clock(text: str) -> str | None:
    """HH:MM for a time of day written 9.30am, 9:30 pm, 2pm, 09.30 or 14:30, else None."""
    found = _CLOCK.match(text.strip())
    if not found:
        return None
    if found.group(3):
        hour, minute = int(found.group(1)), int(found.group(2) or 0)
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if found.group(3).lower() == "p" else 0)
    else:
        hour, minute = int(found.group(4)), int(found.group(5))
    return f"{hour:02d}:{minute:02d}" if hour < 24 and minute < 60 else None


def uk_date_time(value) -> tuple[str, bool] | None:
    """(the YYYY-MM-DDTHH:MM form, True) of a real date and time written another way
    (04/03/2027 9.30am, 4 March 2027 at 14:30, 2027-03-04 9:30), or (YYYY-MM-DD, False) of a
    date without its time; None when the value is not a real date (or is too long to be one:
    the patterns are only tried on a short value, so no value costs more than a glance)."""
    if not isinstance(value, str) or len(value) > MAX_DATE_TEXT:
        return None
    text = value.strip()
    date = _any_date(text)
    if date:
        return date, False
    both = _DATE_AND_CLOCK.match(text)
    if not both:
        return None
    date, clock = _any_date(both.group("date")), _clock(both.group("clock"))
    return (f"{date}T{clock}", True) if date and clock else None


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text else text


@dataclass(frozen=True)
class _Error:
    """One validation error, with what every keyword's translation needs."""

    error: jsonschema.ValidationError
    path: tuple
    name: str
    label: str
    value: Any  # the field's value as read: any of JSON's types, which the keyword checks
    kind: str
    schema: dict
    custom_hint: str
    within: str = ""  # where settings sit in a configuration file ("extra.practice_hub."), or ""
    required: bool = False  # a required field of the object that holds it

    @classmethod
    def of(cls, error: jsonschema.ValidationError, within: str = "", required: bool = False) -> _Error:
        path = tuple(error.absolute_path)
        name = field_name(path)
        schema = error.schema if isinstance(error.schema, dict) else {}
        return cls(
            error,
            path,
            name,
            _label(path, within),
            error.instance,
            error.validator,
            schema,
            schema.get("x-hint", ""),
            within,
            required,
        )

    def label_of(self, path: tuple) -> str:
        return _label(path, self.within)

    @property
    def expected(self):
        return self.error.validator_value


def _label(path: tuple, within: str = "") -> str:
    """How a message names a value: 'field "sessions[2].start"', or a setting's full name
    (extra.practice_hub.menu_section_limit)."""
    name = field_name(path)
    if within:
        return within + name if name else within.rstrip(".")
    return in_words(path) if name else "the item"


def _required(schemas: Schemas, e: _Error):
    present = set(e.value) if isinstance(e.value, dict) else set()
    for missing in e.expected:
        if missing in present:
            continue
        prop = schemas.resolve(e.schema.get("properties", {}).get(missing, {}))
        full = field_name(e.path + (missing,))
        about = prop.get("description", "").rstrip(".")
        hint = f'add a line "{missing}: ..."' + (f": {_lower_first(about)}" if about else "")
        where = entry_words(e.path)
        message = (
            f'missing required field "{missing}" in {where}' if where else f'missing required field "{full}"'
        )
        yield Finding(e.path, message, hint, full)


def _unknown_fields(schemas: Schemas, e: _Error):
    allowed = list(e.schema.get("properties", {}))
    patterns = list(e.schema.get("patternProperties", {}))
    removed = e.schema.get("x-removed", {}) if not e.path and not e.within else {}
    for key in e.value:
        if key in allowed or any(re.search(p, key) for p in patterns):
            continue
        if key in removed:  # a field that was once allowed: say what replaced it
            yield _removed(removed[key], e.value[key], e.path + (key,), field_name(e.path + (key,)))
            continue
        full = field_name(e.path + (key,))
        guess = suggest(key, allowed)
        if e.within:  # a setting: "unknown setting "menus" in extra.practice_hub"
            known = "known settings: " + ", ".join(sorted(allowed))
            message = f'unknown setting "{full}" in {e.label}'
        else:
            where = entry_words(e.path)
            message = f'unknown field "{key}" in {where}' if where else f'unknown field "{full}"'
            known = "allowed fields: " + ", ".join(allowed)
        hint = _when_hint(e.value, key, allowed) or (f'did you mean "{guess}"?' if guess else known)
        yield Finding(e.path + (key,), message, hint, full)


def _removed(spec: dict, value, path: tuple, name: str) -> Finding:
    """A field a schema no longer has (its top-level ``x-removed``): one finding with the schema's
    message and hint. With ``values`` (old value -> what to write now) and ``hint_with_values``,
    the hint names what to write for this item's own values when every one of them is known."""
    hint = str(spec.get("hint", ""))
    known = spec.get("values") or {}
    given = value if isinstance(value, list) else [value]
    if known and "hint_with_values" in spec and given and all(str(v) in known for v in given):
        hint = str(spec["hint_with_values"]).format(values=", ".join(str(known[str(v)]) for v in given))
    return Finding(path, str(spec.get("message", f'"{name}" is no longer used')), hint, name)


def _when_hint(fields: dict, key: str, allowed: list) -> str:
    """For a date or time written in fields of their own (date: 04/03/2027, time: 9.30am)
    where the type has start: the start to write, with both in one value, or ""."""
    if key not in ("date", "time") or "start" not in allowed or "start" in fields:
        return ""
    day, clock = fields.get("date"), fields.get("time")
    written = " ".join(str(part) for part in (day, clock) if part is not None)
    converted = uk_date_time(written)
    if converted and converted[1]:
        return f"the date and the time go in one field, start: write start: {converted[0]}"
    if converted:
        return f"the date and the time go in one field, start: write start: {converted[0]}T09:30 for 9.30am"
    return "the date and the time go in one field, start, as YYYY-MM-DDTHH:MM (for example 2027-03-04T09:30)"


def _type(schemas: Schemas, e: _Error):
    expected: list[str] = e.expected if isinstance(e.expected, list) else [e.expected]
    wanted = " or ".join(_KIND.get(t, t) for t in expected)
    value = e.value
    if value is None and e.required:
        hint = "fill in a value after the colon: this field is required"
    elif value is None:
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
        hint = e.custom_hint or "check the value"
    yield Finding(e.path, f"{e.label} must be {wanted}, not {describe(value)}", hint, e.name)


def _enum(schemas: Schemas, e: _Error):
    options = [str(o) for o in e.expected]
    guess = suggest(e.value, options) if isinstance(e.value, str) else None
    hint = f'did you mean "{guess}"?' if guess else "choose one of the listed values"
    yield Finding(
        e.path, f'{e.label} has "{e.value}", which is not one of: {", ".join(options)}', hint, e.name
    )


def _const(schemas: Schemas, e: _Error):
    yield Finding(e.path, f'{e.label} must be "{e.expected}"', e.custom_hint, e.name)


def impossible_date(value) -> tuple[str, str] | None:
    """(why, hint) for a value written YYYY-MM-DD that is no real day (2026-02-30, 2026-13-01),
    or None: the form is right, so the day or the month is wrong."""
    import datetime

    found = _ISO_DATE.match(value) if isinstance(value, str) else None
    if not found or len(found.group(2)) != 2 or len(found.group(3)) != 2:
        return None
    year, month, day = (int(part) for part in found.groups())
    try:
        datetime.date(year, month, day)
        return None
    except ValueError:
        pass
    names = list(_MONTHS)[:12]
    if 1 <= month <= 12:
        why = f"there is no {day} {names[month - 1].capitalize()} {year}"
    else:
        why = f"there is no month {month} (the month comes second: YYYY-MM-DD)"
    hint = "check the day and the month"
    if 1 <= day <= 12 and 1 <= month <= 31:
        try:
            swapped = datetime.date(year, day, month).isoformat()
            hint += f" (for {month} {names[day - 1].capitalize()} {year}, write {swapped})"
        except ValueError:
            pass
    return why, hint


def _format(schemas: Schemas, e: _Error):
    what, hint = _FORMAT_HELP.get(e.expected, ("is not in the right form", ""))
    impossible = impossible_date(e.value) if e.expected == "date" else None
    if impossible:
        yield Finding(e.path, f'{e.label} has "{e.value}", but {impossible[0]}', impossible[1], e.name)
        return
    iso = uk_date(e.value) if e.expected == "date" else None
    if iso:
        yield Finding(
            e.path, f'{e.label} has "{e.value}", a date in the wrong form', f"write it as {iso}", e.name
        )
        return
    converted = uk_date_time(e.value) if e.expected == "local-date-time" else None
    if converted and converted[1]:
        yield Finding(
            e.path,
            f'{e.label} has "{e.value}", a date and time in the wrong form',
            f"write it as {converted[0]}",
            e.name,
        )
        return
    if converted:
        yield Finding(
            e.path,
            f'{e.label} has "{e.value}", a date without its time',
            f"write the date and the time, as {converted[0]}T09:30 for half past nine in the morning",
            e.name,
        )
        return
    yield Finding(e.path, f'{e.label} has "{e.value}", which {what}', e.custom_hint or hint, e.name)


def _pattern(schemas: Schemas, e: _Error):
    yield Finding(
        e.path,
        f'{e.label} has "{e.value}", which is not in the expected form',
        e.custom_hint or f"it must match {e.expected}",
        e.name,
    )


def _min_length(schemas: Schemas, e: _Error):
    yield Finding(
        e.path,
        f"{e.label} is empty"
        if e.expected == 1
        else f"{e.label} is too short (at least {e.expected} characters)",
        e.custom_hint or "fill it in",
        e.name,
    )


def _max_length(schemas: Schemas, e: _Error):
    yield Finding(
        e.path,
        f"{e.label} is too long ({len(e.value)} characters; at most {e.expected})",
        e.custom_hint or "shorten it",
        e.name,
    )


def _min_items(schemas: Schemas, e: _Error):
    entries = "entry" if e.expected == 1 else "entries"
    yield Finding(
        e.path,
        f"{e.label} needs at least {e.expected} {entries}",
        e.custom_hint or "add entries, each on its own line starting with '- '",
        e.name,
    )


def _max_items(schemas: Schemas, e: _Error):  # briefings fit one page
    yield Finding(
        e.path,
        f"{e.label} has {len(e.value)} entries; at most {e.expected}",
        "keep the most important ones",
        e.name,
    )


def _unique_items(schemas: Schemas, e: _Error):
    yield Finding(
        e.path, f"{e.label} lists the same value more than once", "remove the repeated entry", e.name
    )


_BOUNDS = {
    "minimum": "at least",
    "exclusiveMinimum": "more than",
    "maximum": "at most",
    "exclusiveMaximum": "less than",
}


def _bound(schemas: Schemas, e: _Error):
    yield Finding(
        e.path, f"{e.label} is {e.value}; it must be {_BOUNDS[e.kind]} {e.expected}", e.custom_hint, e.name
    )


def _one_of(schemas: Schemas, e: _Error):
    if all("format" in option for option in e.expected):
        names = [_FORMAT_HELP.get(o["format"], ("", ""))[0].replace("is not ", "") for o in e.expected]
        yield Finding(
            e.path, f'{e.label} has "{e.value}", which is not ' + " or ".join(names), e.custom_hint, e.name
        )
        return
    yield Finding(
        e.path,
        f"{e.label} does not match any allowed form",
        e.custom_hint or e.schema.get("description", ""),
        e.name,
    )


def _not(schemas: Schemas, e: _Error):
    yield Finding(e.path, f"{e.label} is not allowed here", e.custom_hint, e.name)


def _other(schemas: Schemas, e: _Error):
    yield Finding(e.path, f"{e.label}: {e.error.message}", e.custom_hint, e.name)


#: JSON Schema keyword -> its translation into plain English (``Schemas._translate``).
_KEYWORDS = {
    "required": _required,
    "additionalProperties": _unknown_fields,
    "unevaluatedProperties": _unknown_fields,
    "type": _type,
    "enum": _enum,
    "const": _const,
    "format": _format,
    "pattern": _pattern,
    "minLength": _min_length,
    "maxLength": _max_length,
    "minItems": _min_items,
    "maxItems": _max_items,
    "uniqueItems": _unique_items,
    **dict.fromkeys(_BOUNDS, _bound),
    "oneOf": _one_of,
    "anyOf": _one_of,
    "not": _not,
}


def load_schemas(schema_dir: Path) -> Schemas:
    """Schemas for a folder, reused while the files are unchanged (``mkdocs serve`` rebuilds)."""
    schema_dir = Path(schema_dir)
    stamp = tuple(
        (f.name, f.stat().st_mtime_ns, f.stat().st_size) for f in sorted(schema_dir.glob("*.schema.yaml"))
    )
    key = (str(schema_dir.resolve()), stamp)
    loaded = SERVE_CACHE.schemas
    if key not in loaded:  # Schemas are read-only once made, so one object is shared
        loaded.clear()
        loaded[key] = Schemas(schema_dir)
    return loaded[key]
