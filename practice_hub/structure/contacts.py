"""Contacts (docs/contacts/*.yml) and what names them: phone numbers, addresses and cover checked,
procedures' service, and procedures' key points ("At a glance").

A practitioner on a shift taps a number on a phone: a number that cannot be dialled, a form
that leads nowhere or out-of-hours cover that names no team is worse than none, so each is
reported at its line in the editor's words.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

from ..content_types import CONTACT, PROCEDURE, TYPES
from ..problems import Problems, advisory
from ..safety.urls import is_web_address
from .items import Item, of_type

#: The service of an item that names none (procedures and contacts for every service).
ALL_SERVICES = "All services"

#: The values of ``key_points_required``: what ``check`` makes of a procedure without key points.
KEY_POINTS_LEVELS = ("warning", "error", "off")

_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# UK numbers as dialled at home: 0 then 10 digits, the first of them 1, 2, 3, 7 or 8
# (geographic, non-geographic 03, mobiles, freephone and special rates).
_NATIONAL = re.compile(r"^0[12378][0-9]{9}$")
_INTERNATIONAL = re.compile(r"^\+44[12378][0-9]{9}$")

PHONE_HINT = (
    "write a UK number: 11 digits starting 01, 02, 03, 07 or 08, for example 01632 960123, "
    "or the same number as +44 1632 960123; spaces are allowed, nothing else"
)


def uk_phone(text) -> str | None:
    """The digits to dial (``01632960123``, or ``+441632960123`` for the +44 form) of a UK
    phone number written with or without spaces; None when it is not one."""
    if not isinstance(text, str):
        return None
    digits = "".join(text.split(" "))
    if _NATIONAL.match(digits) or _INTERNATIONAL.match(digits):
        return digits
    return None


def phone_problem(text) -> str:
    """What is wrong with a phone number as written, in plain words ("" when it is a UK number)."""
    if uk_phone(text) is not None:
        return ""
    if not isinstance(text, str) or not text.strip():
        return "is empty"
    digits = re.sub(r"[^0-9]", "", text)
    others = sorted({char for char in text if not char.isdigit() and char not in " +"})
    if others:
        quoted = [f'"{char}"' for char in others]
        shown = quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]
        return f"has {shown} in it, which a phone cannot dial"
    if text.strip().startswith("+") and not "".join(text.split()).startswith("+44"):
        return "is not a UK number (it does not start +44)"
    national = digits[2:] if text.strip().startswith("+") else digits
    wanted = 10 if text.strip().startswith("+") else 11
    if len(national) != wanted:
        return f"has {len(national)} digits, not {wanted}"
    return "does not start 01, 02, 03, 07 or 08"


def contact_items(items: list[Item]) -> dict[str, Item]:
    return {item.id: item for item in of_type(items, CONTACT)}


def cover_of(contact: Item, contacts: dict[str, Item]) -> Item | None:
    """The contact that covers out of hours, when ``out_of_hours`` names one by id."""
    value = contact.data.get("out_of_hours")
    return contacts.get(value) if isinstance(value, str) else None


def check_contacts(items: list[Item], docs_dir: Path, problems: Problems) -> None:
    """Every contact's phone numbers, out-of-hours cover and referral form."""
    contacts = contact_items(items)
    for contact in contacts.values():
        phones = contact.data.get("phones")
        for index, phone in enumerate(phones if isinstance(phones, list) else []):
            number = phone.get("number") if isinstance(phone, dict) else None
            if not isinstance(number, str):
                continue  # the schema check already said so
            wrong = phone_problem(number)
            if wrong:
                problems.add(
                    contact.path,
                    contact.line_of("phones", index, "number"),
                    f'phone number "{number}" {wrong}',
                    PHONE_HINT,
                    type=CONTACT,
                    field="phones",
                )
        _check_cover(contact, contacts, problems)
        _check_referral_form(contact, docs_dir, problems)


def _check_cover(contact: Item, contacts: dict[str, Item], problems: Problems) -> None:
    value = contact.data.get("out_of_hours")
    if not isinstance(value, str) or not _ID.match(value) or value in contacts and value != contact.id:
        return  # a sentence, or the id of another contact
    if value == contact.id:
        problems.about(
            contact,
            "out_of_hours",
            f'out_of_hours names "{value}", this contact itself',
            "name the team that covers when this one is closed, such as the emergency duty team",
        )
        return
    guess = difflib.get_close_matches(value, list(contacts), n=1, cutoff=0.6)
    folder = TYPES[CONTACT].folder
    problems.about(
        contact,
        "out_of_hours",
        f'out_of_hours names "{value}", which is not the id of any contact',
        f'did you mean "{guess[0]}"?'
        if guess
        else f"use the id of a contact in docs/{folder}/, or write who covers out of hours as a sentence",
    )


def _check_referral_form(contact: Item, docs_dir: Path, problems: Problems) -> None:
    value = contact.data.get("referral_form")
    if not isinstance(value, str):
        return
    if value.lower().startswith(("https://", "http://")):
        if not value.lower().startswith("https://") or not is_web_address(value):
            problems.about(
                contact,
                "referral_form",
                f'referral_form "{value}" is not a safe web address',
                "start it with https://, with no spaces, quotes or angle brackets",
            )
        return
    page = value.split("#", 1)[0].lstrip("/")
    if not page.endswith(".md"):
        problems.about(
            contact,
            "referral_form",
            f'referral_form "{value}" is neither a page of this site nor a web address',
            "give the page's file under docs/, such as procedures/contacts-and-referrals-mash.md, "
            "or a web address starting with https://",
        )
    elif not (docs_dir / page).is_file():
        problems.about(
            contact,
            "referral_form",
            f'referral_form names the page "{value}", which is not in docs/',
            "check the page's path under docs/, such as procedures/contacts-and-referrals-mash.md",
        )


def service_of(item: Item) -> str:
    value = item.data.get("service")
    return value if isinstance(value, str) and value else ALL_SERVICES


def check_services(items: list[Item], services: tuple, problems: Problems) -> None:
    """Procedures' and contacts' service: one of the site's audit_services or "All services"."""
    allowed = [*map(str, services), ALL_SERVICES]
    lower = {name.lower(): name for name in allowed}
    for item in [*of_type(items, PROCEDURE), *of_type(items, CONTACT)]:
        value = item.data.get("service")
        if not isinstance(value, str) or value in allowed:
            continue
        guess = difflib.get_close_matches(value.lower(), list(lower), n=1, cutoff=0.6)
        listed = ", ".join(f'"{name}"' for name in allowed)
        problems.about(
            item,
            "service",
            f'service "{value}" is not one of the site\'s services',
            f'did you mean "{lower[guess[0]]}"?' if guess else f"use one of {listed}",
        )


def check_key_points(items: list[Item], level: str, problems: Problems) -> None:
    """A procedure without key points ("At a glance"), at its title's line, as the
    ``key_points_required`` setting says: a warning (the default), an error, or nothing."""
    if level == "off":
        return
    for item in of_type(items, PROCEDURE):
        if item.data.get("key_points") or item.status in ("archived", "draft"):
            continue
        problems.add(
            item.path,
            item.line_of("title"),
            f'procedure "{item.id}" has no key points, so readers get no "At a glance" box',
            "add key_points: 3 to 5 short lines with the timescales and who to tell, "
            "the answer a practitioner needs on the first phone screen",
            type=PROCEDURE,
            field="key_points",
            **advisory(level == "error"),
        )
