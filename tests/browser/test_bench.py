"""The benchmark runs end to end at N = 50 and prints every figure (budgets are not asserted here)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

FIGURES = [
    "build_s",
    "plain_s",
    "check_s",
    "floor_s",
    "peak_mb",
    "site_mb",
    "html_pages",
    "median_html_kb",
    "search_index_kb",
]


# The benchmark's corpus copies the demo's news authors and avatars (practice_hub/bench/corpus.py).
@pytest.mark.demo
def test_benchmark_runs_and_prints_every_figure(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "practice_hub",
            "bench",
            "--sizes",
            "50",
            "--repeat",
            "1",
            "--workdir",
            str(tmp_path),
            "--results",
            str(tmp_path / "RESULTS.md"),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode in (0, 1), result.stderr[-3000:]  # 1 only means a budget failed
    out = result.stdout
    header = [cell.strip() for cell in out.split("\n| pages |")[1].splitlines()[0].split("|")]
    for column in (
        "rendered",
        "build s",
        "plain s",
        "overhead",
        "check s",
        "floor s",
        "check/floor",
        "peak MB",
        "site MB",
        "median page kB",
        "search index kB",
        "search kB",
        "search ms",
    ):
        assert column in header, column
    row = next(line for line in out.splitlines() if line.startswith("| 50 |"))
    assert "nan" not in row, row  # every figure was measured
    assert "(edit in serve:" in row
    for budget in (
        "hook overhead",
        "check against the floor",
        "search bytes",
        "search time",
        "edit to browser",
        "slow connection: home page load, demo",
        "slow connection: last keystroke to first results, at the largest size",
    ):
        assert re.search(rf"- {budget}.*(PASS|FAIL|not measured)", out), budget
    # the slow connection, for the demo and the corpus: both readers, each figure measured
    slow = out.split("On a slow connection:")[1].split("Budgets:")[0]
    assert slow.count("- home page load: ") == 4 and "nan" not in slow, slow
    assert "as soon as the page has loaded" in slow and "after reading the page 3 s" in slow
    figures = json.loads(out.strip().splitlines()[-1])["50"]
    for name in FIGURES:
        assert figures[name] > 0, name
    assert figures["search"]["kb"] > 0 and figures["search"]["ms"] > 0
    assert (tmp_path / "RESULTS.md").read_text().startswith("# Benchmark results")


def test_pagefind_scaling_runs_and_prints_each_size():
    """The script that times Pagefind's own search as a word is on more pages."""
    result = subprocess.run(
        [sys.executable, "-m", "practice_hub.bench.pagefind_scaling", "--sizes", "100,200", "--rounds", "1"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    rows = [line.split("|")[1:-1] for line in result.stdout.splitlines() if re.match(r"\| \d", line)]
    # pages, 'often' found on every page, its ms, growth, 'seldom' on one page in 50, its ms
    assert [(r[0].strip(), r[1].strip(), r[4].strip()) for r in rows] == [
        ("100", "100", "2"),
        ("200", "200", "4"),
    ]
    assert rows[1][3].strip(), "no growth exponent for the second size"
    assert "median growth exponent:" in result.stdout
