"""Procedures grouped by service: the procedures list (renderer/listing.py by_service), the menu's
order and previous/next within one service's procedures (menu.py)."""

from __future__ import annotations

import re

from practice_hub.content_types import PROCEDURE
from practice_hub.menu import arrange, link_within_sections, service_groups
from practice_hub.renderer.listing import by_service
from practice_hub.structure.items import Item

SERVICES = ("Children's services", "Adults' services")


def procedure(name: str, service: str | None = None) -> Item:
    data = {"id": name, "title": name.replace("-", " ").capitalize(), "summary": f"About {name}."}
    if service:
        data["service"] = service
    return Item(PROCEDURE, data, f"docs/procedures/{name}.md", 1, None, uri=f"procedures/{name}.md")


ITEMS = [
    procedure("a-section-42", "Adults' services"),
    procedure("b-supervision"),  # no service: for all services
    procedure("c-section-47", "Children's services"),
    procedure("d-dols", "Adults' services"),
    procedure("e-strategy", "Children's services"),
    procedure("f-recording", "All services"),
]


class Site:
    class project:
        class settings:
            audit_services = SERVICES


def test_a_missing_service_means_all_services_and_groups_follow_the_sites_services():
    groups = service_groups(ITEMS, SERVICES)
    assert groups["procedures/b-supervision.md"] == (2, "All services")
    assert groups["procedures/f-recording.md"] == (2, "All services")
    assert groups["procedures/c-section-47.md"] == (0, "Children's services")
    assert groups["procedures/a-section-42.md"] == (1, "Adults' services")


def test_the_list_has_a_heading_a_service_and_a_filter_by_service():
    text = by_service("procedures/index.md", ITEMS, Site())
    headings = re.findall(r"<h2 id=\"([^\"]+)\">([^<]+)</h2>", text)
    assert headings == [
        ("service-children-s-services", "Children&#x27;s services"),
        ("service-adults-services", "Adults&#x27; services"),
        ("service-all-services", "All services"),
    ]
    children = text.split('id="service-children-s-services"')[1].split("</section>")[0]
    assert "c-section-47.md" in children and "e-strategy.md" in children
    assert "a-section-42.md" not in children and "b-supervision.md" not in children
    everyone = text.split('id="service-all-services"')[1]
    assert "b-supervision.md" in everyone and "f-recording.md" in everyone
    # The filter: one choice a service; "all services" procedures show whichever is chosen.
    assert 'data-ph-key="service"' in text
    assert re.findall(r'<option value="([^"]*)">', text) == [
        "",
        "Children&#x27;s services",
        "Adults&#x27; services",
    ]
    assert 'data-service="|Children&#x27;s services|Adults&#x27; services|"' in text


def test_a_site_whose_procedures_name_no_service_keeps_the_plain_list():
    plain = [procedure("x"), procedure("y")]
    text = by_service("procedures/index.md", plain, Site())
    assert "<h2" not in text and "data-ph-key" not in text
    assert text.startswith("- [X](x.md)")


class File:
    def __init__(self, src_uri):
        self.src_uri = src_uri


class Page:
    is_page, is_section = True, False

    def __init__(self, path):
        self.file = File(path)
        self.title = path

    def __repr__(self):
        return self.file.src_uri.split("/")[-1]


class Section:
    is_page, is_section = False, True

    def __init__(self, title, children):
        self.title, self.children = title, children


def test_the_menu_lists_procedures_by_service_and_next_stays_within_one():
    groups = service_groups(ITEMS, SERVICES)
    pages = [Page("procedures/index.md"), *(Page(item.uri) for item in ITEMS)]  # A to Z, as MkDocs gives
    section = Section("Procedures", pages)
    items = arrange([Page("index.md"), section], [], {}, (), groups)
    link_within_sections(items, groups=groups)
    order = [repr(p) for p in section.children]
    assert order == [
        "index.md",
        "c-section-47.md",
        "e-strategy.md",
        "a-section-42.md",
        "d-dols.md",
        "b-supervision.md",
        "f-recording.md",
    ]
    by_name = {repr(p): p for p in section.children}
    assert repr(by_name["c-section-47.md"].next_page) == "e-strategy.md"
    assert by_name["e-strategy.md"].next_page is None  # not on into the adults' procedures
    assert by_name["a-section-42.md"].previous_page is None
    assert repr(by_name["d-dols.md"].previous_page) == "a-section-42.md"
    assert repr(by_name["f-recording.md"].previous_page) == "b-supervision.md"
