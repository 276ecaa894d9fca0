"""Publish only what was checked: the allow-list of file types, drawings, the engine's
own files, a draft's attachments and attachments scanned for case data, rule by rule."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from made_files import docx_with, pdf_with

from helpers import REPO
from practice_hub.problems import Problems
from practice_hub.safety import attachments, svg
from practice_hub.safety.engine_files import engine_files
from practice_hub.safety.files import linked_files, unpublished_attachments
from practice_hub.safety.published import check_files, is_refused, refusal, replacing
from practice_hub.structure.items import Item

NHS = '"943 476 5919" looks like an NHS number (it passes the NHS number check)'
DOCUMENT_HINT = "remove it from the document and upload it again: the site is read by every member of staff"
ALLOWED = (
    "publish a page (.md) or an attachment: PDF, an Office document (.docx .xlsx .pptx .odt .ods .odp), "
    "a picture (.png .jpg .jpeg .gif .webp .svg) or plain text (.txt .csv)"
)
DOB = "looks like a date of birth next to a person"
NI = "looks like a National Insurance number"
CASE_HINT = attachments.casedata.HINT
DOB_HINT = attachments.casedata.for_kind(CASE_HINT, ("dob",))
TEXT_HINT = 'save it as UTF-8 (in Excel: Save As, "CSV UTF-8"; in Notepad: Save As, Encoding UTF-8)'
DRAWING_HINT = "remove it from the drawing and upload it again: the site is read by every member of staff"
SCRIPTS_HINT = "the site's own scripts and styles come from the engine; a council's own go in its theme folder (theme.custom_dir in mkdocs.yml)"
BACKUP = (
    "this is an editor's backup or temporary file: publishing it would publish a draft's source",
    "delete the backup file; git keeps every version",
)
HIDDEN = (
    "hidden files and folders (names starting with a dot) are not published",
    "delete it, or rename it without the dot if it belongs on the site",
)
SVG_HINT = "a drawing may hold only shapes, text, gradients and groups: remove it, or save the drawing as a PNG picture"
SVG_OPEN = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">\n'


# --- the allow-list ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "uri",
    [
        "procedures/home-visits.md",
        "training/courses.yml",
        "_data/tags.yml",
        "news/.authors.yml",
        "tools/files/form.pdf",
        "tools/files/form.docx",
        "tools/files/sheet.xlsx",
        "tools/files/slides.pptx",
        "tools/files/text.odt",
        "tools/files/sheet.ods",
        "tools/files/slides.odp",
        "images/a.png",
        "images/a.jpg",
        "images/a.jpeg",
        "images/a.gif",
        "images/a.webp",
        "images/a.svg",
        "tools/files/a.txt",
        "tools/files/a.csv",
    ],
)
def test_allowed_types_are_published(uri):
    assert refusal(uri) is None


@pytest.mark.parametrize(
    "uri, expected",
    [
        (
            "tools/files/three.html",
            (
                "an HTML file would be published unchecked and could run script on the site",
                "write the page in Markdown",
            ),
        ),
        (
            "x.htm",
            (
                "an HTML file would be published unchecked and could run script on the site",
                "write the page in Markdown",
            ),
        ),
        ("assets/x.js", ("scripts and stylesheets are not published from docs/", SCRIPTS_HINT)),
        ("stylesheets/x.css", ("scripts and stylesheets are not published from docs/", SCRIPTS_HINT)),
        ("data/x.xml", ('files of type ".xml" are not published', ALLOWED)),
        ("data/x.json", ('files of type ".json" are not published', ALLOWED)),
        ("procedures/page.md~", BACKUP),
        ("procedures/page.md.bak", BACKUP),
        ("procedures/page.md.swp", BACKUP),
        ("procedures/page.tmp", BACKUP),
        ("procedures/page.md.orig", BACKUP),
        ("tools/files/~$form.docx", BACKUP),
        ("procedures/.page.md.swp", HIDDEN),
        ("procedures/.hidden", HIDDEN),
        (".git/config", HIDDEN),
        ("news/.other.yml", HIDDEN),
        ("CNAME", ("files with no extension are not published", ALLOWED)),
        (
            "procedures/Home Visits.MD",
            (
                'the file name ends in ".MD" in capitals, so it would be copied into the site unchecked '
                "instead of becoming a page",
                'rename it to "home-visits.md" and change the links to it',
            ),
        ),
        (
            "tools/files/Form.PDF",
            (
                'the file name ends in ".PDF" in capitals',
                'rename it to "Form.pdf" (lower-case .pdf) so that it is checked and published',
            ),
        ),
        (
            "tools/files/old.doc",
            (
                "an old binary Office file (.doc) cannot be checked for case data",
                "save it as .docx/.xlsx/.pptx or PDF so it can be checked for case data",
            ),
        ),
        (
            "tools/files/old.xls",
            (
                "an old binary Office file (.xls) cannot be checked for case data",
                "save it as .docx/.xlsx/.pptx or PDF so it can be checked for case data",
            ),
        ),
        (
            "tools/files/letter.rtf",
            (
                "a rich text file (.rtf) cannot be checked for case data: its text cannot be read reliably",
                "save it as .docx or PDF so it can be checked for case data",
            ),
        ),
        (
            "tools/files/data.yml",
            (
                "Practice Hub does not read YAML files in this folder, so it would be published unchecked",
                "save a download as .txt or .csv",
            ),
        ),
    ],
)
def test_other_types_are_refused_with_what_to_do(uri, expected):
    assert refusal(uri) == expected


# --- the engine's own files ----------------------------------------------------------------------
def test_engine_files_come_from_overrides_and_material_without_importing_mkdocs():
    code = (
        "import sys; from pathlib import Path; from practice_hub.safety.engine_files import engine_files; "
        f"e = engine_files(Path({str(REPO)!r})); "
        "print('assets/javascripts/practice-hub-material.js' in e, 'javascripts/practice-hub.js' in e, "
        "'404.html' in e, 'assets/images/favicon.png' in e, 'partials/header.html' in e, "
        "'mkdocs' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True
    )
    assert result.stdout.split() == ["True", "True", "True", "True", "True", "False"]


def test_a_file_at_an_engine_path_is_refused():
    engine = engine_files(REPO)
    assert replacing("assets/javascripts/practice-hub-material.js", engine) == (
        'this file would replace the site\'s own file "assets/javascripts/practice-hub-material.js"',
        "rename or move it: the site's own scripts, styles and pages come from the engine and the site's theme folder",
    )
    assert replacing("assets/images/favicon.png", engine) is not None  # Material's
    assert replacing("pagefind/pagefind.js", engine) is not None  # the search index, written after
    assert replacing("images/favicon.png", engine) is None
    assert is_refused("assets/images/favicon.png", frozenset(), engine)
    assert not is_refused("images/logo.png", frozenset(), engine)


# --- drawings ------------------------------------------------------------------------------------
def test_a_plain_drawing_is_accepted():
    drawing = (
        SVG_OPEN + '<title>T</title><defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/>'
        '</linearGradient></defs>\n<g fill="url(#g)" style="fill: #000"><rect width="1" height="1" '
        'aria-label="box"/><use xlink:href="#g"/><use href="#g"/><text x="1" xml:space="preserve">'
        "Hi<tspan>!</tspan></text></g></svg>\n"
    )
    assert svg.check(drawing.encode()) == []


@pytest.mark.parametrize(
    "body, expected",
    [
        (
            "<script>alert(1)</script>",
            (2, "the drawing has the element <script>, which runs script", SVG_HINT),
        ),
        (
            "<foreignObject/>",
            (2, "the drawing has the element <foreignObject>, which is not allowed", SVG_HINT),
        ),
        ('<a href="#x"/>', (2, "the drawing has the element <a>, which is not allowed", SVG_HINT)),
        (
            '<image href="https://x.example/p.png"/>',
            (2, "the drawing has the element <image>, which is not allowed", SVG_HINT),
        ),
        ("<style>rect{}</style>", (2, "the drawing has the element <style>, which is not allowed", SVG_HINT)),
        (
            '<rect onclick="alert(1)"/>',
            (
                2,
                'the drawing has the attribute "onclick" on <rect>, which runs script',
                "remove it: drawings cannot run script",
            ),
        ),
        (
            '<rect filter="x"/>',
            (2, 'the drawing has the attribute "filter" on <rect>, which is not allowed', SVG_HINT),
        ),
        (
            '<use xlink:href="https://x.example/s.svg#a"/>',
            (
                2,
                'the drawing\'s <use> links to "https://x.example/s.svg#a", outside the drawing',
                'a link in a drawing may only point inside it, like "#shape"',
            ),
        ),
        (
            '<rect style="fill: url(https://x.example/)"/>',
            (
                2,
                'the drawing has a "style" on <rect> that loads a file or runs script (url(), expression or @import)',
                "use presentation attributes such as fill and stroke instead",
            ),
        ),
        (
            '<rect fill="url(https://x.example/p)"/>',
            (
                2,
                'the drawing\'s attribute "fill" on <rect> loads "https://x.example/p", outside the drawing',
                'url() in a drawing may only point inside it, like "url(#gradient)"',
            ),
        ),
    ],
)
def test_anything_outside_the_subset_is_refused_at_its_line(body, expected):
    assert svg.check((SVG_OPEN + body + "\n</svg>\n").encode()) == [expected]


def test_a_drawings_text_is_scanned_for_case_data_at_its_line():
    drawing = (
        SVG_OPEN + "<title>Visits</title>\n"
        '<text x="1">NHS <tspan>943</tspan>\n<tspan dy="1">476 5919</tspan></text>\n'
        '<rect aria-label="AB 12 34 56 C" width="1" height="1"/>\n'
        "<desc>Jamie Smith\n(12/03/2015)</desc>\n"
        "<text>Jamie Smith was born on the 12th of March 2015.</text>\n</svg>\n"
    )
    assert svg.check(drawing.encode()) == [
        (3, NHS, DRAWING_HINT),
        (5, f'"AB 12 34 56 C" {NI}', DRAWING_HINT),
        (6, f'"Jamie Smith (12/03/2015)" {DOB}', DRAWING_HINT),
        (8, f'"born on the 12th of March 2015" {DOB}', DRAWING_HINT),
    ]
    assert svg.check((SVG_OPEN + "<text>Visits 2026: 943 476 5918</text></svg>").encode()) == []


def test_declarations_and_broken_drawings_are_refused():
    bomb = (
        b'<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>\n<svg>&b;</svg>'
    )
    assert svg.check(bomb) == [
        (
            2,
            "the drawing has a DOCTYPE or ENTITY declaration, which is not allowed",
            "remove it: declarations can fetch files or expand into gigabytes",
        )
    ]
    assert svg.check(b'<svg xmlns="http://www.w3.org/2000/svg">\n<rect') == [
        (2, "the drawing is not well-formed XML (unclosed token)", "save it again from the drawing program")
    ]
    assert svg.check(b"<html><script/></html>") == [
        (1, "the drawing starts with <html>, not <svg> in the SVG namespace", SVG_HINT)
    ]
    assert svg.check(
        b'<?xml-stylesheet href="https://x.example/a.css"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>'
    ) == [
        (1, 'the drawing has the processing instruction "<?xml-stylesheet", which is not allowed', SVG_HINT)
    ]


# --- attachments scanned for case data -------------------------------------------------------------
def test_text_and_csv_are_scanned_line_by_line():
    assert attachments.scan(".txt", b"Notes\nNHS 943 476 5919\n") == [(2, NHS, attachments.casedata.HINT)]
    assert attachments.scan(".csv", "\ufeffname,nhs\nA,943 476 5919\n".encode()) == [
        (2, NHS, attachments.casedata.HINT)
    ]
    marked = b"Example 999 000 0026 <!-- practice-hub: not-case-data -->\n"
    assert attachments.scan(".txt", marked) == []
    real = b"Notes\nExample 943 476 5919 <!-- practice-hub: not-case-data -->\n"
    assert attachments.scan(".txt", real) == [
        (
            2,
            '"943 476 5919" passes the NHS number check, so the not-case-data marker cannot be used for it',
            attachments.casedata.MARKER_HINT,
        )
    ]
    assert attachments.scan(".csv", b"a\nb\n\xff\n") == [
        (
            3,
            "the file is not UTF-8 text (byte 0xFF cannot be read), so it cannot be checked for case data",
            'save it as UTF-8 (in Excel: Save As, "CSV UTF-8"; in Notepad: Save As, Encoding UTF-8)',
        )
    ]


def test_csv_rows_are_read_as_one_table_header_first():
    assert attachments.scan(".csv", b"name,dob\nSam Lee,n/a\nJamie Smith,12/03/2015\n") == [
        (3, f'"Jamie Smith | 12/03/2015" {DOB}', DOB_HINT)
    ]
    # a quoted cell over two lines, a title row above the header, a number split over cells
    rows = b'Children in the group\n"Name",Date of birth\n"Jamie\nSmith",12/03/2015\n943,476,5919\n'
    assert attachments.scan(".csv", rows) == [
        (3, f'"Jamie Smith | 12/03/2015" {DOB}', DOB_HINT),
        (5, '"943 | 476 | 5919" looks like an NHS number (it passes the NHS number check)', CASE_HINT),
    ]
    # found by the line scan already: not again by the row scan
    assert attachments.scan(".csv", b"name,dob\nJamie Smith,DOB 12/03/2015\n") == [
        (2, f'"DOB 12/03/2015" {DOB}', DOB_HINT)
    ]
    assert (
        attachments.scan(".csv", b"trainer,date,course\nSam Patel,12/03/2026,Working with birth parents\n")
        == []
    )
    assert attachments.scan(".csv", b'x,"' + b"a" * 200_000 + b'"\n') == [
        (
            1,
            "the file cannot be read as CSV (field larger than field limit (131072)), so it cannot be checked "
            "for case data",
            "save it again from the program that made it, or save it as PDF",
        )
    ]


def test_utf16_text_without_a_byte_order_mark_is_refused():
    for suffix in (".txt", ".csv"):
        assert attachments.scan(suffix, "name,nhs\nA,943 476 5919\n".encode("utf-16-le")) == [
            (
                1,
                "the file is not UTF-8 text (it holds NUL characters, as UTF-16 files do), so it cannot be "
                "checked for case data",
                TEXT_HINT,
            )
        ]


def test_many_findings_are_summed_up():
    found = attachments.scan(".csv", b"943 476 5919\n" * 25)
    assert len(found) == 21
    assert found[-1] == (21, "and 5 more pieces of case data in this file", attachments.casedata.HINT)


def test_office_documents_are_scanned_with_where():
    assert attachments.scan(".docx", docx_with("943 476 5919")) == [
        (1, f"{NHS}, in word/document.xml", DOCUMENT_HINT)
    ]
    assert attachments.scan(".docx", docx_with("nothing")) == []
    spreadsheet = io.BytesIO()
    with zipfile.ZipFile(spreadsheet, "w") as archive:
        archive.writestr(
            "content.xml",
            "<office:document><table:table-cell><text:p>943 476 "
            "5919</text:p></table:table-cell></office:document>",
        )
    assert attachments.scan(".ods", spreadsheet.getvalue()) == [(1, f"{NHS}, in content.xml", DOCUMENT_HINT)]
    assert attachments.scan(".docx", b"PK\x03\x04 not really") == [
        (
            1,
            "the file cannot be opened as a Word document, so it cannot be checked for case data",
            "save it again from the program that made it, or save it as PDF",
        )
    ]


def _zip(parts: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return buffer.getvalue()


def _word_cell(*paragraphs: str) -> str:
    return "<w:tc>" + "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs) + "</w:tc>"


def test_word_and_opendocument_table_rows_are_read_as_rows_of_cells():
    word = (
        '<?xml version="1.0"?><w:document xmlns:w="x"><w:body><w:p><w:r><w:t>Children</w:t></w:r></w:p>'
        "<w:tbl>\n <w:tr>"
        + _word_cell("Name")
        + _word_cell("Date of", "birth")
        + "</w:tr>\n <w:tr>"
        + _word_cell("Jamie Smith")
        + _word_cell("12/03/2015")
        + "</w:tr>\n</w:tbl><w:p/></w:body></w:document>"
    )
    assert attachments.xml_text(word.encode()) == (
        "Children\n\n\nName | Date of birth\nJamie Smith | 12/03/2015\n\n\n"
    )
    assert attachments.scan(".docx", _zip({"word/document.xml": word})) == [
        (1, f'"Jamie Smith | 12/03/2015" {DOB}, in word/document.xml', DOCUMENT_HINT)
    ]
    text = (
        "<office:document-content><office:body><office:text><table:table><table:table-row>"
        "<table:table-cell><text:p>Child</text:p></table:table-cell><table:table-cell><text:p>DOB</text:p>"
        "</table:table-cell></table:table-row><table:table-row><table:table-cell><text:p>Jamie Smith</text:p>"
        "</table:table-cell><table:table-cell><text:p>12 March 2015</text:p></table:table-cell>"
        '<table:table-cell table:number-columns-repeated="1000"/></table:table-row></table:table>'
        "</office:text></office:body></office:document-content>"
    )
    expected = [(1, f'"Jamie Smith | 12 March 2015" {DOB}, in content.xml', DOCUMENT_HINT)]
    assert attachments.scan(".odt", _zip({"content.xml": text})) == expected
    assert attachments.scan(".ods", _zip({"content.xml": text})) == expected


def test_workbook_rows_are_read_with_their_shared_strings():
    shared = (
        '<sst count="4"><si><t>Name</t></si><si><r><t>Date of </t></r><r><t>birth</t></r></si>'
        "<si><t>Jamie Smith</t></si><si><t>943</t></si></sst>"
    )
    sheet = (
        '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
        '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="str"><f>TEXT(42076,"dd/mm/yyyy")</f>'
        '<v>12/03/2015</v></c></row><row r="3"><c r="A3" t="s"><v>3</v></c><c r="B3"><v>476</v></c>'
        '<c r="C3" t="inlineStr"><is><t>5919</t></is></c></row></sheetData></worksheet>'
    )
    assert attachments.xml_text(sheet.encode(), attachments.shared_string_list(shared.encode())) == (
        "\n\nName | Date of birth\nJamie Smith | 12/03/2015\n943 | 476 | 5919\n\n\n"
    )
    workbook = _zip({"xl/worksheets/sheet1.xml": sheet, "xl/sharedStrings.xml": shared})
    assert attachments.scan(".xlsx", workbook) == [
        (1, f'"Jamie Smith | 12/03/2015" {DOB}, in xl/worksheets/sheet1.xml', DOCUMENT_HINT),
        (1, f"{NHS.replace('943 476 5919', '943 | 476 | 5919')}, in xl/worksheets/sheet1.xml", DOCUMENT_HINT),
    ]


def test_office_text_in_cdata_and_around_comments_is_read():
    assert attachments.xml_text(b"<w:p><w:t><![CDATA[943 476 5919]]></w:t><!-- x > y --></w:p>") == (
        "943 476 5919\n"
    )


def test_zip_bombs_are_not_unpacked(monkeypatch):
    big = docx_with("x", {"word/media/big.xml": b"0" * 2_000_000})
    monkeypatch.setattr(attachments, "MAX_UNCOMPRESSED", 1_000_000)
    assert attachments.scan(".docx", big) == [
        (
            1,
            "the file unpacks to more than 1 MB, so it is not opened to be checked for case data",
            "save the document again without embedded files, or split it",
        )
    ]
    monkeypatch.setattr(attachments, "MAX_MEMBERS", 2)
    assert attachments.scan(".xlsx", docx_with("x", {"a.xml": b"", "b.xml": b""})) == [
        (
            1,
            "the file has 4 parts, more than 2, so it is not opened to be checked for case data",
            "save the document again without embedded files, or split it",
        )
    ]


def test_pdf_text_is_scanned_and_a_broken_pdf_is_a_message():
    assert attachments.scan(".pdf", pdf_with("NHS 943 476 5919")) == [(1, f"{NHS}, on page 1", DOCUMENT_HINT)]
    assert attachments.scan(".pdf", pdf_with("Nothing here")) == []
    ((line, message, hint),) = attachments.scan(".pdf", b"%PDF-1.4\nnot a pdf")
    assert (line, hint) == (1, "save it again from the program that made it, or save it as PDF")
    assert message.startswith("the PDF cannot be read (") and message.endswith(
        "), so it cannot be checked for case data"
    )
    assert "Traceback" not in message


# --- a draft's attachments --------------------------------------------------------------------------
def _page(uri, body, status="current", **data):
    return Item(
        type="procedure",
        data={"id": uri, "status": status, **data},
        path=f"docs/{uri}",
        line=1,
        loaded=None,
        uri=uri,
        body=body,
        body_line=10,
    )


def test_linked_files_resolve_from_the_page():
    body = (
        "Use the [form](files/x.pdf), the [tool](../tools/files/y.pdf#p1), ![a](/images/a.png), "
        "[a page](other.md), [out](https://x.example/z.pdf)\n\n`[code](files/code.pdf)`\n\n[r]: files/z%20a.csv\n"
    )
    assert linked_files("procedures", body) == {
        "procedures/files/x.pdf",
        "tools/files/y.pdf",
        "images/a.png",
        "procedures/files/z a.csv",
    }


def test_files_linked_only_from_hidden_drafts_are_left_out():
    draft = _page(
        "procedures/draft.md",
        "[form](files/secret.pdf) [shared](../tools/files/shared.pdf)",
        "draft",
        file="files/field.pdf",
    )
    published = _page("procedures/live.md", "[shared](../tools/files/shared.pdf)")
    assert unpublished_attachments([published, draft], [draft]) == {
        "procedures/files/secret.pdf",
        "procedures/files/field.pdf",
    }


# --- one walk of docs/ -------------------------------------------------------------------------------
def test_check_files_reports_each_file_once(tmp_path):
    docs = tmp_path / "docs"
    (docs / ".git").mkdir(parents=True)
    (docs / ".git" / "config").write_text("x")
    (docs / "images").mkdir()
    (docs / "images" / "ok.svg").write_text(SVG_OPEN + "</svg>\n")
    (docs / "images" / "bad.svg").write_text(SVG_OPEN + '<rect onload="x"/></svg>\n')
    (docs / "index.md").write_text("---\nid: home\n---\n")
    (docs / "page.md~").write_text("old")
    os.symlink("/etc/passwd", docs / "passwd.txt")
    problems = Problems()
    refused = check_files(tmp_path, docs, "docs", problems)
    assert [str(p) for p in problems.errors] == [
        f"docs/.git:1: {HIDDEN[0]} ({HIDDEN[1]})",
        'docs/images/bad.svg:2: the drawing has the attribute "onload" on <rect>, which runs script '
        "(remove it: drawings cannot run script)",
        f"docs/page.md~:1: {BACKUP[0]} ({BACKUP[1]})",
        'docs/passwd.txt:1: this is a link to "/etc/passwd", outside the docs folder (replace the link with the '
        "file itself: nothing outside docs/ is published)",
    ]
    assert refused == {".git", "images/bad.svg", "page.md~", "passwd.txt"}
    assert Path(docs / "images" / "ok.svg").exists()
