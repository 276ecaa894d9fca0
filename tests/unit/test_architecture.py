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
            assert isinstance(node, (ast.Import, ast.ImportFrom, ast.FunctionDef, ast.Expr)), (
                f"{path.name}: module-level {type(node).__name__} (hooks keep no module state)"
            )
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


# --- layers ---------------------------------------------------------------------------------
PACKAGE = REPO / "practice_hub"
# Modules below the renderer: they may not import the renderer, search, the adapter or the CLI.
LOW = ["loader", "structure", "site.py", "export.py", "schema.py", "content_types.py", "cache.py", "clock.py"]
ABOVE = (
    "renderer",
    "search",
    "mkdocs_adapter",
    "cli",
    "editing",
    "bench",
    "audit_tool.page",
    "audit_tool.dashboard",
)


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
                names = [module] + [
                    f"{module}.{alias.name}" if module else alias.name for alias in node.names
                ]
            else:
                module = node.module or ""
                names = [module.removeprefix("practice_hub.")] if module.startswith("practice_hub") else []
            found += names
        elif isinstance(node, ast.Import):
            found += [
                a.name.removeprefix("practice_hub.") for a in node.names if a.name.startswith("practice_hub")
            ]
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
                offending += [
                    f"{path.relative_to(REPO)}: {a.name}"
                    for a in node.names
                    if a.name.startswith("_") and not a.name.startswith("__")
                ]
    assert offending == []


# --- each content type described once ---------------------------------------------------------
FIELD_CALLS = {"get", "setdefault", "line_of", "pop"}  # d.get("standard"): a field that shares a type's name
FIELD_KEYWORDS = {"field", "name"}


def _type_name_literals(path, names: set[str]) -> set[str]:
    """Type names written as string literals in one module, leaving out field names that happen to
    match (a cycle action's "standard", a result's "audit_section", research's "link" field, the
    HTML <link> tag): arguments of .get()/.line_of(), field= keywords, subscripts and dict keys."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    exempt: set[int] = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in FIELD_CALLS
        ):
            exempt.update(id(arg) for arg in node.args[:1])
        if isinstance(node, ast.Call):
            exempt.update(id(k.value) for k in node.keywords if k.arg in FIELD_KEYWORDS)
        if isinstance(node, ast.Subscript):
            exempt.add(id(node.slice))
        if isinstance(node, ast.Dict):
            exempt.update(id(key) for key in node.keys if key is not None)
    return {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and node.value in names and id(node) not in exempt
    }


def test_each_content_type_name_is_written_in_at_most_three_modules():
    from practice_hub.content_types import TYPES

    modules: dict[str, list[str]] = {name: [] for name in TYPES}
    for path in sorted((REPO / "practice_hub").rglob("*.py")):
        if "bench" in path.parts:  # the benchmark writes a synthetic docs/ folder, as an editor would
            continue
        for name in _type_name_literals(path, set(TYPES)):
            modules[name].append(path.relative_to(REPO).as_posix())
    too_many = {name: found for name, found in modules.items() if len(found) > 3}
    assert too_many == {}
    assert all("practice_hub/content_types.py" in found for found in modules.values())
