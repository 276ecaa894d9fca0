"""The contacts directory (contacts/index.md) and the "Who to contact" box on the pages that name
contacts: every number a tel: link and every address a mailto: link, so a practitioner on a
phone taps to call.

Both are plain HTML (built by ``markup``), like the glossary: each contact's heading carries its
id, so a link or a search result opens at the entry. The box on other pages is marked
``data-pagefind-ignore``: a page that only names the LADO is not a search match for the LADO.
"""

from __future__ import annotations

import datetime as dt
import re

from ..content_types import CONTACT, TYPES
from ..markup import NEWLINE, Markup, element, escape, join, link
from ..structure.contacts import ALL_SERVICES, contact_items, cover_of, service_of, uk_phone
from ..structure.items import Item
from ..structure.review import PageReview
from ..text import long_date
from .audit_form import relative


def directory_uri() -> str:
    """The page under docs/ that lists every contact ("contacts/index.md")."""
    place = TYPES[CONTACT].place_of("")
    return place[0] if place else ""


def phone_link(number: str) -> Markup:
    """<a href="tel:01632960123">01632 960123</a>; the number as written when it cannot be dialled."""
    digits = uk_phone(number)
    return link(number, f"tel:{digits}") if digits else escape(number)


def _fact(term: str, *value) -> Markup:
    return element("div", element("dt", term), element("dd", *value))


def _overdue(contact: Item, today: dt.date) -> Markup:
    review = PageReview.of(contact, today)
    if review is None or not review.overdue:
        return Markup("")
    owner = review.owner or "the owner"
    return element(
        "p",
        element("strong", "Check before use:"),
        f" these details were due to be checked on {long_date(review.review_by)}. "
        f"If a number does not work, tell {owner}.",
        class_="ph-contact__overdue",
        data_ph_review_by=review.review_by.isoformat(),
    )


def details(
    contact: Item, contacts: dict[str, Item], from_uri: str, dirs: bool, with_cover_link: bool = True
) -> Markup:
    """A contact's phones, email, hours, out-of-hours cover and referral form, as a <dl>."""
    data = contact.data
    facts = []
    for phone in data.get("phones") or []:
        if isinstance(phone, dict) and phone.get("number"):
            facts.append(_fact(str(phone.get("label") or "Phone"), phone_link(str(phone["number"]))))
    email = data.get("email")
    if email:
        facts.append(_fact("Email", link(str(email), f"mailto:{email}")))
    if data.get("hours"):
        facts.append(_fact("Hours", str(data["hours"])))
    cover = cover_of(contact, contacts)
    if cover is not None:
        target = relative(from_uri, directory_uri(), dirs, cover.id) if with_cover_link else f"#{cover.id}"
        numbers = [
            str(p["number"])
            for p in cover.data.get("phones") or []
            if isinstance(p, dict) and p.get("number")
        ]
        value = [link(cover.title, target)]
        if numbers:
            value += [Markup(", "), phone_link(numbers[0])]
        facts.append(_fact("Out of hours", *value))
    elif data.get("out_of_hours"):
        facts.append(_fact("Out of hours", str(data["out_of_hours"])))
    form = data.get("referral_form")
    if isinstance(form, str) and form and form.lstrip("/").partition("#")[0] != from_uri:  # not to itself
        facts.append(
            _fact("Referral form", link(f"Referral form: {contact.title}", _form_url(form, from_uri, dirs)))
        )
    return element("dl", NEWLINE, join(facts, NEWLINE), NEWLINE, class_="ph-contact__details")


def _form_url(form: str, from_uri: str, dirs: bool) -> str:
    if re.match(r"(?i)^https?://", form):
        return form
    page, _, anchor = form.lstrip("/").partition("#")
    return relative(from_uri, page, dirs, anchor)


