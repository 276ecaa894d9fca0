"""The evidence pack, written: the staff site's pages (evidence/index.md and evidence/<framework>.md)
and the dated folder's index.html and evidence.csv (``practice-hub evidence``, which writes them).

The entries come from ``structure/evidence.py``; this module only shows them.
"""

from __future__ import annotations

import datetime as dt
import posixpath

from .. import __version__
from ..audit_tool.sheet import cell
from ..markup import Markup, element, join, link, table_head
from ..structure.evidence import Entry, evidence, long_date
from ..structure.frameworks import Framework
from ..text import command, esc, table
from ..text import link as page_link

EVIDENCE_DIR = "evidence"
EVIDENCE_INDEX = f"{EVIDENCE_DIR}/index.md"
#: evidence.csv's columns, each with what it holds.
COLUMNS = {
    "heading": "the evidence heading (What we know, How we know, What we are doing, Governance)",
    "answers": "the framework's items the heading answers",
    "kind": "what the entry is (audit result, briefing use, open action...)",
    "title": "the entry, as linked on the page",
    "date": "when it came to be, never after the pack's date",
    "detail": "what it shows",
    "owner": "who owns it",
    "service": "the services it is about",
    "link": "its page in the folder's site/",
}
CSV_COLUMNS = tuple(COLUMNS)


def packed(frameworks: dict[str, Framework]) -> list[Framework]:
    """The frameworks with a pack (inspection frameworks), by id."""
    return [frameworks[key] for key in sorted(frameworks) if frameworks[key].pack]


def page_uri(framework: Framework) -> str:
    return f"{EVIDENCE_DIR}/{framework.id}.md"


def answers(framework: Framework, heading: str) -> list[str]:
    """The names of the framework's items a heading answers (its ``pack``), in the pack's order."""
    found = (framework.item(item_id) for item_id in framework.pack.get(heading, ()))
    return [item.name for item in found if item is not None]


def _title(framework: Framework) -> str:
    return f"Evidence pack: {framework.short_name or framework.name}"


def evidence_uris(frameworks: dict[str, Framework]) -> set[str]:
    """The pages ``evidence_pages`` makes, by name, without making them (for the link check)."""
    chosen = packed(frameworks)
    return {EVIDENCE_INDEX, *(page_uri(f) for f in chosen)} if chosen else set()


def evidence_pages(site, as_of: dt.date) -> dict[str, str]:
    """evidence/index.md and a page per framework with a pack; nothing when no framework has one."""
    chosen = packed(site.frameworks)
    if not chosen:
        return {}
    pages = {EVIDENCE_INDEX: index_page(chosen, as_of)}
    for framework in chosen:
        pages[page_uri(framework)] = framework_page(framework, evidence(site, framework, as_of), as_of)
    return pages


def index_page(frameworks: list[Framework], as_of: dt.date) -> str:
    rows = [
        [page_link(EVIDENCE_INDEX, page_uri(f), f.name), esc(f.publisher), esc(f.version)] for f in frameworks
    ]
    return "\n".join(
        [
            "---",
            "title: Evidence packs",
            "---",
            "",
            "# Evidence packs",
            "",
            "What the site holds that an inspection asks for, under each inspection framework's headings: "
            "what we know about the quality of practice, how we know it, what we are doing about it, and "
            f"how it is governed. Each page is as on {long_date(as_of)}, the date of this build.",
            "",
            table(["Framework", "Publisher", "Version"], rows),
            "",
            "## A dated copy to send",
            "",
            "The quality lead (or IT) can write a pack as on any date into a folder of its own, to send or "
            "keep: a page that opens without the network, a spreadsheet (CSV) of the same entries, and the "
            "site as it was built on that date, which every entry links to. In the site's folder, run:",
            "",
            "```",
            command("evidence --framework ID --as-of YYYY-MM-DD --out FOLDER"),
            "```",
            "",
        ]
    )


def framework_page(framework: Framework, headings: list[tuple[str, str, list[Entry]]], as_of: dt.date) -> str:
    uri = page_uri(framework)
    out = [
        "---",
        f"title: {_yaml_text(_title(framework))}",
        "---",
        "",
        f"# {esc(_title(framework))}",
        "",
        f"{esc(framework.name)} ({esc(framework.publisher)}, version {esc(framework.version)}), as on "
        f"{long_date(as_of)}, the date of this build."
        + (
            f" Only evidence for {esc(' and '.join(framework.services))} or for every service."
            if framework.services
            else ""
        ),
        "",
        f"[All evidence packs]({posixpath.basename(EVIDENCE_INDEX)})",
        "",
    ]
    for key, title, entries in headings:
        out += [f"## {esc(title)}", ""]
        named = answers(framework, key)
        if named:
            out += [f"Answers: {esc('; '.join(named))}", ""]
        if not entries:
            out += ["Nothing yet.", ""]
            continue
        rows = [
            [
                e.date,
                page_link(uri, e.uri, e.title, e.anchor),
                esc(e.kind),
                esc(e.detail),
                esc(e.owner),
                esc(e.service),
            ]
            for e in entries
        ]
        out += [table(["Date", "Evidence", "Kind", "Detail", "Owner", "Service"], rows), ""]
    return "\n".join(out)


