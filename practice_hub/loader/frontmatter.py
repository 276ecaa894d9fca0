"""Splitting a Markdown file into YAML front matter and body, keeping line numbers."""

from __future__ import annotations

from dataclasses import dataclass

from .text import TextProblem


@dataclass
class Split:
    front_matter: str | None  # None when the file has no front matter
    first_line: int  # line of the first front matter field (the line after the opening ---)
    body: str
    body_line: int  # line on which the body starts


def split(text: str) -> Split:
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return Split(None, 1, text, 1)
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            if index == len(lines) - 1:  # MkDocs needs a line break after the closing line
                raise TextProblem(
                    index + 1,
                    "the closing --- is the last thing in the file",
                    "press Enter after it: without a line break the fields would show as page text",
                )
            return Split("\n".join(lines[1:index]) + "\n", 2, "\n".join(lines[index + 1 :]), index + 2)
    raise TextProblem(
        1,
        "the front matter starts with --- but never ends",
        "add a line with just --- after the last field",
    )
