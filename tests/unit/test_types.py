"""Habits: the type checker's errors can only go down, module by module.

mypy checks the package with the configuration in pyproject.toml ([tool.mypy]). Each module is
held to the count of errors it had when tests/typing-baseline.json was last written; a module not
named there (a new one) is held to zero. A module with more errors fails the test, with the errors
listed; a module with fewer also fails, so that the baseline is lowered the moment a fix lands and
the errors cannot creep back. After fixing type errors, lower the baseline with:

    python tests/unit/test_types.py --update

mypy takes a few seconds on the whole package with an empty cache, so each run starts from a
fresh cache in pytest's temporary folder and nothing is left in the working copy.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parents[2]
BASELINE = REPOSITORY / "tests" / "typing-baseline.json"
UPDATE = "python tests/unit/test_types.py --update"

# One error line of mypy's default output: "practice_hub/x.py:12: error: message  [code]".
# Notes (": note:") belong to the error before them and are not counted.
ERROR = re.compile(r"^(?P<path>[^:\n]+\.pyi?):(?P<line>\d+):(?:\d+:)? error: (?P<message>.*)$")


def run_mypy(cache_dir: Path) -> subprocess.CompletedProcess:
    """mypy over the files pyproject.toml names, from the repository, with its own cache."""
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--cache-dir",
            str(cache_dir),
            "--no-pretty",
            "--no-color-output",
            "--no-error-summary",
            "--show-error-codes",
        ],
        cwd=REPOSITORY,
        capture_output=True,
        text=True,
        timeout=600,
    )


def errors_by_module(output: str) -> dict[str, list[str]]:
    """Each file's error lines, in the order mypy printed them; files without errors are absent."""
    found: dict[str, list[str]] = {}
    for line in output.splitlines():
        match = ERROR.match(line.strip())
        if match:
            path = Path(match["path"]).as_posix()
            found.setdefault(path, []).append(f"{path}:{match['line']}: {match['message']}")
    return found


def compare(errors: dict[str, list[str]], baseline: dict[str, int]) -> list[str]:
    """The problems, in plain English: modules above their baseline (their errors listed), then
    modules below it. Empty when every module has exactly its baseline's count."""
    counts = Counter({path: len(lines) for path, lines in errors.items()})
    more, fewer = [], []
    for path in sorted(set(counts) | set(baseline)):
        allowed, now = baseline.get(path, 0), counts.get(path, 0)
        if now > allowed:
            new = "a new module starts at zero" if path not in baseline else f"its baseline is {allowed}"
            more.append(
                f"{path}: {_errors(now)}, {new}. Fix the type errors, or, if mypy is wrong, add "
                "a precise `# type: ignore[code]` with the reason in a comment:\n"
                + "\n".join(f"    {line}" for line in errors[path])
            )
        elif now < allowed:
            fewer.append(
                f"{path}: {_errors(now)}, fewer than its baseline of {allowed}. "
                f"Lower the baseline: run `{UPDATE}`"
            )
    return more + fewer


def _errors(count: int) -> str:
    return f"{count} type error" + ("" if count == 1 else "s")


def read_baseline(path: Path = BASELINE) -> dict[str, int]:
    if not path.exists():
        return {}
    return {str(name): int(count) for name, count in json.loads(path.read_text(encoding="utf-8")).items()}


def baseline_text(errors: dict[str, list[str]]) -> str:
    """The baseline file: each module with errors and its count, sorted by path, one per line."""
    counts = {path: len(errors[path]) for path in sorted(errors)}
    return json.dumps(counts, indent=2, sort_keys=True) + "\n"


def _checked(result: subprocess.CompletedProcess) -> str:
    if "No module named mypy" in result.stderr:
        raise RuntimeError("mypy is not installed: ./dev test installs it (pinned in requirements.lock)")
    # mypy exits 0 with no errors, 1 with errors, 2 when it could not run (a crash, a bad config).
    if result.returncode not in (0, 1) or (result.returncode == 1 and not errors_by_module(result.stdout)):
        raise RuntimeError(f"mypy did not run (exit {result.returncode}):\n{result.stdout}\n{result.stderr}")
    return result.stdout


