"""LinkChecker over built sites: a fixture site has no broken internal link or anchor (the engine's
generated pages included); a broken one is reported. Any council's own links: tests/content/."""

from __future__ import annotations

import subprocess
import sys

from helpers import FIXTURES, make_project, run_build
from practice_hub.linkcheck import Broken, check_site


def test_a_small_site_with_broken_links_is_reported(tmp_path):
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "index.html").write_text(
        '<html><body><h2 id="top">Top</h2><a href="a/">A</a> <a href="a/#here">here</a>'
        ' <a href="a/#nowhere">nowhere</a> <a href="missing/">missing</a>'
        ' <a href="https://outside.example/">outside, not checked</a></body></html>', encoding="utf-8")
    (site / "a/index.html").write_text(
        '<html><body><p id="here">Here</p><a href="../#top">up</a> <a href="../gone.html">gone</a></body></html>',
        encoding="utf-8")
    broken = check_site(site)
    found = {(item.where, item.url) for item in broken}
    assert found == {("/", "a/#nowhere"), ("/", "missing/"), ("a/", "../gone.html")}, broken
    assert all(isinstance(item, Broken) and item.reason for item in broken)
    command = subprocess.run([sys.executable, "-m", "practice_hub", "linkcheck", str(site)],
                             capture_output=True, text=True, timeout=600)
    assert command.returncode == 1
    assert "3 broken" in command.stdout and "missing/" in command.stdout


def test_a_fixture_site_has_no_broken_internal_link_or_anchor(tmp_path):
    project = make_project(tmp_path / "thread", FIXTURES / "thread" / "docs")
    result = run_build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    broken = check_site(project / "site")
    assert broken == [], "\n".join(map(str, broken))
