"""The audit tool sits in the layers like the rest: its rules (grades, reading exports, counting
them, audit cycles) are below the renderer and load none of it, even inside a function; its
pages (the form and the results dashboard) are renderers, loaded with the others."""

from __future__ import annotations

import ast
import subprocess
import sys

import pytest

from helpers import REPO

BELOW = [
    "practice_hub.site",
    "practice_hub.structure.audit_cycles",
    "practice_hub.audit_tool.grades",
    "practice_hub.audit_tool.exports",
    "practice_hub.audit_tool.summarise",
]
ABOVE = ("practice_hub.renderer", "practice_hub.search", "practice_hub.mkdocs_adapter", "practice_hub.cli")


@pytest.mark.parametrize("module", BELOW)
def test_the_audit_rules_load_nothing_above_them(module):
    code = f"import sys, {module}; print(sorted(m for m in sys.modules if m.startswith({ABOVE!r})))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
    assert out.stdout.strip() == "[]", f"importing {module} loads {out.stdout.strip()}"


def test_no_audit_module_imports_inside_a_function():
    """The renderer and the audit tool used to import each other inside functions, out of sight."""
    files = sorted((REPO / "practice_hub" / "audit_tool").glob("*.py")) + [
        REPO / "practice_hub" / "renderer" / "site_pages.py",
        REPO / "practice_hub" / "structure" / "audit_cycles.py",
        *sorted((REPO / "practice_hub" / "renderer").glob("audit_*.py")),
    ]
    hidden = []
    for path in files:
        for function in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
                hidden += [
                    f"{path.relative_to(REPO)}:{node.lineno}"
                    for node in ast.walk(function)
                    if isinstance(node, ast.ImportFrom)
                    and (node.level or "practice_hub" in (node.module or ""))
                ]
    assert hidden == []
