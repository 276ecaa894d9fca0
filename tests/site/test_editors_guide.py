"""The editors' guide: every content type has a worked example, and the examples check and build."""

from __future__ import annotations

import re

import pytest

from practice_hub.content_types import TYPES, classify
from practice_hub.renderer.link_check import check_site_links
from practice_hub.settings import Project
from practice_hub.site import load_site
from tests.helpers import REPO, TODAY, make_project, run_build

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
