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
    """Each hook imports the adapter and nothing else of the package, so the adapter stays the
    one door between MkDocs' events and the engine."""
    for path in (REPO / "hooks").glob("*.py"):
        tree = ast.parse(path.read_text())
        imports = [node for node in ast.walk(tree) if isinstance(node, (ast.Import, ast.ImportFrom))]
        for node in imports:
            if isinstance(node, ast.ImportFrom):
                assert node.module == "practice_hub", (path.name, node.module)
                assert [alias.name for alias in node.names] == ["mkdocs_adapter"], path.name
            else:
                assert not any(alias.name.startswith("practice_hub") for alias in node.names), path.name
        assert dynamic_imports(path.read_text()) == [], path.name


# Ways to load a module out of sight of the layer checks.
DYNAMIC_IMPORTS = {"__import__", "importlib.import_module", "import_module", "exec", "eval"}
DYNAMIC_MODULES = {"pkgutil", "runpy", "imp"}
# Loads by file path, of files that are not modules of the package: the hooks (the adapter) and
# the hosting folder's publish script.
LOADS_BY_PATH = {"practice_hub/mkdocs_adapter.py", "practice_hub/publish.py"}


def dynamic_imports(source: str) -> list[int]:
    """Lines that load a module by name at run time (``importlib.import_module`` under any name,
    ``__import__``, ``exec``, ``pkgutil``), reach for ``importlib`` through ``getattr``, or take a
    module out of ``sys.modules``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and ast.unparse(node.func) in DYNAMIC_IMPORTS:
            found.append(node.lineno)
        elif isinstance(node, ast.ImportFrom) and node.module == "importlib":
            if any(alias.name == "import_module" for alias in node.names):
                found.append(node.lineno)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            if any(name.split(".")[0] in DYNAMIC_MODULES for name in names):
                found.append(node.lineno)
        elif isinstance(node, ast.Call) and ast.unparse(node.func) == "getattr":
            if node.args and ast.unparse(node.args[0]).split(".")[0] in {"importlib", "sys", "builtins"}:
                found.append(node.lineno)
        elif isinstance(node, ast.Attribute) and ast.unparse(node) == "sys.modules":
            found.append(node.lineno)
    return found


def test_the_dynamic_import_finder_can_fail():
    assert dynamic_imports("import importlib\nimportlib.import_module('practice_hub.site')") == [2]
    assert dynamic_imports("from importlib import import_module as load\nload('x')") == [1]
    assert dynamic_imports("m = __import__('practice_hub.' + 'site')") == [1]
    assert dynamic_imports("import sys\nsys.modules['practice_hub.renderer.listing']") == [2]
    assert dynamic_imports("import sys\nNAME = 'x'\nsys.modules[NAME]") == [3]
    assert dynamic_imports("import pkgutil\npkgutil.resolve_name('practice_hub.site')") == [1]
    assert dynamic_imports("exec('from practice_hub.renderer import listing')") == [1]
    assert dynamic_imports("import importlib\ngetattr(importlib, 'import_module')('x')") == [2]
    assert dynamic_imports("import importlib.util\nimportlib.util.find_spec('material')") == []


def test_no_module_loads_another_by_name_at_run_time():
    """The layer checks read import statements and follow what loads: a module found by name at
    run time would pass both unseen, so none is (hooks and the hosting script are loaded by path)."""
    offending = [
        f"{path.relative_to(REPO)}:{line}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.relative_to(REPO).as_posix() not in LOADS_BY_PATH
        for line in dynamic_imports(path.read_text(encoding="utf-8"))
    ]
    assert offending == []
    for name in LOADS_BY_PATH:  # these load files by path, never a module of the package by name
        source = (REPO / name).read_text(encoding="utf-8")
        assert "import_module" not in source and "__import__" not in source, name


def test_no_print_in_package_except_cli():
    for path in (REPO / "practice_hub").rglob("*.py"):
        if path.name in ("cli.py", "__main__.py") or "bench" in path.parts:
            continue
        assert "print(" not in path.read_text(encoding="utf-8"), path


def test_navigation_prune_stays_on():
    assert "- navigation.prune" in (REPO / "mkdocs.yml").read_text()


# --- layers that point down only ---------------------------------------------------------------
# Every module of the package has a floor; a module may import its own floor and those below,
# never one above. The floors, lowest first (DEVELOPING.md draws them):
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "ground",
        (
            "practice_hub",  # the package itself: its version
            "practice_hub.problems",
            "practice_hub.clock",
            "practice_hub.content_types",
            "practice_hub.cache",
            "practice_hub.resources",
            "practice_hub.safe_write",
            "practice_hub.foreign",
            "practice_hub.markup",
            "practice_hub.text",
            "practice_hub.theme_assets",
        ),
    ),
    ("loader", ("practice_hub.loader",)),
    (
        "structure",
        (
            "practice_hub.structure",
            "practice_hub.safety",
            "practice_hub.schema",
            "practice_hub.settings",
            "practice_hub.menu",
            "practice_hub.audit_tool",
        ),
    ),
    ("site", ("practice_hub.site", "practice_hub.export")),
    ("renderer", ("practice_hub.renderer", "practice_hub.search")),
    ("adapter", ("practice_hub.mkdocs_adapter", "practice_hub.serve_edits", "practice_hub.engine")),
    (
        "commands",
        (
            "practice_hub.cli",
            "practice_hub.__main__",
            "practice_hub.editing",
            "practice_hub.starter",
            "practice_hub.sitecheck",
            "practice_hub.linkcheck",
            "practice_hub.publish",
            "practice_hub.search_report",
            "practice_hub.bench",
            "practice_hub.evidence_pack",
        ),
    ),
)
TOP = len(LAYERS) - 1
PACKAGE = REPO / "practice_hub"
PACKAGE_NAME = "practice_hub"


def floor_of(module: str) -> int:
    """The floor of a dotted module name: its longest listed prefix decides."""
    best, floor = -1, -1
    for index, (_, names) in enumerate(LAYERS):
        for name in names:
            inside = module.startswith(name + ".") and name != PACKAGE_NAME  # the package: itself only
            if (module == name or inside) and len(name) > best:
                best, floor = len(name), index
    return floor


def _module_name(path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _package_modules() -> list[str]:
    return sorted(_module_name(path) for path in PACKAGE.rglob("*.py"))


def _imported(path) -> list[tuple[int, str]]:
    """(line, dotted module) of every import of the package in a file, wherever it is written
    (inside functions too), "from . import x" giving each module x."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    own = _module_name(path).split(".")
    package = own if path.name == "__init__.py" else own[:-1]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join(base + ([node.module] if node.module else []))
            if not module.startswith("practice_hub"):
                continue
            found.append((node.lineno, module))
            found += [(node.lineno, f"{module}.{alias.name}") for alias in node.names]
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.startswith("practice_hub")]
    known = set(_package_modules())
    return [(line, module) for line, module in found if module in known]


