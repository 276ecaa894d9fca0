"""The engine's own files: what the themes (Material, Practice Hub's, a site's custom_dir) publish.

MkDocs lets a file in docs/ take the place of a theme file at the same path, so a file
``docs/assets/javascripts/practice-hub-material.js`` would replace the site's own script. The
paths are listed here from the template folders themselves, without importing MkDocs (``check``
never runs it), so that ``check`` and the build refuse the same files.
"""

from __future__ import annotations

import importlib.util
import os
from functools import lru_cache
from pathlib import Path

#: Folders of the theme's own files, by package: ``<package>/templates``.
THEME_PACKAGES = ("material", "mkdocs", "properdocs")
#: Written by the engine and its plugins (search, sitemap, Practice Hub's own files).
GENERATED = ("sitemap.xml", "sitemap.xml.gz", "search/search_index.json", "content.json", "404.html")
GENERATED_FOLDERS = ("pagefind/",)  # the search index, written whole after the pages


def package_templates(name: str) -> Path | None:
    """``<package>/templates`` of an installed package, found without importing it."""
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    locations = list(spec.submodule_search_locations or []) if spec else []
    for location in locations:
        folder = Path(location) / "templates"
        if folder.is_dir():
            return folder
    return None


def custom_dir_of(root: Path) -> Path | None:
    """The theme's custom_dir named in the project's mkdocs.yml (a site's own additions), if any."""
    import yaml

    from ..settings import LenientLoader  # PyYAML with MkDocs' !ENV and !relative tags

    name = None
    try:
        with open(Path(root) / "mkdocs.yml", encoding="utf-8") as handle:
            config = yaml.load(handle, Loader=LenientLoader) or {}
        theme = config.get("theme") if isinstance(config, dict) else None
        if isinstance(theme, dict) and isinstance(theme.get("custom_dir"), str):
            name = theme["custom_dir"]
    except (OSError, yaml.YAMLError):
        pass
    if name is None:
        return None
    folder = Path(root) / name
    return folder if folder.is_dir() else None


def theme_dirs(root: Path) -> list[Path]:
    """The theme folders in MkDocs' order: custom_dir first, the engine's theme, then the packages'
    templates."""
    from ..resources import theme_dir

    found = [custom_dir_of(root), theme_dir()] + [package_templates(name) for name in THEME_PACKAGES]
    return [folder for folder in found if folder is not None]


def engine_files(root: Path) -> frozenset[str]:
    """Every path (relative, forward slashes) a theme folder provides, hidden folders left out.

    The custom_dir (a few dozen files) is listed on every call: it may change while `mkdocs serve`
    runs; the installed packages' folders are listed once per process."""
    found: set[str] = set(GENERATED)
    from ..resources import theme_dir

    for folder in (custom_dir_of(root), theme_dir()):
        if folder is not None:
            found |= _list(folder)
    for name in THEME_PACKAGES:
        found |= _package_listing(name)
    return frozenset(found)


@lru_cache(maxsize=len(THEME_PACKAGES))
def _package_listing(name: str) -> frozenset[str]:
    folder = package_templates(name)
    return _list(folder) if folder is not None else frozenset()


def _list(folder: Path) -> frozenset[str]:
    found = set()
    for base, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".") and d != "__pycache__"]
        rel = os.path.relpath(base, folder).replace(os.sep, "/")
        for name in files:
            found.add(name if rel == "." else f"{rel}/{name}")
    return frozenset(found)


def replaces_engine_file(uri: str, engine: frozenset[str]) -> bool:
    """True when a docs/ file at *uri* would take the place of one of the engine's own files."""
    return uri in engine or uri.startswith(GENERATED_FOLDERS)
