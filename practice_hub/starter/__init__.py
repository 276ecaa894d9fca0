"""``python -m practice_hub start "Name of Council"``: turn the demo into a minimal starter site.

Replaces ``docs/`` with the template next to this module (a home page, the news front page, one
example of each content type with every required field, and a golden thread of one standard
linked to one audit section and one course), names the council in ``mkdocs.yml`` (editing only
the lines it changes, so comments stay), removes the demo's ``today`` pin, its home card wording
and the ``demo: true`` line (which turns the demo-only tests off).
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

from ..settings import Settings

TEMPLATE = Path(__file__).parent / "template"
#: Settings under extra.practice_hub that belong to the demo and go with it.
DEMO_SETTINGS = ("today", "demo", "home_cards")


def site_name_for(council: str) -> str:
    return f"{council} Practice Hub"


def _yaml_text(value: str) -> str:
    """A YAML double-quoted string."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


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


def write_docs(docs: Path, council: str, today: dt.date) -> list[Path]:
    """Write the template into *docs* (which must not exist) with the council's name and dates."""
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
        target.parent.mkdir(parents=True, exist_ok=True)
        text = source.read_text(encoding="utf-8")
        for placeholder, value in values.items():
            text = text.replace(placeholder, value)
        target.write_text(text, encoding="utf-8")
        written.append(target)
    return written


def start(root: Path, council: str, yes: bool, out=print) -> int:
    """Turn the project in *root* into a starter for *council*. Returns the exit status."""
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
    existing = sorted(p for p in docs.rglob("*") if p.is_file()) if docs.is_dir() else []
    if existing and not yes:
        out(
            f"start: docs/ holds {len(existing)} files of content. This command replaces ALL of docs/ with a "
            f"starter site for {council}, and sets site_name, site_description, site_author and copyright "
            "in mkdocs.yml (removing the demo's today, demo and home_cards settings).\n"
            "Nothing is kept: commit or copy anything you need first (git can bring it back).\n"
            f'To go ahead: python -m practice_hub start "{council}" --yes'
        )
        return 1
    today = Settings.from_mapping({}).build_date
    if docs.exists():
        shutil.rmtree(docs)
    written = write_docs(docs, council, today)
    config_file.write_text(starter_config(config_file.read_text(encoding="utf-8"), council), encoding="utf-8")
    out(
        f"Started {site_name_for(council)}: {len(written)} files in docs/, one example of each content type. "
        "Replace the examples with your own content, then run: python -m practice_hub check"
    )
    return 0
