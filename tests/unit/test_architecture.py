"""House rules: one MkDocs adapter, thin hooks without module state, generated pages out of docs/,
and layers that point down only: loader -> structure -> site/export -> renderer/search -> adapter -> hooks."""

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


# --- layers (issue 13) ----------------------------------------------------------------------
PACKAGE = REPO / "practice_hub"
# Modules below the renderer: they may not import the renderer, search, the adapter or the CLI.
LOW = ["loader", "structure", "site.py", "export.py", "schema.py", "content_types.py", "cache.py", "clock.py"]
ABOVE = ("renderer", "search", "mkdocs_adapter", "cli", "editing", "bench", "audit_tool.page",
         "audit_tool.dashboard")


def _imports(path) -> list[str]:
    """Every module a file imports, as a dotted name inside practice_hub ("" parts for relative)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = path.relative_to(PACKAGE).parent.parts
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = list(package[: len(package) - node.level + 1])
                module = ".".join(base + ([node.module] if node.module else []))
                names = [module] + [f"{module}.{alias.name}" if module else alias.name for alias in node.names]
            else:
                module = node.module or ""
                names = [module.removeprefix("practice_hub.")] if module.startswith("practice_hub") else []
            found += names
        elif isinstance(node, ast.Import):
            found += [a.name.removeprefix("practice_hub.") for a in node.names if a.name.startswith("practice_hub")]
    return found


def _low_files():
    for name in LOW:
        target = PACKAGE / name
        yield from sorted(target.rglob("*.py")) if target.is_dir() else [target]


def test_lower_layers_never_import_the_renderer_or_anything_above():
    offending = []
    for path in _low_files():
        for module in _imports(path):
            if any(module == above or module.startswith(above + ".") for above in ABOVE):
                offending.append(f"{path.relative_to(REPO)} imports {module}")
    assert offending == []


def test_no_module_imports_a_private_name_of_another():
    offending = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] != "__future__":
                offending += [f"{path.relative_to(REPO)}: {a.name}" for a in node.names
                              if a.name.startswith("_") and not a.name.startswith("__")]
    assert offending == []
