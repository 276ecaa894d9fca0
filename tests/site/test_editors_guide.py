"""The editors' guide: every content type has a worked example, and the examples check and build."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import REPO, TODAY, env, run_build, run_check, run_start
from practice_hub.content_types import TYPES, classify
from practice_hub.renderer.link_check import check_site_links
from practice_hub.settings import Project
from practice_hub.site import load_site

GUIDE = REPO / "practice_hub" / "guide" / "editors.md"
EXAMPLE = re.compile(r'^```(?:markdown|yaml) title="docs/([^"]+)"\n(.*?)^```$', re.M | re.S)


def examples() -> dict[str, str]:
    return {uri: text for uri, text in EXAMPLE.findall(GUIDE.read_text(encoding="utf-8"))}


def test_every_content_type_has_a_worked_example():
    covered = {classify(uri).type for uri in examples()}
    assert covered >= set(TYPES), f"no worked example for: {sorted(set(TYPES) - covered)}"


# The worked examples name only what a new site made by `start` has (its example standard, audit
# section, procedure, course, tool and topic): each one, written alone into a fresh starter site,
# passes check; all of them together pass check and the strict build. What the guide says a
# news post with an author needs (the authors' file and its picture) is written as it says.
COUNCIL = "Kelsey Vale Council"
AUTHORS = "news/.authors.yml"
POST_AUTHORS = "authors: [psw-team]"
AVATAR = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="#283593"/></svg>\n'


@pytest.fixture(scope="module")
def starter(tmp_path_factory):
    """A site as `practice-hub start` writes it, on the tests' date."""
    folder = tmp_path_factory.mktemp("guide") / "kelsey-vale-practice-hub"
    return run_start(COUNCIL, folder, cwd=folder.parent)


def site_with(starter: Path, target: Path, files: dict[str, str]) -> Path:
    shutil.copytree(starter, target, ignore=shutil.ignore_patterns(".git", "site"))
    for uri, text in files.items():
        path = target / "docs" / uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return target


def the_authors_the_guide_describes() -> dict[str, str]:
    """The authors' file as the guide shows it, and the picture it says the file needs."""
    guide = GUIDE.read_text(encoding="utf-8")
    authors = examples()[AUTHORS]
    (avatar,) = re.findall(r"^    avatar: (\S+)$", authors, re.M)
    assert f"`docs/{avatar}`" in guide, "the guide names the picture the authors' example needs"
    assert f"`{POST_AUTHORS}`" in guide and "`docs/news/avatars/`" in guide
    return {AUTHORS: authors, avatar: AVATAR}


def with_an_author(post: str) -> str:
    """The guide's news post with the authors line the guide tells the editor to add."""
    head, rest = post.split("\ncategories:", 1)
    line, rest = rest.split("\n", 1)
    return f"{head}\ncategories:{line}\n{POST_AUTHORS}\n{rest}"


def news_post() -> str:
    return next(uri for uri in examples() if uri.startswith("news/posts/"))


@pytest.mark.parametrize("uri", [uri for uri in examples() if uri != AUTHORS])
def test_each_worked_example_alone_passes_check_on_a_new_site(starter, tmp_path, uri):
    assert not (starter / "docs" / uri).exists(), f"{uri} would replace a file start writes"
    site = site_with(starter, tmp_path / "site", {uri: examples()[uri]})
    result = run_check(site)
    assert result.returncode == 0, result.stdout + result.stderr
    said = [line for line in result.stdout.splitlines() if line.startswith(f"docs/{uri}:")]
    assert all(": warning: " in line for line in said), said  # at most advisory warnings


def test_a_post_with_an_author_passes_with_the_authors_file_the_guide_shows(starter, tmp_path):
    post = news_post()
    files = {post: with_an_author(examples()[post])}
    refused = run_check(site_with(starter, tmp_path / "without", files))
    assert refused.returncode != 0
    assert f'docs/{post}:7: field "authors" names "psw-team"' in refused.stdout
    passed = run_check(site_with(starter, tmp_path / "with", files | the_authors_the_guide_describes()))
    assert passed.returncode == 0, passed.stdout + passed.stderr


@pytest.fixture(scope="module")
def project(starter, tmp_path_factory):
    """Every worked example at once, on a new site, with the post's author."""
    files = examples() | the_authors_the_guide_describes()
    files[news_post()] = with_an_author(files[news_post()])
    return site_with(starter, tmp_path_factory.mktemp("guide-all") / "site", files)


def test_worked_examples_pass_check(project, monkeypatch):
    result = run_check(project)
    assert result.returncode == 0, result.stdout + result.stderr
    monkeypatch.setenv("PRACTICE_HUB_TODAY", TODAY)
    site = load_site(Project.from_config_file(project / "mkdocs.yml"))
    check_site_links(site)
    assert [str(p) for p in site.problems.errors] == []
    for uri in examples():
        if uri != AUTHORS:
            assert any(item.path == f"docs/{uri}" for item in site.items), uri
    assert "example-sharing-plans" in {item.id for item in site.items}


