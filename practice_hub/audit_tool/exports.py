"""Reading one exported audit (Export JSON) without trusting it.

Every check happens before any field is used, and any JSON value at all ends in either an audit
that has the exported shape or a plain message, never an exception:

1. size: a file over MAX_IMPORT_BYTES is refused before it is read (and read no further than that);
2. text: UTF-8, a byte order mark allowed (as browsers and the content files allow it);
3. nesting: an iterative scan refuses more than MAX_DEPTH levels before ``json.loads`` (which
   recurses, and raises RecursionError on ``[`` * 100000); the same scan finds each value's line
   and duplicate keys, which ``json.loads`` would silently resolve to the last one;
4. JSON: NaN and Infinity are refused (they are not JSON); numbers too long for Python's int
   become floats, so they fail the shape like any other wrong number;
5. version: an export of version 1 (before stable ids) is refused, asking for it to be opened in
   the tool and exported again;
6. shape: content_schema/audit_export.schema.yaml, told in plain words with the field and line;
7. the audit rules R1-R8 (rules.py), which need the site's facts (``AuditRules``).

Messages follow the project's form ``path:line: field: message (hint)``, or ``path: message`` where
no line is known.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .rules import AuditRules

FORMAT = "practice-hub-audit"  # an exported audit's "format", which the tool page also writes
VERSION = 2
MAX_IMPORT_BYTES = 1_000_000
MAX_DEPTH = 10  # an exported audit is 5 levels deep: audit, sections, section, looks_for, point
SHAPE_DEPTH = 5
MAX_PROBLEMS = 10  # per file: a file wrong everywhere says so in ten lines, then counts the rest
_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[{}\[\]:,]|[^\s{}\[\]:,"]+|"', re.S)
_CONSTANTS = {"NaN", "Infinity", "-Infinity"}
_KINDS = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list",
    "object": "an object ({...})",
    "null": "null",
}


class Refused(Exception):
    """One file refused: its problem lines, each already in the project's form."""

    def __init__(self, lines: list[str]):
        super().__init__(lines[0] if lines else "")
        self.lines = lines


@dataclass
class Scan:
    """What the iterative scan found: each value's line by path, and what JSON cannot say."""

    lines: dict[tuple, int] = field(default_factory=dict)
    too_deep: int = 0  # the line where nesting passed MAX_DEPTH, 0 if never
    duplicates: list[tuple[tuple, str, int]] = field(default_factory=list)
    constants: list[tuple[tuple, str, int]] = field(default_factory=list)


def scan(text: str) -> Scan:
    """One pass over the tokens, with an explicit stack: never recursion, whatever the nesting.

    On text that is not JSON the result may be partial; ``json.loads`` then says what is wrong."""
    out = Scan()
    stack: list[list] = []  # [kind "o" or "a", key or index, keys seen, expecting a key]
    line, last = 1, 0
    for match in _TOKEN.finditer(text):
        start, token = match.start(), match.group()
        line += text.count("\n", last, start)
        last = start
        top = stack[-1] if stack else None
        if token in ",:":
            if top is not None and token == ",":
                if top[0] == "a":
                    top[1] += 1
                else:
                    top[3] = True
            elif top is not None:
                top[3] = False
            continue
        if token in "]}":
            if stack:
                stack.pop()
            continue
        if token == '"':
            break  # a string that never ends: not JSON
        if top is not None and top[0] == "o" and top[3] and token.startswith('"'):
            try:
                key = json.loads(token)
            except ValueError:
                key = token[1:-1]
            if key in top[2]:
                out.duplicates.append((tuple(e[1] for e in stack[:-1]), key, line))
            top[2].add(key)
            top[1], top[3] = key, False
            continue
        path = tuple(e[1] for e in stack)
        out.lines.setdefault(path, line)
        if token in "[{":
            if len(stack) >= MAX_DEPTH:
                out.too_deep = line
                return out
            stack.append(["a", 0, None, False] if token == "[" else ["o", None, set(), True])
        elif token in _CONSTANTS:
            out.constants.append((path, token, line))
    return out


def where(path: Iterable) -> str:
    """sections[2].looks_for[0].note; the whole file is ``(the whole file)``."""
    text = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path).lstrip(".")
    return text or "(the whole file)"


