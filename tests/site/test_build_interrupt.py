"""Ctrl+C (SIGINT) or SIGTERM stops `python -m practice_hub build` at once, engine included,
and leaves no half-built folder; folders left by builds that were killed outright are removed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from helpers import FIXTURES, env, make_project

THREAD = FIXTURES / "thread" / "docs"
pytestmark = pytest.mark.skipif(os.name != "posix", reason="signals and process groups: POSIX")


def leftovers(project):
    return sorted(p.name for p in project.iterdir() if ".building-" in p.name or ".old-" in p.name)


def _build(project):
    return subprocess.Popen(
        [sys.executable, "-m", "practice_hub", "build"],
        cwd=project,
        env=env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a terminal gives a command
    )


def _engine_started(project, process, timeout=120):
    """Wait until the engine writes into its build folder."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, process.communicate()
        building = [p for p in project.glob("site.building-*") if any(p.iterdir())]
        if building:
            return
        time.sleep(0.02)
    pytest.fail("the build did not start")


def _wait_for_group_to_empty(group: int, timeout_s: float = 10) -> None:
    """Until no process of the process group *group* is left. A search indexer the engine started
    may take a moment to see its parent gone, so the group is given *timeout_s* to empty; a process
    still running after that fails the test."""
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return
        assert time.monotonic() < deadline, f"a process of the build's group still runs after {timeout_s:g} s"
        time.sleep(0.05)


@pytest.mark.parametrize("how", ["SIGINT to the group (Ctrl+C)", "SIGTERM to the command alone"])
def test_an_interrupted_build_stops_at_once_and_leaves_nothing(tmp_path, how):
    project = make_project(tmp_path, THREAD)
    process = _build(project)
    try:
        _engine_started(project, process)
        if how.startswith("SIGINT"):
            os.killpg(process.pid, signal.SIGINT)
        else:
            os.kill(process.pid, signal.SIGTERM)
        _, stderr = process.communicate(timeout=15)  # stops at once: never a hang
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    if process.returncode == 0:
        # On a busy machine the small fixture's build can end between its first file and the
        # signal: the interrupt then finds a finished build, which it must leave whole.
        assert "Documentation built" in stderr, stderr
        assert (project / "site" / "index.html").is_file()
    else:
        assert process.returncode == 130, stderr
        assert "the build was stopped" in stderr
    # Once no process of the build's group runs, nothing can write into the project any more.
    _wait_for_group_to_empty(process.pid)
    assert leftovers(project) == []
    assert (project / "site").exists() == (process.returncode == 0)  # stopped: no site at all


def test_a_build_removes_folders_left_by_killed_builds(tmp_path):
    project = make_project(tmp_path, THREAD)
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    for name in (f"site.building-{dead.pid}-k1ll3d", f".site.old-{dead.pid}"):
        (project / name / "assets").mkdir(parents=True)
        (project / name / "index.html").write_text("half a site", encoding="utf-8")
    running = project / f"site.building-{os.getpid()}-st1ll"  # a build that still runs keeps its folder
    running.mkdir()
    result = subprocess.run(
        [sys.executable, "-m", "practice_hub", "build"], cwd=project, env=env(), capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert leftovers(project) == [running.name]
    assert (project / "site/index.html").is_file()


def test_a_killed_build_leaves_its_folder_and_the_next_build_removes_it(tmp_path):
    project = make_project(tmp_path, THREAD)
    process = _build(project)
    _engine_started(project, process)
    os.killpg(process.pid, signal.SIGKILL)  # nothing can clean up after this
    process.wait()
    _wait_for_group_to_empty(process.pid)
    assert leftovers(project)
    result = subprocess.run(
        [sys.executable, "-m", "practice_hub", "build"], cwd=project, env=env(), capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert leftovers(project) == []

