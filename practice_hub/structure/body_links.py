"""Relative links and anchors in Markdown bodies, checked before MkDocs sees them.

Every ``[text](path.md#section)``, image and reference definition in a body is resolved
against the pages of the build (editors' files and generated pages such as
``training/<course-id>.md``) and the section anchors each page will have (headings slugified
like MkDocs' table of contents). Code blocks and code spans are skipped.
"""

from __future__ import annotations

import difflib
import posixpath
import re
import unicodedata
from urllib.parse import unquote, urlsplit, urlunsplit

from ..problems import Problems
from ..safety.markdown_limits import MAX_LINE
from ..schema import suggest

_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
_INLINE = re.compile(
    r"!?\[(?:[^\]\\]|\\.)*\]\(\s*(?:<([^<>\n]*)>|([^)\s>]*))(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)"
)
# A destination with a space in it ([x](../standards/home visits.md)): Python-Markdown reads it as
# one link, which the build cannot follow. Found apart, by one class up to ")" (linear in the line).
_SPACED = re.compile(r"\]\(([^)<>\n\"']*)\)")
_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)")
_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_ATTR_ID = re.compile(r"\{[^}]*#([\w-]+)[^}]*\}\s*$")
_HTML_ID = re.compile(r"\bid=[\"']([^\"']+)[\"']")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def slugify(text: str) -> str:
    """MkDocs' (Python-Markdown's toc) default slug."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^\w\s-]", "", text).strip().lower()
    return re.sub(r"[-\s]+", "-", text)


def _plain_heading(text: str) -> str:
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"<[^>]+>", "", text)
    return text.replace("**", "").replace("`", "").replace("*", "").replace("__", "")


def code_free_lines(markdown: str):
    """(index, line) for every line outside fenced code blocks, with code spans blanked out."""
    fence = ""
    for index, line in enumerate(markdown.split("\n")):
        opened = _FENCE.match(line)
        if fence:
            if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                fence = ""
            continue
        if opened:
            fence = opened.group(1)
            continue
        yield index, _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)


def anchors_of(markdown: str) -> set[str]:
    """The section anchors a page will have: slugified headings (made unique as MkDocs does),
    {#id} attributes and HTML ids."""
    found: set[str] = set()
    for _, line in code_free_lines(markdown):
        heading = _HEADING.match(line)
        if heading:
            text = heading.group(2)
            custom = _ATTR_ID.search(text)
            if custom:
                found.add(custom.group(1))
                continue
            slug = slugify(_plain_heading(re.sub(r"\{[^}]*\}\s*$", "", text)))
            unique, n = slug, 0
            while unique in found:
                n += 1
                unique = f"{slug}_{n}"
            found.add(unique)
        found.update(_HTML_ID.findall(line))
    return found


def links_in(markdown: str):
    """(line index, target) for every link, image and reference definition outside code."""
    for index, line in code_free_lines(markdown):
        if len(line) > MAX_LINE:  # refused by the Markdown limits; scanning it would cost seconds
            continue
        for match in _INLINE.finditer(line) if "](" in line else ():
            yield index, match.group(1) if match.group(1) is not None else match.group(2)
        for match in _SPACED.finditer(line) if "](" in line else ():
            if " " in match.group(1).strip():
                yield index, match.group(1).strip()
        definition = _DEFINITION.match(line)
        if definition:
            yield index, definition.group(1)


def check_body_links(
    sources,
    pages: set[str],
    text_of,
    files: set[str],
    drafts: set[str],
    problems: Problems,
    site_url: str = "",
    aliases: dict[str, str] | None = None,
    ids: dict[str, str] | None = None,
) -> None:
    """sources: (path for messages, uri under docs/, body, first body line).
    ids: each page's id -> its uri, so that a link to a file renamed since (whose id stayed)
    is told its new name.
    pages: every page of the build (uri under docs/); text_of(uri): its Markdown as built, or None
    when it cannot be known (its anchors are then not checked), asked only for links with a #.
    files: every other file that will be published (images, downloads).
    site_url: the site's own address (mkdocs.yml), whose full web addresses are written as links
    to files instead. aliases: the last part of an address that is not the file's name (a news
    post's, made from its title) -> the file.

    The build (MkDocs with the site's ``validation`` settings) refuses every link it cannot
    follow to a file: a link starting with "/", one without ".md", a folder. Each is found here
    first, with the link to write instead."""
    anchor_cache: dict[str, set | None] = {}

    def anchors(uri: str) -> set | None:
        if uri not in anchor_cache:
            text = text_of(uri)
            anchor_cache[uri] = None if text is None else anchors_of(text)
        return anchor_cache[uri]

    for path, uri, body, first_line in sources:
        folder = posixpath.dirname(uri)
        for index, target in links_in(body):
            line = first_line + index
            if not target:
                continue
            if _SCHEME.match(unquote(target)) and not _SCHEME.match(target):
                continue  # a scheme written in %-codes ("%6Aavascript:"): refused as unsafe content
            if _SCHEME.match(target) or target.startswith(("/", "\\")):
                wrong = web_address(target, site_url)
                if wrong:
                    found = page_for_address(wrong[1], pages | files, aliases or {})
                    problems.add(
                        path,
                        line,
                        f'the link "{target}" {wrong[0]}',
                        _write_instead(found, target, folder, drafts),
                        field="body",
                    )
                continue
            where, _, fragment = target.partition("#")
            where = unquote(where.split("?", 1)[0])
            if not where:
                _check_anchor(
                    path,
                    line,
                    target,
                    uri,
                    fragment,
                    anchors(uri) if fragment else None,
                    "this page",
                    problems,
                )
                continue
            resolved = posixpath.normpath(posixpath.join(folder, where))
            if where.endswith("/") or resolved == "." or not posixpath.splitext(resolved)[1]:
                if _unfinished_link(
                    path, line, target, uri, where, fragment, pages | files, drafts, problems
                ):
                    continue
            if resolved.startswith("../") or resolved == "..":
                problems.add(
                    path,
                    line,
                    f'the link "{target}" points outside the docs folder',
                    "link to a page or file inside docs/, or give a full https:// address",
                    field="body",
                )
                continue
            if resolved in drafts:
                problems.add(
                    path,
                    line,
                    f'the link "{target}" points to a draft, which is not published',
                    "publish the draft first (status: current) or remove the link",
                    field="body",
                )
                continue
            if resolved.lower().endswith(".md"):
                if resolved not in pages:
                    problems.add(
                        path,
                        line,
                        f'the link "{target}" points to a page that does not exist',
                        _did_you_mean(resolved, pages, folder, own=uri, ids=ids)
                        or "check the file name; links in the body are relative paths to .md files",
                        field="body",
                    )
                    continue
                _check_anchor(
                    path,
                    line,
                    target,
                    resolved,
                    fragment,
                    anchors(resolved) if fragment else None,
                    resolved,
                    problems,
                )
            elif resolved not in files:
                problems.add(
                    path,
                    line,
                    f'the link "{target}" points to a file that does not exist',
                    _did_you_mean(resolved, files, folder, own=uri)
                    or "check the file name and folder; downloads go in a files/ folder",
                    field="body",
                )


LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "0.0.0.0", "::1"})


