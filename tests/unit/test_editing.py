"""Scaffolding (`new`) and `reviewed`: every output passes check; catalogue comments survive."""

from __future__ import annotations

import datetime as dt

import pytest

from practice_hub.content_types import TYPES
from practice_hub.editing.new import ScaffoldError, scaffold, slug
from practice_hub.editing.reviewed import mark_reviewed
from practice_hub.settings import Project
from practice_hub.site import load_site
from tests.helpers import FIXTURES, TODAY, make_project

DAY = dt.date.fromisoformat(TODAY)


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.setenv("PRACTICE_HUB_TODAY", TODAY)
    root = make_project(tmp_path / "p", FIXTURES / "thread" / "docs")
    return Project.from_config_file(root / "mkdocs.yml")


def errors(project):
    return [str(p) for p in load_site(project).problems.errors]


def test_slug_and_fresh_ids(project):
    assert slug("Section 47 enquiries: what’s new?", "x") == "section-47-enquiries-whats-new"
    first = scaffold(project, "procedure", "Recording", today=DAY)  # "recording" is taken in the fixture
    assert first.id == "recording-2"
    assert scaffold(project, "procedure", "Recording", today=DAY).id == "recording-3"


@pytest.mark.parametrize("type_name", sorted(TYPES))
def test_every_new_type_passes_check(project, type_name):
    catalogue = {"course": "docs/training/courses.yml"}.get(type_name)
    made = scaffold(project, type_name, "Working with fathers", catalogue, today=DAY)
    text = made.path.read_text(encoding="utf-8")
    assert "# TODO:" in text or type_name == "page"  # a page needs no more than its title
    assert errors(project) == []
    if TYPES[type_name].format == "markdown":
        name = f"{TODAY}-working-with-fathers.md" if type_name == "news" else "working-with-fathers.md"
        assert made.path.name == name
        assert "Replace this paragraph with the" in text
        assert made.path.parent.relative_to(project.docs_dir).as_posix().startswith(TYPES[type_name].folder)


def test_new_course_keeps_the_catalogues_comments(project):
    path = project.docs_dir / "training" / "courses.yml"
    original = (
        "# Courses run in house.\n"
        + path.read_text(encoding="utf-8").replace("\n- id:", "\n# the next course\n- id:", 1)
        + "# end of list\n"
    )
    path.write_text(original, encoding="utf-8")
    made = scaffold(project, "course", "Working with fathers", "docs/training/courses.yml", today=DAY)
    assert made.appended
    after = path.read_text(encoding="utf-8")
    assert after.startswith(original)
    assert "- id: working-with-fathers\n" in after
    assert errors(project) == []


def test_new_refuses_unknown_types_and_ambiguous_catalogues(project):
    with pytest.raises(ScaffoldError, match='"policy" is not a content type'):
        scaffold(project, "policy", "X", today=DAY)
    (project.docs_dir / "training" / "other.yml").write_text("- id: x\n", encoding="utf-8")
    with pytest.raises(ScaffoldError, match="say which one with --catalogue"):
        scaffold(project, "course", "X", today=DAY)


def test_reviewed_stamps_dates_adds_a_change_and_keeps_comments(project):
    path = project.docs_dir / "procedures" / "recording.md"
    text = path.read_text(encoding="utf-8")
    text = text.replace("\nid:", "\n# reviewed every year\nid:", 1)
    path.write_text(text, encoding="utf-8")
    done = mark_reviewed(project, "recording", "Checked the timescales", today=DAY)
    after = path.read_text(encoding="utf-8")
    assert "# reviewed every year\n" in after
    assert f"last_reviewed: {TODAY}" in after
    assert done.change_added
    assert f'- date: {TODAY}\n    summary: "Checked the timescales"\n    type: minor' in after
    assert errors(project) == []


@pytest.mark.parametrize(
    "type_name",
    sorted(t for t in TYPES if t in ("procedure", "standard", "tool", "induction", "audit_section", "page")),
)
def test_reviewed_output_of_new_items_passes_check(project, type_name):
    made = scaffold(project, type_name, "Fresh item", today=DAY)
    later = dt.date(2027, 2, 28)
    done = mark_reviewed(project, made.id, today=later)
    after = made.path.read_text(encoding="utf-8")
    assert "last_reviewed: 2027-02-28" in after
    if done.review_by:
        assert done.review_by == "2028-02-28"
    assert errors(project) == []


