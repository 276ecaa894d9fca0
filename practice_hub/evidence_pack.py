"""``practice-hub evidence --framework ID --as-of YYYY-MM-DD --out FOLDER``: a dated evidence pack.

The site is checked and built as the live site is (strict, through ``engine.build``, on the
build's own date) into FOLDER/site/, with links that name files so it opens from a drive; then
FOLDER/index.html (one page that opens without the network) and FOLDER/evidence.csv list the
entries of ``structure/evidence.py`` as they stood on the date (nothing dated after it), under
the framework's headings, each linking to its page in FOLDER/site/. A date that has not come is
refused. Nothing is written unless the date, the folder, the framework and the site are all
right.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
from pathlib import Path

from . import engine
from .problems import Problem, summary
from .renderer.evidence import pack_csv, pack_html, packed
from .renderer.link_check import check_site_links
from .settings import Project, SettingsError, config_problem, read_config
from .site import check_rendered, load_site
from .structure.evidence import evidence, long_date
from .text import command

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _say(line: str) -> None:
    """A line for the person who ran the command, on standard error, where the engine's are."""
    sys.stderr.write(line + "\n")
    sys.stderr.flush()


def date_problem(text: str, today: dt.date | None = None) -> str:
    """Why --as-of is not a date that has come (*today*: the real date), in plain words, or ""."""
    try:
        if _DATE.match(text):
            day = dt.date.fromisoformat(text)
            today = today or dt.date.today()
            if day > today:
                return (
                    f"--as-of {text} has not come yet: a pack shows what the site held on a day that "
                    f"has come (today is {today.isoformat()}, or any day before it)"
                )
            return ""
    except ValueError:
        pass
    return f'--as-of "{text}" is not a date: write it as YYYY-MM-DD, for example 2026-11-30'


def folder_problem(out: Path) -> str:
    """Why the pack cannot go into *out*, or "": it must be new, or an empty folder."""
    if out.exists() and not out.is_dir():
        return f"{out}: this is a file, not a folder (name a new folder for the pack)"
    if out.is_dir() and any(out.iterdir()):
        return (
            f"{out}: the folder is not empty (name a new folder for the pack: nothing in an existing "
            "one is replaced)"
        )
    return ""


def framework_problem(framework_id: str, frameworks: dict) -> str:
    """Why there is no pack for *framework_id*, or ""."""
    with_pack = [f.id for f in packed(frameworks)]
    if framework_id in with_pack:
        return ""
    if framework_id in frameworks:
        start = f'the framework "{framework_id}" has no evidence headings ("pack:" in its file)'
    else:
        start = f'there is no framework "{framework_id}" in docs/_data/frameworks/'
    if not with_pack:
        return start + ' (no framework has a "pack:", so there is no evidence pack to write)'
    return start + f" (the frameworks with an evidence pack: {', '.join(with_pack)})"


def _build_for_files(config_file: Path, site_dir: Path) -> int:
    """The strict build, as the live site is built, with every link naming its file (``use_directory_urls:
    false``), so the copy opens from a shared drive or a USB stick, where a link to a folder
    shows the folder's listing. Told to the engine by a settings file beside mkdocs.yml that
    takes everything else from it (MkDocs' ``INHERIT``), removed when the build ends."""
    config_file = Path(config_file).resolve()
    beside = config_file.parent / f".practice-hub-evidence-{os.getpid()}.yml"
    beside.write_text(f"INHERIT: {config_file.name}\nuse_directory_urls: false\n", encoding="utf-8")
    try:
        code, _ = engine.build(beside, site_dir)
    finally:
        beside.unlink(missing_ok=True)
    if code == 0:
        _index_for_files(site_dir)
    return code


def _index_for_files(site_dir: Path) -> None:
    """Opened from a folder, the theme reads the search's settings from search/search_index.js
    (a script, as Material's offline plugin writes it) instead of fetching the .json; without it
    the theme's script stops, and the menu then covers the footer's links."""
    settings = site_dir / "search" / "search_index.json"
    if settings.is_file():
        text = settings.read_text(encoding="utf-8")
        (settings.parent / "search_index.js").write_text(f"var __index = {text};\n", encoding="utf-8")


def run(config_file: Path, framework_id: str, as_of_text: str, out: Path) -> int:
    """The command: 0 when the pack is written; 1 when the site has problems or the build fails;
    2 when what was asked cannot be done (a wrong date, folder or framework, no mkdocs.yml)."""
    for problem in (date_problem(as_of_text), folder_problem(out)):
        if problem:
            _say(f"Practice Hub: {problem}")
            return 2
    as_of = dt.date.fromisoformat(as_of_text)
    try:  # the site as it is built today (its pages as staff see them); the entries as on the date
        project = Project.from_config_file(config_file)
    except FileNotFoundError:
        _say(
            f"{config_file}: no such file (run {command('evidence')} in the site's folder, "
            "or name its mkdocs.yml with -f)"
        )
        return 2
    except SettingsError as error:
        _say(config_problem(config_file, error))
        return 1
    except (OSError, ValueError) as error:
        _say(config_problem(config_file, error))
        return 2
    site = load_site(project)
    problem = framework_problem(framework_id, site.frameworks)
    if problem:
        _say(f"Practice Hub: {problem}")
        return 2
    check_rendered(site)
    check_site_links(site)
    failing = site.problems.errors + site.problems.counted_warnings
    if failing:
        for found in sorted(failing, key=Problem.sort_key):
            _say(str(found))
        _say(f"Practice Hub: {summary(failing)}")  # check's closing line
        _say("Practice Hub: no evidence pack was written: the site would not build")
        return 1
    framework = site.frameworks[framework_id]
    headings = evidence(site, framework, as_of)
    out.mkdir(parents=True, exist_ok=True)
    code = _build_for_files(config_file, out / "site")
    if code:
        _say("Practice Hub: the site did not build; no evidence pack was written")
        return code
    dirs = False  # the pack's site links page to page by file (a/b.html), so it opens from a drive
    name = str(read_config(config_file.read_text(encoding="utf-8")).get("site_name") or "")
    (out / "index.html").write_text(
        pack_html(framework, headings, as_of, name, dirs, built=project.settings.build_date), encoding="utf-8"
    )
    (out / "evidence.csv").write_text(pack_csv(framework, headings, dirs), encoding="utf-8", newline="")
    count = sum(len(entries) for _, _, entries in headings)
    _say(
        f"Practice Hub: the evidence pack for {framework.name} as on {long_date(as_of)} ({count} entries) "
        f"is in {out}{os.sep}: open index.html; evidence.csv holds the same entries; site{os.sep} is the "
        "site as built on that date"
    )
    return 0
