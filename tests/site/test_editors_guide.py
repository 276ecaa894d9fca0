"""The editors' guide: every content type has a worked example, and the examples check and build."""

from __future__ import annotations

import re

import pytest

from helpers import REPO, TODAY, make_project, run_build
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


# The worked examples name the demo's standards, tags, acts and courses: they check and build on
# top of the demo's docs/ (tests marked demo).
@pytest.fixture(scope="module")
def project(tmp_path_factory):
    root = make_project(tmp_path_factory.mktemp("guide") / "p", REPO / "docs", files=examples())
    return root


@pytest.mark.demo
def test_worked_examples_pass_check(project, monkeypatch):
    monkeypatch.setenv("PRACTICE_HUB_TODAY", TODAY)
    site = load_site(Project.from_config_file(project / "mkdocs.yml"))
    check_site_links(site)
    assert [str(p) for p in site.problems.errors] == []
    ids = {item.id for item in site.items}
    for uri in examples():
        assert any(item.path == f"docs/{uri}" for item in site.items), uri
    assert "example-sharing-plans" in ids


@pytest.mark.demo
def test_worked_examples_build(project):
    result = run_build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (project / "site" / "procedures" / "home-visits-out-of-hours" / "index.html").is_file()
    assert (project / "site" / "training" / "example-sharing-plans" / "index.html").is_file()


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
    for jargon in ("front matter", "mapping values", "build again", "slug"):
        assert jargon not in lowered, jargon
    assert not re.search(r"`(mkdocs|python -m practice_hub) ", text)
