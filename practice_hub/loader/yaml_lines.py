"""YAML loading that remembers the line of every field and list entry.

* Dates stay strings (the schema checks them as real calendar dates).
* Anchors and aliases are refused: editors never need them and they allow "alias bombs".
* A key given twice is reported instead of silently keeping the last value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

MAX_DEPTH = 40

_FLOW = re.compile(r"[\[\]{}]")
_COMPACT = re.compile(r"^[ ]*((?:[-?:][ ]+)+)")  # "- - - x": a list in a list on one line

Path = tuple  # a path into the data: keys (str) and list positions (int)


class YamlProblem(Exception):
    """A problem in YAML text, with a 1-based line relative to the text."""

    def __init__(self, line: int, message: str, hint: str = "", field: str = ""):
        super().__init__(message)
        self.line = line
        self.message = message
        self.hint = hint
        self.field = field


class _Loader(yaml.SafeLoader):
    """SafeLoader without timestamps and without aliases."""

    def compose_node(self, parent, index):  # noqa: D401 - PyYAML hook
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise YamlProblem(
                event.start_mark.line + 1,
                "YAML aliases (*name) are not supported",
                "write the value out in full instead of pointing at an anchor",
            )
        return super().compose_node(parent, index)


_NO_TIMESTAMPS = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.yaml_implicit_resolvers = _NO_TIMESTAMPS

_FastLoader: type[yaml.CSafeLoader] | None
if getattr(yaml, "__with_libyaml__", False):

    class _LibyamlLoader(yaml.CSafeLoader):
        """libyaml's parser (about ten times faster); aliases are caught while converting."""

    _LibyamlLoader.yaml_implicit_resolvers = _NO_TIMESTAMPS
    _FastLoader = _LibyamlLoader
else:  # pragma: no cover - PyYAML wheels ship libyaml
    _FastLoader = None


@dataclass
class Loaded:
    """A YAML document as plain data plus the line of each path in it."""

    data: object
    lines: dict = field(default_factory=dict)
    duplicates: list = field(default_factory=list)  # (path, line, first_line)
    # Values a comma cut short in a one-line {...} set of fields ({venue: Civic Centre, Room 2}):
    # (path of the value, its line, the value as meant): the words after the comma are put back.
    commas: list = field(default_factory=list)
    source: str = field(default="", repr=False)

    def line_of(self, path: Path, default: int = 1) -> int:
        """The line of *path*, or of its nearest parent that has one."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), default)


#: PyYAML's words (in its problem or context) -> (what is wrong, how to fix it), in plain words.
_PLAIN = {
    "mapping values are not allowed": (
        'the value on this line has ": " in it, which reads as the start of another field',
        "put the value in quotes, or check the indentation",
    ),
    "found character '\\t'": ("this line has a tab where spaces are needed", "indent with spaces, not tabs"),
    "could not find expected ':'": (
        "this line is not a field: it has no colon",
        "each field needs 'name: value'; check for a missing colon",
    ),
    "found unexpected end of stream": (
        "a quote or bracket is not closed",
        "close it at the end of the value",
    ),
    "found undefined alias": (
        "a value starts with *, which points at something that is not there",
        "write the value out in full, or put it in quotes",
    ),
    "while scanning a quoted scalar": (
        "a quote is not closed",
        "end the value with the quote it starts with",
    ),
    "expected <block end>": (
        "this line does not line up with the fields above it",
        "start it where the fields above start (a list entry: under the '- ' of its entry)",
    ),
    "did not find expected key": (
        "this line does not fit the fields around it",
        "check the indentation and any '- ' at the start of this line",
    ),
    "did not find expected '-' indicator": (
        "this list entry does not line up with the others",
        "list entries must all start with '- ' at the same indentation",
    ),
    "could not determine a constructor": (
        "a value starts with !, which is not allowed",
        "remove the tag that starts with ! before the value, or put the value in quotes",
    ),
}
_FALLBACK = "check the indentation, colons and quotes on this line and the one before"
#: The not-case-data marker (``practice_hub.safety.casedata``), in Markdown's form and in YAML's.
CASE_DATA_MARKER = "practice-hub: not-case-data"
_MARKDOWN_MARKER = re.compile(r"\s*<!--\s*practice-hub: not-case-data\s*-->")
_KEY_AND_VALUE = re.compile(r"^(\s*(?:-\s+)?[\w-]+):\s+(.+?)\s*$")


def plain_words(error: yaml.YAMLError, text: str = "", line: int = 0) -> tuple[str, str]:
    """(message, hint) for PyYAML's error in plain words; YAML's own words only for the rare
    error that has none here. A value with ": " in it is shown in quotes."""
    said = f"{getattr(error, 'context', '') or ''} {getattr(error, 'problem', '') or ''}"
    for needle, (message, hint) in _PLAIN.items():
        if needle in said:
            if needle == "mapping values are not allowed":
                lines = text.split("\n")
                if 0 < line <= len(lines) and _MARKDOWN_MARKER.search(lines[line - 1]):
                    return marker_in_field(lines[line - 1])
                written = _KEY_AND_VALUE.match(lines[line - 1]) if 0 < line <= len(lines) else None
                value = written.group(2) if written else ""
                if written and value[:1] not in "\"'[{|>" and '"' not in value:
                    hint = f'put the value in quotes: {written.group(1).strip()}: "{value}"'
            return message, hint
    problem = (getattr(error, "problem", None) or getattr(error, "context", None) or str(error)).strip()
    return f"the fields cannot be read here (YAML says: {problem})", _FALLBACK


def marker_in_field(line: str) -> tuple[str, str]:
    """(message, hint) for the not-case-data marker written in Markdown's form (an HTML comment)
    on a field's line: in YAML it is a comment after the value, and anything else is published."""
    fixed = _MARKDOWN_MARKER.sub("", line).rstrip()
    fixed = re.sub(r"\s*#\s*practice-hub: not-case-data\s*", "", fixed).rstrip()
    if fixed.endswith(('"', "'")) and fixed[-2:-1] == " ":
        fixed = fixed[:-2] + fixed[-1]  # "Quote 999 000 0018. " -> "Quote 999 000 0018."
    return (
        "the not-case-data marker is written here as an HTML comment, the form for a page's text; "
        "in a field it is a YAML comment, after the value",
        f"write the line as: {fixed.strip()} # {CASE_DATA_MARKER}",
    )


