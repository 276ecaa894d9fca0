"""The Brackenford demo's own content: its scale, its ids and dates.

These run only while mkdocs.yml says ``demo: true`` (tests/conftest.py skips them otherwise, with
the reason shown). The checks that hold for any council's content are in tests/content/.
"""

from __future__ import annotations

import re

MINIMUM_COUNTS = {
    "procedure": 30,
    "course": 30,
    "glossary": 60,
    "research": 15,
    "news": 10,
    "vacancy": 4,
    "induction": 5,
    "tool": 10,
    "contact": 12,
}


def test_demo_has_realistic_scale(content):
    counts: dict[str, int] = {}
    for item in content["items"]:
        counts[item["type"]] = counts.get(item["type"], 0) + 1
    for kind, minimum in MINIMUM_COUNTS.items():
        assert counts.get(kind, 0) >= minimum, (kind, counts.get(kind))
    assert 10 <= counts["standard"] <= 12 and 10 <= counts["audit_section"] <= 12
    assert counts["induction"] == 5
    assert counts["link"] > 0
    periods = {r["period"] for i in content["items"] if i["type"] == "audit_section" for r in i["results"]}
    assert len(periods) >= 3
    vacancies = [i for i in content["items"] if i["type"] == "vacancy"]
    assert any(v.get("summary") for v in vacancies)


def test_demo_review_dates_exercise_the_banner_states(built, content):
    project, _ = built
    states = set()
    for item in content["items"]:
        if item["type"] == "procedure":
            html = (project / "site" / item["url"] / "index.html").read_text(encoding="utf-8")
            states.add(re.search(r'data-ph-state="(\w+)"', html).group(1))
    assert {"current", "due"} <= states  # overdue comes with the reader's clock (browser tests)


def test_one_vacancy_in_the_demo_has_closed(content):
    closing = [i["closing_date"] for i in content["items"] if i["type"] == "vacancy"]
    assert sum(day < "2026-11-24" for day in closing) == 1


def _items(content, kind):
    return [i for i in content["items"] if i["type"] == kind]


def test_every_demo_procedure_has_key_points_and_a_service(content):
    for procedure in _items(content, "procedure"):
        assert 3 <= len(procedure.get("key_points", [])) <= 5, procedure["id"]
        assert procedure.get("service") in ("Children's services", "Adults' services", "All services"), (
            procedure["id"]
        )


def test_every_current_demo_procedure_says_who_to_contact():
    import yaml

    from helpers import REPO

    for path in sorted((REPO / "docs" / "procedures").glob("*.md")):
        fields = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
        if fields.get("status") not in ("archived", "draft"):
            assert fields.get("contacts"), f"{path.name} names no contact"


def test_the_visiting_timescales_are_at_a_glance(content):
    visits = next(i for i in _items(content, "procedure") if i["id"] == "statutory-visits-to-children")
    points = " ".join(visits["key_points"])
    for timescale in ("every 10 working days", "every 4 weeks", "within 1 week", "every 6 weeks"):
        assert timescale in points, timescale


def test_demo_contacts_are_fictional_and_where_practitioners_need_them(content):
    contacts = {i["id"]: i for i in _items(content, "contact")}
    for contact in contacts.values():
        for phone in contact.get("phones", []):
            digits = phone["number"].replace(" ", "")
            assert re.fullmatch(r"01632960\d{3}", digits), (contact["id"], phone)
        assert contact.get("email", "x@brackenford.example").endswith(".example"), contact["id"]
    for needed in (
        "lado-service",
        "emergency-duty-team",
        "childrens-front-door",
        "adult-social-care-front-door",
        "dols-team",
        "marac-coordinator",
        "legal-services",
        "iro-service",
        "child-protection-conferences",
        "missing-children-coordinator",
        "principal-social-worker",
        "workforce-development",
        "adult-safeguarding-team",
    ):
        assert needed in contacts, needed
    assert contacts["lado-service"]["out_of_hours"] == "emergency-duty-team"
    by_id = {i["id"]: i for i in content["items"]}
    assert by_id["allegations-against-staff-lado"]["related"]["contact"] == [
        "emergency-duty-team",
        "lado-service",
    ]
    assert "lado-service" in by_id["lado"]["related"]["contact"]  # the glossary term


def test_the_lado_procedure_shows_who_to_contact_with_numbers_to_tap(built, content):
    project, _ = built
    url = next(i["url"] for i in content["items"] if i["id"] == "allegations-against-staff-lado")
    html = (project / "site" / url / "index.html").read_text(encoding="utf-8")
    box = html[html.index('<section class="ph-who"') :]
    assert '<a href="tel:01632960120">01632 960120</a>' in box  # the LADO
    assert '<a href="tel:01632960999">01632 960999</a>' in box  # EDT out of hours
    directory = (project / "site" / "contacts" / "index.html").read_text(encoding="utf-8")
    assert directory.count('href="tel:') >= 14