def test_every_module_of_the_package_has_a_floor():
    assert [module for module in _package_modules() if floor_of(module) < 0] == []


def test_no_import_points_up_even_inside_a_function():
    offending = []
    for path in sorted(PACKAGE.rglob("*.py")):
        mine = floor_of(_module_name(path))
        for line, module in _imported(path):
            if floor_of(module) > mine:
                offending.append(
                    f"{path.relative_to(REPO)}:{line}: imports {module} "
                    f"({LAYERS[floor_of(module)][0]}, above {LAYERS[mine][0]})"
                )
    assert offending == []


LOAD_ALONE = r"""
import json, os, sys
results = {}
for name in sys.argv[1:]:
    read, write = os.pipe()
    child = os.fork()
    if child == 0:
        os.close(read)
        import importlib
        importlib.import_module(name)
        loaded = sorted(m for m in sys.modules if m == "practice_hub" or m.startswith("practice_hub."))
        os.write(write, json.dumps(loaded).encode())
        os._exit(0)
    os.close(write)
    with os.fdopen(read) as pipe:
        results[name] = json.loads(pipe.read() or "null")
    os.waitpid(child, 0)
print(json.dumps(results))
"""


def test_each_lower_module_loads_alone_without_anything_above_it(tmp_path):
    """Each module below the commands, imported alone in an interpreter that has loaded nothing of
    the package: nothing above its floor may come with it (this follows the code as it runs,
    through every module it loads in turn)."""
    import json
    import os
    import subprocess
    import sys

    lower = [m for m in _package_modules() if floor_of(m) < TOP]
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]))
    run = subprocess.run(
        [sys.executable, "-c", LOAD_ALONE, *lower],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    loaded = json.loads(run.stdout)
    offending = [
        f"importing {name} ({LAYERS[floor_of(name)][0]}) loads {module} ({LAYERS[floor_of(module)][0]})"
        for name, modules in loaded.items()
        for module in modules or [f"<{name} failed to import>"]
        if floor_of(module) > floor_of(name) or modules is None
    ]
    assert offending == []
    assert len(loaded) == len(lower) > 50


def test_the_layer_checks_can_fail():
    """The checks above would catch an upward import: a structure module that loads the renderer."""
    assert floor_of("practice_hub.structure.thread") < floor_of("practice_hub.renderer.thread")
    assert floor_of("practice_hub.safety.rendered") == floor_of("practice_hub.structure")
    assert floor_of("practice_hub.bench.run") == TOP
    assert floor_of("practice_hub.nothing_listed") == -1  # a new module must be given a floor


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


# --- each content type described once -----------------------------------------------------------
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


# --- a content type's behaviour in one place ---------------------------------------------------
# Code decides by the registry's attributes (content_types.py: numbered, number_word, listing,
# additions, export_extra, menu...) or selects with ``of_type``; it never compares an item's type
# with a type's name. Where this count stands: no module outside the registry branches on a type.
TYPE_BRANCHES_ALLOWED: dict[str, int] = {}


def _type_names() -> tuple[set[str], set[str]]:
    from practice_hub import content_types

    names = {t.name for t in content_types.REGISTRY} | set(content_types.DATA_FILES.values())
    constants = {
        k for k, v in vars(content_types).items() if k.isupper() and isinstance(v, str) and v in names
    }
    return names, constants


def type_branches(source: str, names: set[str], constants: set[str]) -> list[int]:
    """Lines that branch on a type name: a comparison (==, !=, in) with a type's name or a
    collection of them, a ``match`` case on one, or a dispatch table keyed by their constants."""

    def is_type(node) -> bool:
        if isinstance(node, ast.Constant):
            return node.value in names
        if isinstance(node, ast.Name):
            return node.id in constants
        if isinstance(node, ast.Attribute):
            return node.attr in constants
        if isinstance(node, (ast.Tuple, ast.Set, ast.List)):
            return any(is_type(e) for e in node.elts)
        return False

    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Compare) and any(is_type(n) for n in (node.left, *node.comparators)):
            found.append(node.lineno)
        elif isinstance(node, ast.match_case) and is_type(getattr(node.pattern, "value", None)):
            found.append(node.pattern.lineno)
        elif isinstance(node, ast.Dict) and any(
            isinstance(k, (ast.Name, ast.Attribute)) and is_type(k) and isinstance(v, (ast.Name, ast.Lambda))
            for k, v in zip(node.keys, node.values)
        ):  # functions keyed by the type constants (a literal key such as "news" names a home block)
            found.append(node.lineno)
    return found


