"""Safe content: what an editor writes cannot run script, reach outside the site or leak
case data, and pathological input is refused before Markdown renders it.

Two entry points:

* ``check_file`` runs for every content file as it is read (its problems are cached with the file);
* ``check_project`` runs once per build for what is not a content file (every file's type, links,
  drawings and attachments, the authors file).
"""

from __future__ import annotations

import re
from pathlib import Path

from ..problems import Problem
from . import accessible, casedata, fields, html, markdown_limits, names, published, rendered

AUTHORS_FILE = "news/.authors.yml"
#: The fewest digits any case data holds: a date of birth such as "4 May 1990" (an NI number has
#: six, an NHS number ten); a page's visible text with fewer is not scanned again after rendering.
MIN_DIGITS = 5
_TAG = re.compile(r"<[^>]*>")
_DIGIT = re.compile(r"[0-9\uff10-\uff19\u0660-\u0669\u06f0-\u06f9]")


def check_file(path: str, text: str, items) -> list[Problem]:
    """Problems in the items read from one file (bodies and every field)."""
    found: list[Problem] = []
    lines = text.split("\n")
    for item in items:

        def field_problem(line, message, hint, field="", item=item):
            found.append(Problem(path, line, message, hint, item.type, field))

        fields.check_item(item, lines, field_problem)
        if item.body:
            check_body(path, item.type, item.body, item.body_line, found)
    return found


def check_body(path: str, type_name: str, body: str, first_line: int, found: list[Problem]) -> None:
    def report(line, message, hint):
        found.append(Problem(path, line + first_line - 1, message, hint, type_name))

    lines = body.split("\n")
    body = html.report_word_tables(body, report)  # one message a table, not one a tag
    markdown_limits.check(body, report)
    if any(p.path == path and p.message.startswith(("the line is", "the paragraph has")) for p in found):
        return  # the HTML walk is linear, but a 2 MB line makes poor messages
    html.check_body(body, report)
    for number, line in enumerate(lines, 1):
        char = fields.bad_character(line)
        if char:
            report(
                number,
                f"the text has the invisible control character {fields.describe_character(char)}",
                "delete it: it cannot appear on a web page",
            )
        if casedata.MARKER in line and casedata.marker_shown(line):
            report(
                number,
                "the not-case-data marker is written here as text, which readers would see",
                f"write it as an HTML comment at the end of the line: {casedata.MARKDOWN_MARKER}",
            )
            continue  # what the marker is meant for is judged once it is written as a comment
        for _, message, hint in casedata.check_text(line, line if casedata.body_marked(line) else ""):
            report(number, message, hint)


def check_rendered(items, renderer: rendered.Renderer, problems) -> None:
    """Judge each body as the build renders it (the same Markdown extensions and
    settings), through the allow-list: what a parser trick hides from the source check is found
    here, and what makes a page hard to use with a screen reader (``accessible``). Pages over a
    size or nesting limit are never rendered (their cost is not bounded)."""
    reported: dict[str, set] = {}
    for problem in problems.items:
        reported.setdefault(problem.path, set()).add((problem.line, problem.message))
    for item in items:
        if not item.body or item.from_yaml:
            continue
        body = html.report_word_tables(item.body, lambda *_: None) if "<" in item.body else item.body
        if plain_text(body) and not accessible.worth_rendering(body, renderer.extensions, renderer.style):
            continue  # nothing the renderer could turn into markup or case data the source scan missed
        limited: list = []
        markdown_limits.check(body, lambda *found, limited=limited: limited.append(found))
        if limited or any(m.startswith(html.TOO_DEEP) for _, m in reported.get(item.path, ())):
            continue  # refused already, and too costly to render
        try:
            output = renderer.render(body)
        except RecursionError:
            problems.add(
                item.path, item.body_line, f"{html.TOO_DEEP} to be read", html.TOO_DEEP_HINT, type=item.type
            )
            continue
        already = {(line - item.body_line + 1, m) for line, m in reported.get(item.path, ())}
        published, found = rendered.judge_page(output, body, rendered.CONTENT, already)
        for line, message, hint in found:
            problems.add(item.path, line + item.body_line - 1, message, hint, type=item.type)
        for line, message, hint in case_data_seen(published, body, item.body_line):
            problems.add(item.path, line, message, hint, type=item.type)
        for line, message, hint in accessible.check(output, body, renderer.style):
            problems.add(item.path, line + item.body_line - 1, message, hint, type=item.type)


