"""Publish only what was checked.

MkDocs copies every file of docs/ into the site as it is. A file is published only when its
type is on an allow-list: pages (.md), YAML that Practice Hub reads, and attachments (PDF,
Office documents, pictures, plain text). Everything else is refused at its path: scripts,
styles and HTML (they run at the site's origin), editors' backup files (they publish a draft's
source), hidden files, upper-case extensions (MkDocs would copy ``Page.MD`` raw), content files
not named as content must be (``names.content_name``: ``Home Visits.md``, ``visits.markdown``;
``names.folder_name``: every file in ``docs/Procedures/``, reported once for the folder),
and any file at the path of one of the engine's own files. Drawings (.svg) must be plain shapes
and text, and attachments (and a drawing's text) are scanned for case data. An exported audit
(JSON or CSV from the audit tool, safety/audit_exports.py) is refused whatever its name: it holds
case notes. Old binary Office files and rich
text (.rtf) are refused: their text cannot be read reliably, so they cannot be checked.

``check_files`` walks docs/ once, reporting every problem; the adapter drops what it refused
(and what ``refusal`` refuses by name, a second line) before MkDocs copies anything.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from ..cache import SERVE_CACHE
from ..content_types import MARKDOWN_SUFFIXES, YAML_SUFFIXES, classify, read_elsewhere
from ..problems import Problem
from . import attachments, svg
from .audit_exports import HINT as AUDIT_HINT
from .audit_exports import MESSAGE as AUDIT_MESSAGE
from .audit_exports import audit_export_line
from .engine_files import engine_files, replaces_engine_file
from .files import leads_outside
from .names import content_name, folder_name

AUTHORS_FILE = "news/.authors.yml"  # read by Material's blog plugin, never published

PAGES = MARKDOWN_SUFFIXES
PICTURES = (".png", ".jpg", ".jpeg", ".gif", ".webp")
OFFICE = (".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".ods", ".odp")
OLD_OFFICE = {".doc": ".docx", ".xls": ".xlsx", ".ppt": ".pptx"}
ATTACHMENTS = frozenset((".pdf", ".svg", ".txt", ".csv", *OFFICE, *PICTURES)) - set(OLD_OFFICE)
SCANNED = frozenset((*attachments.TEXT, *attachments.OFFICE, attachments.PDF))

HTML = (".html", ".htm", ".xhtml", ".shtml")
CODE = (".js", ".mjs", ".cjs", ".css", ".map", ".wasm")
BACKUP_SUFFIXES = (".bak", ".swp", ".swo", ".swn", ".tmp", ".temp", ".orig", ".rej", ".old", ".backup")

ALLOWED = (
    "publish a page (.md) or an attachment: PDF, an Office document (.docx .xlsx .pptx .odt .ods .odp), "
    "a picture (.png .jpg .jpeg .gif .webp .svg) or plain text (.txt .csv)"
)


def refusal(uri: str) -> tuple[str, str] | None:
    """(message, hint) when a file of docs/ at *uri* may not be published, judged by its name alone."""
    if uri == AUTHORS_FILE:
        return None
    parts = uri.split("/")
    name = parts[-1]
    if any(part.startswith(".") for part in parts):
        return (
            "hidden files and folders (names starting with a dot) are not published",
            "delete it, or rename it without the dot if it belongs on the site",
        )
    lower = name.lower()
    if (
        name.endswith("~")
        or lower.endswith(BACKUP_SUFFIXES)
        or name.startswith("~$")
        or (name.startswith("#") and name.endswith("#"))
    ):
        return (
            "this is an editor's backup or temporary file: publishing it would publish a draft's source",
            "delete the backup file; git keeps every version",
        )
    stem, dot, extension = name.rpartition(".")
    if not dot or not stem:
        return ("files with no extension are not published", ALLOWED)
    named = content_name(uri)  # a page or YAML file named as content may not be (Home Visits.MD)
    if named:
        return named
    suffix = f".{extension}"
    if suffix != suffix.lower():  # an attachment (a page's or YAML file's name is judged above)
        proper = f"{stem}{suffix.lower()}"
        return (
            f'the file name ends in "{suffix}" in capitals',
            f'rename it to "{proper}" (lower-case {suffix.lower()}) so that it is checked and published',
        )
    if suffix in PAGES or suffix in ATTACHMENTS:
        return None
    if suffix in YAML_SUFFIXES:
        if classify(uri).format is not None or read_elsewhere(uri):
            return None  # read by Practice Hub (a misplaced file is reported by the loader)
        return (
            "Practice Hub does not read YAML files in this folder, so it would be published unchecked",
            "save a download as .txt or .csv",
        )
    if suffix in OLD_OFFICE:
        return (
            f"an old binary Office file ({suffix}) cannot be checked for case data",
            "save it as .docx/.xlsx/.pptx or PDF so it can be checked for case data",
        )
    if suffix == ".rtf":
        return (
            "a rich text file (.rtf) cannot be checked for case data: its text cannot be read reliably",
            "save it as .docx or PDF so it can be checked for case data",
        )
    if suffix in HTML:
        return (
            "an HTML file would be published unchecked and could run script on the site",
            "write the page in Markdown",
        )
    if suffix in CODE:
        return (
            "scripts and stylesheets are not published from docs/",
            "the site's own scripts and styles come from the engine; a council's own go in its theme folder (theme.custom_dir in mkdocs.yml)",
        )
    return (f'files of type "{suffix}" are not published', ALLOWED)


def replacing(uri: str, engine: frozenset[str]) -> tuple[str, str] | None:
    if not replaces_engine_file(uri, engine):
        return None
    return (
        f'this file would replace the site\'s own file "{uri}"',
        "rename or move it: the site's own scripts, styles and pages come from the engine and the site's theme folder",
    )


@dataclass
class _Scanned:
    """A cached scan (the shape ``SERVE_CACHE`` keeps: items, problems, unread ids)."""

    items: list = field(default_factory=list)
    problems: list = field(default_factory=list)
    unread_ids: set = field(default_factory=set)


def check_files(root: Path, docs_dir: Path, docs_rel: str, problems) -> frozenset[str]:
    """Walk docs/ once; report every file that may not be published; return their paths
    (relative to docs/; a hidden folder is reported once, by its own path)."""
    docs_dir = Path(docs_dir)
    engine = engine_files(root)
    refused: set[str] = set()

    def report(uri: str, line: int, message: str, hint: str) -> None:
        problems.add(f"{docs_rel}/{uri}" if docs_rel else uri, line, message, hint, type="")

    folders = [("", str(docs_dir))]
    while folders:
        rel_folder, folder = folders.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError:
            continue
        for entry in entries:
            uri = f"{rel_folder}{entry.name}"
            if entry.is_symlink() and leads_outside(Path(entry.path), docs_dir):
                report(
                    uri,
                    1,
                    f'this is a link to "{os.readlink(entry.path)}", outside the docs folder',
                    "replace the link with the file itself: nothing outside docs/ is published",
                )
                refused.add(uri)
                continue
            if entry.is_dir():
                if entry.name.startswith("."):
                    reason = refusal(uri)
                    assert reason is not None  # a name starting with "." is always refused
                    report(uri, 1, *reason)
                    refused.add(uri)
                elif not entry.is_symlink():  # a linked folder's files are checked where they are
                    named = folder_name(Path(entry.path))  # Procedures/, home visits/: once, not per file
                    if named:
                        report(uri, 1, *named)
                        refused.add(uri)
                    folders.append((uri + "/", entry.path))
                continue
            exported = audit_export_line(entry.path)
            if exported:  # named as what it is, before any rule about its name
                report(uri, exported, AUDIT_MESSAGE, AUDIT_HINT)
                refused.add(uri)
                continue
            why = refusal(uri)
            if why is None or not entry.name.startswith("."):
                why = replacing(uri, engine) or why  # named first: the file would take its place
            if why:
                report(uri, 1, *why)
                refused.add(uri)
                continue
            suffix = os.path.splitext(entry.name)[1]
            if suffix == ".svg" or suffix in SCANNED:
                found = _scan(uri, entry.path, suffix)
                for line, message, hint in found:
                    report(uri, line, message, hint)
                if found:
                    refused.add(uri)
    return frozenset(refused)


def _scan(uri: str, path: str, suffix: str) -> list[tuple[int, str, str]]:
    try:
        raw = Path(path).read_bytes()
    except OSError as error:
        return [(1, f"the file cannot be read ({error.strerror})", "check the file's permissions")]
    key = ("attachment", uri, hashlib.sha256(raw).hexdigest())
    cached = SERVE_CACHE.file_result(key)
    if cached is not None:
        return [(p.line, p.message, p.hint) for p in cached.problems]
    found = svg.check(raw) if suffix == ".svg" else attachments.scan(suffix, raw)
    SERVE_CACHE.keep_file_result(key, _Scanned(problems=[Problem(uri, line, m, h) for line, m, h in found]))
    return found


def is_refused(uri: str, refused: frozenset[str], engine: frozenset[str] = frozenset()) -> bool:
    """For the adapter: may this file of docs/ not be published? (A hidden folder's files are
    refused by name; the files of a refused folder, such as docs/Procedures/, by the folder's.)"""
    if uri in refused or refusal(uri) is not None or replacing(uri, engine) is not None:
        return True
    parts = uri.split("/")
    return any("/".join(parts[:depth]) in refused for depth in range(1, len(parts)))
