"""Test layout (see README, "For developers"):

- ``tests/unit/``, ``tests/site/``: the engine, on fixture sites built by the tests themselves.
- ``tests/content/``: checks that matter for any council, run on whatever ``docs/`` holds
  (or the project named by ``PRACTICE_HUB_PROJECT``).
- ``tests/demo/`` and tests marked ``demo``: the Brackenford demo's own content. They run only
  while ``mkdocs.yml`` says ``demo: true`` under ``extra.practice_hub``, and are skipped, with the
  reason shown, once a council's content replaces the demo.
- ``tests/browser/``: Chromium (marked ``browser``).
"""

import sys
from pathlib import Path

import pytest

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
