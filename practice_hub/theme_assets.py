"""The site's own CSS and JavaScript, kept in the theme folder (``overrides/``), not in ``docs/``.

MkDocs copies every non-template file of the theme's ``custom_dir`` into the site, so
``overrides/stylesheets/*.css`` and ``overrides/javascripts/*.js`` are always published.
Pages load them as two files (``bundles``): the stylesheets joined into one and the scripts
into another, each named by its content (``assets/stylesheets/practice-hub.1a2b3c4d.min.css``),
which the adapter adds to ``extra_css`` and ``extra_javascript`` so that neither deleting content
nor editing ``mkdocs.yml`` can lose them. On a slow mobile connection every file is a round trip
and a browser opens six connections to a server: fifteen small files cost three waves of round
trips where two cost one; and a name that changes with the content lets the web server have
browsers keep them (hosting/nginx-practice-hub.conf: "immutable").
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Bundle:
    path: str  # site-relative, named by its content
    text: str


def bundles(custom_dir: Path | None) -> list[Bundle]:
    """The theme folder's stylesheets joined into one file and its scripts into another, in the
    order of ``theme_assets`` (each script is a self-contained function, so joining changes
    nothing), each named by the first eight hex digits of its content's SHA-256."""
    out = []
    css, js = theme_assets(custom_dir)
    for paths, folder, suffix, separator in (
        (css, CSS_FOLDER, "css", "\n"),
        (js, JS_FOLDER, "js", "\n;\n"),
    ):
        if not paths or custom_dir is None:
            continue
        parts = [f"/* {path} */\n" + (Path(custom_dir) / path).read_text(encoding="utf-8") for path in paths]
        text = separator.join(parts) + "\n"
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
        out.append(Bundle(f"assets/{folder}/practice-hub.{digest}.min.{suffix}", text))
    return out