def describe(value) -> str:
    """What a value is, in words, with a short quotation of text and numbers."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value != value:  # pragma: no cover - NaN is refused before
        return "NaN"
    if isinstance(value, float) and value in (float("inf"), float("-inf")):
        return "a number too large to be read"
    if isinstance(value, (int, float)):
        text = repr(value) if isinstance(value, float) else str(value)
        if len(text) > 20:
            text = text[:17] + "..."
        return f"the number {text}"
    if isinstance(value, str):
        return f"the text {quote(value)}" if value else "empty text"
    if isinstance(value, list):
        return f"a list of {len(value)}" if value else "an empty list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__  # pragma: no cover - json gives nothing else


def quote(text: str, limit: int = 40) -> str:
    shown = json.dumps(text[:limit] + ("..." if len(text) > limit else ""), ensure_ascii=False)
    return shown


def _choices(values: list) -> str:
    named = [json.dumps(v) for v in values if v != ""]
    text = ", ".join(named)
    return text + (" or empty" if "" in values else "")


def _plain(error) -> tuple[tuple, str, str]:
    """(path, message, hint) for one jsonschema error, in words, quoting no more than 40 characters."""
    path = tuple(error.absolute_path)
    kind, value, schema, instance = error.validator, error.validator_value, error.schema, error.instance
    if kind == "type":
        kinds = value if isinstance(value, list) else [value]
        expected = " or ".join(_KINDS.get(k, k) for k in kinds)
        return path, f"expected {expected}, found {describe(instance)}", ""
    if kind == "const":
        return path, f"expected {json.dumps(value)}, found {describe(instance)}", ""
    if kind == "enum":
        return path, f"{describe(instance)} is not one of the choices", f"expected {_choices(value)}"
    if kind == "required":
        missing = [name for name in value if name not in instance]
        return path, "missing " + ", ".join(f'"{m}"' for m in missing), ""
    if kind == "additionalProperties":
        known = schema.get("properties", {})
        extra = [k for k in instance if k not in known]
        shown = ", ".join(quote(k) for k in extra[:3]) + (
            f" and {len(extra) - 3} more" if len(extra) > 3 else ""
        )
        return (
            path,
            f"unknown field{'s' if len(extra) > 1 else ''} {shown}",
            (
                "an exported audit has only " + ", ".join(known)
                if len(known) <= 8
                else ("remove them" if len(extra) > 1 else "remove it")
            ),
        )
    if kind == "maxLength":
        return path, f"longer than {value:,} characters ({len(instance):,})", ""
    if kind == "minLength":
        return path, "is empty", "it must be filled in"
    if kind == "maxItems":
        return path, f"has more than {value} entries ({len(instance)})", ""
    if kind == "minItems":
        return path, "has no entries", f"it needs at least {value}"
    if kind == "format" and value == "date":
        return path, f"{describe(instance)} is not a date", "write it as YYYY-MM-DD, for example 2026-11-02"
    message = error.message
    return path, message if len(message) <= 200 else message[:197] + "...", ""


@dataclass
class Reader:
    """Reads exports with the schema's validator, then the audit rules of ``rules``: the site's
    facts, or a function giving them (asked once, only when a file gets that far). Without
    rules only the shape is checked."""

    validator: object
    rules: AuditRules | Callable[[], AuditRules] | None = None
    _rules: AuditRules | None = None

    def site_rules(self) -> AuditRules | None:
        if self._rules is None and self.rules is not None:
            self._rules = self.rules if isinstance(self.rules, AuditRules) else self.rules()
        return self._rules

    def read(self, path: Path) -> dict:
        """The audit in the file at path, or Refused with its problem lines."""
        raw = _read_bytes(path)
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = raw[: error.start].count(b"\n") + 1
            raise Refused(
                [
                    f"{path}:{line}: not UTF-8 text (byte 0x{raw[error.start]:02x} cannot be read) "
                    "(an exported audit is UTF-8: export it again, or save it as UTF-8)"
                ]
            ) from None
        found = scan(text)
        if found.too_deep:
            raise Refused(
                [
                    f"{path}:{found.too_deep}: nested more than {MAX_DEPTH} levels deep "
                    f"(an exported audit is never more than {SHAPE_DEPTH} levels deep)"
                ]
            )
        try:
            data = json.loads(text, parse_constant=_no_constant, parse_int=_int_or_float)
        except json.JSONDecodeError as error:
            raise Refused([f"{path}:{error.lineno}: not valid JSON ({error.msg})"]) from None
        except _Constant:
            spot, token, line = found.constants[0] if found.constants else ((), "NaN", 0)
            at = f":{line}" if line else ""
            raise Refused(
                [
                    f"{path}{at}: {where(spot)}: {token} is not allowed in JSON (write a number, or leave it out)"
                ]
            ) from None
        except (
            RecursionError,
            ValueError,
            MemoryError,
        ) as error:  # belt and braces: the scan should stop these
            raise Refused([f"{path}: cannot be read as JSON ({error.__class__.__name__})"]) from None
        self._check(path, data, found)
        return data

    def _check(self, path: Path, data, found: Scan) -> None:
        def at(spot: tuple, message: str, hint: str = "") -> str:
            # A field not written (a missing one) is told at the line of the object that lacks it.
            near = next((spot[:n] for n in range(len(spot), 0, -1) if spot[:n] in found.lines), ())
            line = found.lines.get(near)
            head = f"{path}:{line}" if line and near else f"{path}"
            field = f"{where(spot)}: " if spot else ""
            return f"{head}: {field}{message}" + (f" ({hint})" if hint else "")

        if found.duplicates:
            raise Refused(
                [
                    f"{path}:{line}: {where(spot) + ': ' if spot else ''}the field {quote(key)} appears more than once "
                    "(JSON readers keep only one of them: remove the others)"
                    for spot, key, line in found.duplicates[:MAX_PROBLEMS]
                ]
            )
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise Refused(
                [
                    f"{path}: format: not an audit exported by the case-file audit tool "
                    f'(expected "format": "{FORMAT}")'
                ]
            )
        if data.get("version") == 1 and not isinstance(data.get("version"), bool):
            raise Refused(
                [
                    at(
                        ("version",),
                        "an export from an older version of the audit tool (version 1), which cannot be counted",
                        "open it in this site's audit tool (Import) and export it again",
                    )
                ]
            )
        errors = sorted(self.validator.iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path])
        typed = {tuple(e.absolute_path) for e in errors if e.validator == "type"}
        # A value of the wrong type says so once, not again for each rule about its value.
        errors = [e for e in errors if e.validator == "type" or tuple(e.absolute_path) not in typed]
        problems = [at(*_plain(error)) for error in errors]
        rules = self.site_rules() if not problems else None
        if rules is not None:
            problems = [at(spot, message, hint) for spot, message, hint in rules.problems(data)]
        if problems:
            more = len(problems) - MAX_PROBLEMS
            raise Refused(
                problems[:MAX_PROBLEMS] + ([f"{path}: ... and {more} more problems"] if more > 0 else [])
            )


class _Constant(ValueError):
    pass


def _no_constant(token: str):
    raise _Constant(token)


def _int_or_float(text: str):
    """Python refuses to turn more than 4,300 digits into an int: such a number is a float (inf)."""
    return int(text) if len(text) <= 100 else float(text)


def _read_bytes(path: Path) -> bytes:
    """The file's bytes, refusing before reading what is not a file or is over the limit."""
    limit = f"{MAX_IMPORT_BYTES:,} bytes"
    try:
        if not path.is_file():
            what = "no such file" if not path.exists() else "not a file"
            raise Refused([f"{path}: {what} (give exported audits (.json) or a folder of them)"])
        if path.stat().st_size > MAX_IMPORT_BYTES:
            raise Refused([f"{path}: the file is larger than {limit}, too large to be an exported audit"])
        with path.open("rb") as handle:
            raw = handle.read(MAX_IMPORT_BYTES + 1)
    except OSError as error:
        raise Refused([f"{path}: cannot be read ({error.strerror or error.__class__.__name__})"]) from None
    if len(raw) > MAX_IMPORT_BYTES:  # it grew since, or reports no size (a device)
        raise Refused([f"{path}: the file is larger than {limit}, too large to be an exported audit"])
    return raw


def export_files(paths: list[Path]) -> list[Path]:
    """The files named, each folder's *.json in name order."""
    files: list[Path] = []
    for path in paths:
        try:
            folder = path.is_dir()
        except OSError:
            folder = False  # the name cannot be a file either: reading it says why
        files.extend(sorted(path.glob("*.json")) if folder else [path])
    return files