def directory(
    items: list[Item], all_contacts: list[Item], services: tuple, today: dt.date, dirs: bool
) -> str:
    """The contacts directory: grouped by service ("All services" first, then the site's
    services in their order), A to Z within each, every contact at its own anchor."""
    uri = directory_uri()
    contacts = contact_items(all_contacts)
    order = [ALL_SERVICES, *map(str, services)]
    groups: dict[str, list[Item]] = {}
    for item in sorted(items, key=lambda i: (i.title.lower(), i.id)):
        groups.setdefault(service_of(item), []).append(item)
    names = sorted(groups, key=lambda name: (order.index(name) if name in order else len(order), name))
    anchors = {
        name: "service-" + re.sub(r"[^a-z0-9]+", "-", re.sub(r"['’]", "", name.lower())).strip("-")
        for name in names
    }
    out = [
        str(
            element(
                "p",
                "Tap a number to call it, or an address to write to it. "
                "Out of hours, call the team named under each contact.",
                class_="ph-contacts__intro",
            )
        ),
        "",
    ]
    if len(names) > 1:
        jumps = join((element("li", link(name, f"#{anchors[name]}")) for name in names), NEWLINE)
        out += [
            str(
                element(
                    "nav", element("ul", jumps), class_="ph-contacts__jump", aria_label="Contacts by service"
                )
            ),
            "",
        ]
    for name in names:
        entries = []
        for contact in groups[name]:
            entries.append(
                element(
                    "section",
                    NEWLINE,
                    element("h3", contact.title, id=contact.id, class_="ph-contact__title"),
                    NEWLINE,
                    _overdue(contact, today),
                    element("p", contact.summary, class_="ph-contact__summary"),
                    NEWLINE,
                    details(contact, contacts, uri, dirs, with_cover_link=False),
                    NEWLINE,
                    class_="ph-contact",
                    aria_labelledby=contact.id,
                )
            )
        out += [str(element("h2", name, id=anchors[name])), ""]
        out += [str(element("div", NEWLINE, join(entries, NEWLINE), NEWLINE, class_="ph-contacts")), ""]
    return "\n".join(out)


def named_contacts(item: Item, contacts: dict[str, Item]) -> list[Item]:
    """The contacts an item names, in its order, leaving out any not published."""
    named = item.data.get("contacts")
    return [contacts[c] for c in named if c in contacts] if isinstance(named, list) else []


def who_to_contact(item: Item, all_items: list[Item], from_uri: str, dirs: bool, today: dt.date) -> Markup:
    """The "Who to contact" box near the top of a procedure, tool, standard or glossary page;
    empty when the item names no contacts."""
    contacts = contact_items(all_items)
    named = named_contacts(item, contacts)
    if not named:
        return Markup("")
    entries = []
    for contact in named:
        entries.append(
            element(
                "li",
                element(
                    "p",
                    element("a", contact.title, href=relative(from_uri, directory_uri(), dirs, contact.id)),
                    class_="ph-who__name",
                ),
                _overdue(contact, today),
                details(contact, contacts, from_uri, dirs),
                class_="ph-who__contact",
            )
        )
    return element(
        "section",
        element("h2", "Who to contact", id="ph-who-title", class_="ph-who__title"),
        element("ul", *entries, class_="ph-who__list"),
        class_="ph-who",
        aria_labelledby="ph-who-title",
        data_pagefind_ignore=True,
    )


def term_contacts(term: Item, contacts: dict[str, Item], from_uri: str, dirs: bool) -> Markup:
    """A glossary term's contacts, in one line under its definition: each linked to the directory
    with its first number to tap."""
    named = named_contacts(term, contacts)
    if not named:
        return Markup("")
    parts = []
    for contact in named:
        numbers = [
            str(p["number"])
            for p in contact.data.get("phones") or []
            if isinstance(p, dict) and p.get("number")
        ]
        part = link(contact.title, relative(from_uri, directory_uri(), dirs, contact.id))
        if numbers:
            part += Markup(", ") + phone_link(numbers[0])
        parts.append(part)
    return element(
        "span",
        " Who to contact: ",
        join(parts, "; "),
        ".",
        class_="ph-who ph-who--term",
        data_pagefind_ignore=True,
    )
