"""Checks on practice tools: the downloads they name exist."""

from __future__ import annotations

import posixpath
from pathlib import Path

from ..content_types import TOOL
from .items import Item, of_type


def check_tool_files(items: list[Item], docs_dir: Path, problems) -> None:
    for item in of_type(items, TOOL):
        file = item.data.get("file")
        if not isinstance(file, str) or not file.startswith("files/"):
            continue
        target = docs_dir / posixpath.dirname(item.uri) / file
        if not target.is_file():
            problems.about(
                item,
                "file",
                f'field "file" names {file}, which is not in docs/{posixpath.dirname(item.uri)}/files/',
                "add the file there, or correct the file name",
            )
