"""``python -m practice_hub start "Name of Council"``: turn the demo into a minimal starter site.

Replaces ``docs/`` with the template next to this module (a home page, the news front page, one
example of each content type with every required field, and a golden thread of one standard
linked to one audit section and one course), names the council in ``mkdocs.yml`` (editing only
the lines it changes, so comments stay), removes the demo's ``today`` pin, its home card wording
and the ``demo: true`` line (which turns the demo-only tests off).
"""

from __future__ import annotations

import datetime as dt
import html
import re
import shlex
import shutil
from pathlib import Path

import yaml

from ..safe_write import UnsafePath, check_target, write_text
from ..safety.fields import bad_character, describe_character
from ..settings import Settings

TEMPLATE = Path(__file__).parent / "template"
#: Settings under extra.practice_hub that belong to the demo and go with it.
DEMO_SETTINGS = ("today", "demo", "home_cards")


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


def markdown_text(value: str) -> str:
    """*value* as literal text in Markdown: HTML's special characters as entities, Markdown's
    syntax characters escaped with a backslash (no link, emphasis, heading attribute or HTML)."""
    return html.escape(_MARKDOWN_SYNTAX.sub(r"\\\1", value), quote=True)


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


def _set_top_level(config: str, key: str, value: str) -> str:
    line = f"{key}: {_yaml_text(value)}"
    new, count = re.subn(rf"^{key}:.*$", lambda _: line, config, count=1, flags=re.M)
    return new if count else line + "\n" + config


def _drop_setting(config: str, key: str) -> str:
    """Remove ``key`` under extra.practice_hub, its nested lines and the comment lines just above it."""
    lines = config.split("\n")
    out: list[str] = []
    index = 0
    while index < len(lines):
        match = re.match(rf"^(\s+){key}:", lines[index])
        if match:
            indent = len(match.group(1))
            while out and out[-1].strip().startswith("#") and len(out[-1]) - len(out[-1].lstrip()) == indent:
                out.pop()
            index += 1
            while (
                index < len(lines)
                and lines[index].strip()
                and len(lines[index]) - len(lines[index].lstrip()) > indent
            ):
                index += 1
            continue
        out.append(lines[index])
        index += 1
    return "\n".join(out)


def starter_config(config: str, council: str) -> str:
    """mkdocs.yml for the council: names set, the demo's own settings removed, all else kept."""
    config = _set_top_level(config, "site_name", site_name_for(council))
    config = _set_top_level(
        config,
        "site_description",
        f"Procedures, practice standards, audit and training for {council} social work staff",
    )
    config = _set_top_level(config, "site_author", council)
    config = _set_top_level(config, "copyright", council)
    for key in DEMO_SETTINGS:
        config = _drop_setting(config, key)
    return config


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
                    line = line.replace(placeholder, markdown_text(values[placeholder]))
        for placeholder, replacement in values.items():
            line = line.replace(placeholder, replacement)  # the dates: digits and dashes only
        out.append(line)
    return "\n".join(out)


def write_docs(docs: Path, council: str, today: dt.date, root: Path | None = None) -> list[Path]:
    """Write the template into *docs* (which must not exist) with the council's name and dates,
    never through a symbolic link and never outside *root* (default: the folder holding docs)."""
    root = root or docs.parent
    values = {
        "{{council}}": council,
        "{{site_name}}": site_name_for(council),
        "{{today}}": today.isoformat(),
        "{{closing_date}}": (today + dt.timedelta(days=60)).isoformat(),
    }
    written = []
    for source in sorted(TEMPLATE.rglob("*")):
        if source.is_dir() or "__pycache__" in source.parts:
            continue
        target = docs / source.relative_to(TEMPLATE)
        text = _fill(source.read_text(encoding="utf-8"), values, source.suffix in (".yml", ".yaml"))
        write_text(root, target, text, new=True, inside=docs)
        written.append(target)
    return written


def _go_ahead(council: str) -> str:
    """The command to confirm, quoted for a shell."""
    if re.fullmatch(r"[^\"$`\\!]*", council):
        return f'"{council}"'
    return shlex.quote(council)


def start(root: Path, council: str, yes: bool, out=print) -> int:
    """Turn the project in *root* into a starter for *council*. Returns the exit status."""
    refused = refused_name(council)
    if refused:
        out(f"start: {refused}")
        return 2
    council = " ".join(council.split())
    config_file = root / "mkdocs.yml"
    if not council:
        out(
            'start: give the council\'s name, for example: python -m practice_hub start "Ashdown District Council"'
        )
        return 2
    if not config_file.is_file():
        out(f"start: no mkdocs.yml in {root}: run this in the Practice Hub folder")
        return 2
    docs = root / "docs"
    try:  # everything start writes stays in this folder: refuse links before changing anything
        check_target(root, config_file)
        check_target(root, docs)
    except UnsafePath as error:
        out(f"start: {error}")
        return 2
    existing = sorted(p for p in docs.rglob("*") if p.is_file()) if docs.is_dir() else []
    if existing and not yes:
        out(
            f"start: docs/ holds {len(existing)} files of content. This command replaces ALL of docs/ with a "
            f"starter site for {council}, and sets site_name, site_description, site_author and copyright "
            "in mkdocs.yml (removing the demo's today, demo and home_cards settings).\n"
            "Nothing is kept: commit or copy anything you need first (git can bring it back).\n"
            f"To go ahead: python -m practice_hub start {_go_ahead(council)} --yes"
        )
        return 1
    today = Settings.from_mapping({}).build_date
    if docs.exists():
        shutil.rmtree(docs)  # removes links inside docs/ themselves, never what they point to
    try:
        written = write_docs(docs, council, today, root)
        write_text(root, config_file, starter_config(config_file.read_text(encoding="utf-8"), council))
    except UnsafePath as error:
        out(f"start: {error}")
        return 2
    out(
        f"Started {site_name_for(council)}: {len(written)} files in docs/, one example of each content type. "
        "Replace the examples with your own content, then run: python -m practice_hub check"
    )
    return 0
