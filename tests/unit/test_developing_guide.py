"""DEVELOPING.md, the guide for the next engineer, names only files and folders that exist."""

from __future__ import annotations

import re

from helpers import REPO

GUIDE = REPO / "DEVELOPING.md"
# A path in backticks: folders and files of the repository ("practice_hub/site.py", "hooks/",
# "tests/unit/test_architecture.py::..."), not commands, URLs or patterns with placeholders.
PATH = re.compile(
    r"`([A-Za-z0-9_.\-]+(?:/[A-Za-z0-9_.\-]*)+|[A-Za-z0-9_\-]+\.(?:py|md|yml|yaml|toml|json|js|css|html|lock))`"
)
PLACEHOLDER = re.compile(r"[<>{}*]|X\.Y\.Z|0\.3\.0|FOLDER")
NOT_FILES = (
    "dist/",
    "site/",
    "http",
    "test-output/",
    "benchmarks/corpus/",
    "content.json",
)  # made by commands


def named_paths(text: str) -> list[str]:
    found = []
    for match in PATH.finditer(text):
        path = match.group(1)
        if PLACEHOLDER.search(path) or path.startswith(NOT_FILES):
            continue
        found.append(path)
    return found


def test_the_path_finder_finds_paths_and_leaves_out_commands():
    text = "Run `./dev quick`; see `practice_hub/site.py`, `hooks/`, `README.md` and `content_schema/<name>.schema.yaml`."
    assert named_paths(text) == ["practice_hub/site.py", "hooks/", "README.md"]


def test_every_path_the_guide_names_exists():
    paths = named_paths(GUIDE.read_text(encoding="utf-8"))
    assert len(paths) > 40
    missing = sorted({p for p in paths if not (REPO / p).exists()})
    assert missing == [], "DEVELOPING.md names paths that do not exist: move the words with the files"


def test_the_readme_points_engineers_to_the_guide():
    assert "[DEVELOPING.md](DEVELOPING.md)" in (REPO / "README.md").read_text(encoding="utf-8")
