"""``practice-hub start "Name of Council" FOLDER``: a new site for a council, in a new folder.

The folder (refused if it exists and is not empty) holds only what belongs to the council, written
from the template next to this module: ``mkdocs.yml`` (the engine named by the one line
``- practice-hub`` under plugins), ``docs/`` with a worked example of every content type, the home,
about and accessibility pages, ``requirements.txt`` pinning this engine's version, the GitHub
workflows (pull request, main branch, nightly), ``.pre-commit-config.yaml``, ``.vscode/`` (YAML
schemas written from the engine's), ``.gitignore`` and a ``README.md``. It becomes a git repository
with a first commit when git is installed. Nothing outside the folder is read or changed: never
the engine's repository, never the current directory's files.

Template files are named without their leading dot (``github/`` is written as ``.github/``), so
that they travel inside the wheel like any other file. Addresses the council must give are written
as examples on ``.example`` (``structure/examples.py`` warns until they are replaced).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import yaml

from .. import __version__
from ..editing.vscode import editor_files
from ..markup import escape
from ..resources import REPOSITORY
from ..safe_write import UnsafePath, write_text
from ..safety.fields import bad_character, describe_character
from ..settings import Settings
from ..text import command

TEMPLATE = Path(__file__).parent / "template"


def site_name_for(council: str) -> str:
    return f"{council} Practice Hub"


#: Placeholders in the template that hold the council's name (text an attacker could choose);
#: each is escaped for where it lands. The dates are written by the command itself.
TEXT_PLACEHOLDERS = ("{{council}}", "{{site_name}}")
#: What Python-Markdown reads as syntax inside a line: each is written with a backslash.
_MARKDOWN_SYNTAX = re.compile(r"([\\`*_{}\[\]()#!])")


def _yaml_text(value: str) -> str:
    """A YAML double-quoted string, written by the YAML dumper (one line, any character quoted)."""
    return yaml.safe_dump(value, default_style='"', allow_unicode=True, width=float("inf")).rstrip("\n")


def markdown_literal(value: str) -> str:
    """*value* as literal text in Markdown: HTML's special characters as entities, Markdown's
    syntax characters escaped with a backslash (no link, emphasis, heading attribute or HTML)."""
    return str(escape(_MARKDOWN_SYNTAX.sub(r"\\\1", value)))


def refused_name(council: str) -> str:
    """Why *council* cannot name a site (a control or bidirectional character), or ""."""
    char = bad_character(council)
    if char:
        return (
            f"the name has the invisible character {describe_character(char)} (a control or "
            "bidirectional character, which can make text show in another order than it is read): "
            "type the name again without it"
        )
    return ""


def _fill(text: str, values: dict[str, str], is_yaml: bool) -> str:
    """The template's text with each placeholder replaced, escaped for where it lands: a YAML value
    holding the council's name is written whole by the YAML dumper, Markdown text escaped."""
    lines = text.split("\n")
    front_matter_end = -1
    if not is_yaml and lines and lines[0] == "---":
        front_matter_end = next((n for n in range(1, len(lines)) if lines[n] == "---"), -1)
    out = []
    for number, line in enumerate(lines):
        in_yaml = is_yaml or 0 < number < front_matter_end
        if any(p in line for p in TEXT_PLACEHOLDERS):
            if in_yaml:
                match = re.match(r"^(\s*(?:- )?[A-Za-z_][\w-]*:\s)(.*)$", line)
                if not match:
                    raise ValueError(
                        f"template line {number + 1}: a name placeholder must be a field's value"
                    )
                value = match.group(2)
                for placeholder, replacement in values.items():
                    value = value.replace(placeholder, replacement)
                line = match.group(1) + _yaml_text(value)
            else:
                for placeholder in TEXT_PLACEHOLDERS:
                    line = line.replace(placeholder, markdown_literal(values[placeholder]))
        for placeholder, replacement in values.items():
            line = line.replace(placeholder, replacement)  # the dates: digits and dashes only
        out.append(line)
    return "\n".join(out)


