"""hosting/publish.py puts a build live with nothing but the server's own Python.

The script runs here as on a server: the system's python3, isolated (-I: no environment
variables, no user site, not the script's folder) and without site-packages (-S), so neither
this virtual environment nor Practice Hub can be imported. `practice-hub publish` runs the same
file. The shell recipe in hosting/README.md is run as written there.
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from practice_hub import publish as engine_publish
from practice_hub.resources import hosting_dir

REPOSITORY = Path(__file__).resolve().parents[2]
SCRIPT = REPOSITORY / "hosting" / "publish.py"
SYSTEM_PYTHON = next(
    (p for p in ("/usr/bin/python3", shutil.which("python3", path="/usr/local/bin:/usr/bin:/bin")) if p),
    sys.executable,
)


def run_script(*args, cwd):
    return subprocess.run(
        [SYSTEM_PYTHON, "-I", "-S", str(SCRIPT), *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "/usr/bin:/bin"},
    )


def make_site(folder: Path, text: str, pages: int = 400) -> Path:
    """A built site of *pages* pages; index.html holds *text*."""
    if folder.exists():
        shutil.rmtree(folder)
    for n in range(pages):
        page = folder / f"page-{n}" / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text(f"<p>{text} {n}</p>" * 50, encoding="utf-8")
    (folder / "index.html").write_text(text, encoding="utf-8")
    return folder


def releases(link: Path) -> list[str]:
    return sorted(p.name for p in link.with_name(link.name + ".releases").iterdir())


def test_the_script_uses_the_standard_library_alone():
    tree = ast.parse(SCRIPT.read_text(encoding="utf-8"))
    imported = {a.name.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    imported |= {n.module.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
    assert imported <= set(sys.stdlib_module_names), imported - set(sys.stdlib_module_names)
    # and cannot import the engine where it runs: -I -S leaves no site-packages
    probe = subprocess.run(
        [SYSTEM_PYTHON, "-I", "-S", "-c", "import sys; print(any('site-packages' in p for p in sys.path))"],
        capture_output=True,
        text=True,
        cwd="/",
    )
    assert probe.stdout.strip() == "False"


def test_publish_twice_switches_the_link_and_prunes_old_releases(tmp_path):
    link = tmp_path / "srv" / "site"
    for n in range(1, 4):
        make_site(tmp_path / "site", f"build {n}", pages=3)
        result = run_script("site", link, "--keep", "2", cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        assert link.is_symlink() and (link / "index.html").read_text() == f"build {n}"
        assert f"publish.py: {link} now serves {os.readlink(link)}" in result.stderr
    kept = releases(link)
    assert len(kept) == 2 and re.fullmatch(r"\d{8}T\d{6}Z-\d\d", kept[0])
    assert os.path.basename(os.readlink(link)) == kept[-1]  # the newest is live
    assert sorted(p.name for p in link.parent.iterdir()) == ["site", "site.releases"]  # no leftovers


def test_readers_always_find_a_whole_site_during_the_switch(tmp_path):
    link = tmp_path / "srv" / "site"
    make_site(tmp_path / "site", "old")
    assert run_script("site", link, cwd=tmp_path).returncode == 0
    make_site(tmp_path / "site", "new")
    seen, failures, done = set(), [], threading.Event()

    def read() -> None:
        while not done.is_set():
            try:
                home = (link / "index.html").read_text()
                page = (link / "page-399" / "index.html").read_text()  # the last page copied
                seen.add(home)
                if home not in ("old", "new") or page[:6] not in ("<p>old", "<p>new"):
                    failures.append(f"half a site: {home[:12]!r}, {page[:12]!r}")
            except OSError as error:
                failures.append(repr(error))

    readers = [threading.Thread(target=read) for _ in range(2)]
    for reader in readers:
        reader.start()
    try:
        time.sleep(0.05)
        result = run_script("site", link, "--keep", "1", cwd=tmp_path)
        time.sleep(0.05)
    finally:
        done.set()
        for reader in readers:
            reader.join()
    assert result.returncode == 0, result.stderr
    assert failures == []
    assert seen == {"old", "new"}
    assert len(releases(link)) == 1  # --keep 1: the old release went once nobody was sent to it


def test_a_real_folder_is_refused_and_left_alone(tmp_path):
    make_site(tmp_path / "site", "new", pages=1)
    live = tmp_path / "srv" / "site"
    live.mkdir(parents=True)
    (live / "index.html").write_text("hand-copied", encoding="utf-8")
    result = run_script("site", live, cwd=tmp_path)
    assert result.returncode == 1
    assert f"publish.py: not published: {live} is a real folder, not a symbolic link" in result.stderr
    assert (live / "index.html").read_text() == "hand-copied" and not live.is_symlink()
    result = run_script("docs", tmp_path / "other", cwd=tmp_path)
    assert result.returncode == 1 and "docs is not a built site (it has no index.html)" in result.stderr
    assert run_script("site", tmp_path / "x", "--keep", "0", cwd=tmp_path).returncode == 2


def test_a_publish_that_was_killed_leaves_nothing_behind_the_next(tmp_path):
    link = tmp_path / "srv" / "site"
    make_site(tmp_path / "site", "one", pages=1)
    assert run_script("site", link, cwd=tmp_path).returncode == 0
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    dead = gone.stdout.strip()  # a process id that has exited
    (link.with_name("site.releases") / f".copying-{dead}").mkdir()
    (link.with_name(f".site.new-{dead}")).symlink_to(tmp_path)
    assert run_script("site", link, cwd=tmp_path).returncode == 0
    assert not any(p.name.startswith(".") for p in link.with_name("site.releases").iterdir())
    assert sorted(p.name for p in link.parent.iterdir()) == ["site", "site.releases"]


def test_practice_hub_publish_runs_the_same_file():
    assert Path(engine_publish.publish.__code__.co_filename) == hosting_dir() / "publish.py"
    assert (hosting_dir() / "publish.py").read_bytes() == SCRIPT.read_bytes()


def readme_recipe() -> str:
    text = (REPOSITORY / "hosting" / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(SITE=.*?)```", text, re.S)
    assert len(blocks) == 1, "hosting/README.md: the shell recipe starts SITE=..."
    return blocks[0]


@pytest.mark.skipif(not shutil.which("mv") or sys.platform != "linux", reason="GNU coreutils")
def test_the_shell_recipe_in_the_readme_works_as_written(tmp_path):
    recipe = readme_recipe()
    first, rest = recipe.split("\n", 1)
    assert first == "SITE=site LIVE=/srv/practice-hub/site KEEP=3"
    script = f"set -eu\nSITE=site LIVE={tmp_path}/srv/site KEEP=2\n{rest}"
    link = tmp_path / "srv" / "site"
    for n in range(1, 4):
        make_site(tmp_path / "site", f"build {n}", pages=2)
        if n > 1:
            time.sleep(1.05)  # a release is named by the second
        result = subprocess.run(["bash", "-c", script], cwd=tmp_path, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        assert link.is_symlink() and (link / "index.html").read_text() == f"build {n}"
    assert len(releases(link)) == 2
    assert sorted(p.name for p in link.parent.iterdir()) == ["site", "site.releases"]
    shutil.rmtree(link.with_name("site.releases"))
    link.unlink()
    link.mkdir()
    make_site(tmp_path / "site", "refused", pages=1)
    result = subprocess.run(["bash", "-c", script], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode != 0 and not link.is_symlink()  # mv -T refuses a real folder
