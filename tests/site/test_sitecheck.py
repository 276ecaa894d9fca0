"""``practice-hub test`` (practice_hub/sitecheck.py): the checks a council's CI runs on its own
content, apart from the engine's test suite; and the two link-check faults a council found."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from helpers import FIXTURES, REPO, env, make_project
from practice_hub import sitecheck
from practice_hub.linkcheck import check_site

#: The engine's footer links to these two pages on every site: a site must have them.
FOOTER_PAGES = {
    "accessibility.md": "---\nid: accessibility\ntitle: Accessibility statement\n"
    "summary: How accessible the site is.\nowner: Practice team\nstatus: current\n"
    "last_reviewed: 2026-11-24\n---\n\n# Accessibility statement\n\nThis site aims to meet WCAG 2.2 AA.\n",
    "editors/index.md": "---\nid: editing-this-site\ntitle: Editing this site\n"
    "summary: How the team edits the site.\nowner: Practice team\nstatus: current\n"
    "last_reviewed: 2026-11-24\n---\n\n# Editing this site\n\nSee the [field reference](field-reference.md).\n",
}
STEP = re.compile(r"^\[(\d)/4\] ([^:]+): (passed|failed|skipped|not run)(?:: (.*?))?(?: \((\d+\.\d) s\))?$")


def clean_site(folder: Path, files: dict[str, str] | None = None) -> Path:
    return make_project(folder, FIXTURES / "thread" / "docs", files={**FOOTER_PAGES, **(files or {})})


def site_test(project: Path, *args: str, **extra_env) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "practice_hub", "test", *args],
        cwd=project,
        capture_output=True,
        text=True,
        env=env(**extra_env),
        timeout=900,
    )


def steps(output: str) -> dict[int, tuple[str, str, str | None]]:
    """{step number: (status, summary, seconds)} from the command's output."""
    found = {}
    for line in output.splitlines():
        match = STEP.match(line)
        if match:
            found[int(match.group(1))] = (match.group(3), match.group(4) or "", match.group(5))
    return found


def test_a_clean_site_passes_and_a_missing_chromium_is_one_line(tmp_path):
    project = clean_site(tmp_path / "site")
    result = site_test(project, PRACTICE_HUB_CHROMIUM=str(tmp_path / "no-chromium"))
    assert result.returncode == 0, result.stdout + result.stderr
    found = steps(result.stdout)
    assert [found[n][0] for n in (1, 2, 3, 4)] == ["passed", "passed", "passed", "skipped"], result.stdout
    assert all(found[n][2] for n in (1, 2, 3)), "each step that ran prints its time"
    missing = [line for line in result.stdout.splitlines() if "no-chromium" in line]
    assert len(missing) == 1 and "Chromium not found" in missing[0], result.stdout
    assert re.search(r"^Practice Hub test: 3 passed, 1 skipped in \d+\.\d s$", result.stdout, re.M)


def test_a_broken_link_fails_step_2_and_names_it(tmp_path):
    project = clean_site(
        tmp_path / "site",
        {
            "index.md": (FIXTURES / "thread" / "docs" / "index.md").read_text(encoding="utf-8")
            + '\n<p><a href="no-such-page/">gone</a> <a href="procedures/recording/#nowhere">the recording section</a></p>\n'
        },
    )
    result = site_test(project, "--no-browser")
    assert result.returncode == 1, result.stdout + result.stderr
    found = steps(result.stdout)
    assert found[1][0] == "passed" and found[2][0] == "failed" and found[3][0] == "passed"
    assert found[4] == ("skipped", "not asked for (--no-browser)", None)
    assert "    docs/index.md: broken link no-such-page/ on page / (404 File not found)" in result.stdout
    assert "    docs/index.md: broken link procedures/recording/#nowhere on page / (Anchor `nowhere'" in (
        result.stdout
    )
    assert "failed: Links and anchors" in result.stdout.splitlines()[-1]