#: Template names written with a leading dot (a wheel carries them like any other file).
DOTTED = {
    "github": ".github",
    "gitignore": ".gitignore",
    "pre-commit-config.yaml": ".pre-commit-config.yaml",
}
#: The template's files that hold placeholders; the others are written as they are.
FILLED = ("docs", "mkdocs.yml", "README.md", "requirements.txt")


def domain_for(council: str) -> str:
    """The example domain for the council's addresses: its name in lower-case letters and digits
    joined by hyphens, on the reserved .example domain (``ashdown-district-council.example``)."""
    plain = unicodedata.normalize("NFKD", council).encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:60].strip("-")
    return f"{slug or 'council'}.example"


def site_files(council: str, today: dt.date) -> dict[str, str]:
    """Every file of the new site (path relative to its folder -> text), the council's name
    escaped for where it lands."""
    values = {
        "{{council}}": council,
        "{{site_name}}": site_name_for(council),
        "{{domain}}": domain_for(council),  # letters, digits, hyphens and dots only
        "{{version}}": __version__,
        "{{today}}": today.isoformat(),
        "{{closing_date}}": (today + dt.timedelta(days=60)).isoformat(),
        "{{soon}}": (today + dt.timedelta(days=30)).isoformat(),
        "{{due}}": (today + dt.timedelta(days=90)).isoformat(),
        "{{past_60}}": (today - dt.timedelta(days=60)).isoformat(),
        "{{past_45}}": (today - dt.timedelta(days=45)).isoformat(),
        "{{past_20}}": (today - dt.timedelta(days=20)).isoformat(),
        "{{last_year}}": str(today.year - 1),
    }
    files: dict[str, str] = {}
    for source in sorted(TEMPLATE.rglob("*")):
        if source.is_dir() or "__pycache__" in source.parts:
            continue
        parts = list(source.relative_to(TEMPLATE).parts)
        parts[0] = DOTTED.get(parts[0], parts[0])
        text = source.read_text(encoding="utf-8")
        if parts[0] in FILLED:
            text = _fill(text, values, source.suffix in (".yml", ".yaml"))
        files["/".join(parts)] = text
    files.update(editor_files(Path(".")))  # .vscode/: settings, extensions, the YAML schemas
    return dict(sorted(files.items()))


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except (ValueError, OSError):
        return False
    return True


def _enclosing(folder: Path) -> tuple[Path, str] | None:
    """The nearest folder above *folder* that is a site (it has mkdocs.yml) or a git work tree
    (it has .git), and which; None when there is none. A new site inside one would be a site in
    a site, or a git repository quietly nested in another."""
    for above in Path(os.path.abspath(folder)).parents:
        if (above / "mkdocs.yml").is_file():
            return above, "site"
        if (above / ".git").exists():
            return above, "git"
    return None


def _refused_folder(folder: Path, council: str = "Council name") -> str:
    """Why start cannot write a new site into *folder*, or ""."""
    if folder.is_symlink():
        return f"{folder} is a symbolic link: give a new folder (nothing is written through a link)"
    if folder.exists() and not folder.is_dir():
        return f"{folder} exists and is not a folder: give a new folder"
    if folder.is_dir() and any(folder.iterdir()):
        return (
            f"{folder} already exists and is not empty: start writes a new site into a new (or empty) "
            "folder and never changes files that are there; give another folder"
        )
    if _inside(folder, REPOSITORY):
        return (
            f"{folder} is inside the Practice Hub engine ({REPOSITORY}): a council's site is a "
            "repository of its own; give a folder outside it"
        )
    enclosing = _enclosing(folder)
    if enclosing:
        above, kind = enclosing
        what = (
            f"the site in {above} (it has mkdocs.yml)" if kind == "site" else f"the git repository in {above}"
        )
        outside = os.path.relpath(above.parent / Path(os.path.abspath(folder)).name)
        return (
            f"{folder} is inside {what}: a new site is a folder and a git repository of its own, "
            f"never inside another; give a folder outside it, for example: "
            + command(f'start "{council}" {outside}')
        )
    return ""


