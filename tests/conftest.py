"""Test layout (see README, "For developers"):

- ``tests/unit/``, ``tests/site/``: the engine, on fixture sites built by the tests themselves.
- ``tests/content/``: checks that matter for any council, run on whatever ``docs/`` holds
  (or the project named by ``PRACTICE_HUB_PROJECT``).
- ``tests/demo/`` and tests marked ``demo``: the Brackenford demo's own content. They run only
  while ``mkdocs.yml`` says ``demo: true`` under ``extra.practice_hub``, and are skipped, with the
  reason shown, once a council's content replaces the demo.
- ``tests/browser/``: Chromium (marked ``browser``).
"""

import contextlib
import os
import sys
import tempfile
from pathlib import Path

import pytest

try:
    import fcntl
except ImportError:  # Windows: tests then run without the turn-taking below
    fcntl = None

sys.path.insert(0, str(Path(__file__).parent))

import json  # noqa: E402

from helpers import DEMO_SKIP_REASON, PROJECT, is_demo, run_build  # noqa: E402

DEMO_FOLDER = Path(__file__).parent / "demo"


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "demo: tests of the Brackenford demo content; they run only "
        "while mkdocs.yml has `demo: true` under extra.practice_hub",
    )
    config.addinivalue_line(
        "markers",
        "alone: measures time as a ratio; runs while no other test of the run runs (pytest -n)",
    )


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item, nextitem):
    # only in a worker of pytest-xdist (a pytest that a test runs inside it takes no turns)
    worker = hasattr(item.config, "workerinput")
    with _turn(alone=item.get_closest_marker("alone") is not None, worker=worker):
        yield


@contextlib.contextmanager
def _turn(alone: bool, worker: bool):
    """Under pytest-xdist, a test marked ``alone`` runs while the other workers wait.

    A ratio of two timings in one test (issue 19's glossary) is only the code's own while no
    browser or build runs beside it: on CI's two cores a Chromium test beside it made 4x the
    work cost 6.4x the time. Every test holds a shared lock while it runs (its fixtures too);
    an ``alone`` test takes it exclusively. A second lock, the gate, is taken by a waiting
    ``alone`` test so that no other test starts meanwhile.
    """
    run = os.environ.get("PYTEST_XDIST_TESTRUNUID")
    if not run or not worker or fcntl is None:  # one process: nothing runs beside any test
        yield
        return
    folder = Path(tempfile.gettempdir())
    with (
        open(folder / f"practice-hub-tests-{run}.gate", "a") as gate,
        open(folder / f"practice-hub-tests-{run}.lock", "a") as lock,
    ):
        fcntl.flock(gate, fcntl.LOCK_EX)
        try:
            fcntl.flock(lock, fcntl.LOCK_EX if alone else fcntl.LOCK_SH)
        finally:
            if not alone:
                fcntl.flock(gate, fcntl.LOCK_UN)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
            if alone:
                fcntl.flock(gate, fcntl.LOCK_UN)


def pytest_collection_modifyitems(config, items):
    demo = None
    for item in items:
        if DEMO_FOLDER in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.demo)
        if item.get_closest_marker("demo") is not None:
            if demo is None:
                demo = is_demo(PROJECT)
            if not demo:
                item.add_marker(pytest.mark.skip(reason=DEMO_SKIP_REASON))


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """The project (PRACTICE_HUB_PROJECT, else this repository) built strict, once per session:
    (folder holding site/, the build's CompletedProcess)."""
    out = tmp_path_factory.mktemp("content")
    result = run_build(PROJECT, site_dir=out / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return out, result


@pytest.fixture(scope="session")
def content(built):
    """The built site's content.json."""
    return json.loads((built[0] / "site" / "content.json").read_text(encoding="utf-8"))
