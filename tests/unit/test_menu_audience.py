"""Pages for editors (``audience: editors``) are left out of the readers' menu, by the page's own
field and not by a list in code; the ``editors_pages`` setting, where a site keeps it, adds paths."""

from __future__ import annotations

from types import SimpleNamespace

from practice_hub.menu import EDITORS, EditorsPages, arrange, audience_of, menu_entries


def page(path: str):
    return SimpleNamespace(is_page=True, is_section=False, file=SimpleNamespace(src_uri=path), title=path)


def section(title: str, *children):
    return SimpleNamespace(is_page=False, is_section=True, children=list(children), title=title)


def test_a_page_says_who_it_is_for_in_its_fields():
    assert (
        audience_of("---\ntitle: Field reference\naudience: editors\n---\n\n# Field reference\n") == EDITORS
    )
    assert audience_of("---\ntitle: About\n---\n\naudience: editors\n") == "readers"  # in the text only
    assert audience_of("# No fields\n") == "readers"
    assert audience_of("---\naudience: 'editors'\n---\n") == EDITORS


def test_pages_for_editors_and_sections_of_nothing_else_leave_the_menu():
    items = [
        page("index.md"),
        section("Procedures", page("procedures/index.md"), page("procedures/a.md")),
        section("Editors", page("editors/index.md"), page("editors/field-reference.md")),
        page("review-schedule.md"),
        page("about.md"),
    ]
    editors = EditorsPages(
        frozenset({"editors/index.md", "editors/field-reference.md", "review-schedule.md"})
    )
    kept = arrange(items, menu_entries(None), {}, editors)
    assert [node.title for node in kept] == ["index.md", "Procedures", "about.md"]


def test_without_the_field_nothing_is_left_out():
    items = [page("index.md"), page("review-schedule.md"), section("Editors", page("editors/index.md"))]
    assert len(arrange(items, menu_entries(None), {})) == 3


def test_the_older_setting_still_names_pages_and_folders():
    editors = EditorsPages(named=("editors/", "review-schedule.md"))
    assert "editors/style.md" in editors and "review-schedule.md" in editors
    assert "procedures/a.md" not in editors
    kept = arrange(
        [page("index.md"), page("editors/style.md"), page("about.md")], menu_entries(None), {}, editors
    )
    assert [node.title for node in kept] == ["index.md", "about.md"]


def test_pages_for_editors_are_left_out_of_readers_search():
    """An editor's page with the field, a generated page whose fields say it, or a path the
    setting names: not handed to the search index."""
    from practice_hub.mkdocs_adapter import for_readers

    def site(named=()):
        return SimpleNamespace(project=SimpleNamespace(settings=SimpleNamespace(editors_pages=named)))

    def built(path, meta=None):
        return SimpleNamespace(file=SimpleNamespace(src_uri=path), meta=meta or {})

    style = SimpleNamespace(data={"id": "style", "title": "Style guide", "audience": "editors"})
    about = SimpleNamespace(data={"id": "about", "title": "About"})
    assert not for_readers(built("style.md"), style, site())
    assert for_readers(built("about.md"), about, site())
    assert not for_readers(built("editors/field-reference.md", {"audience": "editors"}), None, site())
    assert for_readers(built("procedures/index.md", {"title": "Procedures"}), None, site())
    assert not for_readers(built("team/rota.md"), about, site(("team/",)))
