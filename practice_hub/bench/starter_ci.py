"""How long a new council site's own CI takes on this machine: ``practice-hub bench --starter``.

It makes a starter site with ``practice-hub start "Bench Council" FOLDER`` in a temporary folder,
then times, in that folder, the commands its CI runs: ``practice-hub check``, the strict build
(``practice-hub build``) and the link check (``practice-hub linkcheck site``). It prints each and
the total against the target: under 3 minutes on a 2-core machine, so that a pull request is
answered while its author still waits for it.

Nothing here is a test assertion: the test suite checks only the report's form.
"""

from __future__ import annotations

import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_S = 180.0
COUNCIL = "Bench Council"
#: the starter site's CI, in order: (what, arguments of practice-hub)
STEPS = (
    ("practice-hub check", ("check",)),
    ("strict build (practice-hub build)", ("build",)),
    ("link check (practice-hub linkcheck site)", ("linkcheck", "site")),
)
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1")


def command() -> list[str]:
    """The console command ``practice-hub`` beside this Python, or ``python -m practice_hub``."""
    console = Path(sys.executable).with_name("practice-hub")
    return [str(console)] if console.exists() else [sys.executable, "-m", "practice_hub"]


def start_takes_a_folder() -> bool:
    """Whether ``practice-hub start`` takes the council's name and then a new folder."""
    result = subprocess.run([*command(), "start", "--help"], capture_output=True, text=True, env=ENV)
    usage = result.stdout.split("\n\n")[0]
    words = re.sub(r"\[[^\]]*\]", " ", usage).split()  # optional arguments out
    return "start" in words and len(words) - words.index("start") - 1 >= 2


def run_steps(folder: Path) -> list[tuple[str, float, int]]:
    """(what, seconds, exit code) of each step; stops at the first that fails."""
    timings = []
    for name, arguments in STEPS:
        print(f"Timing {name}...", file=sys.stderr, flush=True)
        start = time.perf_counter()
        result = subprocess.run(
            [*command(), *arguments], cwd=folder, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
        )
        timings.append((name, time.perf_counter() - start, result.returncode))
        if result.returncode:
            sys.stderr.write(result.stdout.decode("utf-8", "replace")[-3000:])  # what it said, and why
            break
    return timings


def report(timings: list[tuple[str, float, int]], target_s: float = TARGET_S) -> tuple[str, bool]:
    """The report, and whether every step passed within the target."""
    lines = [
        f"Starter site CI on {platform.node() or 'this machine'}: {os.cpu_count()} cores, "
        f"Python {platform.python_version()}",
        "",
    ]
    width = max(len(name) for name, _ in STEPS)
    for name, seconds, code in timings:
        lines.append(
            f"- {name + ':':<{width + 1}} {seconds:6.1f} s" + (f"  FAILED (exit {code})" if code else "")
        )
    total = sum(seconds for _, seconds, _ in timings)
    failed = any(code for _, _, code in timings) or len(timings) < len(STEPS)
    passed = not failed and total < target_s
    verdict = "FAIL (a step failed)" if failed else ("PASS" if passed else "FAIL")
    lines.append(
        f"- {'total:':<{width + 1}} {total:6.1f} s  (target under {target_s / 60:g} minutes, {target_s:g} s) {verdict}"
    )
    return "\n".join(lines) + "\n", passed


def main() -> int:
    if not start_takes_a_folder():
        print(
            "practice-hub start does not take a folder here (practice-hub start NAME FOLDER); "
            "the starter benchmark needs it",
            file=sys.stderr,
        )
        return 2
    with tempfile.TemporaryDirectory(prefix="practice-hub-bench-") as temporary:
        folder = Path(temporary) / "bench-council"
        made = subprocess.run(
            [*command(), "start", COUNCIL, str(folder)], env=ENV, capture_output=True, text=True
        )
        if made.returncode:
            print(f"practice-hub start failed:\n{made.stderr[-3000:]}", file=sys.stderr)
            return 2
        text, passed = report(run_steps(folder))
    print(text, end="")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
