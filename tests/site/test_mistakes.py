"""Every editor mistake in tests/mistakes/*.yml, run through `check` and the strict build.

A case is one mistake written over the starter site (`practice-hub start "Fernleigh Borough
Council"`, made once per session); tests/mistakes/README.md describes the format. For each case:

- check prints exactly the expected lines for the files the case touches, and fails exactly when
  one of them is a problem (not an advisory "warning:");
- every path:line the strict build reports was reported by check, at the same path and line, and
  every problem the build prints is a path:line (never MkDocs' words without a line);
- check fails exactly when the build fails: an editor who sees "no problems" can trust it.

The broken fixture (tests/fixtures/broken) is run the same way: check and the build report the
same set of paths and lines. Builds run two at a time, as subprocesses, once per session."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from helpers import FIXTURES, REPO, env, make_project, run_start

CASES = REPO / "tests" / "mistakes"
COUNCIL = "Fernleigh Borough Council"
# A line of check's text output, and of the build's log: its path and line.
CHECK_LINE = re.compile(r"^(?P<path>[^:\s][^:]*):(?P<line>\d+)(?::\d+)?: (?P<rest>.*)$")
BUILD_LINE = re.compile(r"^(?P<level>WARNING|ERROR)\s+-\s+(?P<text>.*)$")
# What the build may print at WARNING or ERROR without a path:line: its closing lines only.
BUILD_CLOSING = re.compile(r"^Practice Hub: \d+ problems? in \d+ files?")


@dataclass(frozen=True)
class Case:
    name: str
    what: str
    files: dict
    remove: tuple
    replace: dict
    expect: tuple

    @property
    def touched(self) -> set[str]:
        """The files whose lines are compared: those written or removed (a file edited by
        `replace`, such as mkdocs.yml, keeps the base's own lines out of the case)."""
        return set(self.files) | set(self.remove)


def read_case(file: Path) -> Case:
    text = file.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    first = text.split("\n", 1)[0]
    assert first.startswith("# "), f"{file.name}: the first line says, as a comment, what the editor did"
    assert set(data) <= {"base", "files", "remove", "replace", "expect"}, f"{file.name}: unknown keys"
    assert data.get("base", "starter") == "starter", f"{file.name}: the only base is starter"
    assert data.get("expect") is not None, f"{file.name}: expect lists check's lines (or is [])"
    return Case(
        name=file.stem,
        what=first[2:],
        files=dict(data.get("files") or {}),
        remove=tuple(data.get("remove") or ()),
        replace={
            path: [tuple(pair) for pair in pairs] for path, pairs in (data.get("replace") or {}).items()
        },
        expect=tuple(data.get("expect") or ()),
    )


def apply(case: Case, base: Path, target: Path) -> Path:
    shutil.copytree(base, target, ignore=shutil.ignore_patterns(".git", "site"))
    for name in case.remove:
        (target / name).unlink()
    for name, pairs in case.replace.items():
        path = target / name
        text = path.read_text(encoding="utf-8")
        for old, new in pairs:
            assert old in text, f"{case.name}: {name} has no {old!r} to replace"
            text = text.replace(old, new, 1)
        path.write_text(text, encoding="utf-8")
    for name, content in case.files.items():
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    return target


@dataclass(frozen=True)
class Run:
    check_code: int
    check_lines: tuple
    check_err: str
    build_code: int
    build_log: str

    def check_places(self) -> set[tuple[str, int]]:
        return {(m["path"], int(m["line"])) for m in map(CHECK_LINE.match, self.check_lines) if m}

    def build_problems(self) -> list[str]:
        """What the build printed at WARNING or ERROR, its closing lines left out."""
        found = [m["text"].strip() for m in map(BUILD_LINE.match, self.build_log.splitlines()) if m]
        return [text for text in found if not BUILD_CLOSING.match(text)]

    def build_places(self) -> set[tuple[str, int]]:
        return {(m["path"], int(m["line"])) for m in map(CHECK_LINE.match, self.build_problems()) if m}


def run_both(project: Path) -> Run:
    check = subprocess.run(
        [sys.executable, "-m", "practice_hub", "check"],
        cwd=project,
        capture_output=True,
        text=True,
        env=env(),
        timeout=300,
    )
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(project / "site")],
        cwd=project,
        capture_output=True,
        text=True,
        env=env(),
        timeout=300,
    )
    return Run(
        check.returncode,
        tuple(check.stdout.splitlines()),
        check.stderr,
        build.returncode,
        build.stdout + build.stderr,
    )


def all_cases() -> list[Case]:
    return [read_case(file) for file in sorted(CASES.glob("*.yml"))]


@pytest.fixture(scope="session")
def starter(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("mistakes") / "base"
    return run_start(COUNCIL, folder)


@pytest.fixture(scope="session")
def runs(starter, tmp_path_factory) -> dict[str, Run]:
    """Every case checked and built once, two at a time (a 2-core machine)."""
    root = tmp_path_factory.mktemp("cases")
    cases = all_cases()
    projects = [apply(case, starter, root / case.name) for case in cases]
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(run_both, projects))
    return {case.name: run for case, run in zip(cases, results, strict=True)}


@pytest.mark.parametrize("case", all_cases(), ids=lambda case: case.name)
def test_check_finds_the_mistake_first(case: Case, runs):
    run = runs[case.name]
    assert "Traceback" not in run.check_err + run.build_log
    mine = [line for line in run.check_lines if (m := CHECK_LINE.match(line)) and m["path"] in case.touched]
    assert mine == list(case.expect), run.check_err
    problems = [line for line in case.expect if ": warning: " not in line]
    assert run.check_code == (1 if problems else 0), "\n".join(run.check_lines) + run.check_err


@pytest.mark.parametrize("case", all_cases(), ids=lambda case: case.name)
def test_the_build_agrees_with_check(case: Case, runs):
    run = runs[case.name]
    unplaced = [text for text in run.build_problems() if not CHECK_LINE.match(text)]
    assert unplaced == [], "the build printed problems without a path:line:\n" + run.build_log
    missed = run.build_places() - run.check_places()
    assert not missed, f"the build reported {sorted(missed)}, which check did not:\n{run.build_log}"
    assert (run.check_code != 0) == (run.build_code != 0), (
        f"check exited {run.check_code}, the build {run.build_code}:\n"
        + "\n".join(run.check_lines)
        + "\n"
        + run.build_log
    )


def test_the_broken_fixture_fails_check_and_build_at_the_same_places(tmp_path):
    project = make_project(tmp_path / "broken", FIXTURES / "broken" / "docs")
    (project / "docs/procedures/huge.md").write_bytes(b"---\nid: huge\n---\n" + b"x" * 5 * 1024 * 1024)
    (project / "docs/procedures/binary.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    run = run_both(project)
    assert run.check_code == 1 and run.build_code == 1
    assert [text for text in run.build_problems() if not CHECK_LINE.match(text)] == []
    assert run.build_places() == run.check_places()


def test_every_case_is_small_and_says_what_the_editor_did():
    cases = all_cases()
    assert len({case.name for case in cases}) == len(cases)
    for case in cases:
        assert case.what.strip(), case.name
        assert case.touched or case.replace, f"{case.name}: a case changes at least one file"