def _yaml_text(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def built_file(uri: str, use_directory_urls: bool = True) -> str:
    """Where MkDocs writes the page of *uri* (a path under docs/): a/b.md -> a/b/index.html."""
    stem = uri.rsplit(".", 1)[0]
    if not use_directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem + ".html"
    return stem + "/index.html"


def pack_link(entry: Entry, use_directory_urls: bool = True) -> str:
    """The entry's page in the pack's folder: site/<page>/index.html#anchor."""
    target = "site/" + built_file(entry.uri, use_directory_urls)
    return f"{target}#{entry.anchor}" if entry.anchor else target


_STYLE = Markup(
    "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;margin:0 auto;"
    "max-width:72rem;padding:1rem 1.25rem 3rem;color:#1b1b1b;line-height:1.5}"
    "h1{font-size:1.75rem;margin:.5rem 0}h2{font-size:1.35rem;margin:2rem 0 .5rem;"
    "border-bottom:2px solid #1b1b1b}"
    ".facts{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:0}"
    ".facts dt{font-weight:600}.facts dd{margin:0}"
    ".answers{font-style:italic}"
    ".scroll{overflow-x:auto}"
    "table{border-collapse:collapse;width:100%;font-size:.95rem}"
    "th,td{text-align:left;vertical-align:top;padding:.4rem .5rem;border-bottom:1px solid #b1b4b6}"
    "th{background:#f3f2f1}td.date{white-space:nowrap}"
    "a{color:#1d4ed8}a:focus{outline:3px solid #fd0;background:#fd0;color:#0b0c0c}"
    "@media (max-width:40rem){table,thead,tbody,tr,th,td{display:block}thead{display:none}"
    "tr{border-bottom:2px solid #b1b4b6;padding:.4rem 0}td{border:0;padding:.1rem 0}"
    "td[data-label]::before{content:attr(data-label) ': ';font-weight:600}}"
    "@media print{a{color:inherit}}"
)


def pack_html(
    framework: Framework,
    headings: list[tuple[str, str, list[Entry]]],
    as_of: dt.date,
    site_name: str,
    use_directory_urls: bool = True,
    built: dt.date | None = None,
) -> str:
    """The pack's index.html: one self-contained page (its style inline, no script, nothing
    fetched), every entry linking to its page in the site built beside it."""
    title = f"{_title(framework)}, {long_date(as_of)}"
    facts = element(
        "dl",
        *(
            join([element("dt", name), element("dd", value)])
            for name, value in (
                ("Site", site_name),
                ("Framework", f"{framework.name} ({framework.publisher})"),
                ("Version", framework.version),
                ("As on", long_date(as_of)),
                *((("Site copy built", long_date(built)),) if built else ()),
                ("Services", " and ".join(framework.services) or "every service"),
                ("Made by", f"Practice Hub {__version__}"),
            )
        ),
        class_="facts",
    )
    sections = []
    for key, heading, entries in headings:
        named = answers(framework, key)
        rows = [
            element(
                "tr",
                element("td", e.date, class_="date", data_label="Date"),
                element("td", link(e.title, pack_link(e, use_directory_urls)), data_label="Evidence"),
                element("td", e.kind, data_label="Kind"),
                element("td", e.detail, data_label="Detail"),
                element("td", e.owner, data_label="Owner"),
                element("td", e.service, data_label="Service"),
                data_kind=e.kind,
            )
            for e in entries
        ]
        sections.append(
            element(
                "section",
                element("h2", heading, id=key),
                element("p", "Answers: " + "; ".join(named), class_="answers") if named else "",
                element(
                    "div",
                    element(
                        "table",
                        table_head("Date", "Evidence", "Kind", "Detail", "Owner", "Service"),
                        element("tbody", *rows),
                    ),
                    class_="scroll",
                )
                if rows
                else element("p", "Nothing yet."),
                aria_labelledby=key,
            )
        )
    head = element(
        "head",
        Markup('<meta charset="utf-8">'),
        Markup('<meta name="viewport" content="width=device-width, initial-scale=1">'),
        Markup('<meta name="referrer" content="no-referrer">'),
        element("title", title),
        element("style", _STYLE),
    )
    body = element(
        "body",
        element(
            "main",
            element("h1", title),
            facts,
            element(
                "p",
                "Each entry is what the site held on that date (nothing dated after it) and links to its "
                "page in the copy of the site beside this page (the folder site/), built when the pack was "
                "made. Nothing here is fetched from the network. Opened from a folder, "
                "the site's search does not work (browsers do not let a page search files): use its "
                "menu, or ask IT to serve the folder site/ as the live site is served.",
            ),
            *sections,
        ),
    )
    return str(Markup("<!DOCTYPE html>\n") + element("html", head, body, lang="en-GB") + Markup("\n"))


def pack_csv(
    framework: Framework, headings: list[tuple[str, str, list[Entry]]], use_directory_urls: bool = True
) -> str:
    """The same entries as the page, one row each, for a spreadsheet (CSV_COLUMNS; a cell that
    Excel would read as a formula is written as text, as the audit spreadsheet's are)."""
    lines = [",".join(CSV_COLUMNS)]
    for key, heading, entries in headings:
        named = "; ".join(answers(framework, key))
        for e in entries:
            values = (heading, named, e.kind, e.title, e.date, e.detail, e.owner, e.service)
            lines.append(",".join(cell(v) for v in (*values, pack_link(e, use_directory_urls))))
    return "\r\n".join(lines) + "\r\n"
