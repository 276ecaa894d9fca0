"""The site's own CSS and JavaScript, kept in the theme folder (``overrides/``), not in ``docs/``.

MkDocs copies every non-template file of the theme's ``custom_dir`` into the site, so
``overrides/stylesheets/*.css`` and ``overrides/javascripts/*.js`` are always published;
the adapter adds them to ``extra_css`` and ``extra_javascript`` so that neither deleting
content nor editing ``mkdocs.yml`` can lose them.
"""

from __future__ import annotations

from pathlib import Path

CSS_FOLDER = "stylesheets"
JS_FOLDER = "javascripts"


def theme_assets(custom_dir: Path | None) -> tuple[list[str], list[str]]:
    """(CSS paths, JavaScript paths), site-relative and sorted, found in the theme folder."""
    if custom_dir is None or not Path(custom_dir).is_dir():
        return [], []
    root = Path(custom_dir)
    # By name without suffix, so that "practice-hub.css" (the base) comes before "practice-hub-review.css".
    css = [f"{CSS_FOLDER}/{p.name}" for p in sorted((root / CSS_FOLDER).glob("*.css"), key=lambda p: p.stem)]
    js = [f"{JS_FOLDER}/{p.name}" for p in sorted((root / JS_FOLDER).glob("*.js"), key=lambda p: p.stem)]
    return css, js


def missing(listed: list, wanted: list[str]) -> list[str]:
    """The wanted paths not listed yet (entries may be strings or MkDocs script values)."""
    have = {str(getattr(entry, "path", entry)) for entry in listed}
    return [path for path in wanted if path not in have]
