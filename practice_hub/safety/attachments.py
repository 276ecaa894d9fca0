"""Attachments are checked for case data before they are published.

Plain text (.txt, .csv) is read as UTF-8 (a file holding NUL characters, UTF-16 without a
byte-order mark, is refused) and scanned whole, each finding on its line; a CSV file is also
read with the csv module and its rows scanned as one table (cells joined by ``" | "``, the header
first), so that a ``name,dob`` header over ``Jamie Smith,12/03/2015`` is found. Word, Excel and
PowerPoint files (.docx, .xlsx, .pptx) and OpenDocument files (.odt, .ods, .odp) are zip
archives of XML, whose text is taken out (within fixed bounds: a zip bomb is refused, never
unpacked) and scanned: one line per paragraph, and a table row (a spreadsheet row, its shared
strings looked up) as one line of cells joined by ``" | "``, so the table rule of
:mod:`.casedata` applies. PDF text is taken out with pypdf, page by page, within a page and time
limit. A file that cannot be read is refused with a plain message, never a traceback. Rich text
(.rtf) is not published at all: its text (``\\u`` escapes, ``\\'xx`` bytes, groups) cannot be
read reliably.
"""

from __future__ import annotations

import csv
import io
import logging
import re
import time
import zipfile
import zlib

from . import casedata
from .entities import unescape

TEXT = (".txt", ".csv")
OFFICE = {
    ".docx": "Word document",
    ".xlsx": "Excel workbook",
    ".pptx": "PowerPoint presentation",
    ".odt": "OpenDocument text",
    ".ods": "OpenDocument spreadsheet",
    ".odp": "OpenDocument presentation",
}
PDF = ".pdf"

MAX_MEMBERS = 10_000
MAX_UNCOMPRESSED = 50_000_000  # bytes, all members together
MAX_PDF_PAGES = 2_000
MAX_PDF_SECONDS = 60.0
MAX_FINDINGS = 20  # per file; then one line says how many more

DOCUMENT_HINT = "remove it from the document and upload it again: the site is read by every member of staff"
UNREADABLE_HINT = "save it again from the program that made it, or save it as PDF"
TEXT_HINT = 'save it as UTF-8 (in Excel: Save As, "CSV UTF-8"; in Notepad: Save As, Encoding UTF-8)'


def scan(suffix: str, raw: bytes) -> list[tuple[int, str, str]]:
    """(line, message, hint) for each piece of case data in an attachment, or why it cannot be read."""
    if suffix in TEXT:
        return _scan_text(raw, csv_rows=suffix == ".csv")
    if suffix in OFFICE:
        return _limit(_scan_office(raw, OFFICE[suffix], shared_strings=suffix == ".xlsx"))
    if suffix == PDF:
        return _limit(_scan_pdf(raw))
    return []


