"""House rules: one MkDocs adapter, thin hooks without module state, generated pages out of docs/."""

from __future__ import annotations

import ast
import re

from helpers import REPO


def test_exactly_one_module_imports_mkdocs():
    importers = [
        path.relative_to(REPO).as_posix()
        for path in (REPO / "practice_hub").rglob("*.py")
        if re.search(r"^\s*(from|import)\s+mkdocs\b", path.read_text(encoding="utf-8"), re.M)
    ]
    assert importers == ["practice_hub/mkdocs_adapter.py"]


def test_each_hook_does_one_job_and_keeps_no_state():
    hooks = sorted((REPO / "hooks").glob("*.py"))
    assert hooks
    for path in hooks:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        events = [node.name for node in tree.body if isinstance(node, ast.FunctionDef)]
        assert len(events) == 1 and events[0].startswith("on_"), (path.name, events)
        for node in tree.body:
            assert isinstance(node, (ast.Import, ast.ImportFrom, ast.FunctionDef, ast.Expr)), \
                f"{path.name}: module-level {type(node).__name__} (hooks keep no module state)"
        assert len(path.read_text().splitlines()) <= 15, path.name
        assert "print(" not in path.read_text()


def test_hooks_only_call_the_adapter():
    for path in (REPO / "hooks").glob("*.py"):
        imports = [node for node in ast.walk(ast.parse(path.read_text())) if isinstance(node, ast.ImportFrom)]
        assert all(node.module == "practice_hub" for node in imports), path.name


def test_no_print_in_package_except_cli():
    for path in (REPO / "practice_hub").rglob("*.py"):
        if path.name in ("cli.py", "__main__.py") or "bench" in path.parts:
            continue
        assert "print(" not in path.read_text(encoding="utf-8"), path


def test_navigation_prune_stays_on():
    assert "- navigation.prune" in (REPO / "mkdocs.yml").read_text()
