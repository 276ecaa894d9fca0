"""What the search answers directly (contacts and glossary entries), and what it leaves out of a
page's text (lists of links, the review box's facts)."""

from __future__ import annotations

from practice_hub.search.index import (
    contact_answers,
    glossary_answers,
    indexed_text,
    link_lists_left_out,
    tel_link,
)
from practice_hub.structure.items import Item


def contact(id_, title, **fields):
    data = {"id": id_, "title": title, "summary": f"What {title} does.", **fields}
    return Item(
        type="contact",
        data=data,
        path="docs/contacts/teams.yml",
        line=1,
        loaded=None,
        uri="contacts/index.md",
        anchor=id_,
        from_yaml=True,
    )


EDT = contact(
    "emergency-duty-team",
    "Emergency Duty Team (EDT)",
    phones=[{"label": "Out of hours", "number": "01632 960100"}],
    email="edt@brackenford.example",
    hours="Every evening, weekend and bank holiday",
    keywords=["out of hours", "emergency duty"],
)
LADO = contact(
    "lado",
    "Local Authority Designated Officer (LADO)",
    phones=[
        {"label": "Duty line", "number": "01632 960123"},
        {"label": "Mobile", "number": "+44 1632 960124"},
    ],
    hours="Monday to Friday, 9am to 5pm",
    out_of_hours="emergency-duty-team",
)


def test_a_contact_is_asked_by_its_short_name_title_id_and_keywords():
    answers = {a["term"]: a for a in contact_answers([LADO, EDT])}
    assert {"lado", "local authority designated officer", "local authority designated officer (lado)"} <= set(
        answers["Local Authority Designated Officer (LADO)"]["forms"]
    )
    assert {"edt", "out of hours", "emergency duty", "emergency duty team"} <= set(
        answers["Emergency Duty Team (EDT)"]["forms"]
    )


def test_a_contact_answer_opens_the_entry_and_calls_by_tapping():
    lado = next(a for a in contact_answers([LADO, EDT]) if a["term"].endswith("(LADO)"))
    assert lado["kind"] == "contact"
    assert lado["url"] == "contacts/#lado"
    assert lado["phones"] == [
        {"label": "Duty line", "number": "01632 960123", "tel": "tel:01632960123"},
        {"label": "Mobile", "number": "+44 1632 960124", "tel": "tel:+441632960124"},
    ]
    assert lado["out_of_hours"] == "Emergency Duty Team (EDT)"  # the other contact, by its title
    assert lado["hours"] == "Monday to Friday, 9am to 5pm"


def test_archived_and_draft_contacts_answer_nothing():
    gone = contact("old-team", "Old team (OT)", status="archived")
    assert [a["term"] for a in contact_answers([gone, EDT])] == ["Emergency Duty Team (EDT)"]


def test_a_site_without_contacts_has_no_contact_answers():
    glossary = Item(
        type="glossary",
        data={"id": "plo", "term": "PLO", "definition": "x"},
        path="g.yml",
        line=1,
        loaded=None,
        uri="glossary/index.md",
        anchor="plo",
        from_yaml=True,
    )
    assert contact_answers([glossary]) == []
    assert glossary_answers([glossary])[0]["url"] == "glossary/#plo"
    assert glossary_answers([glossary])[0]["kind"] == "glossary"


def test_tel_links_keep_the_digits_only():
    assert tel_link("01632 960123") == "tel:01632960123"
    assert tel_link(" +44 (0)1632 960-123 ") == "tel:+4401632960123"


PAGE = (
    '<html><body><nav><ul><li><a href="../x/">Menu</a></li></ul></nav>'
    '<article class="md-content__inner md-typeset"><h1>Title</h1>'
    "<ol><li>Visit the child every 10 days.</li><li>Record it.</li></ol>"
    '<h2 id="related">Related</h2><ul>\n<li><a href="../lado/">Allegations (LADO)</a> (procedure)</li>\n'
    '<li>Course: <a href="../../training/curiosity/">Professional curiosity</a></li>\n'
    '<li><a href="https://www.legislation.gov.uk/x">Children Act 1989</a> (legislation)</li>\n</ul>'
    '<ul><li><a href="https://example.org/a">An outside link</a>: what it is</li></ul>'
    '<ul><li><p><a href="../b/">B</a></p><ul><li><a href="../c/">C</a></li></ul></li></ul>'
    '<ul><li>Words first, then <a href="../d/">a link</a></li></ul>'
    '<p class="ph-suggest" data-pagefind-ignore><a href="mailto:x@y.example">Suggest a change to this page</a></p>'
    "</article></body></html>"
)


def test_lists_of_links_to_the_sites_pages_are_left_out_of_search():
    marked = link_lists_left_out(PAGE)
    assert '<ul data-pagefind-ignore>\n<li><a href="../lado/">' in marked  # the related list...
    assert '<h2 id="related" data-pagefind-ignore>Related</h2>' in marked  # ...and its heading
    assert '<ul><li><a href="https://example.org/a">' in marked  # outside links stay (links directory)
    assert '<ul data-pagefind-ignore><li><p><a href="../b/">' in marked  # a loose list
    assert "<ul><li>Words first" in marked  # a list of sentences stays
    assert "<ol><li>Visit" in marked  # steps stay
    assert '<nav><ul><li><a href="../x/">' in marked  # outside the article: not the indexer's


def test_the_text_the_glossary_forms_come_from_is_what_pagefind_indexes():
    text = indexed_text(link_lists_left_out(PAGE).split('typeset">', 1)[1])
    assert "Visit the child" in text and "An outside link" in text
    assert "LADO" not in text and "Suggest a change" not in text
    assert "Related" not in text and "curiosity" not in text  # a labelled item ("Course: ") too


def test_a_team_is_answered_by_the_end_of_its_name():
    from practice_hub.search.index import _team_names

    assert _team_names("Emergency Duty Team") == ["Duty Team"]
    assert _team_names("Workforce development and training team") == [
        "development and training team",
        "training team",
    ]
    assert _team_names("MARAC coordinator") == []  # two words: the name itself
    assert _team_names("Legal gateway meeting") == []  # not a team's name


def test_a_useful_link_is_answered_by_its_title_and_keywords():
    from practice_hub.search.index import link_answers

    link = Item(
        type="link",
        data={
            "id": "case-record-system",
            "title": "Case recording system",
            "description": "Log in to the case recording system.",
            "keywords": ["CMS", "case  management system"],
        },
        path="l.yml",
        line=3,
        loaded=None,
        uri="links/index.md",
        anchor="case-record-system",
        from_yaml=True,
    )
    (answer,) = link_answers([link])
    assert answer["kind"] == "link" and answer["url"] == "links/#case-record-system"
    assert answer["forms"] == ["case management system", "case recording system", "cms"]
    assert answer["definition"] == "Log in to the case recording system."
