"""Every command the engine's messages show an editor runs as written in a fresh terminal in the
site's folder: `.venv/bin/practice-hub ...` (or the Windows form), never `python -m practice_hub`
or a bare `practice-hub` that only works in an activated environment.

tests/site/test_commands_as_written.py runs the commands that the guide, the site's README and
the commands' own output show; this test reads every other text an editor may be shown: each
string in the engine's code (not docstrings, which are for developers), the schemas' descriptions
and the pull-request checklist, so that a message printed only on a rare mistake cannot bring
the old form back."""

from __future__ import annotations

import re

from helpers import PROJECT, engine_strings

# "python -m practice_hub" not preceded by a path (.venv/bin/python -m ... runs as written), and
# "practice-hub COMMAND" not preceded by a path (.venv/bin/practice-hub ... runs as written).
WRONG = re.compile(
    r"(?<![/\\])\bpython3? -m practice_hub\b"
    r"|(?<![/\\\w-])(?<!by )(?<!by `)practice-hub (?:check|build|serve|new|reviewed|linkcheck|test|audits|start)\b"
)
# Texts for the engine's developers, never shown to an editor.
DEVELOPERS = {"practice_hub/bench"}
NOT_COMMANDS = {"practice-hub test server"}  # a thread's name


def wrong_commands(text: str) -> list[str]:
    return [m.group(0) for m in WRONG.finditer(text) if text.strip() not in NOT_COMMANDS]


def test_the_pattern_tells_the_forms_apart():
    assert wrong_commands("run python -m practice_hub check") == ["python -m practice_hub"]
    assert wrong_commands("then practice-hub check") == ["practice-hub check"]
    assert not wrong_commands("run .venv/bin/practice-hub check or .venv\\Scripts\\practice-hub check")
    assert not wrong_commands("run .venv/bin/python -m practice_hub.editing.vscode")
    assert not wrong_commands("the practice-hub plugin")
    assert not wrong_commands("Written by `practice-hub start`; yours to change.")


def test_no_message_in_the_engine_shows_a_command_that_fails_in_a_fresh_terminal():
    found = []
    for path in sorted((PROJECT / "practice_hub").rglob("*.py")):
        name = path.relative_to(PROJECT).as_posix()
        if any(name.startswith(folder) for folder in DEVELOPERS):
            continue
        for line, text in engine_strings(path):
            found += [f"{name}:{line}: {command}" for command in wrong_commands(text)]
    assert found == []


def test_no_schema_description_or_checklist_shows_one():
    texts = sorted((PROJECT / "content_schema").glob("*.yaml")) + [
        PROJECT / ".github" / "pull_request_template.md",
        *sorted((PROJECT / "practice_hub" / "starter" / "template").rglob("*")),
    ]
    found = []
    for path in texts:
        if not path.is_file() or "workflows" in path.parts:  # CI installs the engine on its PATH
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            found += [f"{path.relative_to(PROJECT)}:{number}: {c}" for c in wrong_commands(line)]
    assert found == []
