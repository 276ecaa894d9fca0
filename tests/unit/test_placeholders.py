"""Unfinished content never publishes: whatever `new` writes for the editor to replace is refused,
at its line, once the item is set to current; `start`'s site holds no placeholder and passes check."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import sys

import pytest

from practice_hub.content_types import TYPES
from practice_hub.editing.new import scaffold
from practice_hub.settings import Project
from practice_hub.site import load_site
from practice_hub.starter import start
from practice_hub.structure import placeholders
from tests.helpers import TODAY, env

DAY = dt.date.fromisoformat(TODAY)


@pytest.fixture(scope="module")
def started(tmp_path_factory):
    folder = tmp_path_factory.mktemp("started") / "fernleigh"
    assert start(folder, "Fernleigh Borough Council", out=lambda *_: None) == 0
    return folder


@pytest.fixture
def project(started, tmp_path, monkeypatch):
    monkeypatch.setenv("PRACTICE_HUB_TODAY", TODAY)
    folder = tmp_path / "site"
    shutil.copytree(started, folder, ignore=shutil.ignore_patterns(".git"))
    return Project.from_config_file(folder / "mkdocs.yml")


def errors_in(project, path: str) -> dict[int, str]:
    return {p.line: str(p) for p in load_site(project).problems.errors if p.path == path}


def all_errors_in(project, path: str) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for problem in load_site(project).problems.errors:
        if problem.path == path:
            found.setdefault(problem.line, []).append(str(problem))
    return found


def _marked(line: str) -> bool:
    return "# TODO:" in line or placeholders.placeholder_in(line) is not None


def test_new_and_the_check_share_one_list_of_placeholders():
    from practice_hub.editing import new

    assert new.PLACEHOLDER == placeholders.TEXT
    words = [w for w, _ in placeholders.NEW_WRITES]
    assert words == [placeholders.TEXT, placeholders.WEB_ADDRESS, placeholders.EMAIL, placeholders.BODY]
    assert new.markdown_file([], "X", "procedure").count(placeholders.BODY) == 1


@pytest.mark.parametrize("type_name", sorted(TYPES))
def test_everything_new_writes_is_refused_once_current(project, type_name):
    """Every line of the new item that holds a placeholder or a TODO note is an error at that line;
    as a draft, the same item has none."""
    made = scaffold(project, type_name, "Working with fathers", today=DAY)
    path = made.path.relative_to(project.root).as_posix()
    text = made.path.read_text(encoding="utf-8")
    assert errors_in(project, path) == {}
    first = text[: text.index("- id: working-with-fathers")].count("\n") + 1 if made.appended else 1
    assert "status: draft" in text[text.index("working-with-fathers") :]
    head, _, tail = text.rpartition("status: draft")
    made.path.write_text(head + "status: current" + tail, encoding="utf-8")
    lines = text.split("\n")
    expected = {n for n, line in enumerate(lines, 1) if n >= first and _marked(line)}
    assert expected, "new wrote nothing for the editor to replace"
    found = all_errors_in(project, path)
    assert expected <= set(found), f"not refused: {[lines[n - 1] for n in sorted(expected - set(found))]}"
    for line in expected:
        assert any("written by new (" in message for message in found[line]), found[line]


def test_the_procedure_left_with_placeholders_names_what_to_write(project):
    """The reproduction: `new procedure "X"`, set to current with "Replace this text" as owner and
    summary, was published."""
    made = scaffold(project, "procedure", "Home visits out of hours", today=DAY)
    text = made.path.read_text(encoding="utf-8")
    made.path.write_text(text.replace("status: draft", "status: current"), encoding="utf-8")
    path = "docs/procedures/home-visits-out-of-hours.md"
    assert errors_in(project, path) == {
        4: f'{path}:4: summary still says "Replace this text", a placeholder written by new (write one or '
        "two sentences saying what this is and who it is for; until then, keep status: draft)",
        5: f'{path}:5: owner still says "Replace this text", a placeholder written by new (write the team '
        "or role responsible for keeping this current: a role, never a person's name; until then, keep "
        "status: draft)",
        13: f'{path}:13: the page still says "Replace this paragraph with...", a placeholder written by new '
        "(write the procedure's own text in its place; until then, keep status: draft)",
    }


def test_a_todo_note_left_on_a_filled_in_value_is_refused(project):
    made = scaffold(project, "course", "Working with fathers", today=DAY)
    text = made.path.read_text(encoding="utf-8")
    entry = text[text.index("- id: working-with-fathers") :]
    filled = (
        entry.replace('"Replace this text"', '"Fathers in assessments and plans."')
        .replace('"https://example.org/replace-this"', "learning@fernleigh.gov.uk")
        .replace("mode: classroom", "mode: e-learning")
        .replace("status: draft", "status: current")
    )
    filled = re.sub(r"  # TODO: (?!Who the course)[^\n]*", "", filled)  # one note left behind
    made.path.write_text(text.replace(entry, filled), encoding="utf-8")
    found = errors_in(project, "docs/training/courses.yml")
    assert list(found.values()) == [
        f'docs/training/courses.yml:{min(found)}: audience still has the note "# TODO: Who the course is '
        'for." written by new (check that the value is right, then delete the note, from # to the end '
        "of the line; until then, keep status: draft)"
    ]


def test_a_hash_inside_a_quoted_value_is_not_a_note(project):
    path = project.docs_dir / "glossary" / "glossary.yml"
    path.write_text(
        path.read_text(encoding="utf-8") + '- id: hash\n  term: Hash\n  definition: "A # TODO: sign"\n',
        encoding="utf-8",
    )
    assert errors_in(project, "docs/glossary/glossary.yml") == {}


def test_starts_site_holds_no_placeholder_and_passes_check(started):
    for path in (started / "docs").rglob("*"):
        if path.is_file() and path.suffix in (".md", ".yml"):
            for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
                assert not _marked(line), f"{path.relative_to(started)}:{number}: {line}"
    result = subprocess.run(
        [sys.executable, "-m", "practice_hub", "check"],
        cwd=started,
        capture_output=True,
        text=True,
        env=env(),
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "warning" in result.stdout and not [
        line for line in result.stdout.splitlines()[:-1] if ": warning: " not in line
    ], result.stdout


def test_a_page_may_quote_the_placeholders_as_code_and_keep_its_own_notes(project):
    """A council's own editing page may show what new writes, in code; a comment line of its own
    between list entries is the council's note, not new's."""
    (project.docs_dir / "how-we-edit.md").write_text(
        "---\nid: how-we-edit\ntitle: How we edit\n---\n\n# How we edit\n\n"
        "A new page says `Replace this text` and `https://example.org/replace-this` until you write it.\n\n"
        "```markdown\nReplace this paragraph with the page's text.\n```\n",
        encoding="utf-8",
    )
    courses = project.docs_dir / "training" / "courses.yml"
    courses.write_text(
        courses.read_text(encoding="utf-8") + "# TODO: add the spring courses\n", encoding="utf-8"
    )
    assert errors_in(project, "docs/how-we-edit.md") == {}
    assert errors_in(project, "docs/training/courses.yml") == {}