def test_a_link_to_a_folder_without_an_index_page_is_broken(tmp_path):
    """As on nginx, which answers 404 (LinkChecker would accept a folder listing)."""
    site = tmp_path / "site"
    (site / "downloads").mkdir(parents=True)
    (site / "downloads" / "form.txt").write_text("a form\n", encoding="utf-8")
    (site / "a").mkdir()
    (site / "a" / "index.html").write_text("<html><body>A</body></html>", encoding="utf-8")
    (site / "index.html").write_text(
        '<html><body><a href="downloads/">downloads</a> <a href="downloads">no slash</a>'
        ' <a href="downloads/form.txt">form</a> <a href="a/">a</a></body></html>',
        encoding="utf-8",
    )
    broken = {(item.where, item.url): item.reason for item in check_site(site)}
    assert set(broken) == {("/", "downloads/"), ("/", "downloads")}, broken
    assert all("404" in reason for reason in broken.values())


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root, as a council's CI ran it"
)
def test_run_as_root_from_a_folder_only_root_can_read_anchors_are_still_checked(tmp_path):
    """The council's fault: as root, LinkChecker became `nobody`, could not read its own plugins
    in a checkout under /root, and passed without checking any anchor. Here the project and the
    Python packages (LinkChecker included) sit in a 0700 folder, as in such a checkout."""
    private = Path(tempfile.mkdtemp(prefix="practice-hub-private-"))
    try:
        os.chmod(private, 0o700)
        packages = Path(importlib.util.find_spec("linkcheck").origin).parents[1]
        (private / "packages").symlink_to(packages, target_is_directory=True)
        where = subprocess.run(
            [sys.executable, "-c", "import linkcheck; print(linkcheck.__file__)"],
            capture_output=True,
            text=True,
            env=env(PYTHONPATH=str(private / "packages")),
        )
        assert where.stdout.startswith(str(private)), "LinkChecker must load from the private folder"
        project = clean_site(
            private / "site",
            {
                "index.md": (FIXTURES / "thread" / "docs" / "index.md").read_text(encoding="utf-8")
                + '\n<p><a href="procedures/recording/#nowhere">the missing part of the recording procedure</a></p>\n'
            },
        )
        result = site_test(project, "--no-browser", PYTHONPATH=str(private / "packages"))
        assert result.returncode == 1, result.stdout + result.stderr
        assert steps(result.stdout)[2][0] == "failed", result.stdout
        assert "broken link procedures/recording/#nowhere on page /" in result.stdout, result.stdout
    finally:
        subprocess.run(["rm", "-rf", str(private)], check=False)


def test_outside_resources_in_a_built_folder_fail_step_3(tmp_path):
    """The build's content checks refuse an outside image in a page, so this one is written into
    a built folder (as an override template or a stylesheet could put it there)."""
    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    (site / "index.html").write_text(
        '<html><body><img src="https://images.example.org/logo.png" alt="logo">'
        '<a href="https://example.org/">a link is not a request</a></body></html>',
        encoding="utf-8",
    )
    (site / "assets" / "extra.css").write_text("b{background:url(//cdn.example.net/x.png)}", encoding="utf-8")
    step = sitecheck.Step("No outside requests")
    sitecheck.outside_requests(site, step)
    assert step.status == "failed" and step.summary.startswith("2 resources from other origins")
    assert step.details == [
        "index.html: <img src=https://images.example.org/logo.png>",
        "assets/extra.css: //cdn.example.net/x.png",
    ]
    clean = sitecheck.Step("No outside requests")
    (site / "index.html").write_text('<img src="logo.png" alt="">', encoding="utf-8")
    (site / "assets" / "extra.css").unlink()
    sitecheck.outside_requests(site, clean)
    assert clean.status == "passed" and not clean.details


def test_no_mkdocs_yml_is_one_plain_message(tmp_path):
    result = site_test(tmp_path)
    assert result.returncode == 2
    assert result.stdout == (
        "mkdocs.yml: no such file (run .venv/bin/practice-hub test in the site's folder, or name its mkdocs.yml with -f)\n"
    )


def test_axe_is_run_as_the_engines_accessibility_test_runs_it():
    spec = importlib.util.spec_from_file_location(
        "accessibility_test", REPO / "tests" / "browser" / "test_accessibility.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert sitecheck.AXE_OPTIONS == module.AXE_OPTIONS


@pytest.mark.browser
@pytest.mark.skipif(not Path("/usr/bin/chromium").is_file(), reason="needs Debian's Chromium")
def test_accessibility_step_checks_each_kind_of_page_at_two_widths(tmp_path):
    project = clean_site(tmp_path / "site")
    result = site_test(project, PRACTICE_HUB_CHROMIUM="/usr/bin/chromium")
    found = steps(result.stdout)
    assert [found[n][0] for n in (1, 2, 3)] == ["passed"] * 3, result.stdout + result.stderr
    status, summary, seconds = found[4]
    assert status in ("passed", "failed") and seconds, result.stdout
    assert re.search(r"on \d+ kinds of page", summary), summary
    lines = result.stdout.splitlines()
    details = lines[lines.index(next(x for x in lines if x.startswith("[4/4]"))) + 1 : -1]
    shape = re.compile(
        r"^    /\S* (search results for '\w+' )?\((1280|390) px\): [a-z0-9-]+: .+ \(\d+ nodes?\)$"
    )
    assert all(shape.match(line) for line in details), "\n".join(details)
    # At 390 px a wide table's scroll wrapper (Material's .md-typeset__scrollwrap) is a named
    # region in the tab order (overrides/javascripts/practice-hub-tables.js): nothing is known.
    assert status == "passed", "\n".join(details)
    assert result.returncode == 0
