"""`python -m practice_hub start "Name of Council"` turns the demo into a starter that builds cleanly."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import REPO, env, is_demo, run_build, run_check


def start(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "practice_hub", "start", *args], cwd=project,
                          capture_output=True, text=True, env=env(), timeout=120)


@pytest.fixture(scope="module")
def started(tmp_path_factory):
    project = tmp_path_factory.mktemp("starter")
    for name in ("docs", "content_schema", "hooks", "overrides"):
        shutil.copytree(REPO / name, project / name)
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    refused = start(project, "Ashdown District Council")
    result = start(project, "Ashdown District Council", "--yes")
    return project, refused, result


def test_start_refuses_to_replace_content_without_yes(tmp_path):
    shutil.copytree(REPO / "docs" / "glossary", tmp_path / "docs" / "glossary")
    shutil.copy(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    result = start(tmp_path, "Ashdown District Council")
    assert result.returncode == 1
    assert "docs/ holds 3 files of content. This command replaces ALL of docs/" in result.stdout
    assert 'python -m practice_hub start "Ashdown District Council" --yes' in result.stdout
    assert (tmp_path / "docs/glossary/adults.yml").is_file()
    assert (tmp_path / "mkdocs.yml").read_text() == (REPO / "mkdocs.yml").read_text()


def test_start_names_the_council_and_drops_the_demo_settings(started):
    project, refused, result = started
    assert refused.returncode == 1
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("Started Ashdown District Council Practice Hub: ")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert 'site_name: "Ashdown District Council Practice Hub"' in config
    assert "Brackenford" not in config
    assert "today:" not in config and "demo:" not in config and "home_cards:" not in config
    assert "# keep on: without it build time grows quadratically" in config  # comments kept
    assert not is_demo(project)
    assert not (project / "docs/procedures/section-47-enquiries.md").exists()


def test_starter_passes_check_and_the_strict_build(started):
    project, _, _ = started
    check = run_check(project)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "no problems" in check.stderr
    build = run_build(project)
    assert build.returncode == 0, build.stdout + build.stderr
    assert "WARNING" not in build.stdout + build.stderr
    site = project / "site"
    for page in ("index.html", "news/index.html", "standards/golden-thread/index.html",
                 "procedures/example-procedure/index.html", "training/example-course/index.html"):
        assert (site / page).is_file(), page
    assert "Ashdown District Council Practice Hub" in (site / "index.html").read_text(encoding="utf-8")
    # docs/ holds no stylesheets or scripts, yet the site's own are published and linked.
    assert not (project / "docs/stylesheets").exists()
    home = (site / "index.html").read_text(encoding="utf-8")
    for asset in ("stylesheets/practice-hub.css", "javascripts/practice-hub-review.js"):
        assert (site / asset).is_file() and asset in home, asset


#: A council's name as an attacker would type it: a quote to leave an attribute, a script, an
#: ampersand and a single-quoted event handler.
HOSTILE = "Ash\"down <script>alert(1)</script> & Co' onfocus='x"


def _copy_repo(project: Path) -> Path:
    for name in ("docs", "content_schema", "hooks", "overrides"):
        shutil.copytree(REPO / name, project / name)
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    return project


def test_a_hostile_name_is_escaped_wherever_start_writes_it(tmp_path):
    """Issue 26: the name lands in mkdocs.yml (YAML), front matter (YAML), Markdown and, through the
    templates, in every page's <title>, meta tags, aria-label attributes and header: escaped in each."""
    from html.parser import HTMLParser

    import yaml

    project = _copy_repo(tmp_path)
    result = start(project, HOSTILE, "--yes")
    assert result.returncode == 0, result.stdout + result.stderr
    config = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert config["site_name"] == f"{HOSTILE} Practice Hub"
    assert config["site_author"] == config["copyright"] == HOSTILE
    check = run_check(project)
    assert check.returncode == 0, check.stdout + check.stderr
    build = run_build(project)
    assert build.returncode == 0, build.stdout + build.stderr

    class Page(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.scripts, self.handlers, self.values, self.text = [], [], [], []
            self.in_script = False

        def handle_starttag(self, tag, attrs):
            self.in_script = tag == "script"
            self.handlers += [name for name, _ in attrs if name.startswith("on")]
            self.values += [value for _, value in attrs if value and "Ash" in value]

        def handle_endtag(self, tag):
            self.in_script = False

        def handle_data(self, data):
            (self.scripts if self.in_script else self.text).append(data)

    pages = sorted((project / "site").rglob("*.html"))
    assert len(pages) > 10
    named = 0
    for html in pages:
        text = html.read_text(encoding="utf-8")
        assert "<script>alert" not in text, html
        parser = Page()
        parser.feed(text)
        assert parser.handlers == [], (html, parser.handlers)
        assert not any("alert(1)" in script for script in parser.scripts), html
        # every attribute naming the council holds the whole name: no quote ended it early
        for value in parser.values:
            assert HOSTILE in value, (html, value)
        named += bool(parser.values)
        if html.name == "index.html":
            assert HOSTILE in "".join(parser.text), html  # header and footer show it as text
    assert named == len(pages) - sum(1 for p in pages if "Ash" not in p.read_text(encoding="utf-8"))
    home = (project / "site/index.html").read_text(encoding="utf-8")
    assert " - Ash&#34;down &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co&#39; onfocus=&#39;x Practice Hub</title>" in home
    assert 'aria-label="Ash&#34;down &lt;script&gt;' in home


@pytest.mark.parametrize("char", ["\u202e", "\u2066", "\u200f", "\u061c", "\x07", "\x1b"])
def test_a_name_with_a_control_or_bidirectional_character_is_refused(tmp_path, char):
    project = _copy_repo(tmp_path)
    before = (project / "mkdocs.yml").read_bytes()
    result = start(project, f"Ash{char}down District Council", "--yes")
    assert result.returncode == 2
    assert f"the name has the invisible character U+{ord(char):04X}" in result.stdout
    assert (project / "mkdocs.yml").read_bytes() == before
    assert (project / "docs/procedures").is_dir()  # nothing replaced


def test_start_never_writes_through_a_symbolic_link(tmp_path):
    """A committed, dangling link in docs/ (or docs/ itself a link) cannot make start write outside."""
    outside = tmp_path / "outside"
    outside.mkdir()
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    (project / "docs").mkdir()
    (project / "docs/index.md").symlink_to(outside / "planted.md")  # dangling
    (project / "docs/procedures").symlink_to(outside / "procedures")  # dangling
    result = start(project, "Ashdown District Council")
    assert result.returncode == 0, result.stdout + result.stderr
    assert list(outside.iterdir()) == []
    assert not (project / "docs/index.md").is_symlink() and (project / "docs/index.md").is_file()
    assert not (project / "docs/procedures").is_symlink()

    before = (project / "mkdocs.yml").read_bytes()
    shutil.rmtree(project / "docs")
    (project / "docs").symlink_to(outside / "docs")  # the whole folder a dangling link
    result = start(project, "Ashdown District Council", "--yes")
    assert result.returncode == 2
    assert "docs is a symbolic link" in result.stdout and "nothing is written" in result.stdout
    assert list(outside.iterdir()) == []
    assert (project / "mkdocs.yml").read_bytes() == before

    (project / "docs").unlink()
    (project / "mkdocs.yml").rename(outside / "mkdocs.yml")
    (project / "mkdocs.yml").symlink_to(outside / "mkdocs.yml")
    result = start(project, "Ashdown District Council", "--yes")
    assert result.returncode == 2 and "mkdocs.yml is a symbolic link" in result.stdout
    assert sorted(p.name for p in outside.iterdir()) == ["mkdocs.yml"]
    assert (outside / "mkdocs.yml").read_bytes() == before
