"""Tag pages from the controlled vocabulary, crossing content types."""

from __future__ import annotations

from collections import defaultdict

from ..content_types import TYPES
from ..structure.items import Item
from ..text import bullet_list, esc, link

TAGS_DIR = "tags"


def tag_uri(tag_id: str) -> str:
    return f"{TAGS_DIR}/{tag_id}.md"


def tagged(items: list[Item]) -> dict[str, list[Item]]:
    """Each topic's items, in the order given; an item with a topic in both ``tags`` and
    ``topics`` is listed once. (Each item is asked for its own topics once, not compared with
    every item already listed: that grew with the square of a topic's items.)"""
    by_tag: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        if item.status == "archived":
            continue
        topics = (item.data.get("tags") or []) + (item.data.get("topics") or [])
        for tag in dict.fromkeys(tag for tag in topics if isinstance(tag, str)):
            by_tag[tag].append(item)
    return by_tag


def tag_pages(tags: dict[str, Item], items: list[Item]) -> dict[str, str]:
    by_tag = tagged(items)
    pages = {}
    index = [
        "---",
        "title: Topics",
        "---",
        "",
        "# Topics",
        "",
        "Everything on the site about a topic, whatever its type.",
        "",
    ]
    lines = []
    for tag_id, tag in sorted(tags.items(), key=lambda pair: str(pair[1].data.get("label", "")).lower()):
        label = str(tag.data.get("label", tag_id))
        members = by_tag.get(tag_id, [])
        lines.append(f"{link(f'{TAGS_DIR}/index.md', tag_uri(tag_id), label)} ({len(members)})")
        out = ["---", f'title: "{label}"', "---", "", f"# {esc(label)}", ""]
        if tag.data.get("description"):
            out += [esc(tag.data["description"]), ""]
        groups: dict[str, list[Item]] = defaultdict(list)
        for item in members:
            groups[item.type].append(item)
        for type_name, content_type in TYPES.items():
            if groups.get(type_name):
                out += [f"## {content_type.label}", ""]
                out.append(
                    bullet_list(
                        [
                            link(tag_uri(tag_id), i.uri, i.title, i.anchor)
                            + (f": {esc(i.summary)}" if i.summary else "")
                            for i in sorted(groups[type_name], key=lambda i: i.title.lower())
                        ]
                    )
                )
        if not members:
            out.append("Nothing is tagged with this topic yet.\n")
        pages[tag_uri(tag_id)] = "\n".join(out) + "\n"
    pages[f"{TAGS_DIR}/index.md"] = "\n".join(index + [bullet_list(lines)])
    return pages
