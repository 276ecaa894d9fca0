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
import json
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


#: Long scripts most pages never run, left out of the joined script: it adds each to the pages
#: that use it, found by an element whose id or attribute name matches (the audit tool's form
#: ``data-ph-audit`` and data ``#ph-audit-data``, the dashboard's ``data-ph-results``...). The
#: audit tool's script is a fifth of every page's download otherwise.
ON_DEMAND = {
    "practice-hub-audit.js": "^(?:data-)?ph-(?:audit|results)",
    "practice-hub-cpd.js": "^(?:data-)?ph-cpd",  # "Record as CPD" and My CPD (renderer/cpd.py)
}

_LOADER = """(function () {
  "use strict";
  /* Scripts only some pages use (theme_assets.ON_DEMAND), added where the page names them. */
  var here = document.currentScript && document.currentScript.src;
  if (!here) return;
  var wanted = %s;
  function uses(pattern) {
    var all = document.getElementsByTagName("*");
    for (var i = 0; i < all.length; i++) {
      if (all[i].id && pattern.test(all[i].id)) return true;
      for (var j = 0; j < all[i].attributes.length; j++) if (pattern.test(all[i].attributes[j].name)) return true;
    }
    return false;
  }
  Object.keys(wanted).forEach(function (name) {
    if (!uses(new RegExp(wanted[name]))) return;
    var script = document.createElement("script");
    script.src = new URL("../../javascripts/" + name, here).href;
    document.body.appendChild(script);
  });
})();
"""


def bundles(custom_dir: Path | None) -> list[Bundle]:
    """The theme folder's stylesheets joined into one file and its scripts into another, in the
    order of ``theme_assets`` (each script is a self-contained function, so joining changes
    nothing), each named by the first eight hex digits of its content's SHA-256. The scripts of
    ``ON_DEMAND`` stay out, and the joined script adds them to the pages that use them."""
    out = []
    css, js = theme_assets(custom_dir)
    later = {path: ON_DEMAND[path.split("/")[-1]] for path in js if path.split("/")[-1] in ON_DEMAND}
    for paths, folder, suffix, separator in (
        (css, CSS_FOLDER, "css", "\n"),
        ([path for path in js if path not in later], JS_FOLDER, "js", "\n;\n"),
    ):
        if not paths or custom_dir is None:
            continue
        parts = [f"/* {path} */\n" + (Path(custom_dir) / path).read_text(encoding="utf-8") for path in paths]
        if suffix == "js" and later:
            names = {path.split("/")[-1]: pattern for path, pattern in later.items()}
            parts.append(_LOADER % json.dumps(names))
        text = separator.join(parts) + "\n"
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
        out.append(Bundle(f"assets/{folder}/practice-hub.{digest}.min.{suffix}", text))
    return out
