"""Listing pages: every item of a content type, glossary and links directories."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from ..content_types import GLOSSARY, TYPES
from ..markup import (
    NEWLINE,
    FilterField,
    Markup,
    element,
    end_tag,
    escape,
    filter_data,
    filter_form,
    join,
    markdown_link,
    start_tag,
)
from ..markup import link as link_to
from ..menu import ALL_SERVICES, service_of, service_order
from ..site import Site
from ..structure.items import Item
from ..text import bullet_list, esc, link
from .audit_cycles import cycles_listing
from .contacts import contact_items, directory, term_contacts
from .events import events_listing
from .learning import learning_listing
from .sections import research_library, vacancy_listing
from .staff_voice import staff_voice_listing
from .training import catalogue


def _sort(items: list[Item]) -> list[Item]:
    if items and TYPES[items[0].type].newest_first:
        return sorted(items, key=lambda i: (str(i.data.get("date", "")), i.id), reverse=True)
    return sorted(items, key=Item.sort_key.fget)


def plain_list(from_uri: str, items: list[Item], site: Site | None = None) -> str:
    """Each item linked, with its summary (numbered types as "3. Title")."""
    numbered = TYPES[items[0].type].numbered
    lines = []
    for item in _sort(items):
        number = item.number
        title = f"{number}. {item.title}" if number and numbered else item.title
        summary = f": {esc(item.summary)}" if item.summary else ""
        lines.append(f"{link(from_uri, item.uri, title, item.anchor)}{summary}")
    return bullet_list(lines)


def _slug(text: str) -> str:
    """ "Adults' services" -> "adults-services"."""
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split())


def by_service(from_uri: str, items: list[Item], site: Site | None = None) -> str:
    """Procedures grouped by service, each group A to Z under its heading, in the menu's order
    (``menu.service_groups``: each of the site's services, then those for all services), with a
    filter by service. A reader who chooses a service sees its procedures and those for all
    services. A site whose procedures name no service gets the plain list."""
    services = site.project.settings.audit_services if site is not None else ()
    order = service_order(services)
    groups: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        groups[service_of(item)].append(item)
    if set(groups) <= {ALL_SERVICES}:
        return plain_list(from_uri, items, site)
    named = [s for s in order if s in groups] + sorted(s for s in groups if s not in order)
    choices = [s for s in named if s != ALL_SERVICES]
    out = [
        *filter_form(
            [FilterField("service", "Service", "Every service", [(s, s) for s in choices])],
            noun="groups of procedures",
        ),
        "",
        str(start_tag("div", class_="ph-groups", data_ph_filtered=True, markdown="1")),
        "",
    ]
    for service in named:
        ident = f"service-{_slug(service)}"
        shown_for = choices if service == ALL_SERVICES else [service]
        out += [
            str(
                start_tag(
                    "section",
                    class_="ph-group",
                    aria_labelledby=ident,
                    markdown="1",
                    **filter_data(service=shown_for),
                )
            ),
            "",
            str(element("h2", service, id=ident)),
            "",
            plain_list(from_uri, groups[service]),
            str(end_tag("section")),
            "",
        ]
    out += [str(end_tag("div")), ""]
    return "\n".join(out)


def _with_site(
    render: Callable[[str, list[Item], Site], str],
) -> Callable[[str, list[Item], Site | None], str]:
    """A listing that needs the whole site; without one (a unit test) the plain list."""
    return lambda from_uri, items, site=None: (
        render(from_uri, items, site) if site is not None else plain_list(from_uri, items)
    )


#: Listing renderers by the key a content type names in ``content_types.REGISTRY`` (``listing=``).
LISTINGS: dict[str, Callable[..., str]] = {
    "list": plain_list,
    "by_service": by_service,  # procedures, grouped by service
    "cycles": cycles_listing,  # audit cycles, newest first
    "catalogue": _with_site(
        lambda uri, items, site: catalogue(items, site.thread, site.project.settings.build_date, uri)
    ),
    "library": _with_site(
        lambda uri, items, site: research_library(uri, items, site.tags, site.project.settings.build_date)
    ),
    "vacancies": _with_site(
        lambda uri, items, site: vacancy_listing(uri, items, site.project.settings.build_date)
    ),
    "glossary_terms": lambda uri, items, site=None: glossary(items, site),
    "contacts": _with_site(  # the directory, grouped by service
        lambda uri, items, site: directory(
            items,
            site.items,
            site.project.settings.audit_services,
            site.project.settings.build_date,
            site.project.use_directory_urls,
        )
    ),
    "learning": lambda uri, items, site=None: learning_listing(uri, items),
    "links": lambda uri, items, site=None: links(items),
    "staff_voice": staff_voice_listing,  # latest year first
    "events": events_listing,  # upcoming events by month
}


def listing(from_uri: str, items: list[Item], site: Site | None = None) -> str:
    """A list of items with their summaries, linked from the page at *from_uri*."""
    if not items:
        return "Nothing here yet.\n"
    return LISTINGS[TYPES[items[0].type].listing](from_uri, items, site)


def section_index(type_name: str, items: list[Item], site: Site | None = None) -> str:
    """A generated front page for a content type folder that has no index.md of its own."""
    content_type = TYPES[type_name]
    uri = content_type.index_uri
    return f"---\ntitle: {content_type.label}\n---\n\n# {content_type.label}\n\n" + listing(uri, items, site)


def glossary(items: list[Item], site: Site | None = None) -> str:
    """Every term, A to Z, as HTML that Markdown passes through untouched.

    Plain HTML, not Markdown inside HTML (``markdown="1"``): Python-Markdown parses that block by
    block at a cost that grows with the square of the page, and a 10,000-term glossary took
    minutes; plain HTML is read in one pass. Letters to jump to come first, each letter a
    heading; letters with no terms are shown but are not links, so the alphabet stays whole.
    """
    terms = {i.id: str(i.data.get("term", i.id)) for i in items}
    contacts = contact_items(site.items) if site is not None else {}
    page = TYPES[GLOSSARY].index_uri
    dirs = site.project.use_directory_urls if site is not None else True
    by_letter: dict[str, list[Item]] = defaultdict(list)
    for item in sorted(items, key=lambda i: (str(i.data.get("term", "")).lower(), i.id)):
        by_letter[letter_of(terms[item.id])].append(item)
    letters = [*(["0-9"] if "0-9" in by_letter else []), *ALPHABET, *(["#"] if "#" in by_letter else [])]
    jumps = Markup("").join(
        element("li", link_to(letter, f"#{letter_anchor(letter)}"))
        if letter in by_letter
        else element("li", element("span", letter, class_="ph-az__none", title=f"No terms under {letter}"))
        for letter in letters
        if letter in ALPHABET or letter in by_letter
    )
    out = [
        # The letters are for finding by eye: kept out of the search index, where a lone "C"
        # matched misspelt words ("capcity").
        str(
            element(
                "nav",
                element("ul", jumps),
                class_="ph-az",
                aria_label="Glossary, A to Z",
                data_pagefind_ignore=True,
            )
        ),
        "",
    ]
    for letter in letters:
        if letter not in by_letter:
            continue
        entries = [
            element("h2", letter, id=letter_anchor(letter), class_="ph-az__letter", data_pagefind_ignore=True)
        ]
        for item in by_letter[letter]:
            data = item.data
            heading = escape(terms[item.id])
            if data.get("expansion"):
                heading += Markup(" (") + escape(data["expansion"]) + Markup(")")
            see_also = [link_to(terms.get(s, s), f"#{s}") for s in data.get("see_also") or []]
            definition = escape(data.get("definition", ""))
            if see_also:
                definition += Markup(" See also: ") + Markup(", ").join(see_also) + Markup(".")
            if contacts and data.get("contacts"):  # who to phone about it, kept out of the search
                definition += term_contacts(item, contacts, page, dirs)
            # White space between the elements, so that text extractors (Pagefind) never glue
            # one entry's last word to the next entry's first ("professional)A trained").
            entries.append(
                element(
                    "dl",
                    NEWLINE,
                    element("dt", heading),
                    NEWLINE,
                    element("dd", definition),
                    NEWLINE,
                    class_="ph-glossary",
                    id=item.id,
                )
            )
        group = element("div", NEWLINE, join(entries, NEWLINE), NEWLINE, class_="ph-az__group")
        out += [str(group), ""]
    return "\n".join(out)


ALPHABET = tuple("ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def letter_of(term: str) -> str:
    """The letter a term is listed under: its first letter A to Z, "0-9" for a digit, else "#"."""
    for char in term.strip():
        if char.isalpha():
            upper = char.upper()
            return upper if upper in ALPHABET else "#"
        if char.isdigit():
            return "0-9"
    return "#"


def letter_anchor(letter: str) -> str:
    return "letter-" + {"0-9": "digits", "#": "other"}.get(letter, letter.lower())


def links(items: list[Item]) -> str:
    groups: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        groups[str(item.data.get("category", "Other"))].append(item)
    out = []
    for category in sorted(groups, key=str.lower):
        out += [f"## {esc(category)}", ""]
        for item in sorted(groups[category], key=lambda i: i.title.lower()):
            where = "intranet" if item.data.get("internal") else "external site"
            out.append(
                f"- {element('span', id=item.id)}{markdown_link(esc(item.title), item.data.get('url', ''))} "
                f"({esc(where)}): {esc(item.data.get('description', ''))}"
            )
        out.append("")
    return "\n".join(out) + "\n"
