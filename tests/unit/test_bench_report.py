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


def test_the_starter_ci_report_prints_each_step_and_the_total_against_three_minutes():
    from practice_hub.bench.starter_ci import STEPS, report

    steps = [name for name, _ in STEPS]
    text, passed = report([(steps[0], 12.34, 0), (steps[1], 61.0, 0), (steps[2], 20.5, 0)])
    lines = text.splitlines()
    assert lines[0].startswith("Starter site CI on ") and " cores, Python " in lines[0]
    assert lines[2] == "- practice-hub check:                         12.3 s"
    assert lines[3] == "- strict build (practice-hub build):          61.0 s"
    assert lines[4] == "- link check (practice-hub linkcheck site):   20.5 s"
    assert (
        lines[5]
        == "- total:                                      93.8 s  (target under 3 minutes, 180 s) PASS"
    )
    assert passed

    text, passed = report([(steps[0], 100.0, 0), (steps[1], 90.0, 0), (steps[2], 5.0, 0)])
    assert text.endswith("195.0 s  (target under 3 minutes, 180 s) FAIL\n") and not passed

    text, passed = report([(steps[0], 3.0, 0), (steps[1], 9.0, 1)])  # the build failed: no link check
    assert "- strict build (practice-hub build):           9.0 s  FAILED (exit 1)" in text
    assert text.endswith("(target under 3 minutes, 180 s) FAIL (a step failed)\n") and not passed


def test_the_starter_benchmark_knows_whether_start_takes_a_folder(monkeypatch):
    import subprocess

    from practice_hub.bench import starter_ci

    def usage(text):
        return lambda *a, **k: subprocess.CompletedProcess(a, 0, stdout=text + "\n\npositional arguments:\n")

    monkeypatch.setattr(
        starter_ci.subprocess, "run", usage("usage: python -m practice_hub start [-h] [--yes] council")
    )
    assert not starter_ci.start_takes_a_folder()
    monkeypatch.setattr(
        starter_ci.subprocess,
        "run",
        usage("usage: practice-hub start [-h] [--yes]\n                          council folder"),
    )
    assert starter_ci.start_takes_a_folder()
