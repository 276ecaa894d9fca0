"""Items: one piece of content (a procedure, a course, a glossary term...)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..content_types import TYPES
from ..loader.yaml_lines import Loaded


@dataclass
class Item:
    type: str
    data: dict
    path: str  # source file, relative to the repository root
    line: int  # line of the entry (YAML lists) or of the front matter
    loaded: Loaded  # line numbers of the file the item came from
    prefix: tuple = ()  # where the item sits inside ``loaded``
    uri: str = ""  # page path relative to docs/ (for entries: the page that shows them)
    anchor: str = ""  # fragment on that page, for entries shown on a shared page
    body: str = ""  # Markdown body (Markdown items)
    body_line: int = 1
    from_yaml: bool = False
    related: dict = field(default_factory=dict)  # type -> sorted list of ids, filled by the graph

    @property
    def id(self) -> str:
        return str(self.data.get("id", ""))

    @property
    def title(self) -> str:
        return str(self.data.get("title") or self.data.get("term") or self.id)

    @property
    def status(self) -> str:
        return str(self.data.get("status", "current"))

    @property
    def summary(self) -> str:
        return str(
            self.data.get("summary") or self.data.get("definition") or self.data.get("description") or ""
        )

    @property
    def number(self) -> int | None:
        value = self.data.get("number")
        return value if isinstance(value, int) and not isinstance(value, bool) else None

    @property
    def sort_key(self) -> tuple:
        """Numbered items by number, then everything by title."""
        return (self.number if self.number is not None else 10**6, self.title.lower(), self.id)

    @property
    def label(self) -> str:
        return TYPES[self.type].singular if self.type in TYPES else self.type

    def line_of(self, *path) -> int:
        if not path:
            return self.line
        return self.loaded.line_of(self.prefix + tuple(path), self.line)

    def where(self) -> str:
        return f"{self.path}:{self.line}"


def of_type(items, type_name: str) -> list[Item]:
    """The items of one content type (or data file), in the order given: the one way to select
    by type, so that code elsewhere never compares type names itself."""
    return [item for item in items if item.type == type_name]