def test_worked_examples_build(project):
    result = run_build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (project / "site" / "procedures" / "home-visits-out-of-hours" / "index.html").is_file()
    assert (project / "site" / "training" / "example-sharing-plans" / "index.html").is_file()
    posts = [page.read_text(encoding="utf-8") for page in (project / "site" / "news").rglob("index.html")]
    assert any("Principal Social Worker team" in page and "psw-team.svg" in page for page in posts)
    assert (project / "site" / "news" / "avatars" / "psw-team.svg").is_file()


def test_field_reference_has_ids_file_names_and_every_data_file():
    from practice_hub.content_types import DATA_FILES
    from practice_hub.renderer.reference import field_reference
    from practice_hub.schema import load_schemas

    text = field_reference(load_schemas(REPO / "content_schema"))
    assert "## Ids and file names" in text
    assert "use lower-case letters, digits and single hyphens" in text
    assert "`docs/news/posts/YYYY-MM-DD-<id>.md`" in text
    assert "`docs/news/.authors.yml`" in text
    for name in DATA_FILES:
        assert f"`docs/_data/{name}`" in text
    # a command in a description is shown as code, never with its backticks escaped
    assert "\\`" not in text
    assert "`.venv/bin/practice-hub audits summarise FILE... --write`" in text


def test_descriptions_keep_their_code_spans_and_escape_the_rest():
    from practice_hub.text import esc_keeping_code

    assert esc_keeping_code("Run `.venv/bin/practice-hub check` on <b>_all_</b>") == (
        "Run `.venv/bin/practice-hub check` on &lt;b&gt;\\_all\\_&lt;/b&gt;"
    )
    assert esc_keeping_code("a ` alone") == "a \\` alone"


def _section(text: str, heading: str) -> str:
    start = text.index(f"\n## {heading}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else len(text)]


def test_the_guide_defines_the_five_words_an_editor_cannot_avoid():
    words = _section(GUIDE.read_text(encoding="utf-8"), "Words used in this guide")
    defined = re.findall(r"^- \*\*(\w+)\*\*: (.+)", words, re.M)
    assert [word for word, _ in defined] == ["Markdown", "Field", "YAML", "Id", "Status"]


def test_the_guide_shows_a_markdown_table_and_refuses_tables_from_word():
    text = GUIDE.read_text(encoding="utf-8")
    table = re.search(r"```markdown\n(\|[^\n]*\|\n)(\| --- (?:\| --- )*\|\n)((?:\|[^\n]*\|\n)+)```", text)
    assert table, "no Markdown table example"
    assert "copied from Word" in text and "pasted from Word" in text


def test_the_guide_describes_the_previews_problems_banner_in_its_own_words():
    from practice_hub.problems import Problem
    from practice_hub.renderer.problems_page import problems_banner

    preview = " ".join(_section(GUIDE.read_text(encoding="utf-8"), "Preview your change").split())
    banner = str(problems_banner([Problem("docs/x.md", 3, "m")], "/problems-to-fix/", this_page=True))
    for words in (
        "Your last save has a problem to fix, so the preview still shows the site as it was before it.",
        "See the full list of problems",
        "This page is shown as it was before that save: your changes to it appear once its problem is fixed.",
    ):
        assert words in banner, words  # the guide quotes the banner as it is
        assert words in preview, words
    assert "every page of the preview" in preview and "/problems-to-fix/" in preview


def test_the_guide_explains_start_and_speaks_plainly():
    text = GUIDE.read_text(encoding="utf-8")
    start = _section(text, "Where a site comes from: `start`")
    assert ".venv/bin/practice-hub start " in start and "Replace each with your own content" in start
    lowered = text.lower()
    for jargon in (
        "front matter",
        "mapping values",
        "build again",
        "slug",
        "sanitiser",
        "strict mode",
        "builderror",
    ):
        assert jargon not in lowered, jargon
    # start is run once, outside any site's folder: never among the commands typed in one
    said = " ".join(start.split())
    assert "run once, in the folder that is to hold the new site's folder (outside any site" in said
    typing = _section(text, "Typing a command")
    assert "except `start`, which makes a new site: it is run once, outside any site's folder" in " ".join(
        typing.split()
    )
    assert not [row for row in typing.splitlines() if row.startswith("|") and "practice-hub start" in row]
    assert not re.search(r"`(mkdocs|python -m practice_hub) ", text)


def test_the_guide_says_to_restart_the_preview_after_adding_or_deleting_a_page():
    preview = " ".join(_section(GUIDE.read_text(encoding="utf-8"), "Preview your change").split())
    assert (
        "**After adding, renaming or deleting a page**, stop the preview with Ctrl+C and start it again"
        in preview
    )
    assert "a page you deleted is still shown" in preview