def _limit(found: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    if len(found) <= MAX_FINDINGS:
        return found
    line, _, hint = found[MAX_FINDINGS]
    more = len(found) - MAX_FINDINGS
    return found[:MAX_FINDINGS] + [(line, f"and {more:,} more pieces of case data in this file", hint)]


def _scan_lines(text: str, where: str, hint: str, numbered: bool = True) -> list[tuple[int, str, str]]:
    """The text read whole (tables, numbers split over lines), each finding on its line (or line 1),
    after the marker rule of that line."""
    return [
        (line if numbered else 1, f"{message}{where}", line_hint)
        for line, message, line_hint in casedata.check_lines(text, hint)
    ]


def _scan_text(raw: bytes, csv_rows: bool = False) -> list[tuple[int, str, str]]:
    nul = raw.find(b"\x00")
    if nul >= 0:
        return [
            (
                raw[:nul].count(b"\n") + 1,
                "the file is not UTF-8 text (it holds NUL characters, as UTF-16 files do), "
                "so it cannot be checked for case data",
                TEXT_HINT,
            )
        ]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return [
            (
                line,
                f"the file is not UTF-8 text (byte 0x{raw[error.start]:02X} cannot be read), "
                "so it cannot be checked for case data",
                TEXT_HINT,
            )
        ]
    found = _scan_lines(text, "", casedata.HINT)
    if csv_rows:
        found = _scan_csv_rows(text, found)
    return _limit(found)


def _scan_csv_rows(text: str, found: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    """*found* (the scan of the text) and what reading the CSV file's rows as one table finds
    besides: each row's cells joined by " | " (the first row the header), each finding placed on
    the line where its row starts."""
    rows, row_lines = [], []
    reader = csv.reader(io.StringIO(text, newline=""))
    start = 1
    try:
        for cells in reader:
            rows.append(table_row(cells))
            row_lines.append(start)
            start = reader.line_num + 1
    except csv.Error as error:
        return found + [
            (
                reader.line_num or 1,
                f"the file cannot be read as CSV ({error}), so it cannot be checked for case data",
                UNREADABLE_HINT,
            )
        ]
    seen = {(line, _same(key)) for line, _, _, key in casedata.check_lines_keyed(text)}
    out = list(found)
    for row, message, hint, key in casedata.check_lines_keyed("\n".join(rows)):
        line = row_lines[row - 1]
        if (line, _same(key)) not in seen:
            seen.add((line, _same(key)))
            out.append((line, message, hint))
    out.sort(key=lambda problem: problem[0])
    return out


def _same(key: tuple) -> tuple:
    """What makes two findings on one line the same: the number, or the date of a date of birth."""
    return ("dob", key[-1]) if key and key[0] == "dob" else key


def table_row(cells: list[str]) -> str:
    """One row of a table as one line: cells joined by " | ", line breaks inside a cell made spaces;
    a row of one cell (or none) keeps a bar, so that it does not end the table."""
    line = " | ".join(cell.replace("\r", " ").replace("\n", " ") for cell in cells)
    return line if len(cells) > 1 else line + " |"


def _scan_office(raw: bytes, kind: str, shared_strings: bool = False) -> list[tuple[int, str, str]]:
    unreadable = [
        (
            1,
            f"the file cannot be opened as a {kind}, so it cannot be checked for case data",
            UNREADABLE_HINT,
        )
    ]
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        members = archive.infolist()
        if len(members) > MAX_MEMBERS:
            return [_bomb(f"has {len(members):,} parts, more than {MAX_MEMBERS:,}")]
        if sum(member.file_size for member in members) > MAX_UNCOMPRESSED:
            return [_bomb(f"unpacks to more than {MAX_UNCOMPRESSED // 1_000_000} MB")]
        parts = []
        budget = MAX_UNCOMPRESSED
        for member in members:
            if not member.filename.endswith(".xml") or member.is_dir():
                continue
            with archive.open(member) as handle:
                data = handle.read(budget + 1)
            budget -= len(data)
            if budget < 0:  # the sizes in the archive's index were not the truth
                return [_bomb(f"unpacks to more than {MAX_UNCOMPRESSED // 1_000_000} MB")]
            parts.append((member.filename, data))
        shared = None
        if shared_strings:  # a workbook's cells name their text by its place in sharedStrings.xml
            shared = []
            parts.sort(key=lambda part: not part[0].endswith("sharedStrings.xml"))  # read first
            for name, data in parts:
                if name.endswith("sharedStrings.xml"):
                    shared += shared_string_list(data)
        found: list[tuple[int, str, str]] = []
        seen: set = set()  # keys reported: a shared string is reported once, not again in its sheet
        for name, data in parts:
            for _, message, hint, key in casedata.check_lines_keyed(xml_text(data, shared), DOCUMENT_HINT):
                if key not in seen:
                    seen.add(key)
                    found.append((1, f"{message}, in {name}", hint))
        return found
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        OSError,
        EOFError,
        RuntimeError,
        ValueError,
        NotImplementedError,
        zlib.error,
        UnicodeError,
    ):
        return unreadable


def _bomb(what: str) -> tuple[int, str, str]:
    return (
        1,
        f"the file {what}, so it is not opened to be checked for case data",
        "save the document again without embedded files, or split it",
    )


# Elements of Office Open XML (w: Word, a: PowerPoint, spreadsheet cells c in rows) and
# OpenDocument (table:, text:), by local name.
_TABLES = frozenset({"tbl", "table", "sheetData"})
_ROWS = frozenset({"tr", "table-row", "row"})
_CELLS = frozenset({"tc", "table-cell", "covered-table-cell"})
_PARAGRAPHS = frozenset({"p", "h", "si"})  # their end is a line break (a space in a cell)
_BREAKS = frozenset({"br", "cr", "line-break"})
_SPACES = frozenset({"tab", "s"})
_NAME = re.compile(r"/?([^\s/>]*)")
_TYPE = re.compile(r"""\bt\s*=\s*["']([^"']*)["']""")


def _tokens(data: bytes):
    """("tag", closing, local name, self-closing, whole tag) or ("text", decoded text), in order;
    comments dropped, CDATA given as text. Linear: every search starts where the last ended."""
    text = data.decode("utf-8", "replace")
    at, end = 0, len(text)
    while at < end:
        if text[at] != "<":
            stop = text.find("<", at)  # the text runs to the next tag, or to the end
            stop = end if stop < 0 else stop
            yield ("text", unescape(text[at:stop]))
            at = stop
        elif text.startswith("<![CDATA[", at):
            close = text.find("]]>", at + 9)
            close = end if close < 0 else close
            yield ("text", text[at + 9 : close])
            at = close + 3
        elif text.startswith("<!--", at):
            close = text.find("-->", at + 4)
            at = end if close < 0 else close + 3
        else:
            close = text.find(">", at)
            if close < 0:  # no tag closes: the rest is text (and no later tag can close either)
                yield ("text", unescape(text[at:]))
                return
            inner = text[at + 1 : close]
            named = _NAME.match(inner)
            assert named is not None  # every part of the pattern is optional: it always matches
            name = named.group(1)
            yield ("tag", inner.startswith("/"), name.rpartition(":")[2], inner.endswith("/"), inner)
            at = close + 1


def shared_string_list(data: bytes) -> list[str]:
    """The strings of a workbook's sharedStrings.xml, in order (each ``<si>`` one string)."""
    strings: list[str] = []
    current: list[str] | None = None
    for token in _tokens(data):
        if token[0] == "text":
            if current is not None:
                current.append(token[1])
        elif token[2] == "si":
            if token[1]:
                if current is not None:
                    strings.append(_one_line("".join(current)))
                current = None
            elif not token[3]:
                current = []
            else:
                strings.append("")
    return strings


def _one_line(text: str) -> str:
    return text.replace("\r", " ").replace("\n", " ")


def xml_text(data: bytes, shared: list[str] | None = None) -> str:
    """The text of an Office or OpenDocument XML part: one line per paragraph, and each table row
    (``w:tr``, ``a:tr``, ``table:table-row``, a worksheet's ``row``) one line of its cells joined
    by " | ", a blank line before and after each table. With *shared* (a workbook's shared
    strings), the part is read as a worksheet: a cell of type "s" shows the shared string its
    value names, and formulas are left out (their cached values are read)."""
    sheet = shared is not None
    cells = _CELLS | {"c"} if sheet else _CELLS
    out: list[str] = []
    tables: list[int] = []  # cells so far in the current row of each open table
    in_cell = 0
    formula = 0
    cell_type = ""
    value: list[str] | None = None  # the index of a shared string, being read

    def line_break(block: str = "\n") -> None:
        out.append(" " if in_cell else block)

    for token in _tokens(data):
        if token[0] == "text":
            text = token[1]
            if formula:
                continue
            if value is not None:
                value.append(text)
            elif in_cell:
                out.append(_one_line(text))
            elif tables:
                if text.strip():  # text in a table outside its cells: kept, on the row's line
                    out.append(_one_line(text))
            else:
                out.append(text)
            continue
        _, closing, local, empty, whole = token
        if local in _TABLES:
            if not closing:
                line_break("\n\n")
                if not empty:
                    tables.append(0)
            elif tables:
                tables.pop()
                line_break("\n\n")
        elif local in _ROWS:
            if not closing and tables:
                tables[-1] = 0
            if closing or empty:
                line_break()
        elif local in cells:
            if closing:
                in_cell = max(0, in_cell - 1)
                cell_type = ""
                if out and out[-1] == " ":  # the end of the cell's last paragraph
                    out.pop()
            else:
                if tables:
                    if tables[-1]:
                        out.append(" | ")
                    tables[-1] += 1
                if not empty:
                    in_cell += 1
                    if sheet and local == "c":
                        found_type = _TYPE.search(whole)
                        cell_type = found_type.group(1) if found_type else ""
        elif sheet and local == "f":
            if closing:
                formula = max(0, formula - 1)
            elif not empty:
                formula += 1
        elif shared is not None and local == "v" and cell_type == "s":  # a worksheet's cell
            if not closing and not empty:
                value = []
            elif closing and value is not None:
                index = "".join(value).strip()
                value = None
                if index.isdigit() and int(index) < len(shared):
                    out.append(shared[int(index)])
        elif local in _PARAGRAPHS:
            if closing:
                line_break()
        elif local in _BREAKS:
            line_break()
        elif local in _SPACES:
            out.append(" ")
    return "".join(out)


def _scan_pdf(raw: bytes) -> list[tuple[int, str, str]]:
    logger = logging.getLogger("pypdf")
    level, propagate = logger.level, logger.propagate
    logger.setLevel(logging.CRITICAL + 1)  # pypdf's warnings about untidy files are not problems
    logger.propagate = False
    try:
        return _read_pdf(raw)
    except Exception as error:  # noqa: BLE001 - pypdf raises many kinds; the editor gets one message
        detail = " ".join(str(error).split())[:120] or type(error).__name__
        return [
            (1, f"the PDF cannot be read ({detail}), so it cannot be checked for case data", UNREADABLE_HINT)
        ]
    finally:
        logger.setLevel(level)
        logger.propagate = propagate


def _read_pdf(raw: bytes) -> list[tuple[int, str, str]]:
    from pypdf import PdfReader

    start = time.monotonic()
    reader = PdfReader(io.BytesIO(raw), strict=False)
    if reader.is_encrypted:
        try:
            opened = bool(reader.decrypt(""))  # PasswordType.NOT_DECRYPTED is 0
        except Exception:  # noqa: BLE001
            opened = False
        if not opened:
            return [
                (
                    1,
                    "the PDF is protected with a password, so it cannot be checked for case data",
                    "save it again without a password",
                )
            ]
    count = len(reader.pages)
    if count > MAX_PDF_PAGES:
        return [
            (
                1,
                f"the PDF has {count:,} pages, more than {MAX_PDF_PAGES:,}, so it is not checked for case data",
                "split it into smaller documents",
            )
        ]
    found = []
    for number, page in enumerate(reader.pages, 1):
        if time.monotonic() - start > MAX_PDF_SECONDS:
            return [
                (
                    1,
                    f"the PDF takes more than {MAX_PDF_SECONDS:.0f} seconds to read, "
                    "so it cannot be checked for case data",
                    UNREADABLE_HINT,
                )
            ]
        found += _scan_lines(page.extract_text() or "", f", on page {number}", DOCUMENT_HINT, numbered=False)
    return found