def load(text: str) -> Loaded:
    """Parse one YAML document. Raises :class:`YamlProblem` with a line for any problem.

    libyaml composes the node tree; if it reports any error, the pure-Python parser reads
    the text again, so that messages and lines are always PyYAML's familiar ones.
    """
    _check_depth(text)
    if _FastLoader is not None:
        loader = _FastLoader(text)
        failed = False
        try:
            node = loader.get_single_node()
        except yaml.YAMLError:
            failed = True
        finally:
            loader.dispose()
        if not failed and node is None:
            return Loaded(None, {(): 1})
        if not failed and node is not None:
            result = Loaded(None, source=text)
            try:
                result.data = _convert(loader, node, (), result, 0, set())
                return result
            except RecursionError:
                raise YamlProblem(
                    1, "the YAML is nested too deeply to read", "flatten the structure"
                ) from None
            except (yaml.YAMLError, ValueError, TypeError):
                pass  # read again below, for PyYAML's own message and line
    return _load_slowly(text)


def _check_depth(text: str) -> None:
    """Refuse nesting deeper than MAX_DEPTH before parsing: libyaml and PyYAML recurse
    once per level, and 25,000 ``[`` (or ``- `` on one line) crash Python with a segmentation
    fault. One pass; brackets inside quotes count too (no real file nests 40 deep)."""
    depth = 0
    for number, line in enumerate(text.split("\n"), 1):
        compact = _COMPACT.match(line)
        if compact and len(compact.group(1).split()) > MAX_DEPTH:
            raise YamlProblem(number, "the YAML is nested too deeply to read", "flatten the structure")
        if "[" not in line and "{" not in line and not depth:
            continue
        for bracket in _FLOW.finditer(line):
            depth = depth + 1 if bracket.group() in "[{" else max(depth - 1, 0)
            if depth > MAX_DEPTH:
                raise YamlProblem(number, "the YAML is nested too deeply to read", "flatten the structure")


def _load_slowly(text: str) -> Loaded:
    try:
        loader = _Loader(text)
    except yaml.reader.ReaderError as error:
        raise _reader_problem(text, error) from None
    try:
        node = loader.get_single_node()
        if node is None:
            return Loaded(None, {(): 1})
        result = Loaded(None, source=text)
        result.data = _convert(loader, node, (), result, 0, set())
        return result
    except YamlProblem:
        raise
    except yaml.reader.ReaderError as error:
        raise _reader_problem(text, error) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        undashed = _entry_without_dash(text)
        if undashed:
            raise YamlProblem(*undashed) from None
        raise YamlProblem(line, *plain_words(error, text, line)) from None
    except yaml.YAMLError as error:
        raise YamlProblem(1, *plain_words(error)) from None
    except RecursionError:
        raise YamlProblem(1, "the YAML is nested too deeply to read", "flatten the structure") from None
    except (ValueError, TypeError, OverflowError) as error:  # a tagged value PyYAML cannot build
        raise YamlProblem(
            1, f"a value could not be read: {error}", "remove any tag that starts with ! and check the values"
        ) from None
    finally:
        loader.dispose()


