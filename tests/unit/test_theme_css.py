"""The engine's stylesheets close every rule they open: one missing "}" makes a browser read every
rule after it as nested inside that rule, so those rules quietly stop applying."""

from __future__ import annotations

import re

from helpers import REPO


def test_every_rule_in_the_engines_stylesheets_is_closed():
    sheets = sorted((REPO / "overrides").rglob("*.css"))
    assert sheets
    for sheet in sheets:
        text = re.sub(r"/\*.*?\*/", "", sheet.read_text(encoding="utf-8"), flags=re.S)
        text = re.sub(r"\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'", "", text)  # strings
        depth = 0
        for number, line in enumerate(text.splitlines(), start=1):
            depth += line.count("{") - line.count("}")
            assert depth >= 0, f"{sheet.relative_to(REPO)}: a '}}' closes nothing by line {number}"
        assert depth == 0, f"{sheet.relative_to(REPO)}: {depth} rule(s) left open"
