"""The content graph: unique ids, resolved cross-references and the related map.

Links are declared once (a standard names its audit sections, a course names its
standards...) and the graph records every edge at both ends.
"""

from __future__ import annotations

import posixpath
import re
from collections import defaultdict
from collections.abc import Callable
from collections.abc import Set as AbstractSet

from ..content_types import DATA_DIR, DATA_FILE_OF, TYPES, schema_of
from ..problems import Problems, field_words
from ..schema import Schemas, field_name, suggest
from .items import Item


def a(noun: str) -> str:
    """'an audit section', 'a course'."""
    return ("an " if noun[:1].lower() in "aeiou" else "a ") + noun


_NOT_WORD = re.compile(r"[^a-z0-9]+")


def _words(text: str) -> str:
    return _NOT_WORD.sub("-", text.lower()).strip("-")


def _id_hint(value: str, candidates: list[Item], target: str) -> str:
    """'did you mean "..."?' for an id that names no item of the type: the nearest id, else the
    item whose title or file name it is (an id written from a page's title, "home-visits" for the
    page "Home visits" whose id is example-procedure), else where the ids are."""
    guess = suggest(value, [item.id for item in candidates])
    if guess:
        return f'did you mean "{guess}"?'
    names: dict[str, Item] = {}
    for item in candidates:
        names.setdefault(_words(item.title), item)
        names.setdefault(_words(posixpath.splitext(posixpath.basename(item.path))[0]), item)
    named = suggest(_words(value), names)
    if named:
        item = names[named]
        return f'did you mean "{item.id}"? It is the id of "{item.title}" ({item.path}): use the id, not the title'
    return f"check the id in docs/{TYPES[target].folder}/"


def _names(words: str, field: str, value: str) -> str:
    """The start of a message about a value that names another item: 'field "standards" names
    "x", which is', or 'in step 2's procedures, "x" is' for a value inside a list."""
    return f'in {words}, "{value}" is' if words else f'field "{field}" names "{value}", which is'


def values_at(data, pattern: tuple, path: tuple = ()):
    """Yield (value, path) for a pattern of keys where "*" means every list entry."""
    if not pattern:
        yield data, path
        return
    head, rest = pattern[0], pattern[1:]
    if head == "*":
        if isinstance(data, list):
            for index, entry in enumerate(data):
                yield from values_at(entry, rest, path + (index,))
    elif isinstance(data, dict) and head in data:
        yield from values_at(data[head], rest, path + (head,))


def check_unique(
    items: list[Item],
    problems: Problems,
    what: str = "id",
    newness: Callable[[str], int] | None = None,
) -> dict[str, Item]:
    """Each id to its one item; every other item with the same id is a problem. The item kept is
    the one that is least new by *newness* (git: unchanged before changed before new, see
    ``structure.edited``), and among equals the first in reading order (path, then line): so the
    page an editor has just made or changed is the one told to change its id, never a published
    page that links may already use. Without git, the later file (by path) is told."""
    groups: dict[str, list[Item]] = {}
    for item in items:
        groups.setdefault(item.id, []).append(item)
    seen: dict[str, Item] = {}
    for identity, group in groups.items():
        keeper = group[0]
        if len(group) > 1 and newness is not None:
            keeper = min(group, key=lambda item: newness(item.path))  # min keeps the first of equals
        seen[identity] = keeper
        for item in group:
            if item is keeper:
                continue
            where = f"line {keeper.line_of('id')}" if keeper.path == item.path else keeper.path
            newer = newness is not None and newness(item.path) > newness(keeper.path)
            problems.about(
                item,
                "id",
                f'{what} "{item.id}" is already used by {keeper.path}:{keeper.line_of("id")}',
                f"give this one another {what}: leave {where} as it is, since pages and links may "
                f"already use its {what}"
                if newer
                else f"give the newer of the two another {what}, and leave the other as it is, since "
                f"pages and links may already use its {what}",
            )
    return seen


def resolve(
    items: list[Item],
    data_entries: dict[str, dict[str, Item]],
    schemas: Schemas,
    problems: Problems,
    drafts_published: bool = False,
    unread: AbstractSet[str] = frozenset(),
):
    """Check every cross-reference and fill ``item.related`` in both directions."""
    by_id = {item.id: item for item in items}
    related: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    for item in items:
        for ref in schemas.refs(schema_of(item.type)):
            for value, path in values_at(item.data, ref.path):
                if not isinstance(value, str):
                    continue  # the schema check already reported it
                line = item.line_of(*path)
                field = field_name(path[:-1] if path and isinstance(path[-1], int) else path)
                words = field_words(path[:-1] if path and isinstance(path[-1], int) else path)
                entries = data_entries.get(ref.target)  # a site-wide data file's entries (tags)
                if entries is not None:
                    if value not in entries:
                        guess = suggest(value, entries)
                        where = f"docs/{DATA_DIR}/{DATA_FILE_OF[ref.target]}"
                        problems.add(
                            item.path,
                            line,
                            f"{_names(words, field, value)} not a {ref.target} in {where}",
                            f'did you mean "{guess}"?'
                            if guess
                            else f"use a {ref.target} from {where}, or add the {ref.target} there first",
                            type=item.type,
                            field=field,
                        )
                    continue
                target = by_id.get(value)
                label = TYPES[ref.target].singular
                if target is None and value in unread:
                    continue  # its file has problems of its own, reported there
                if target is None:
                    hint = _id_hint(value, [i for i in items if i.type == ref.target], ref.target)
                    problems.add(
                        item.path,
                        line,
                        f"{_names(words, field, value)} not the id of any {label}",
                        hint,
                        type=item.type,
                        field=field,
                    )
                    continue
                if target.type != ref.target:
                    problems.add(
                        item.path,
                        line,
                        f"{_names(words, field, value)} {a(target.label)}, not {a(label)}",
                        f"use the id of {a(label)}",
                        type=item.type,
                        field=field,
                    )
                    continue
                if target.status == "draft" and item.status != "draft" and not drafts_published:
                    problems.add(
                        item.path,
                        line,
                        f'field "{field}" names "{value}", which is a draft and will not be published',
                        "publish it first (status: current), or remove the reference until it is",
                        type=item.type,
                        field=field,
                    )
                    continue
                if target is item:
                    problems.add(
                        item.path,
                        line,
                        f'field "{field}" names the item itself',
                        "remove it",
                        type=item.type,
                        field=field,
                    )
                    continue
                related[item.id][target.type].add(target.id)
                related[target.id][item.type].add(item.id)
    for item in items:
        item.related = {kind: sorted(ids) for kind, ids in sorted(related[item.id].items())}
    return by_id
