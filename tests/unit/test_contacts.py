"""Contacts: the UK phone number parser, the exact words of every contact mistake on a starter
site, procedures' service and key points (key_points_required), and the HTML of the directory
and the "Who to contact" box (tel: and mailto: links, cover, overdue contacts)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from practice_hub.renderer.contacts import directory, phone_link, who_to_contact
from practice_hub.settings import Project, Settings, SettingsError
from practice_hub.site import load_site
from practice_hub.structure.contacts import PHONE_HINT, phone_problem, uk_phone
from tests.unit import test_editor_messages as messages
from tests.unit.test_editor_messages import PROCEDURE, check, edit, line_of

site = messages.site  # the starter site `practice-hub start` writes, one per test

CONTACTS = "docs/contacts/contacts.yml"


# --- the phone number parser ------------------------------------------------------------------
@st.composite
def uk_numbers(draw) -> tuple[str, str]:
    """(a valid UK number written with spaces anywhere between its digits, the digits to dial)."""
    start = draw(st.sampled_from("12378"))
    rest = draw(st.text(alphabet="0123456789", min_size=9, max_size=9))
    international = draw(st.booleans())
    digits = ("+44" if international else "0") + start + rest
    head, tail = ("+44", start + rest) if international else ("", digits)
    written = head
    for index, digit in enumerate(tail):
        if index or head:
            written += " " * draw(st.integers(min_value=0, max_value=2))
        written += digit
    return written, digits


@given(uk_numbers())
def test_any_uk_number_with_spaces_is_accepted(number):
    written, digits = number
    assert uk_phone(written) == digits
    assert phone_problem(written) == ""


@given(st.text(max_size=30))
def test_anything_else_gets_a_message_not_a_traceback(text):
    problem = phone_problem(text)
    assert isinstance(problem, str)
    assert (problem == "") == (uk_phone(text) is not None)
    if uk_phone(text) is not None:  # only a real number passes: digits, spaces and one +44
        assert re.fullmatch(r"(\+44|0)[12378][0-9]{9}", text.replace(" ", ""))


@pytest.mark.parametrize(
    "written, problem",
    [
        ("01632 96012", "has 10 digits, not 11"),
        ("01632 9601234", "has 12 digits, not 11"),
        ("+44 1632 96012", "has 9 digits, not 10"),
        ("09632 960123", "does not start 01, 02, 03, 07 or 08"),
        ("+33 1 23 45 67 89", "is not a UK number (it does not start +44)"),
        ("01632-960123", 'has "-" in it, which a phone cannot dial'),
        ("(01632) 960123", 'has "(" and ")" in it, which a phone cannot dial'),
        ("", "is empty"),
    ],
)
def test_a_wrong_number_is_told_what_is_wrong(written, problem):
    assert uk_phone(written) is None
    assert phone_problem(written) == problem


def test_a_number_is_a_tel_link_with_its_digits_only():
    assert str(phone_link("01632 960 123")) == '<a href="tel:01632960123">01632 960 123</a>'
    assert str(phone_link("+44 1632 960123")) == '<a href="tel:+441632960123">+44 1632 960123</a>'
    assert str(phone_link("ask at reception")) == "ask at reception"


# --- the exact words, on a starter site -------------------------------------------------------
def test_the_starter_contacts_check_cleanly(site):
    assert check(site) == []


def test_a_wrong_phone_number_is_named_at_its_line(site):
    edit(site, CONTACTS, '"01632 960100"', '"01632 96010"')
    line = line_of(site, CONTACTS, "01632 96010")
    assert check(site) == [
        f'{CONTACTS}:{line}: phone number "01632 96010" has 10 digits, not 11 ({PHONE_HINT})'
    ]


def test_a_contact_named_by_a_misspelt_id_is_given_the_right_one(site):
    edit(site, PROCEDURE, "contacts: [childrens-duty-team,", "contacts: [childrens-duty-tem,")
    line = line_of(site, PROCEDURE, "contacts:")
    assert check(site) == [
        f'{PROCEDURE}:{line}: field "contacts" names "childrens-duty-tem", which is not the id of any '
        'contact (did you mean "childrens-duty-team"?)'
    ]


@pytest.mark.parametrize(
    "path, after",
    [
        ("docs/tools/example-tool.md", "title:"),
        ("docs/standards/example-standard.md", "title:"),
        ("docs/glossary/glossary.yml", "term: PSW"),
    ],
)
def test_tools_standards_and_glossary_terms_name_contacts_too(site, path, after):
    text = (site / path).read_text(encoding="utf-8")
    indent = re.search(rf"^( *){re.escape(after)}", text, re.M).group(1)
    line = next(line for line in text.splitlines() if line.lstrip().startswith(after))
    edit(site, path, line, f"{line}\n{indent}contacts: [emergency-duty-teem]")
    number = line_of(site, path, "emergency-duty-teem")
    assert check(site) == [
        f'{path}:{number}: field "contacts" names "emergency-duty-teem", which is not the id of any '
        'contact (did you mean "emergency-duty-team"?)'
    ]


def test_out_of_hours_naming_no_contact_is_told(site):
    edit(site, CONTACTS, "out_of_hours: emergency-duty-team", "out_of_hours: emergency-duty")
    line = line_of(site, CONTACTS, "out_of_hours:")
    assert check(site) == [
        f'{CONTACTS}:{line}: out_of_hours names "emergency-duty", which is not the id of any contact '
        '(did you mean "emergency-duty-team"?)'
    ]


def test_out_of_hours_may_be_a_sentence(site):
    edit(site, CONTACTS, "out_of_hours: emergency-duty-team", "out_of_hours: Call the police on 999.")
    assert check(site) == []


def test_out_of_hours_naming_the_contact_itself_is_told(site):
    edit(site, CONTACTS, "out_of_hours: emergency-duty-team", "out_of_hours: childrens-duty-team")
    line = line_of(site, CONTACTS, "out_of_hours:")
    assert check(site) == [
        f'{CONTACTS}:{line}: out_of_hours names "childrens-duty-team", this contact itself (name the '
        "team that covers when this one is closed, such as the emergency duty team)"
    ]


@pytest.mark.parametrize(
    "form, message",
    [
        (
            "procedures/no-such-page.md",
            'referral_form names the page "procedures/no-such-page.md", which is not in docs/ (check '
            "the page's path under docs/, such as procedures/contacts-and-referrals-mash.md)",
        ),
        (
            "http://forms.fernleigh.example/referral",
            'referral_form "http://forms.fernleigh.example/referral" is not a safe web address (start '
            "it with https://, with no spaces, quotes or angle brackets)",
        ),
        (
            "the form on the intranet",
            'referral_form "the form on the intranet" is neither a page of this site nor a web address '
            "(give the page's file under docs/, such as procedures/contacts-and-referrals-mash.md, or a "
            "web address starting with https://)",
        ),
    ],
)
def test_a_referral_form_that_leads_nowhere_is_told(site, form, message):
    edit(
        site,
        CONTACTS,
        "  out_of_hours: emergency-duty-team\n",
        f"  out_of_hours: emergency-duty-team\n  referral_form: {form}\n",
    )
    line = line_of(site, CONTACTS, "referral_form:")
    assert check(site) == [f"{CONTACTS}:{line}: {message}"]


def test_a_referral_form_may_be_a_page_or_an_https_address(site):
    edit(
        site,
        CONTACTS,
        "  out_of_hours: emergency-duty-team\n",
        "  out_of_hours: emergency-duty-team\n  referral_form: procedures/example-procedure.md\n",
    )
    assert check(site) == []
    edit(site, CONTACTS, "procedures/example-procedure.md", "https://forms.fernleigh.example/referral")
    assert check(site) == []


def test_an_email_that_is_not_one_is_told(site):
    edit(site, CONTACTS, "email: edt@", "email: edt at ")
    line = line_of(site, CONTACTS, "email: edt at")
    assert check(site) == [
        f'{CONTACTS}:{line}: field "email" has "edt at fernleigh-borough-council.example", which is not '
        "an email address (for example learning@council.example)"
    ]


def test_a_procedures_service_is_one_of_the_sites(site):
    edit(site, PROCEDURE, "service: All services", "service: Adult services")
    line = line_of(site, PROCEDURE, "service:")
    assert check(site) == [
        f'{PROCEDURE}:{line}: service "Adult services" is not one of the site\'s services (did you mean '
        '"Adults\' services"?)'
    ]
    edit(site, PROCEDURE, "service: Adult services", "service: Youth justice")
    assert check(site) == [
        f'{PROCEDURE}:{line}: service "Youth justice" is not one of the site\'s services (use one of '
        '"Children\'s services", "Adults\' services", "All services")'
    ]


KEY_POINTS = (
    'procedure "example-procedure" has no key points, so readers get no "At a glance" box (add '
    "key_points: 3 to 5 short lines with the timescales and who to tell, the answer a practitioner "
    "needs on the first phone screen)"
)


def _without_key_points(site) -> int:
    text = (site / PROCEDURE).read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if line.startswith("key_points:"))
    edit(site, PROCEDURE, line + "\n", "")
    return line_of(site, PROCEDURE, "title:")


def test_a_procedure_without_key_points_is_a_warning_at_its_title(site):
    title = _without_key_points(site)
    assert check(site) == [f"{PROCEDURE}:{title}: warning: {KEY_POINTS}"]


def test_key_points_required_error_makes_it_an_error(site):
    title = _without_key_points(site)
    edit(
        site,
        "mkdocs.yml",
        "    gaps_are_errors: false",
        "    key_points_required: error\n    gaps_are_errors: false",
    )
    assert check(site) == [f"{PROCEDURE}:{title}: {KEY_POINTS}"]


@pytest.mark.parametrize("written", ["off", '"off"'])
def test_key_points_required_off_says_nothing(site, written):
    _without_key_points(site)
    edit(
        site,
        "mkdocs.yml",
        "    gaps_are_errors: false",
        f"    key_points_required: {written}\n    gaps_are_errors: false",
    )
    assert check(site) == []


def test_key_points_required_has_three_values():
    assert Settings.from_mapping({}).key_points_required == "warning"
    with pytest.raises(SettingsError) as raised:
        Settings.from_mapping({"key_points_required": "sometimes"})
    assert "key_points_required" in str(raised.value) and "warning" in str(raised.value)


# --- the HTML ---------------------------------------------------------------------------------
def _site(root):
    return load_site(Project.from_config_file(root / "mkdocs.yml"))


def test_the_directory_lists_every_contact_at_its_anchor_with_links_to_tap(site):
    loaded = _site(site)
    contacts = loaded.of_type("contact")
    html = directory(
        contacts, loaded.items, ("Children's services", "Adults' services"), dt.date(2026, 11, 24), True
    )
    assert '<h3 id="childrens-duty-team" class="ph-contact__title">' in html
    assert '<h3 id="emergency-duty-team" class="ph-contact__title">' in html
    assert '<a href="tel:01632960100">01632 960100</a>' in html
    assert '<a href="mailto:edt@fernleigh-borough-council.example">' in html
    # the cover, linked on the same page with its number
    assert (
        '<dt>Out of hours</dt><dd><a href="#emergency-duty-team">Emergency Duty Team (EDT)</a>, <a href="tel:01632960999">'
        in html
    )
    # grouped by service: all services first, then the site's services in their order
    assert html.index('id="service-all-services"') < html.index('id="service-childrens-services"')
    assert "Check before use" not in html


def test_an_overdue_contact_is_marked_on_the_directory(site):
    edit(
        site,
        CONTACTS,
        "  owner: Principal Social Worker\n  last_reviewed:",
        "  owner: Principal Social Worker\n  review_by: 2026-01-01\n  last_reviewed:",
    )
    edit(site, CONTACTS, "last_reviewed: 2026-", "last_reviewed: 2025-")
    loaded = _site(site)
    html = directory(loaded.of_type("contact"), loaded.items, (), dt.date(2026, 11, 24), True)
    assert (
        '<p class="ph-contact__overdue" data-ph-review-by="2026-01-01"><strong>Check before use:</strong> '
        "these details were due to be checked on 1 January 2026. If a number does not work, tell "
        "Principal Social Worker.</p>"
    ) in html


def test_the_who_to_contact_box_links_the_directory_and_is_not_searched(site):
    loaded = _site(site)
    procedure = loaded.by_id["example-procedure"]
    box = str(
        who_to_contact(
            procedure, loaded.items, "procedures/example-procedure.md", True, dt.date(2026, 11, 24)
        )
    )
    assert box.startswith('<section class="ph-who" aria-labelledby="ph-who-title" data-pagefind-ignore>')
    assert '<a href="../../contacts/#childrens-duty-team">' in box
    assert '<a href="tel:01632960100">01632 960100</a>' in box
    assert '<a href="tel:01632960999">01632 960999</a>' in box
    flat = str(
        who_to_contact(
            procedure, loaded.items, "procedures/example-procedure.md", False, dt.date(2026, 11, 24)
        )
    )
    assert '<a href="../contacts/index.html#childrens-duty-team">' in flat
    assert (
        who_to_contact(
            loaded.by_id["example-standard"],
            loaded.items,
            "standards/example-standard.md",
            True,
            dt.date(2026, 11, 24),
        )
        == ""
    )
