"""Unfinished content never publishes: the placeholders ``new`` writes, refused once published.

``practice-hub new`` writes a file (or a list entry) that passes ``check`` at once: each field
the editor must fill in holds a valid placeholder value, with a ``# TODO:`` note after it saying
what to write, and the body says to replace it; the item starts as ``status: draft``, so nothing
of it is published. The same words are refused in anything that would be published (every status
but ``draft``), at the line that holds them, saying what to write there. ``new`` takes its
placeholders from this module, so the two can never drift apart (``tests/unit/test_placeholders.py``
sets everything ``new`` writes, for every type, to ``current`` and expects every such line refused).

Sites made by ``start`` before this check carried "Replace this example with..." in each worked
example's summary (and "Replace this page with..." on the about page): they are refused too, as
the example text written by ``start``; ``start`` now writes complete fictional examples.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..problems import Problem, field_words
from ..schema import Schemas, field_name
from .items import Item

#: The text ``new`` writes in every text field the editor must fill in.
TEXT = "Replace this text"
#: The web address ``new`` writes in every web address field.
WEB_ADDRESS = "https://example.org/replace-this"
#: The email address ``new`` writes in every email field.
EMAIL = "replace-this@example.org"
#: The note ``new`` writes after each field to fill in: ``owner: "Replace this text"  # TODO: ...``.
TODO = "TODO:"
#: How the body ``new`` writes begins: "Replace this paragraph with the procedure's text."
BODY = "Replace this paragraph with"

#: Every placeholder ``new`` writes, as (the words, who wrote them).
NEW_WRITES = ((TEXT, "new"), (WEB_ADDRESS, "new"), (EMAIL, "new"), (BODY, "new"))
#: What ``start`` wrote in its examples before they were complete fictional examples.
START_WROTE = (("Replace this example with", "start"), ("Replace this page with", "start"))
PLACEHOLDERS = NEW_WRITES + START_WROTE

# A note after a value (as new writes it), never a comment line of its own: a council's own
# "# TODO: add the spring courses" between entries is not new's.
_TODO_NOTE = re.compile(r"\S\s+#\s*TODO\b:?\s*(.*)$")
_CODE_SPAN = re.compile(r"(`+).*?\1")
_FENCE = re.compile(r"^\s*(```|~~~)")
_QUOTED = re.compile(r"\"(?:[^\"\\]|\\.)*\"|'(?:[^']|'')*'")
_KEY = re.compile(r"^\s*(?:-\s+)?([A-Za-z_][\w-]*)\s*:")


def placeholder_in(text: str) -> tuple[str, str] | None:
    """(the placeholder, "new" or "start") that *text* holds, or None."""
    for words, author in PLACEHOLDERS:
        if words in text:
            return words, author
    return None


def published(item: Item) -> bool:
    """Anything but a draft is published (an item of a type with no status always is)."""
    return item.status != "draft"


def _leaves(value, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, inner in value.items():
            yield from _leaves(inner, path + (key,))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from _leaves(inner, path + (index,))


def _what_to_write(schemas: Schemas, item: Item, path: tuple) -> str:
    """What the schema says belongs in the field at *path* (its own description, else its
    nearest parent's), as "write ..."."""
    keys = [part for part in path if isinstance(part, str)]
    for depth in range(len(keys), 0, -1):
        try:
            props = schemas.properties(item.type, tuple(_schema_path(path, keys[depth - 1])))
        except (KeyError, AttributeError):
            continue
        about = str(props.get(keys[depth - 1], {}).get("description", "")).strip()
        if about:
            first = about.split(". ")[0].rstrip(".")
            word = first.split(" ", 1)[0]
            return "write " + (first if word.isupper() and len(word) > 1 else first[0].lower() + first[1:])
    return f"write {field_words(path) or 'the ' + field_name(path)} in your own words"


def _schema_path(path: tuple, key: str) -> list[str]:
    """The schema path (``*`` for list positions) of the object that holds *key* in *path*."""
    out: list[str] = []
    for part in path:
        if part == key:
            return out
        out.append("*" if isinstance(part, int) else part)
    return out


def unfinished(item: Item, lines: list[str], first: int, last: int, schemas: Schemas) -> list[Problem]:
    """The placeholders a published *item* still holds: in its values, as ``# TODO:`` notes on
    the lines *first* to *last* (1-based, its fields), and in its body."""
    if not published(item):
        return []
    found: dict[int, Problem] = {}
    until = "until then, keep status: draft"

    def add(line: int, message: str, hint: str, field: str = "") -> None:
        found.setdefault(line, Problem(item.path, line, message, hint, item.type, field))

    for path, value in _leaves(item.data):
        held = placeholder_in(value)
        if held is None or not path:
            continue
        words, author = held
        shown = words if value.strip() == words else f"{words}..."
        add(
            item.line_of(*path),
            f'{field_words(path) or field_name(path)} still says "{shown}", a placeholder written by {author}',
            f"{_what_to_write(schemas, item, path)}; {until}",
            str(path[0]),
        )
    for number in range(first, min(last, len(lines)) + 1):
        note = _TODO_NOTE.search(_QUOTED.sub('""', lines[number - 1]))
        if note is None or number in found:
            continue
        key = _KEY.match(lines[number - 1])
        what = f"{key.group(1)} still has" if key else "this line still has"
        add(
            number,
            f'{what} the note "# TODO: {note.group(1).strip()}" written by new',
            f"check that the value is right, then delete the note, from # to the end of the line; {until}",
            key.group(1) if key else "",
        )
    fenced = False
    for offset, text in enumerate(item.body.split("\n")):
        if _FENCE.match(text):
            fenced = not fenced
        held = None if fenced else placeholder_in(_CODE_SPAN.sub("", text))  # quoted as code: shown
        if held is None:
            continue
        words, author = held
        add(
            item.body_line + offset,
            f'the page still says "{words}...", a placeholder written by {author}',
            f"write the {item.label}'s own text in its place; {until}",
        )
    return list(found.values())


def in_file(lines: list[str], items: list[Item], schemas: Schemas) -> list[Problem]:
    """Every placeholder left in the published items of one file (its text as *lines*)."""
    problems: list[Problem] = []
    entries = sorted((item for item in items if item.from_yaml), key=lambda item: item.line)
    for index, item in enumerate(entries):
        last = entries[index + 1].line - 1 if index + 1 < len(entries) else len(lines)
        problems += unfinished(item, lines, item.line, last, schemas)
    for item in items:
        if not item.from_yaml:
            problems += unfinished(item, lines, 1, item.body_line - 1, schemas)
    return problems
