"""The benchmark judges growth on processor time, and its processor time counts the processes a
build starts (Pagefind's), as the README says."""

from __future__ import annotations

import sys

from practice_hub.bench.run import Size, report, run_measured


def _size(pages: int, wall: float, cpu: float) -> Size:
    return Size(
        pages,
        build_s=wall,
        build_cpu_s=cpu,
        plain_s=wall,
        check_s=wall / 10,
        check_cpu_s=cpu / 10,
        floor_s=wall / 10,
        peak_mb=100,
        html_pages=pages,
    )


def test_growth_is_judged_on_processor_time_and_wall_clock_growth_is_printed():
    # wall-clock growth 4.2 (a fast spell for the smaller size), processor time 3.3
    text, passed = report([_size(3000, 40.0, 50.0), _size(10000, 168.0, 165.0)])
    assert "- build growth t(10000)/t(3000), processor time: 3.3 (budget 3.6) PASS" in text
    assert "- check growth t(10000)/t(3000), processor time: 3.3 (budget 3.6) PASS" in text
    assert "- wall-clock growth t(10000)/t(3000), for information: build 4.2, check 4.2" in text
    assert passed  # no budget measured here failed

    text, passed = report([_size(3000, 40.0, 40.0), _size(10000, 168.0, 168.0)])
    assert "- build growth t(10000)/t(3000), processor time: 4.2 (budget 3.6) FAIL" in text
    assert not passed


def test_processor_time_counts_the_processes_a_command_started_and_waited_for(tmp_path):
    burn = "import time; end = time.process_time() + 0.4\nwhile time.process_time() < end: pass"
    parent = f"import subprocess, sys; subprocess.run([sys.executable, '-c', {burn!r}], check=True)"
    wall, _, cpu = run_measured([sys.executable, "-c", parent], tmp_path)
    assert cpu >= 0.4, cpu  # the child's 0.4 s, and the parent's own start
    assert wall > 0
