"""Every page offers "Suggest a change": the team's mailbox, or the repository's edit link."""

from __future__ import annotations

import html
import re
from urllib.parse import unquote

from helpers import FIXTURES, make_project, run_build

LINK = re.compile(r'<p class="ph-suggest" data-pagefind-ignore>[^<]*<a href="([^"]+)">Suggest a change to this page</a></p>')


def _links(project, page):
    result = run_build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return LINK.findall((project / "site" / page).read_text(encoding="utf-8"))


def test_a_prefilled_email_to_the_teams_address(tmp_path):
    project = make_project(
        tmp_path / "p", FIXTURES / "thread" / "docs", settings={"suggest_email": "practice@council.example"}
    )
    [href] = _links(project, "index.html")
    href = html.unescape(href)
    assert href.startswith("mailto:practice@council.example?subject=Suggested%20change%3A%20")
    assert "Page: /" in unquote(href)


def test_the_repositorys_edit_link_when_the_site_has_one(tmp_path):
    project = make_project(
        tmp_path / "p", FIXTURES / "thread" / "docs", settings={"suggest_email": "practice@council.example"}
    )
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = "repo_url: https://github.com/council/practice-hub\nedit_uri: edit/main/docs/\n" + config
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    assert _links(project, "index.html") == [
        "https://github.com/council/practice-hub/edit/main/docs/index.md"
    ]


def test_no_link_without_an_address_or_a_repository(tmp_path):
    project = make_project(tmp_path / "p", FIXTURES / "thread" / "docs", settings={"suggest_email": '""'})
    assert _links(project, "index.html") == []
