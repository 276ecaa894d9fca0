"""Safe content: the detectors on their own."""

from __future__ import annotations

import pytest

from practice_hub.safety import casedata, files, html, markdown_limits, urls


@pytest.mark.parametrize("number", ["943 476 5919", "9434765919", "943-476-5919", "401 023 2137"])
def test_valid_nhs_numbers_pass_modulus_11(number):
    assert casedata.nhs_number_valid(number)


@pytest.mark.parametrize("number", ["943 476 5918", "123 456 7890", "000 000 001", "943 476 59191"])
def test_invalid_nhs_numbers_fail_modulus_11(number):
    assert not casedata.nhs_number_valid(number)


def test_nhs_number_with_check_digit_ten_is_never_valid():
    # weights 10..2 over 000000006 give 12; 11 - 12 % 11 = 10: no valid check digit
    assert not any(casedata.nhs_number_valid(f"000000006{d}") for d in range(10))


@pytest.mark.parametrize(
    "text,found",
    [
        ("AB 12 34 56 C", True),
        ("AB123456C", True),
        ("QQ 12 34 56 C", False),
        ("GB 12 34 56 A", False),
        ("AB 12 34 56 E", False),
        ("DA 12 34 56 A", False),
        ("AO 12 34 56 A", False),
    ],
)
def test_national_insurance_numbers(text, found):
    assert casedata.ni_number_valid(text) is found
    assert bool(casedata.find(text)) is found


@pytest.mark.parametrize(
    "text", ["DOB 4 May 1990", "date of birth: 12/03/2015", "born on 2015-03-12", "Jamie Smith (12/03/2015)"]
)
def test_dates_of_birth_next_to_a_person(text):
    assert casedata.find(text)


@pytest.mark.parametrize(
    "text",
    [
        "Call 0113 496 0000",
        "Reviewed on 12 March 2026",
        "Children Act 1989 s47",
        "case reference CR12345678",
        "Practice Week 2026 (12 March 2026)",
    ],
)
def test_ordinary_text_is_not_case_data(text):
    assert casedata.find(text) == []


@pytest.mark.parametrize(
    "address,kind",
    [
        ("javascript:alert(1)", urls.BAD),
        ("JaVaScRiPt:alert(1)", urls.BAD),
        ("java\tscript:x", urls.BAD),
        ("&#106;avascript:x", urls.BAD),
        ("&#x6A;avascript&colon;x", urls.BAD),
        ("%6Aavascript:x", urls.BAD),
        ("%256Aavascript:x", urls.BAD),
        (" \x01javascript:x", urls.BAD),
        ("data:text/html,x", urls.BAD),
        ("VBScript:x", urls.BAD),
        ("https://www.gov.uk/", urls.WEB),
        ("HTTP://x.example", urls.WEB),
        ("//x.example/a.png", urls.OUTSIDE),
        ("/\\x.example/a.png", urls.OUTSIDE),
        ("mailto:a@b.example", urls.MAILTO),
        ("tel:+441134960000", urls.TEL),
        ("../images/a.png", urls.SITE),
        ("#top", urls.SITE),
        ("/news/", urls.SITE),
    ],
)
def test_addresses_are_decoded_as_a_browser_would(address, kind):
    assert urls.classify(address) == kind


@pytest.mark.parametrize(
    "value,ok",
    [
        ("https://www.legislation.gov.uk/ukpga/2014/23", True),
        ("http://x.example/a?b=c#d", True),
        ("https://x.example/)<script>alert(1)</script>", False),
        ("https://x.example/a b", False),
        ('https://x.example/"onmouseover', False),
        ("javascript://x.example", False),
        ("https://", False),
        ("https://user@x.example/", False),
        ("ftp://x.example/", False),
        ("https://x.example:99999/", False),
    ],
)
def test_web_addresses_are_parsed(value, ok):
    assert urls.is_web_address(value) is ok


@pytest.mark.parametrize(
    "value,ok",
    [
        ("learning@brackenford.example", True),
        ("o'brien@x.example", True),
        ("javascript://@x.example%0aalert(1)", False),
        ("a@b", False),
        ("a b@x.example", False),
        ("<a>@x.example", False),
        ("a@x.example\n", False),
    ],
)
def test_email_addresses_are_strict(value, ok):
    assert urls.is_email_address(value) is ok


def found_in(body):
    out = []
    html.check_body(body, lambda line, message, hint: out.append((line, message)))
    return out


def test_allowed_html_passes_and_code_is_not_html():
    body = (
        '<details class="note"><summary>More</summary>\n<table><tr><td colspan="2">x</td></tr></table>\n'
        '<abbr title="Deprivation of Liberty Safeguards">DoLS</abbr> <img src="../images/a.png" alt="A">\n'
        "</details>\n\n`<script>`\n\n```\n<script>x</script>\n```\n\n    <iframe></iframe>\n\n"
        "<https://www.gov.uk/> [a](https://www.gov.uk/) [b](mailto:x@y.example)\n"
    )
    assert found_in(body) == []


def test_refused_html_is_named_with_its_line():
    found = found_in("text\n\n<object data=x></object>\n\n<p onclick=x>y</p>\n")
    assert found == [
        (3, "HTML tag <object> is not allowed"),
        (5, 'HTML attribute "onclick" on <p> runs script and is not allowed'),
    ]


def test_markdown_images_and_attribute_lists():
    found = found_in("![a][logo]\n\n[logo]: https://x.example/logo.png\n\n# Title {: onclick=x }\n")
    assert [line for line, _ in found] == [3, 5]


def test_limits_report_a_line_not_a_traceback():
    said = []
    markdown_limits.check("ok\n" + "> " * 20 + "x\n", lambda line, message, hint: said.append(line))
    assert said == [2]


def test_draft_attachments_are_not_published():
    class It:
        def __init__(self, uri, file):
            self.uri, self.data, self.from_yaml = uri, {"file": file}, False

    draft, live, shared_draft = (
        It("tools/a.md", "files/a.pdf"),
        It("tools/b.md", "files/b.pdf"),
        It("tools/c.md", "files/b.pdf"),
    )
    assert files.unpublished_attachments([live, draft, shared_draft], [draft, shared_draft]) == {
        "tools/files/a.pdf"
    }
