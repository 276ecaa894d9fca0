"""Which pages changed since the last build into the same folder (for `mkdocs serve --dirty`).

Kept in the package, keyed by output folder and content hashes, so nothing lives in hooks.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

_LAST: dict[str, dict[str, str]] = {}  # site folder -> page path -> hash of what it was built from


@dataclass(frozen=True)
class Changed:
    generated: set  # generated pages whose content differs from the last build
    editor_pages: set  # editors' pages whose Practice Hub additions differ from the last build


def _digest(content) -> str:
    data = content if isinstance(content, bytes) else str(content).encode("utf-8")
    return hashlib.sha1(data).hexdigest()


def changed_pages(site_dir: str, generated: dict, additions: dict) -> Changed:
    previous = _LAST.get(site_dir, {})
    now = {f"g:{uri}": _digest(content) for uri, content in generated.items()}
    now.update({f"e:{uri}": _digest(text) for uri, text in additions.items()})
    _LAST[site_dir] = now
    if len(_LAST) > 32:
        _LAST.pop(next(iter(_LAST)))
    changed = {key for key, digest in now.items() if previous.get(key) != digest}
    first_build = not previous
    return Changed(
        generated={key[2:] for key in changed if key.startswith("g:")},
        editor_pages=set() if first_build else {key[2:] for key in changed if key.startswith("e:")},
    )