def web_address(target: str, site_url: str = "") -> tuple[str, str] | None:
    """For a link written as a web address the build refuses or cannot check: (what is wrong, in
    words; the address's path on the site, without the site's own folder). None for any other link
    (an outside address, mailto:, tel:)."""
    if target.startswith(("/", "\\")) and not target.startswith(("//", "\\\\")):
        return 'starts with "/", which the build cannot follow', target
    parts = urlsplit(target)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    address = urlunsplit(("", "", parts.path or "/", parts.query, parts.fragment))
    if parts.hostname in LOCAL_HOSTS or parts.hostname.startswith("127."):
        return "is an address on your own computer (the preview), which readers cannot open", address
    own = urlsplit(site_url) if site_url else None
    if own and own.hostname and parts.hostname == own.hostname:
        base = own.path.rstrip("/") + "/"
        if (parts.path or "/").startswith(base) or parts.path + "/" == base:
            rest = "/" + (parts.path or "/")[len(base) :]
            address = urlunsplit(("", "", rest, parts.query, parts.fragment))
            return "is this site's own web address, which the build cannot check", address
    return None


def page_for_address(address: str, known: set[str], aliases: dict[str, str] | None = None) -> str | None:
    """The page or file under docs/ that a site address ("/procedures/x/", "/procedures/x.html",
    "/files/a.pdf") is published from, when one is known; the fragment is kept (#section)."""
    where, hash_, fragment = address.partition("#")
    path = unquote(urlsplit(where).path).strip("/")
    found = _candidate(path, known)
    if found is None and path:  # a news post's address (date/title): its file is named after it
        stem = posixpath.basename(path.removesuffix(".html"))
        same = [uri for uri in known if posixpath.splitext(posixpath.basename(uri))[0] == stem]
        found = same[0] if len(same) == 1 else (aliases or {}).get(stem)
    return None if found is None else found + hash_ + fragment


def _candidate(path: str, known: set[str]) -> str | None:
    """The first of the files a site path can be published from that is known."""
    path = posixpath.normpath(path) if path else ""
    path = "" if path == "." else path
    stem = path.removesuffix(".html")
    for candidate in (
        path,
        stem + ".md",
        posixpath.join(stem, "index.md"),
        posixpath.join(posixpath.dirname(stem), "index.md") if stem.endswith("/index") else "",
    ):
        if candidate and not candidate.startswith("../") and candidate in known:
            return candidate
    return None


