"""The audit tool sits in the layers like the rest: its rules (grades, reading exports, counting
them, audit cycles) are below the renderer (tests/unit/test_architecture.py loads each alone);
its pages (the form and the results dashboard) are renderers, imported at the top of the module
that uses them, never inside a function."""

from __future__ import annotations

import ast

from helpers import REPO


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
