"""A council forks the repository and replaces the demo: the engine and the any-content checks stay green.

The fork (a temporary copy of mkdocs.yml, docs/, content_schema/, hooks/, overrides/ and tests/) is
renamed to another council, loses a third of its procedures (every reference to them is removed,
by id in front matter and YAML, and as Markdown links in bodies) and every demo-only item
(``demo: true``, the demo's home card wording). Then ``python -m practice_hub check``, the strict
build, and the test suite's any-content checks (tests/content/, pointed at the fork with
PRACTICE_HUB_PROJECT) must all pass, and the demo-only tests must be skipped.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from helpers import REPO, env, run_build, run_check

COPIED = ("mkdocs.yml", "docs", "content_schema", "hooks", "overrides", "tests")


def _without(value, removed: set[str]):
    """The value with every removed id taken out of its lists (lists left empty are dropped)."""
    if isinstance(value, dict):
        out = {}
        for key, inner in value.items():
            if isinstance(inner, str) and re.fullmatch(r"procedures/(.+)\.md", inner):
                if inner[len("procedures/") : -len(".md")] in removed:
                    continue  # a contact's referral form on a removed page
            inner = _without(inner, removed)
            if inner != [] or value[key] == []:
                out[key] = inner
        return out
    if isinstance(value, list):
        return [_without(v, removed) for v in value if not (isinstance(v, str) and v in removed)]
    return value


def _drop_links(text: str, removed: set[str]) -> str:
    names = "|".join(re.escape(name) for name in sorted(removed))
    return re.sub(rf"\[([^\]]+)\]\((?:[^)\s]*/)?(?:{names})(?:\.md|/)?(?:#[^)]*)?\)", r"\1", text)


def fork(target: Path) -> Path:
    target.mkdir(parents=True)
    for name in COPIED:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, target / name)
    config = (target / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("Brackenford City Council", "Ashdown District Council").replace(
        "Brackenford", "Ashdown")
    # A council gives its own addresses (an example address, on .example, is warned about).
    config = config.replace("practice@brackenford.example", "practice@ashdown.gov.uk")
    config = re.sub(r"^    demo: true\n", "", config, flags=re.M)
    config = re.sub(r"^    home_cards:\n(      .*\n)+", "", config, flags=re.M)
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    docs = target / "docs"
    statement = docs / "accessibility.md"
    statement.write_text(
        statement.read_text(encoding="utf-8")
        .replace("practice.hub@brackenford.example", "practice.hub@ashdown.gov.uk")
        .replace("01632 960 000", "020 7946 0000"),
        encoding="utf-8",
    )
    procedures = sorted(p for p in (docs / "procedures").glob("*.md") if p.name != "index.md")
    gone = procedures[::3]
    removed = {p.stem for p in gone}
    for path in gone:
        meta = yaml.safe_load(path.read_text(encoding="utf-8").split("---", 2)[1])
        removed.add(str(meta["id"]))
        path.unlink()
    for path in sorted(docs.rglob("*")):
        if path.suffix == ".md":
            text = path.read_text(encoding="utf-8")
            if text.startswith("---"):
                _, front, body = text.split("---", 2)
                meta = yaml.safe_load(front)
                if _without(meta, removed) != meta:
                    front = "\n" + yaml.safe_dump(_without(meta, removed), sort_keys=False, allow_unicode=True)
                text = "---" + front + "---" + _drop_links(body, removed)
            path.write_text(text, encoding="utf-8")
        elif path.suffix == ".yml" and path.name != ".authors.yml":
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            if _without(data, removed) != data:
                path.write_text(yaml.safe_dump(_without(data, removed), sort_keys=False, allow_unicode=True),
                                encoding="utf-8")
    return target


@pytest.mark.demo  # it forks the demo's docs/; a council's own site: test_engine_tests_without_demo.py
def test_a_council_fork_with_its_own_content_stays_green(tmp_path):
    project = fork(tmp_path / "ashdown")
    assert "Brackenford" not in (project / "mkdocs.yml").read_text(encoding="utf-8")
    check = run_check(project)
    assert check.returncode == 0, check.stdout + check.stderr
    build = run_build(project)
    assert build.returncode == 0, build.stdout + build.stderr
    assert "WARNING" not in build.stdout + build.stderr
    assert "Ashdown Practice Hub" in (project / "site/index.html").read_text(encoding="utf-8")
    suite = subprocess.run(
        [sys.executable, "-m", "pytest", "tests/content", "tests/demo", "-q", "-p", "no:xdist", "-p", "no:cacheprovider",
         "-m", "not browser", "-rs"],
        cwd=project, capture_output=True, text=True, timeout=600, env=env(PRACTICE_HUB_PROJECT=str(project)))
    assert suite.returncode == 0, suite.stdout + suite.stderr
    assert " passed" in suite.stdout and " failed" not in suite.stdout
    assert "demo-only test: docs/ does not hold the Brackenford demo" in suite.stdout
