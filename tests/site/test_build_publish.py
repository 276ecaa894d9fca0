"""`python -m practice_hub build` is atomic and `publish` switches a web root at once."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from helpers import FIXTURES, env, make_project

THREAD = FIXTURES / "thread" / "docs"


def practice_hub(project, *args):
    return subprocess.run([sys.executable, "-m", "practice_hub", *args], cwd=project, capture_output=True,
                          text=True, env=env(), timeout=600)


def listing(folder):
    return sorted((p.relative_to(folder).as_posix(), p.read_bytes()) for p in folder.rglob("*") if p.is_file())


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("atomic"), THREAD)
    result = practice_hub(project, "build")
    assert result.returncode == 0, result.stderr
    return project


def test_a_failing_build_leaves_the_previous_site_untouched(built, tmp_path):
    project = make_project(tmp_path, THREAD)
    assert practice_hub(project, "build").returncode == 0
    before = listing(project / "site")
    assert ("index.html", (project / "site/index.html").read_bytes()) in before
    (project / "docs/procedures/broken.md").write_text("---\nid: broken\n---\n", encoding="utf-8")
    result = practice_hub(project, "build")
    assert result.returncode == 1
    assert 'docs/procedures/broken.md:1: missing required field "title"' in result.stderr
    assert "Practice Hub: the build failed; site" in result.stderr
    assert listing(project / "site") == before
    assert sorted(p.name for p in project.iterdir() if p.name.startswith("site")) == ["site"]  # no leftovers
    assert oct((project / "site").stat().st_mode & 0o777) == "0o755"


def test_a_good_build_replaces_the_site(built):
    (built / "site/stale.html").write_text("old", encoding="utf-8")
    assert practice_hub(built, "build").returncode == 0
    assert not (built / "site/stale.html").exists()
    assert (built / "site/content.json").is_file()


def test_publish_switches_the_web_root_link(built, tmp_path):
    link = tmp_path / "www" / "practice-hub"
    first = practice_hub(built, "publish", "site", str(link))
    assert first.returncode == 0, first.stderr
    assert link.is_symlink() and (link / "index.html").read_bytes() == (built / "site/index.html").read_bytes()
    release_one = os.readlink(link)
    (built / "site/new.html").write_text("new build", encoding="utf-8")
    second = practice_hub(built, "publish", "site", str(link), "--keep", "1")
    assert second.returncode == 0, second.stderr
    assert (link / "new.html").read_text() == "new build"
    assert os.readlink(link) != release_one
    releases = tmp_path / "www" / "practice-hub.releases"
    assert [p.name for p in releases.iterdir()] == [os.path.basename(os.readlink(link))]  # --keep 1
    assert sorted(p.name for p in (tmp_path / "www").iterdir()) == ["practice-hub", "practice-hub.releases"]


def test_publish_refuses_a_real_folder_and_an_unbuilt_site(built, tmp_path):
    root = tmp_path / "html"
    root.mkdir()
    result = practice_hub(built, "publish", "site", str(root))
    assert result.returncode == 1
    assert "is a real folder, not a symbolic link" in result.stderr
    result = practice_hub(built, "publish", "docs", str(tmp_path / "link"))
    assert result.returncode == 1
    assert "is not a built site" in result.stderr and not (tmp_path / "link").exists()
