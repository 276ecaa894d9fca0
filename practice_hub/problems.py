"""Problems found in content: one fixed format, collected, then reported once."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

ERROR = "error"
WARNING = "warning"


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

    def __str__(self) -> str:
        where = f"{self.line}:{self.column}" if self.column else f"{self.line}"
        text = f"{self.path}:{where}: {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.message)

    def as_json(self) -> dict:
        return ({"column": self.column} if self.column else {}) | {
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

    def add(self, path: str, line: int, message: str, hint: str = "", *, type: str = "",
            field: str = "", severity: str = ERROR, column: int = 0) -> None:
        self.items.append(Problem(path, max(int(line), 1), message, hint, type, field, severity, column))

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


def summary(errors: list[Problem], warnings: list[Problem] | None = None) -> str:
    """The one closing line: how many problems, in how many files."""
    warnings = warnings or []
    files = len({p.path for p in errors})
    them = "it" if len(errors) == 1 else "them"
    text = f"{plural(len(errors), 'problem')} in {plural(files, 'file')}: fix {them} and build again"
    if warnings:
        text += f" ({plural(len(warnings), 'warning')} too)"
    return text


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
