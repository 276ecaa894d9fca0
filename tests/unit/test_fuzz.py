"""Mangled content never raises: every byte-level mutation of real files gives problems, not tracebacks."""

from __future__ import annotations

import random

import pytest

from helpers import FIXTURES, REPO
from practice_hub.content_types import classify
from practice_hub.schema import load_schemas
from practice_hub.structure.load import read_file

# Real files of every kind: the starter's examples (what start writes, placeholders and all) and the
# thread fixture. Never the demo's docs/ (tests/conftest.py guards it).
STARTER = REPO / "practice_hub" / "starter" / "template" / "docs"
ROOTS = (STARTER, FIXTURES / "thread" / "docs")
SAMPLES = sorted(
    p for root in ROOTS for p in root.rglob("*") if p.suffix in (".md", ".yml") and "files" not in p.parts
)
NASTY = [
    b"\x00",
    b"\xff",
    b"---\n",
    b": ",
    b"- ",
    b"&a ",
    b"*a",
    b"[",
    b"{",
    b"\t",
    b"'",
    b'"',
    b"\n  ",
    b"!!python/object ",
    b"<<: *a\n",
    b"2026-02-30",
    b"\r",
    b"\xef\xbb\xbf",
    b"#",
    b"|\n",
    b"? ",
    b"%YAML 1.1\n",
]


def mutations(raw: bytes, rng: random.Random, count: int):
    for _ in range(count):
        data = bytearray(raw)
        for _ in range(rng.randint(1, 4)):
            choice = rng.random()
            at = rng.randint(0, max(len(data) - 1, 0))
            if choice < 0.4:
                data[at:at] = rng.choice(NASTY)
            elif choice < 0.7 and data:
                del data[at : at + rng.randint(1, 20)]
            elif data:
                data[at] = rng.randint(0, 255)
        yield bytes(data)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_mutated_files_give_problems_not_tracebacks(path):
    schemas = load_schemas(REPO / "content_schema")
    uri = next(path.relative_to(root).as_posix() for root in ROOTS if root in path.parents)
    kind = classify(uri)
    rng = random.Random(uri)
    for raw in mutations(path.read_bytes(), rng, int(__import__("os").environ.get("FUZZ_N", "60"))):
        result = read_file(f"docs/{uri}", uri, kind.type, kind.format, raw, schemas)  # must not raise
        for problem in result.problems:
            assert problem.line >= 1 and problem.message


WEIRD = [
    None,
    True,
    0,
    -3,
    2.5,
    "",
    "text",
    "2026-02-30",
    [],
    ["a", 1],
    [{"x": 1}],
    {},
    {"a": [1]},
    "../../etc",
]


def test_wrong_types_anywhere_give_problems_not_tracebacks(tmp_path):
    """Valid YAML with a wrong type in any field, checked through the whole site (graph, thread, reviews)."""
    import shutil

    import yaml

    from helpers import make_project
    from practice_hub.settings import Project
    from practice_hub.site import load_site

    rng = random.Random(2026)
    base = make_project(tmp_path / "base", FIXTURES / "thread" / "docs")
    files = [p for p in (base / "docs").rglob("*") if p.suffix in (".md", ".yml")]
    for round_ in range(int(__import__("os").environ.get("FUZZ_N", "60"))):
        project = tmp_path / f"p{round_}"
        shutil.copytree(base, project)
        path = project / rng.choice(files).relative_to(base)
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".md":
            _, front, body = text.split("---", 2)
            data = yaml.safe_load(front)
            key = rng.choice(sorted(data))
            data[key] = rng.choice(WEIRD)
            path.write_text("---\n" + yaml.safe_dump(data) + "---" + body, encoding="utf-8")
        else:
            data = yaml.safe_load(text)
            entry = rng.choice(data)
            key = rng.choice(sorted(entry))
            entry[key] = rng.choice(WEIRD)
            path.write_text(yaml.safe_dump(data), encoding="utf-8")
        site = load_site(Project.from_config_file(project / "mkdocs.yml"))  # must not raise
        assert all(p.line >= 1 for p in site.problems.sorted())
        shutil.rmtree(project)