#: Variables that would point git at another repository (the engine's own, when start runs
#: from inside one of its hooks): never passed on.
_GIT_PLACES = (
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_INDEX_FILE",
    "GIT_OBJECT_DIRECTORY",
    "GIT_ALTERNATE_OBJECT_DIRECTORIES",
    "GIT_COMMON_DIR",
    "GIT_NAMESPACE",
)


def make_repository(folder: Path, council: str, out=print) -> bool:
    """``git init`` in *folder* and commit everything as the first commit, on the branch main.
    Without git (or if a step fails) say so and carry on: the files are written either way."""
    git = shutil.which("git")
    if git is None:
        out(
            f"git is not installed: {folder} is not a git repository yet. Install git, then run "
            'git init -b main, git add -A and git commit -m "New site" in it.'
        )
        return False
    env = {k: v for k, v in os.environ.items() if k not in _GIT_PLACES}

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [git, *args], cwd=folder, capture_output=True, text=True, env=env, timeout=120, check=False
        )

    try:
        steps = [("init", "-q"), ("symbolic-ref", "HEAD", "refs/heads/main")]
        for step in steps:
            result = run(*step)
            if result.returncode:
                raise RuntimeError(result.stderr.strip() or f"git {step[0]} failed")
        if not run("config", "user.email").stdout.strip():  # no identity set: commit as start
            env.update(
                GIT_AUTHOR_NAME="Practice Hub start",
                GIT_AUTHOR_EMAIL="start@practice-hub.invalid",
                GIT_COMMITTER_NAME="Practice Hub start",
                GIT_COMMITTER_EMAIL="start@practice-hub.invalid",
            )
        for step in (
            ("add", "-A"),
            (
                "commit",
                "-q",
                "--no-verify",
                "-m",
                f"{site_name_for(council)}: new site made by practice-hub start {__version__}",
            ),
        ):
            result = run(*step)
            if result.returncode:
                raise RuntimeError(result.stderr.strip() or f"git {step[0]} failed")
    except (OSError, RuntimeError, subprocess.SubprocessError) as error:
        out(f"git could not make the first commit ({error}): the files are written; commit them yourself.")
        return False
    out(f"Made {folder} a git repository (branch main) with everything in a first commit")
    return True


def start(folder: Path, council: str, out=print) -> int:
    """Write a new site for *council* into *folder* (new or empty). Returns the exit status."""
    refused = refused_name(council)
    if refused:
        out(f"start: {refused}")
        return 2
    council = " ".join(council.split())
    if not council:
        out(
            "start: give the council's name and a new folder, for example: "
            + command('start "Ashdown District Council" ashdown-practice-hub')
        )
        return 2
    folder = Path(folder)
    why = _refused_folder(folder, council)
    if why:
        out(f"start: {why}; nothing was written")
        return 1 if folder.exists() and not folder.is_symlink() else 2
    today = Settings.from_mapping({}).build_date
    files = site_files(council, today)
    out(f"Starting {site_name_for(council)} in {folder}")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        base = Path(os.path.abspath(folder))
        for name, text in files.items():
            write_text(base, base / name, text, new=True)
    except (UnsafePath, OSError) as error:
        out(f"start: {error}")
        return 2
    docs = [name for name in files if name.startswith("docs/")]
    workflows = [name.rsplit("/", 1)[1] for name in files if name.startswith(".github/workflows/")]
    out("Wrote mkdocs.yml: the site's name and settings; the engine is the plugin practice-hub")
    out(
        f"Wrote docs/: {len(docs)} files, a worked example of every kind of content, "
        "the home, about and accessibility pages"
    )
    out(f"Wrote requirements.txt: practice-hub=={__version__}, the engine's version in one line")
    out(f"Wrote .github/workflows/: {', '.join(workflows)}")
    out("Wrote .pre-commit-config.yaml, .vscode/ (help with YAML as you type), .gitignore and README.md")
    make_repository(folder, council, out)
    out(
        f'Next, in {folder}: install the engine once (README.md, "Installing"); preview the site '
        f"with {command('serve')}; replace the example addresses (suggest_email in mkdocs.yml, "
        "docs/accessibility.md) and each example in docs/ with your own content, or delete it; "
        f"then run {command('check')} and {command('build')}."
    )
    return 0