def test_the_type_branch_count_can_fail():
    names, constants = {"procedure", "course"}, {"COURSE"}
    assert type_branches('if item.type == "procedure": pass', names, constants) == [1]
    assert type_branches("x = [i for i in items if i.type != COURSE]", names, constants) == [1]
    assert type_branches("if t in (COURSE, 'x'): pass", names, constants) == [1]
    assert type_branches("renderers = {COURSE: a, 'procedure': b}", names, constants) == [1]
    assert type_branches("blocks = {'course': a, 'procedure': b}", names, constants) == []
    assert type_branches("entries = {COURSE: site.courses}", names, constants) == []
    assert type_branches("match kind:\n    case 'course':\n        pass", names, constants) == [2]
    assert (
        type_branches('x = of_type(items, COURSE)\nif item.data.get("course"): pass', names, constants) == []
    )


def test_no_module_branches_on_a_content_type_name():
    names, constants = _type_names()
    counts = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(REPO).as_posix()
        if relative == "practice_hub/content_types.py" or "bench" in path.parts:
            continue  # the registry itself; the benchmark writes content as an editor would
        lines = type_branches(path.read_text(encoding="utf-8"), names, constants)
        if lines:
            counts[relative] = lines
    over = {path: lines for path, lines in counts.items() if len(lines) > TYPE_BRANCHES_ALLOWED.get(path, 0)}
    assert over == {}, (
        "decide by an attribute of the content type in content_types.py (add one if needed), "
        "or select items with structure.items.of_type"
    )
    assert len(counts) <= len(TYPE_BRANCHES_ALLOWED) == 0


def test_test_files_have_unique_names():
    """pytest imports test files by their name (rootdir-relative packages are not used here): two
    test files of one name in different folders stop the whole suite at collection."""
    names = [path.name for path in (REPO / "tests").rglob("test_*.py")]
    assert sorted({name for name in names if names.count(name) > 1}) == []
