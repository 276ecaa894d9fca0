"""Where the engine's own files are: inside the installed package, or in this repository.

The wheel holds the theme (templates, CSS and JavaScript), the content schemas, the hooks, the
editors' guide and the hosting files inside the package folder (``pyproject.toml`` maps the
repository's ``overrides/``, ``content_schema/``, ``hooks/`` and ``hosting/`` there). In a
checkout of the engine's own repository (an editable install) they are the top-level folders.
A site never holds them: a council's ``overrides/`` is only for its own additions.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
REPOSITORY = PACKAGE.parent

#: name inside the package -> the folder of this repository it is built from
_SOURCES = {
    "theme": "overrides",
    "content_schema": "content_schema",
    "hooks": "hooks",
    "hosting": "hosting",
}


def _folder(name: str) -> Path:
    packaged = PACKAGE / name
    if packaged.is_dir():
        return packaged
    return REPOSITORY / _SOURCES[name]


def theme_dir() -> Path:
    """Templates, stylesheets and scripts of the engine's theme (between a site's own
    ``custom_dir`` and Material's templates)."""
    return _folder("theme")


def schema_dir() -> Path:
    """The content schemas: one JSON Schema per content type, the single source of its fields."""
    return _folder("content_schema")


def hooks_dir() -> Path:
    """The engine's hooks, one event each, run in order by the plugin."""
    return _folder("hooks")


EDITORS_GUIDE = PACKAGE / "guide" / "editors.md"


def editors_guide() -> str:
    """The editors' guide ("Editing this site"), published at editors/ by every site that has no
    docs/editors/index.md of its own: it comes with the engine and is upgraded with it."""
    return EDITORS_GUIDE.read_text(encoding="utf-8")


def hosting_dir() -> Path:
    """The hosting files (nginx, Apache, IIS, the publishing script and its guide)."""
    return _folder("hosting")