#: What Markdown needs to make anything but headings, paragraphs, lists, quotes and plain code:
#: raw HTML, entities, escapes, code spans and fences, attribute lists, emphasis, tables, links.
_MARKUP = re.compile(r"[<>&\\`~{}*_|\[]")


#: Characters a reader never sees (Unicode's format characters: soft hyphen, zero-width spaces and
#: joiners, bidirectional marks, word joiner, byte order mark, tags): the reader's text drops them,
#: so a number they split is one number to a reader but not to a scan of the source.
_INVISIBLE = re.compile(
    "[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u08e2\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000e0001\U000e0020-\U000e007f]"
)


def plain_text(body: str) -> bool:
    """The fast path of the rendered check (the build judges every page it renders anyway): a body
    with none of the characters that make markup renders only to allowed elements, and its visible
    text is its own text, so the source checks have seen it all, once case data split over lines
    is looked for in the whole body."""
    return not _MARKUP.search(body) and not _INVISIBLE.search(body) and not casedata.findings(body)


def case_data_seen(published: str, body: str, first_line: int) -> list[tuple[int, str, str]]:
    """Case data in the text a reader sees (after rendering: markup, entities, emphasis and line
    breaks gone; table rows as rows) that the line-by-line scan of *body* did not already find:
    (line in the file, message, hint)."""
    if len(_DIGIT.findall(_TAG.sub("", published))) < MIN_DIGITS:
        return []  # every kind of case data holds at least this many digits
    if not casedata.findings(casedata.reader_text(published)):
        return []  # nothing in what the reader sees: no need to scan the source line by line
    return [
        (line, message, casedata.hint_for(message))
        for line, message in casedata.scan_rendered(published, body, first_line, casedata.source_keys(body))
    ]


def check_project(
    docs_dir: Path, docs_rel: str, schemas, problems, root: Path | None = None
) -> frozenset[str]:
    """Files that may not be published (returned: paths under docs/), links leading outside
    docs/, and the news authors file. *root*: the project's folder (its theme folder)."""
    refused = published.check_files(root or Path(docs_dir).parent, docs_dir, docs_rel, problems)
    names.check_names(docs_dir, docs_rel, problems)
    authors = Path(docs_dir) / AUTHORS_FILE
    if authors.is_file() and not authors.is_symlink() and "authors" in schemas.validators:
        _check_authors(authors, f"{docs_rel}/{AUTHORS_FILE}" if docs_rel else AUTHORS_FILE, schemas, problems)
    return refused


def _check_authors(file: Path, path: str, schemas, problems) -> None:
    from ..loader.text import TextProblem, decode
    from ..loader.yaml_lines import YamlProblem, load

    try:
        text = decode(file.read_bytes())
        loaded = load(text)
    except (TextProblem, YamlProblem) as problem:
        problems.add(path, problem.line, problem.message, problem.hint, type="authors")
        return
    for finding in schemas.check("authors", loaded.data):
        problems.add(
            path,
            loaded.line_of(finding.path),
            finding.message,
            finding.hint,
            type="authors",
            field=finding.field,
        )
    data = loaded.data.get("authors") if isinstance(loaded.data, dict) else None
    lines = text.split("\n")
    for key, entry in data.items() if isinstance(data, dict) else ():
        for name, value in entry.items() if isinstance(entry, dict) else ():
            if not isinstance(value, str):
                continue
            line = loaded.line_of(("authors", key, name))
            char = fields.bad_character(value)
            if char:
                problems.add(
                    path,
                    line,
                    f'field "authors.{key}.{name}" has the invisible control character '
                    f"{fields.describe_character(char)}",
                    "delete it",
                    type="authors",
                )
            line_text = lines[line - 1] if line <= len(lines) else ""
            for _, message, hint in casedata.check_value(value, line_text)[:1]:
                problems.add(path, line, f'field "authors.{key}.{name}": {message}', hint, type="authors")
