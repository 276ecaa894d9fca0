"""Which pages changed since the last build into the same folder (for `mkdocs serve --dirty`).

What each page was last built from is kept in ``cache.SERVE_CACHE``, keyed by output folder.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from ..cache import SERVE_CACHE


@dataclass(frozen=True)
class Changed:
    generated: set  # generated pages whose content differs from the last build
    editor_pages: set  # editors' pages whose Practice Hub additions differ from the last build


def _digest(content) -> str:
    data = content if isinstance(content, bytes) else str(content).encode("utf-8")
    return hashlib.sha1(data).hexdigest()


def changed_pages(site_dir: str, generated: dict, additions: dict) -> Changed:
    now = {f"g:{uri}": _digest(content) for uri, content in generated.items()}
    now.update({f"e:{uri}": _digest(text) for uri, text in additions.items()})
    previous = SERVE_CACHE.swap_last_built(site_dir, now)
    changed = {key for key, digest in now.items() if previous.get(key) != digest}
    first_build = not previous
    return Changed(
        generated={key[2:] for key in changed if key.startswith("g:")},
        editor_pages=set() if first_build else {key[2:] for key in changed if key.startswith("e:")},
    )
