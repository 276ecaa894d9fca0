"""A wrong setting in mkdocs.yml is reported by `check` at its line, every one at once."""

from __future__ import annotations

from helpers import FIXTURES, make_project, run_check


def test_check_names_each_wrong_setting_at_its_line(tmp_path):
    project = make_project(
        tmp_path / "p", FIXTURES / "thread" / "docs", settings={"gaps_are_errors": "maybe", "menus": "[]"}
    )
    lines = (project / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    gaps = next(n for n, line in enumerate(lines, 1) if line.strip().startswith("gaps_are_errors:"))
    menus = next(n for n, line in enumerate(lines, 1) if line.strip().startswith("menus:"))
    run = run_check(project)
    assert run.returncode == 1  # the build fails on them, so check does, as on any problem
    assert run.stdout.splitlines() == sorted(
        [
            f"mkdocs.yml:{gaps}: extra.practice_hub.gaps_are_errors must be true or false",
            f'mkdocs.yml:{menus}: unknown setting "menus" in extra.practice_hub (did you mean "menu"?)',
        ],
        key=lambda line: int(line.split(":")[1]),
    ) + ["Practice Hub: 2 problems in 1 file: fix them, then run check again"]
    assert "Traceback" not in run.stdout + run.stderr
