"""A mkdocs.yml the engine cannot use: every command says what check says, at the line, in plain
words, and fails without a traceback; the build's closing words are Practice Hub's."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import REPO, TODAY, env
from practice_hub.engine import closing_words
from practice_hub.starter import site_files

COLON = (
    'mkdocs.yml:5: the value on this line has ": " in it, which reads as the start of another field '
    '(put the value in quotes: site_name: "Kelsey Vale Council: Practice Hub")'
)
FAILED = "Practice Hub: the build failed; site/ was left as it was."


@pytest.fixture
def site(tmp_path) -> Path:
    root = tmp_path / "kelsey-vale"
    for name, text in site_files("Kelsey Vale Council", dt.date.fromisoformat(TODAY)).items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def edit(root: Path, old: str, new: str) -> None:
    file = root / "mkdocs.yml"
    text = file.read_text(encoding="utf-8")
    assert old in text
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def practice_hub(root: Path, *args: str, timeout: int = 300) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "practice_hub", *args],
        cwd=root,
        capture_output=True,
        text=True,
        env=env(PYTHONPATH=str(REPO)),
        timeout=timeout,
    )


def test_every_engine_command_says_the_line_of_an_unreadable_mkdocs_yml(site):
    edit(
        site, 'site_name: "Kelsey Vale Council Practice Hub"', "site_name: Kelsey Vale Council: Practice Hub"
    )
    check = practice_hub(site, "check")
    assert (check.returncode, check.stdout.splitlines()[0]) == (1, COLON)
    build = practice_hub(site, "build")
    assert (build.returncode, build.stdout, build.stderr.splitlines()) == (1, "", [COLON, FAILED])
    serve = practice_hub(site, "serve", "-a", "127.0.0.1:0", timeout=60)
    assert (serve.returncode, serve.stderr.splitlines()) == (1, [COLON])
    test = practice_hub(site, "test", "--no-browser")
    assert test.returncode == 1 and test.stderr.splitlines() == [COLON]
    assert "[1/4] Strict build: failed" in test.stdout
    (site / "site").mkdir()
    (site / "site/index.html").write_text("<!doctype html><title>x</title>\n", encoding="utf-8")
    links = practice_hub(site, "linkcheck", "--external")
    assert links.returncode == 2 and links.stderr.splitlines()[-1] == COLON
    for done in (check, build, serve, test, links):
        assert "Traceback" not in done.stdout + done.stderr


def test_a_misspelt_setting_fails_check_and_the_build_alike(site):
    edit(site, "gaps_are_errors:", "gaps_are_error:")
    line = next(
        n
        for n, text in enumerate((site / "mkdocs.yml").read_text().splitlines(), 1)
        if "gaps_are_error:" in text
    )
    said = f'mkdocs.yml:{line}: unknown setting "gaps_are_error" in extra.practice_hub (did you mean "gaps_are_errors"?)'
    count = "Practice Hub: 1 problem in 1 file: fix it, then run check again"
    check = practice_hub(site, "check")
    assert (check.returncode, check.stdout.splitlines(), check.stderr) == (1, [said, count], "")
    build = practice_hub(site, "build")
    assert build.returncode == 1, build.stdout + build.stderr
    errors = [text.split("-  ", 1)[1] for text in build.stderr.splitlines() if text.startswith("ERROR")]
    assert errors == [said, count]
    assert build.stderr.splitlines()[-1] == FAILED
    assert "Aborted" not in build.stdout + build.stderr and "Traceback" not in build.stderr


def test_the_engines_closing_words_are_practice_hubs():
    assert closing_words("Aborted with 1 warnings in strict mode!\n") == (
        "Practice Hub: 1 problem (listed above): fix it, then run check again"
    )
    assert closing_words("Aborted with 2 warnings, 1 errors in strict mode!") == (
        "Practice Hub: 3 problems (listed above): fix them, then run check again"
    )
    # After a BuildError, Practice Hub's own count was the line before: nothing more is said.
    assert closing_words("Aborted with a BuildError!") == ""
    assert closing_words("Aborted with a configuration error!") == ""
    assert closing_words("INFO    -  Documentation built in 1.00 seconds") is None
