"""Attachments are checked for case data before they are published (issue 26).

Plain text (.txt, .csv) is read as UTF-8 and scanned line by line, like a page; Word, Excel and
PowerPoint files (.docx, .xlsx, .pptx) and OpenDocument files (.odt, .ods, .odp) are zip
archives of XML, whose text is taken out (within fixed bounds: a zip bomb is refused, never
unpacked) and scanned; PDF text is taken out with pypdf, page by page, within a page and time
limit. A file that cannot be read is refused with a plain message, never a traceback.
"""

from __future__ import annotations

import html
import io
import logging
import re
import time
import zipfile
import zlib

from . import casedata

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
RTF = ".rtf"

MAX_MEMBERS = 10_000
MAX_UNCOMPRESSED = 50_000_000  # bytes, all members together
MAX_PDF_PAGES = 2_000
MAX_PDF_SECONDS = 60.0
MAX_FINDINGS = 20  # per file; then one line says how many more

DOCUMENT_HINT = "remove it from the document and upload it again: the site is read by every member of staff"
UNREADABLE_HINT = "save it again from the program that made it, or save it as PDF"

# The ends of paragraphs, cells and lines in Office Open XML and OpenDocument.
_BREAK = re.compile(
    r"</(?:w:p|a:p|text:p|text:h|si|c|is|table:table-cell)>|<(?:w:br|a:br|w:cr|text:line-break)\b[^>]*>"
)
_SPACE = re.compile(r"<(?:w:tab|text:tab|text:s)\b[^>]*/>")
_TAG = re.compile(r"<[^>]*>")


def scan(suffix: str, raw: bytes) -> list[tuple[int, str, str]]:
    """(line, message, hint) for each piece of case data in an attachment, or why it cannot be read."""
    if suffix in TEXT:
        return _scan_text(raw)
    if suffix == RTF:
        return _limit(_scan_lines(raw.decode("latin-1"), "", DOCUMENT_HINT))
    if suffix in OFFICE:
        return _limit(_scan_office(raw, OFFICE[suffix]))
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
    found = []
    for number, line in enumerate(text.split("\n"), 1):
        if casedata.marked(line):
            continue
        for _, reason in casedata.find(line):
            found.append((number if numbered else 1, f"{reason}{where}", hint))
    return found


def _scan_text(raw: bytes) -> list[tuple[int, str, str]]:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return [
            (
                line,
                f"the file is not UTF-8 text (byte 0x{raw[error.start]:02X} cannot be read), "
                "so it cannot be checked for case data",
                'save it as UTF-8 (in Excel: Save As, "CSV UTF-8"; in Notepad: Save As, Encoding UTF-8)',
            )
        ]
    return _limit(_scan_lines(text, "", casedata.HINT))


def _scan_office(raw: bytes, kind: str) -> list[tuple[int, str, str]]:
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
        found = []
        budget = MAX_UNCOMPRESSED
        for member in members:
            if not member.filename.endswith(".xml") or member.is_dir():
                continue
            with archive.open(member) as handle:
                data = handle.read(budget + 1)
            budget -= len(data)
            if budget < 0:  # the sizes in the archive's index were not the truth
                return [_bomb(f"unpacks to more than {MAX_UNCOMPRESSED // 1_000_000} MB")]
            found += _scan_lines(xml_text(data), f", in {member.filename}", DOCUMENT_HINT, numbered=False)
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


def xml_text(data: bytes) -> str:
    """The text of an Office or OpenDocument XML part: one line per paragraph or cell."""
    text = data.decode("utf-8", "replace")
    text = _SPACE.sub(" ", _BREAK.sub("\n", text))
    return html.unescape(_TAG.sub("", text))


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
            opened = reader.decrypt("")
        except Exception:  # noqa: BLE001
            opened = 0
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
