"""Problems found in content: one fixed format, collected, then reported once."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

ERROR = "error"
WARNING = "warning"


def _singular(key: str) -> str:
    words = str(key).replace("_", " ")
    if words.endswith("ies"):
        return words[:-3] + "y"
    if words.endswith("s") and not words.endswith("ss"):
        return words[:-1]
    return words


def field_words(path) -> str:
    """How a message names a value inside a list, as editors count (from 1): "session 1's venue",
    "step 2's procedures", "entry 1 of categories"; "" for a path with no list position (named as
    ``field "booking.contact"``). The path itself (``sessions[1].venue``) stays for programs."""
    if not any(isinstance(part, int) for part in path):
        return ""
    if len(path) > 1 and isinstance(path[-1], int) and isinstance(path[-2], str):
        # a value of a list of words: "entry 2 of standards", "step 2's procedures, entry 1"
        key, number = str(path[-2]).replace("_", " "), path[-1] + 1
        before = _chain(path[:-2])
        return f"{before}'s {key}, entry {number}" if before else f"entry {number} of {key}"
    return _chain(path)


def entry_words(path) -> str:
    """How a message names a set of fields in a list ("session 1", "step 2"), or "" outside a list."""
    return _chain(path) if any(isinstance(part, int) for part in path) else ""


def _chain(path) -> str:
    """ "session 1's venue": each list position after the singular of its list's name."""
    pieces: list[str] = []
    pending: list[str] = []
    for part in path:
        if isinstance(part, int):
            key = pending.pop() if pending else "entry"
            if pending:
                pieces.append(".".join(pending))
            pieces.append(f"{_singular(key)} {part + 1}")
            pending = []
        else:
            pending.append(str(part))
    if pending:
        pieces.append(".".join(pending))
    return "'s ".join(pieces)


@dataclass(frozen=True)
class Problem:
    """One thing an editor must fix, pinned to a file and line."""

    path: str
    line: int
    message: str
    hint: str = ""
    type: str = ""
    field: str = ""
    severity: str = ERROR
    column: int = 0  # 1-based, for problems pinned to a character (0: the whole line)
    # An advisory warning (a golden-thread gap or an overdue review while its *_are_errors setting
    # is false) is shown everywhere but never fails a build, not even `mkdocs build --strict`.
    advisory: bool = False

    def __str__(self) -> str:
        where = f"{self.line}:{self.column}" if self.column else f"{self.line}"
        text = f"{self.path}:{where}: {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.message)

    def as_json(self) -> dict:
        optional = ({"column": self.column} if self.column else {}) | (
            {"advisory": True} if self.advisory else {}
        )
        return optional | {
            "path": self.path,
            "line": self.line,
            "severity": self.severity,
            "type": self.type,
            "field": self.field,
            "message": self.message,
            "hint": self.hint,
        }


@dataclass
class Problems:
    """Collects problems in any order and hands them back sorted and de-duplicated."""

    items: list[Problem] = field(default_factory=list)

    def add(
        self,
        path: str,
        line: int,
        message: str,
        hint: str = "",
        *,
        type: str = "",
        field: str = "",
        severity: str = ERROR,
        column: int = 0,
        advisory: bool = False,
    ) -> None:
        self.items.append(
            Problem(
                path,
                max(int(line), 1),
                message,
                hint,
                type,
                field,
                severity,
                column,
                advisory and severity == WARNING,
            )
        )

    def about(self, item, field: str, message: str, hint: str = "", **options) -> None:
        """A problem with one field of an item (anything with ``path``, ``type``, ``line`` and
        ``line_of``): pinned to that field's line, or the item's own line when ``field`` is ""."""
        line = item.line_of(field) if field else item.line
        self.add(item.path, line, message, hint, type=item.type, field=field, **options)

    def extend(self, problems: Iterable[Problem]) -> None:
        self.items.extend(problems)

    def sorted(self) -> list[Problem]:
        return sorted(set(self.items), key=Problem.sort_key)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.sorted() if p.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.sorted() if p.severity == WARNING]

    @property
    def counted_warnings(self) -> list[Problem]:
        """Warnings that fail a strict build (``mkdocs build --strict``, ``check --strict``)."""
        return [p for p in self.warnings if not p.advisory]


def advisory(as_errors: bool) -> dict:
    """Keyword arguments for Problems.add: an error when the setting says so, else an advisory warning."""
    return {"severity": ERROR} if as_errors else {"severity": WARNING, "advisory": True}


def github_escape(text: str, *, property: bool = False) -> str:
    """Escape a GitHub Actions workflow command's message (or, with property=True, a property value)."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def github_annotation(problem: Problem) -> str:
    """``::error file=docs/x.md,line=12::message (hint)``: GitHub marks that line in the pull request."""
    kind = "error" if problem.severity == ERROR else "warning"
    where = f"file={github_escape(problem.path, property=True)},line={problem.line}"
    if problem.column:
        where += f",col={problem.column}"
    message = problem.message + (f" ({problem.hint})" if problem.hint else "")
    return f"::{kind} {where}::{github_escape(message)}"


def summary(errors: list[Problem], warnings: list[Problem] | None = None) -> str:
    """The one closing line: how many problems, in how many files."""
    warnings = warnings or []
    files = len({p.path for p in errors})
    them = "it" if len(errors) == 1 else "them"
    text = f"{plural(len(errors), 'problem')} in {plural(files, 'file')}: fix {them}, then run check again"
    if warnings:
        text += f" ({plural(len(warnings), 'warning')} too)"
    return text


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
