"""MkDocs' own words about a page, rewritten as a Practice Hub problem: path:line, plain words, the
fix. check finds each of these first; this is for a build that fails for a reason check did not
report, so that even then the editor is shown the file and the line.

The adapter's log filter (practice_hub/mkdocs_adapter.py) hands each of MkDocs' messages about a
page here; anything not recognised keeps MkDocs' words, behind the file and line found."""

from __future__ import annotations

import re
from pathlib import Path

from ..loader.text import TextProblem, decode

_DOC_FILE = re.compile(r"^Doc file '(?P<page>[^']+)' contains (?P<rest>.*)$", re.S)
_SUGGESTION = re.compile(r"\s*Did you mean '(?P<guess>[^']*)'\?\s*$")
_ABSOLUTE = re.compile(r"^an absolute link '(?P<address>.*)', it was left as is\.$", re.S)
_UNRECOGNISED = re.compile(r"^an unrecognized relative link '(?P<address>.*)', it was left as is\.$", re.S)
_NOT_FOUND = re.compile(
    r"^a link '(?P<address>.*)', but the target(?: '(?P<target>.*)')? is not found among documentation files\.$",
    re.S,
)
_ANCHOR = re.compile(
    r"^a link '(?P<address>.*)', but the doc '(?P<target>.*)' does not contain an anchor '#(?P<anchor>.*)'$",
    re.S,
)
_EXCLUDED = re.compile(r"^a link to '(?P<target>.*)' which is excluded from the built site\.$", re.S)
_READING = re.compile(r"^Error reading page '(?P<page>[^']+)':\s*(?P<rest>.*)$", re.S)
_AUTHOR = re.compile(r"^Couldn't find author '(?P<author>.*)'$")
_QUOTED = re.compile(r"'([^']+)'")


def line_of(file: Path, *needles: str) -> int:
    """The first line of *file* holding the first of *needles* found (a link as written, with
    its bracket, before it alone); 1 when none is, or the file cannot be read."""
    try:
        lines = decode(file.read_bytes()).split("\n")
    except (OSError, TextProblem):
        return 1
    for needle in needles:
        if not needle:
            continue
        for number, text in enumerate(lines, 1):
            if needle in text:
                return number
    return 1


def _shown(docs_rel: str, page: str) -> str:
    return f"{docs_rel}/{page}" if docs_rel else page


def link_message(message: str, docs_dir: Path, docs_rel: str) -> str | None:
    """MkDocs' "Doc file 'x.md' contains ..." as "docs/x.md:LINE: ..."; None for other messages."""
    doc = _DOC_FILE.match(message.strip())
    if doc is None:
        return None
    page, rest = doc.group("page"), doc.group("rest").strip()
    suggestion = _SUGGESTION.search(rest)
    guess = suggestion.group("guess") if suggestion else ""
    rest = rest[: suggestion.start()].strip() if suggestion else rest
    instead = f'write "{guess}" instead' if guess else ""
    found = None
    for pattern, words, hint in (
        (_ABSOLUTE, 'starts with "/", which the build cannot follow', instead),
        (
            _UNRECOGNISED,
            'has no ".md" at the end or points to a folder, which the build cannot follow',
            instead,
        ),
        (
            _NOT_FOUND,
            "points to a page or file that does not exist",
            instead or "check the file name and folder",
        ),
        (_ANCHOR, "", ""),
    ):
        found = pattern.match(rest)
        if found is None:
            continue
        link = found.group("address")
        if pattern is _ANCHOR:
            words = (
                f'points to a section "#{found.group("anchor")}" that {found.group("target")} does not have'
            )
            hint = "the part after # must be a heading on that page, in lower case with hyphens for spaces"
        line = line_of(docs_dir / page, f"]({link}", f"<{link}>", link)
        text = f'{_shown(docs_rel, page)}:{line}: the link "{link}" {words}'
        return text + (f" ({hint})" if hint else "")
    excluded = _EXCLUDED.match(rest)
    if excluded:
        target = excluded.group("target")
        line = line_of(docs_dir / page, target.rsplit("/", 1)[-1])
        return (
            f'{_shown(docs_rel, page)}:{line}: the link to "{target}" points to a page that is not published '
            "(publish that page first, or remove the link)"
        )
    quoted = _QUOTED.findall(rest)
    line = line_of(docs_dir / page, *quoted)
    return f"{_shown(docs_rel, page)}:{line}: {rest}"


def reading_page(message: str) -> tuple[str, str] | None:
    """MkDocs' "Error reading page 'x.md': why" as (the page, why: "" when MkDocs prints it apart)."""
    found = _READING.match(message.strip())
    return (found.group("page"), found.group("rest").strip()) if found else None


def page_error(page: str, why: str, docs_dir: Path, docs_rel: str) -> str:
    """What stopped MkDocs reading a page, at the page's line that names what it could not find."""
    author = _AUTHOR.match(why.strip())
    if author:
        name = author.group("author")
        line = line_of(docs_dir / page, name)
        return (
            f'{_shown(docs_rel, page)}:{line}: field "authors" names "{name}", which is not an author in '
            "the news authors file (add it to the authors file, or take the author out of the post)"
        )
    line = line_of(docs_dir / page, *_QUOTED.findall(why))
    return f"{_shown(docs_rel, page)}:{line}: the page could not be read: {why.strip()}"
