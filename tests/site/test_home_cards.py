"""The home page cards carry no council's words unless a council sets its own in mkdocs.yml (home_cards)."""

from __future__ import annotations

import pytest

from helpers import FIXTURES, make_project, run_build, run_check


def _home(project) -> str:
    result = run_build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return (project / "site/index.html").read_text(encoding="utf-8")


def test_generic_wording_by_default_and_the_councils_own_when_set(tmp_path):
    project = make_project(tmp_path / "generic", FIXTURES / "thread" / "docs")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    start = config.index("    home_cards:\n")
    end = config.index("\n    gaps_are_errors")
    generic = config[:start] + config[end + 1:]
    (project / "mkdocs.yml").write_text(generic, encoding="utf-8")
    html = _home(project)
    assert "ph-home-card__text" not in html and "Brackenford" not in html
    (project / "mkdocs.yml").write_text(generic.replace(
        "  practice_hub:\n", "  practice_hub:\n    home_cards:\n      standards: How we practise in Ashdown.\n"),
        encoding="utf-8")
    html = _home(project)
    assert '<span class="ph-home-card__text">How we practise in Ashdown.</span>' in html


@pytest.mark.parametrize("value", ["[a, b]", "{standards: [a]}"])
def test_home_cards_must_be_card_wording_lines(tmp_path, value):
    project = make_project(tmp_path, FIXTURES / "thread" / "docs")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    start = config.index("    home_cards:\n")
    end = config.index("\n    gaps_are_errors")
    config = config[:start] + f"    home_cards: {value}" + config[end:]
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = run_check(project)
    assert result.returncode == 2
    assert "extra.practice_hub.home_cards must be a list of card: wording lines" in result.stderr