_TOP_LEVEL_FIELD = re.compile(r"^([A-Za-z_][\w-]*):(?:[ \t]+(.*?))?[ \t]*$")


def _entry_without_dash(text: str) -> tuple[int, str, str] | None:
    """(line, message, hint) for an entry added to a list file without its "- " (the first line
    of the new entry, "id: second-course", starts at the left edge where only "- " may): the
    first field written at the left edge after the list has begun, or None."""
    in_list = False
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.startswith("- ") or line.rstrip() == "-":
            in_list = True
            continue
        if line[:1].isspace():
            continue
        field = _TOP_LEVEL_FIELD.match(line)
        if not in_list or not field:
            return None
        written = f"- {line.strip()}"
        return (
            number,
            'this line starts a new entry without "- " in front: the entries in this file are a list, '
            'each starting with "- "',
            f'add "- " before {field.group(1)}: write "{written}", and indent the entry\'s other '
            f'fields by two spaces, to start under "{field.group(1)}"',
        )
    return None


def _reader_problem(text: str, error: yaml.reader.ReaderError) -> YamlProblem:
    line = text[: error.position].count("\n") + 1
    return YamlProblem(
        line,
        f"the text has a control character (code {error.character}) that YAML does not allow",
        "it is usually invisible: delete and retype this line",
    )


def _convert(loader, node: yaml.Node, path: Path, out: Loaded, depth: int, seen: set):
    if depth > MAX_DEPTH:
        raise YamlProblem(
            node.start_mark.line + 1, "the YAML is nested too deeply to read", "flatten the structure"
        )
    if id(node) in seen:  # the same node twice: an alias (*name) pointed back at an anchor
        raise YamlProblem(
            out.lines.get(path, node.start_mark.line + 1),
            "YAML aliases (*name) are not supported",
            "write the value out in full instead of pointing at an anchor",
        )
    seen.add(id(node))
    out.lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_object(node, deep=True)
    if isinstance(node, yaml.SequenceNode):
        values = []
        for index, child in enumerate(node.value):
            if id(child) in seen:
                out.lines[path + (index,)] = node.start_mark.line + 1
            else:
                out.lines[path + (index,)] = child.start_mark.line + 1
            values.append(_convert(loader, child, path + (index,), out, depth + 1, seen))
        return values
    if isinstance(node, yaml.MappingNode):
        mapping: dict = {}
        previous = None  # the value node of the field before
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlProblem(
                    key_line,
                    "a field name must be plain text",
                    "field names are single words such as 'title'",
                )
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise YamlProblem(
                    key_line, "YAML merge keys (<<) are not supported", "write the fields out in full"
                )
            if _cut_by_comma(node, key_node, value_node, previous, mapping, out, path):
                continue
            previous = value_node
            key = loader.construct_object(key_node)
            if not isinstance(key, str):
                key = str(key_node.value)  # "on:" stays "on", not True
            child_path = path + (key,)
            if key in mapping:
                out.duplicates.append((child_path, key_line, out.lines[child_path]))
                continue
            out.lines[child_path] = key_line
            mapping[key] = _convert(loader, value_node, child_path, out, depth + 1, seen)
        return mapping
    raise YamlProblem(node.start_mark.line + 1, "unsupported YAML", "")  # pragma: no cover


def _plain_scalar(node) -> bool:
    return isinstance(node, yaml.ScalarNode) and not node.style and node.tag == "tag:yaml.org,2002:str"


def _cut_by_comma(node, key_node, value_node, previous, mapping: dict, out: Loaded, path: Path) -> bool:
    """In a one-line {...} set of fields, words after a comma with no colon of their own
    ({venue: Civic Centre, Room 2}) are the rest of the plain value before them (*previous*, its
    node), cut short by the comma: put them back on that value and remember where, so that the
    editor is told to put it in quotes."""
    if not node.flow_style or previous is None or not mapping or not out.source:
        return False
    empty = isinstance(value_node, yaml.ScalarNode) and value_node.value == "" and not value_node.style
    if not empty or not _plain_scalar(key_node) or value_node.start_mark.index != key_node.end_mark.index:
        return False  # "Room 2:" (a field with no value) or a quoted word
    if not _plain_scalar(previous) or previous.start_mark.line != key_node.start_mark.line:
        return False
    before = list(mapping)[-1]
    whole = out.source[previous.start_mark.index : key_node.end_mark.index]
    mapping[before] = whole
    out.commas = [entry for entry in out.commas if entry[0] != path + (before,)]
    out.commas.append((path + (before,), out.lines[path + (before,)], whole))
    return True
