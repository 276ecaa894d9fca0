"""Help while typing, on whatever docs/ holds: every YAML file and every page's fields that
``check`` accepts, the VS Code schemas accept too (read as the YAML extension reads them: patterns,
no formats). The mistakes they flag are proved on a new site in tests/unit/test_vscode_schemas.py."""

from __future__ import annotations

from editor_schemas import verdicts

from helpers import PROJECT


def test_the_vscode_schemas_accept_what_check_accepts():
    found = verdicts(PROJECT)
    assert found.read, "no YAML file or page was read"
    assert found.disagreements() == []
