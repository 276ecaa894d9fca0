"""Test layout (see README, "For developers"):

- ``tests/unit/``, ``tests/site/``: the engine, on fixture sites built by the tests themselves.
- ``tests/content/``: checks that matter for any council, run on whatever ``docs/`` holds
  (or the project named by ``PRACTICE_HUB_PROJECT``).
- ``tests/demo/`` and tests marked ``demo``: the Brackenford demo's own content. They run only
  while ``mkdocs.yml`` says ``demo: true`` under ``extra.practice_hub``, and are skipped, with the
  reason shown, once a council's content replaces the demo.
- ``tests/browser/``: Chromium (marked ``browser``).

The guard: while a test that is not marked ``demo`` runs (its setup, call and teardown), an audit
hook (``sys.addaudithook``) fails it if it opens or lists anything under this repository's
``docs/`` (the demo's content), or starts ``practice_hub``/``mkdocs`` on this repository's
``mkdocs.yml``. Only the any-content tests (``tests/content/``, ``tests/browser/``) may read it, and
only while it is the project under test (no ``PRACTICE_HUB_PROJECT``). ``PRACTICE_HUB_GUARD_DOCS=0``
turns the guard off.
"""

import os
import sys
from pathlib import Path

import pytest

import helpers

sys.path.insert(0, str(Path(__file__).parent))

import json  # noqa: E402

from helpers import DEMO_SKIP_REASON, PROJECT, is_demo, run_build  # noqa: E402

DEMO_FOLDER = Path(__file__).parent / "demo"
TESTS = Path(__file__).parent
REPO = TESTS.parent
#: Folders whose tests check whatever content the project under test holds (may read its docs/).
CONTENT_FOLDERS = (TESTS / "content", TESTS / "browser")


# --- the guard: no test outside the demo marker reads the demo's docs/ ----------------------------
class _DocsGuard:
    """An audit hook that notes (and refuses) every read of the demo's docs/ by the running test."""

    OPENS = frozenset({"open", "os.scandir", "os.listdir", "glob.glob", "os.chdir"})
    COMMANDS = ("practice_hub", "practice-hub", "mkdocs", "properdocs")

    def __init__(self, repo: Path):
        self.docs = os.path.realpath(repo / "docs")
        self.config = os.path.realpath(repo / "mkdocs.yml")
        self.repo = os.path.realpath(repo)
        self.test = None  # the node id of the guarded test running now, else None
        self.found: list[str] = []

    def _inside(self, path, base: str | None = None) -> bool:
        if isinstance(path, bytes):
            path = os.fsdecode(path)
        elif not isinstance(path, str):
            path = os.fspath(path) if hasattr(path, "__fspath__") else None
            if isinstance(path, bytes):
                path = os.fsdecode(path)
        if not path:
            return False
        full = os.path.normpath(os.path.join(base or os.getcwd(), path))
        return full == self.docs or full.startswith(self.docs + os.sep)

    def _command_reads_docs(self, args, cwd) -> bool:
        words = [os.fsdecode(a) if isinstance(a, bytes) else str(a) for a in (args or ())]
        if isinstance(args, str | bytes):
            words = [os.fsdecode(args) if isinstance(args, bytes) else args]
        here = os.path.realpath(os.fsdecode(os.fspath(cwd))) if cwd else os.path.realpath(os.getcwd())
        for word in words:  # a relative path is the child's: relative to its cwd
            if self._inside(word, here) or os.path.normpath(os.path.join(here, word)) == self.config:
                return True
        runs_engine = any(
            os.path.basename(word) in self.COMMANDS or word in ("practice_hub", "mkdocs") for word in words
        )
        named_config = any(
            word in ("-f", "--config-file") or word.startswith("--config-file=") for word in words
        )
        reads_nothing = (
            "start" in words
            or "--version" in words
            or "--starter" in words  # bench --starter: a starter site in a new folder
            or ("linkcheck" in words and "--external" not in words)
        )
        return here == self.repo and runs_engine and not named_config and not reads_nothing

    def __call__(self, event, args):
        if self.test is None:
            return
        if event in self.OPENS:
            path = args[0] if args else None
            if path is None or isinstance(path, int):
                return
            if event == "open" and args[1] is None and not os.path.isabs(os.fsdecode(os.fspath(path))):
                return  # os.open of a relative name: maybe relative to a dir_fd (shutil.rmtree), not the cwd
            if not self._inside(path):
                return
            what = f"{event} {os.fspath(path) if not isinstance(path, bytes) else os.fsdecode(path)}"
        elif event == "subprocess.Popen":
            if not self._command_reads_docs(args[1], args[2]):
                return
            command = args[1] if isinstance(args[1], str | bytes) else " ".join(map(str, args[1]))
            what = f"runs {command} on the demo's mkdocs.yml and docs/"
        else:
            return
        message = (
            f"{self.test} is not marked demo but reads the demo's docs/ ({what}): give it a fixture "
            "site (tests/fixtures, make_project), find what it needs from the site's own content, "
            "or mark it @pytest.mark.demo (README, 'For developers')"
        )
        test, self.test = self.test, None  # no second report while the refusal is raised
        try:
            self.found.append(message)
        finally:
            self.test = test
        raise PermissionError(message)


GUARD = _DocsGuard(REPO)
helpers.DOCS_GUARD = GUARD  # for tests/unit/test_docs_guard.py (another conftest shares this module name)
if os.environ.get("PRACTICE_HUB_GUARD_DOCS", "1") != "0":
    sys.addaudithook(GUARD)


def _guarded(item) -> bool:
    if item.get_closest_marker("demo") is not None:
        return False
    path = Path(str(item.fspath))
    content = any(folder in path.parents for folder in CONTENT_FOLDERS)
    return not (content and PROJECT == REPO)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item, nextitem):
    GUARD.found = []
    GUARD.test = item.nodeid if _guarded(item) else None
    try:
        return (yield)
    finally:
        GUARD.test = None


def _check_guard(item):
    if GUARD.found:
        found, GUARD.found = GUARD.found, []
        pytest.fail("\n".join(dict.fromkeys(found)), pytrace=False)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item):
    result = yield
    _check_guard(item)
    return result


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    result = yield
    _check_guard(item)
    return result


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    result = yield
    _check_guard(item)
    return result


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