def test_reviewed_unknown_id_suggests(project):
    with pytest.raises(ScaffoldError, match='no item has the id "recordin"; did you mean "recording"\\?'):
        mark_reviewed(project, "recordin", today=DAY)


def test_reviewed_unknown_id_lists_close_ids():
    """An id from the guide's example on a site that has no such page: the close ids, else every
    id with review dates (a few), else where to find one; never the bare "no item"."""
    from types import SimpleNamespace

    from practice_hub.editing.reviewed import LISTED_IDS, unknown_id
    from practice_hub.resources import schema_dir
    from practice_hub.schema import load_schemas

    schemas = load_schemas(schema_dir())

    def items(*ids):
        return [SimpleNamespace(type="procedure", id=i) for i in ids]

    where = 'an item\'s id is its "id:" line, at the top of its file'
    assert unknown_id("home-visits-out-of-hours", items("home-visits-evenings", "home-care"), schemas) == (
        f'no item has the id "home-visits-out-of-hours"; did you mean "home-visits-evenings"? ({where})'
    )
    assert unknown_id(
        "home-visits-out-of-hours", items("example-procedure", "example-standard"), schemas
    ) == (
        'no item has the id "home-visits-out-of-hours"; the items with review dates are: '
        f"example-procedure, example-standard ({where})"
    )
    many = items(*(f"example-{n:02d}" for n in range(LISTED_IDS + 1)))
    assert unknown_id("home-visits-out-of-hours", many, schemas) == (
        f'no item has the id "home-visits-out-of-hours" ({where}: open the page\'s file in docs/ and copy its id)'
    )
    assert unknown_id("anything", [], schemas) == (
        'no item has the id "anything", and no item in this site has review dates yet'
    )


def _new(project, *args):
    import subprocess
    import sys

    from tests.helpers import env

    return subprocess.run(
        [sys.executable, "-m", "practice_hub", "new", *args],
        cwd=project.root,
        capture_output=True,
        text=True,
        env=env(),
        timeout=120,
    )


def _tree(folder):
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))


@pytest.mark.parametrize(
    "link, target, args",
    [
        # a committed link, dangling here, where the new file goes
        ("procedures/section-47-enquiries.md", "planted.md", ("procedure", "Section 47 enquiries")),
        # a folder that is a link: the file would sit under it
        ("research", "research", ("research", "Home visits")),
        # the catalogue a new entry is appended to
        ("glossary/terms.yml", "terms.yml", ("glossary", "Strategy discussion")),
    ],
)
def test_new_never_writes_through_a_symbolic_link(project, tmp_path, link, target, args):
    """A committed dangling symbolic link cannot make `new` write outside the repository."""
    outside = tmp_path / "outside"
    outside.mkdir()
    path = project.root / "docs" / link
    if path.is_dir() and not path.is_symlink():
        import shutil

        shutil.rmtree(path)
    elif path.exists():
        for old in path.parent.glob("*.yml"):
            old.unlink()  # the link is then the one catalogue new appends to
    path.parent.mkdir(parents=True, exist_ok=True)
    path.symlink_to(outside / target)
    before = _tree(project.root)
    result = _new(project, *args)
    assert result.returncode == 2, result.stdout + result.stderr
    assert f"docs/{link} is a symbolic link" in result.stderr
    assert "nothing is written" in result.stderr
    assert "Traceback" not in result.stderr
    assert list(outside.iterdir()) == []
    assert _tree(project.root) == before


def test_new_refuses_a_catalogue_outside_docs(project, tmp_path):
    (tmp_path / "terms.yml").write_text("", encoding="utf-8")
    result = _new(project, "glossary", "Strategy", "--catalogue", str(tmp_path / "terms.yml"))
    assert result.returncode == 2 and "is not inside" in result.stderr
    assert (tmp_path / "terms.yml").read_text() == ""


def test_new_says_what_it_made_and_the_command_to_run_next_as_it_runs(project):
    """The words `new` prints, pinned: the command is the form that runs in a fresh terminal."""
    import sys

    result = _new(project, "procedure", "Home visits at night")
    run = ".venv\\Scripts\\practice-hub check" if sys.platform == "win32" else ".venv/bin/practice-hub check"
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        'docs/procedures/home-visits-at-night.md: created procedure "home-visits-at-night" as a draft; '
        f"fill in the fields marked TODO (and delete each note), then run {run}\n"
    )
