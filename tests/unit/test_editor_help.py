"""Help while typing: the VS Code schema mapping is current, and the pre-commit hook runs check."""

from __future__ import annotations

import json

import yaml

from practice_hub.editing.vscode import editor_files
from tests.helpers import REPO


def test_vscode_files_are_generated_from_the_schemas():
    for path, text in editor_files(REPO).items():
        assert (REPO / path).read_text(encoding="utf-8") == text, (
            f"{path} is out of date: run python -m practice_hub.editing.vscode"
        )


def test_every_yaml_folder_and_data_file_is_mapped():
    mapped = {
        glob
        for globs in json.loads((REPO / ".vscode/settings.json").read_text())["yaml.schemas"].values()
        for glob in globs
    }
    for glob in (
        "docs/training/*.yml",
        "docs/glossary/*.yml",
        "docs/links/*.yml",
        "docs/_data/tags.yml",
        "docs/_data/legislation.yml",
        "docs/_data/audit_results.yml",
    ):
        assert glob in mapped
    assert json.loads((REPO / ".vscode/extensions.json").read_text()) == {
        "recommendations": ["redhat.vscode-yaml"]
    }


def test_pre_commit_runs_check_and_pr_template_has_a_checklist():
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text())
    entries = [hook["entry"] for repo in config["repos"] for hook in repo["hooks"]]
    assert ".venv/bin/python -m practice_hub check" in entries  # works without an activated venv
    assert "- [ ]" in (REPO / ".github/pull_request_template.md").read_text()
