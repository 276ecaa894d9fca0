"""The home page: where the front door's blocks (renderer/front_door.py) go."""

from __future__ import annotations

HOME_URI = "index.md"


def under_title(markdown: str, block: str) -> str:
    """Put *block* straight after the page's first level-one heading (or at the top)."""
    lines = markdown.split("\n")
    for index, line in enumerate(lines):
        if line.startswith("# "):
            return "\n".join(lines[: index + 1] + ["", block, ""] + lines[index + 1 :])
    return block + "\n\n" + markdown