def _write_instead(found: str | None, target: str, folder: str, drafts: set[str]) -> str:
    if found is None:
        return (
            "write the path of the page's .md file, or of the file, from this page, for example "
            '"../procedures/home-visits.md" or "files/form.docx"'
        )
    uri, hash_, fragment = found.partition("#")
    relative = posixpath.relpath(uri, folder or ".") + hash_ + fragment
    if uri in drafts:
        return f'it is the draft "{uri}", which is not published: publish it first, then link to "{relative}"'
    return f'write "{relative}" instead'


def _unfinished_link(path, line, target, uri, where, fragment, known, drafts, problems: Problems) -> bool:
    """A relative link without a file name the build knows: a folder, or a page without ".md".
    False (nothing reported) for one leading outside docs/ that no page's address explains."""
    folder = posixpath.dirname(uri)
    stem = posixpath.normpath(posixpath.join(folder, where))
    page_url_folder = posixpath.splitext(uri)[0] if posixpath.basename(uri) != "index.md" else folder
    # Written from the page's file, or copied from the page's address (one folder deeper).
    found = None if stem.startswith("../") or stem == ".." else _candidate(stem, known | drafts)
    if found is None:
        found = _candidate(posixpath.normpath(posixpath.join(page_url_folder, where)), known | drafts)
    if found is None and (stem.startswith("../") or stem == ".."):
        return False
    if (found or "").endswith("index.md") or (found is None and (where.endswith("/") or stem == ".")):
        what = "points to a folder, which the build cannot follow"
    elif where.endswith("/"):
        what = "is the page's web address, not its file, which the build cannot follow"
    else:
        what = 'has no ".md" at the end, which the build cannot follow'
    if found is None and (where.endswith("/") or stem == "."):
        hint = 'link to a page\'s file, such as "../procedures/home-visits.md", or to one file in the folder'
    elif found is None:
        hint = 'link to a page\'s .md file by its path from this page, such as "../procedures/home-visits.md"'
    else:
        hint = _write_instead(found + ("#" + fragment if fragment else ""), target, folder, drafts)
    problems.add(path, line, f'the link "{target}" {what}', hint, field="body")
    return True


def _check_anchor(path, line, target, uri, fragment, known, where, problems: Problems) -> None:
    if not fragment or known is None or fragment in known:
        return
    guess = suggest(fragment, known)
    hint = (
        f'did you mean "#{guess}"?'
        if guess
        else "the part after # must be a heading on that page, in lower case with hyphens for spaces"
    )
    place = "this page" if where == "this page" else where
    problems.add(
        path,
        line,
        f'the link "{target}" points to a section "#{fragment}" that {place} does not have',
        hint,
        field="body",
    )


OWN_NAME_TYPO = 0.85  # as close to the page's own file name as a typo: one or two letters


def _did_you_mean(
    resolved: str, candidates, folder: str, own: str = "", ids: dict[str, str] | None = None
) -> str:
    """'did you mean "..."?' for a link to *resolved*, which is not among *candidates*, or "".
    Never the page the link is on (*own*). A page whose id is the missing file's name (the file
    was renamed, its id kept) comes first; then the nearest file name, in the link's folder first."""
    wanted = posixpath.splitext(posixpath.basename(resolved))[0]
    renamed = (ids or {}).get(wanted)
    if renamed and renamed != own and renamed in candidates:
        where = posixpath.relpath(renamed, folder or ".")
        return f'did you mean "{where}"? It is the page with the id "{wanted}", renamed'
    stems: dict[str, str] = {}  # file name without its suffix -> the first path with it
    here = posixpath.dirname(resolved)
    for candidate in sorted(candidates, key=lambda c: (posixpath.dirname(c) != here, c)):
        if candidate != own:
            stems.setdefault(posixpath.splitext(posixpath.basename(candidate))[0], candidate)
    guess = suggest(wanted, stems)
    own_stem = posixpath.splitext(posixpath.basename(own))[0] if own else ""
    if own_stem and suggest(wanted, [*stems, own_stem]) == own_stem:
        # Nearest to the page's own name: another page that is merely close would mislead. A typo
        # of the page's own name (example-procedre) meant this page; a new name near it
        # (home-visits-checklist on home-visits) is a page still to be written: no suggestion.
        if difflib.SequenceMatcher(None, wanted.lower(), own_stem.lower()).ratio() < OWN_NAME_TYPO:
            return ""
        return (
            "the nearest file name is this page's own: to link to a part of this page, write # and "
            'the heading\'s words in lower case with hyphens, such as "#what-to-do"'
        )
    if guess is None:
        return ""
    return f'did you mean "{posixpath.relpath(stems[guess], folder or ".")}"?'
