"""Settings that would write markup into every page, or be ignored without a word, are refused by
`check` and by `mkdocs build`, at their line of mkdocs.yml and in the same words."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import FIXTURES, make_project, run_build, run_check

IMG = "Standards <img src=x onerror=alert(1)>"


def _project(tmp_path: Path, old: str, new: str) -> tuple[Path, int]:
    project = make_project(tmp_path / "p", FIXTURES / "thread" / "docs")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert text.count(old) == 1
    config.write_text(text.replace(old, new), encoding="utf-8")
    lines = text.replace(old, new).splitlines()
    return project, lines.index(new.rstrip("\n")) + 1


CASES = {
    "menu-title-markup": (
        "      - Practice standards: standards/\n",
        f'      - "{IMG}": standards/\n',
        "extra.practice_hub.menu entries are a path (procedures/) or one 'Title: path' pair "
        "(Jobs: recruitment/), the title in plain words without < or >",
    ),
    "misspelt-menu-entry": (
        "      - glossary/\n",
        "      - glosary/\n",
        'extra.practice_hub.menu names "glosary/", which is not in docs/ (did you mean "glossary/"?)',
    ),
    "misnamed-block": (
        "  practice_hub:\n",
        "  practice-hub:\n",
        "extra.practice-hub is ignored: the engine reads its settings only from extra.practice_hub "
        '(did you mean "practice_hub"?)',
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_check_and_build_refuse_the_setting_at_its_line(tmp_path, case):
    old, new, message = CASES[case]
    project, line = _project(tmp_path, old, new)
    told = f"mkdocs.yml:{line}: {message}"
    checked = run_check(project)
    assert checked.returncode == 1  # a problem like any other: listed, counted, exit 1
    assert told in checked.stdout.splitlines()
    built = run_build(project)
    assert built.returncode != 0
    assert told in built.stderr
    assert "Traceback" not in checked.stderr + built.stderr
    assert not (project / "site" / "index.html").exists()