# --- the ratchet ------------------------------------------------------------------------------------
def test_type_errors_only_go_down(tmp_path):
    # Not skipped when mypy is missing: it is pinned in requirements.lock, which ./dev test installs.
    output = _checked(run_mypy(tmp_path / "mypy-cache"))
    problems = compare(errors_by_module(output), read_baseline())
    assert not problems, "\n".join(problems)


# --- the comparison itself, on made-up output ---------------------------------------------------
OUTPUT = """\
practice_hub/a.py:3: error: Incompatible return value type (got "int", expected "str")  [return-value]
practice_hub/a.py:3: note: Revealed type is "int"
practice_hub/a.py:9: error: Item "None" of "str | None" has no attribute "strip"  [union-attr]
practice_hub/new.py:1: error: Name "x" is not defined  [name-defined]
practice_hub/b.py:20: error: Argument 1 to "f" has incompatible type "int"; expected "str"  [arg-type]
"""


def test_output_is_counted_per_module_without_notes():
    errors = errors_by_module(OUTPUT)
    assert {path: len(lines) for path, lines in errors.items()} == {
        "practice_hub/a.py": 2,
        "practice_hub/new.py": 1,
        "practice_hub/b.py": 1,
    }
    assert errors["practice_hub/b.py"] == [
        'practice_hub/b.py:20: Argument 1 to "f" has incompatible type "int"; expected "str"  [arg-type]'
    ]


def test_more_errors_than_the_baseline_fail_with_the_errors_named():
    problems = compare(errors_by_module(OUTPUT), {"practice_hub/a.py": 1, "practice_hub/b.py": 1})
    assert len(problems) == 2  # a.py is over its baseline, new.py is new; b.py is exactly at it
    assert problems[0].startswith("practice_hub/a.py: 2 type errors, its baseline is 1. Fix the type errors")
    assert 'practice_hub/a.py:9: Item "None"' in problems[0]
    assert "# type: ignore[code]" in problems[0]
    assert problems[1].startswith("practice_hub/new.py: 1 type error, a new module starts at zero.")


def test_fewer_errors_than_the_baseline_ask_for_the_baseline_to_be_lowered():
    baseline = {
        "practice_hub/a.py": 2,
        "practice_hub/new.py": 1,
        "practice_hub/b.py": 3,
        "practice_hub/gone.py": 1,
    }
    problems = compare(errors_by_module(OUTPUT), baseline)
    assert problems == [
        f"practice_hub/b.py: 1 type error, fewer than its baseline of 3. Lower the baseline: run `{UPDATE}`",
        f"practice_hub/gone.py: 0 type errors, fewer than its baseline of 1. Lower the baseline: run `{UPDATE}`",
    ]


def test_exactly_the_baseline_passes_and_the_baseline_file_is_sorted_and_stable():
    errors = errors_by_module(OUTPUT)
    text = baseline_text(errors)
    assert list(json.loads(text)) == ["practice_hub/a.py", "practice_hub/b.py", "practice_hub/new.py"]
    assert compare(errors, json.loads(text)) == []
    assert baseline_text(errors_by_module("\n".join(reversed(OUTPUT.splitlines())))) == text


def test_a_mypy_that_could_not_run_is_an_error_not_a_pass():
    crashed = subprocess.CompletedProcess([], 2, "", "pyproject.toml: [mypy]: unknown option")
    with pytest.raises(RuntimeError, match="mypy did not run"):
        _checked(crashed)


def main(argv: list[str]) -> int:
    if argv != ["--update"]:
        print(f"usage: {UPDATE}   (rewrites {BASELINE.relative_to(REPOSITORY)} from mypy's errors now)")
        return 2
    import tempfile

    with tempfile.TemporaryDirectory() as cache:
        errors = errors_by_module(_checked(run_mypy(Path(cache))))
    BASELINE.write_text(baseline_text(errors), encoding="utf-8")
    total = sum(len(lines) for lines in errors.values())
    print(f"{BASELINE.relative_to(REPOSITORY)}: {total} type errors in {len(errors)} modules")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
