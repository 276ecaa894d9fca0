"""Helpers shared by the tests: fixture projects, and running check and build."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
TODAY = "2026-11-24"

#: The project whose content the any-content checks (tests/content/) test: this repository, or
#: the folder named by PRACTICE_HUB_PROJECT (for example a council's fork, see tests/site/test_fork.py).
PROJECT = Path(os.environ.get("PRACTICE_HUB_PROJECT") or REPO).resolve()
DEMO_SKIP_REASON = (
    "demo-only test: docs/ does not hold the Brackenford demo "
    "(mkdocs.yml has no `demo: true` under extra.practice_hub)"
)


def is_demo(project: Path = PROJECT) -> bool:
    """True while the project's mkdocs.yml says ``demo: true`` under ``extra.practice_hub``."""
    from practice_hub.settings import Project

    try:
        return Project.from_config_file(project / "mkdocs.yml").settings.demo
    except (OSError, ValueError):
        return False


def make_project(
    target: Path,
    docs: Path | None = None,
    files: dict[str, str | bytes] | None = None,
    settings: dict | None = None,
) -> Path:
    """A project like the demo (the same mkdocs.yml; the engine is the installed package) with
    other docs."""
    target.mkdir(parents=True, exist_ok=True)
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    # The fixtures' procedures are written to show other checks, without key points: a test of
    # key_points_required (tests/unit/test_contacts.py, tests/mistakes/) turns it on again.
    settings = {"key_points_required": '"off"', **(settings or {})}
    for key, value in settings.items():
        config, count = re.subn(rf"^    {key}: .*$", f"    {key}: {value}", config, flags=re.M)
        if not count:
            config = config.replace("  practice_hub:\n", f"  practice_hub:\n    {key}: {value}\n", 1)
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    if docs is not None:
        shutil.copytree(docs, target / "docs", dirs_exist_ok=True)
    for name, content in (files or {}).items():
        path = target / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return target


def page_of(pages: dict, name: str) -> str:
    """The URL of the site's page of this kind (browser ``demo_pages``), or skip: the site has none."""
    import pytest

    url = pages.get(name)
    if url is None:
        pytest.skip(f"this site has no {name} page")
    return url


def env(**extra) -> dict:
    values = dict(
        os.environ, NO_MKDOCS_2_WARNING="1", PRACTICE_HUB_TODAY=TODAY, SOURCE_DATE_EPOCH="1795219200"
    )
    values.update(extra)
    return values


def run_start(
    council: str, folder: Path, *, cwd: Path | None = None, environment: dict | None = None
) -> Path:
    """Make a site as `practice-hub start COUNCIL FOLDER` does (asserting it worked); its folder."""
    made = subprocess.run(
        [sys.executable, "-m", "practice_hub", "start", council, str(folder)],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=environment or env(),
        timeout=300,
    )
    assert made.returncode == 0, made.stdout + made.stderr
    return folder


def engine_strings(path: Path):
    """(line, text) of every string in a module of the engine that it may show (docstrings, for
    developers, left out): what the texts-shown-to-editors tests read."""
    import ast

    tree = ast.parse(path.read_text(encoding="utf-8"))
    documentation = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            first = node.body[0] if node.body else None
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                documentation.add(id(first.value))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in documentation:
            yield node.lineno, node.value


def run_check(project: Path, *args: str, **extra_env) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "practice_hub", "check", *args],
        cwd=project,
        capture_output=True,
        text=True,
        env=env(**extra_env),
        timeout=300,
    )


def run_evidence(framework: str, as_of: str, out: Path, project: Path = REPO) -> subprocess.CompletedProcess:
    """`practice-hub evidence --framework F --as-of D --out OUT` in *project* (the demo)."""
    return subprocess.run(
        [sys.executable, "-m", "practice_hub", "evidence", "--framework", framework, "--as-of", as_of]
        + ["--out", str(out)],
        cwd=project,
        capture_output=True,
        text=True,
        env=env(PYTHONPATH=str(REPO)),
        timeout=900,
    )


def run_build(
    project: Path, *args: str, strict: bool = True, site_dir: Path | None = None, **extra_env
) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "mkdocs", "build", "-d", str(site_dir or project / "site")]
    if strict:
        command.append("--strict")
    return subprocess.run(
        command + list(args), cwd=project, capture_output=True, text=True, env=env(**extra_env), timeout=600
    )


# What a browser would fetch from another origin: the scanner lives in the package, where
# `practice-hub test` uses it too (practice_hub/foreign.py); imported here for the tests.
from practice_hub.foreign import (  # noqa: E402, F401
    FETCHING_LINK_RELS,
    RESOURCE_ATTRS,
    foreign_resources,
)


# --- what is published, read independently -----------------------------------------------------
class _Elements(__import__("html.parser").parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, attrs))

    handle_startendtag = handle_starttag


def refused_in(article: str) -> list[str]:
    """Every element or attribute of published HTML outside the site's allow-list, read
    independently of nh3: the standard library's parser on the serialised, well-formed output."""
    from practice_hub.safety import urls
    from practice_hub.safety.rendered import SITE

    parser = _Elements()
    parser.feed(article)
    bad = []
    for tag, attrs in parser.found:
        if tag not in SITE.tags:
            bad.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on") or not (SITE.allowed(tag, name) or SITE.allowed(tag, name.lower())):
                bad.append(f"<{tag} {name}>")
            if name in ("href", "src", "cite") and urls.classify(value or "") == urls.BAD:
                bad.append(f"<{tag} {name}={value}>")
            if name == "src" and urls.classify(value or "") != urls.SITE:
                bad.append(f"<{tag} src={value}>")
    return bad


def articles(site: Path):
    """(page, the HTML of its article) for every built page."""
    for page in sorted(Path(site).rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        match = re.search(r'<article class="md-content__inner md-typeset">(.*)</article>', text, re.S)
        if match:
            yield page, match.group(1)


def without_settings(config: str, *names: str) -> str:
    """mkdocs.yml's text without the named practice_hub settings (each a line, or a block of
    deeper-indented lines), so a test can set its own without a second copy of the key."""
    for name in names:
        config = re.sub(rf"\n    {re.escape(name)}:[^\n]*(\n      [^\n]*)*", "", config)
    return config


# --- growth: linear cost, judged on processor time ------------------------------------------
def processor_cost(function, argument) -> float:
    """Best of five, with the garbage collector off: its full collections grow with the number
    of objects alive, which is not the work being measured."""
    import gc
    import time

    best = float("inf")
    gc.collect()
    gc.disable()
    try:
        for _ in range(5):
            start = time.process_time()
            function(argument)
            best = min(best, time.process_time() - start)
    finally:
        gc.enable()
    return max(best, 1e-3)  # below a millisecond, the ratio is noise


def growth(function, small, large, limit: float) -> float:
    """How many times longer *large* takes than *small*. Measured again (up to three times in
    all) while it looks as high as *limit*: other processes on a shared two-core machine slow
    one measurement more than the other, but never make quadratic work look linear."""
    ratio = float("inf")
    for _ in range(3):
        ratio = min(ratio, processor_cost(function, large) / processor_cost(function, small))
        if ratio < limit:
            break
    return ratio
