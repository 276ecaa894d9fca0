"""./dev says what it is doing while it sets up, one line per step, instead of minutes of silence.

The set-up runs in a copy of the script with a fake Python and pip on PATH: nothing is installed,
and it takes a fraction of a second.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[2]

FAKE_PYTHON = """#!/bin/sh
# python3.13 stand-in: passes the version check, and `-m venv DIR` makes a venv of stand-ins.
if [ "$1" = "-m" ] && [ "$2" = "venv" ]; then
  mkdir -p "$3/bin"
  printf '#!/bin/sh\\necho "pip $*" >> "%s/calls"\\n' "$PWD" > "$3/bin/pip"
  printf '#!/bin/sh\\necho "python $*" >> "%s/calls"\\n' "$PWD" > "$3/bin/python"
  chmod +x "$3/bin/pip" "$3/bin/python"
fi
exit 0
"""


def run_dev(folder: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["bash", str(folder / "dev"), *args],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=60,
        env={"PATH": f"{folder / 'fakebin'}:/usr/bin:/bin", "HOME": str(folder)},
    )


def test_dev_is_valid_bash():
    assert subprocess.run(["bash", "-n", str(REPOSITORY / "dev")]).returncode == 0


def test_setup_prints_one_line_per_step_and_keeps_pip_quiet(tmp_path):
    for name in ("dev", "requirements.lock", "pyproject.toml"):
        shutil.copy2(REPOSITORY / name, tmp_path / name)
    fake = tmp_path / "fakebin" / "python3.13"
    fake.parent.mkdir()
    fake.write_text(FAKE_PYTHON)
    fake.chmod(0o755)
    pins = sum("==" in line for line in (REPOSITORY / "requirements.lock").read_text().splitlines())

    first = run_dev(tmp_path, "check", "--format", "json")
    assert first.returncode == 0, first.stderr
    assert first.stdout == ""  # the steps go to stderr: a command's own output stays clean
    assert first.stderr.splitlines() == [
        "Practice Hub set-up: creating the virtual environment in .venv/ with python3.13",
        f"Practice Hub set-up: installing {pins} pinned packages from requirements.lock "
        "(about three minutes the first time)",
        "Practice Hub set-up: installing Practice Hub itself (pip install -e .)",
        "Practice Hub set-up: ready",
    ]
    calls = (tmp_path / "calls").read_text().splitlines()
    assert calls == [
        "pip install --disable-pip-version-check -q -r requirements.lock",
        "pip install --disable-pip-version-check -q --no-deps -e .",
        "python -m practice_hub check --format json",
    ]

    again = run_dev(tmp_path, "check")
    assert again.returncode == 0 and again.stderr == ""  # set up already: silent


def test_installing_debian_packages_is_a_step_too():
    dev = (REPOSITORY / "dev").read_text()
    assert 'step "installing Debian packages for the tests:$missing' in dev
