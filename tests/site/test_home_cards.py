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
    generic = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert "home_cards" not in generic
    assert "ph-home-card__text" not in _home(project)
    (project / "mkdocs.yml").write_text(generic.replace(
        "  practice_hub:\n", "  practice_hub:\n    home_cards:\n      standards: How we practise in Ashdown.\n"),
        encoding="utf-8")
    html = _home(project)
    assert '<span class="ph-home-card__text">How we practise in Ashdown.</span>' in html


@pytest.mark.parametrize("value", ["[a, b]", "{standards: [a]}"])
def test_home_cards_must_be_card_wording_lines(tmp_path, value):
    project = make_project(tmp_path, FIXTURES / "thread" / "docs")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("  practice_hub:\n", f"  practice_hub:\n    home_cards: {value}\n", 1)
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = run_check(project)
    assert result.returncode == 1
    assert "extra.practice_hub.home_cards must be a list of card: wording lines" in result.stdout
