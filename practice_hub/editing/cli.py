"""The ``new`` and ``reviewed`` subcommands (kept here so cli.py only wires them in)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..content_types import TYPES
from ..settings import Project, config_problem
from ..text import command


def add_editing_commands(sub) -> None:
    new = sub.add_parser(
        "new", help="start a new content item that passes check (fields to fill marked TODO)"
    )
    new.add_argument("type", choices=list(TYPES), help="the content type")
    new.add_argument("title", help="the title, in quotes")
    new.add_argument(
        "--catalogue",
        default=None,
        help="for YAML types (course, contact, glossary, link): the file to add the entry to",
    )
    new.add_argument("-f", "--config-file", default="mkdocs.yml", help="path to mkdocs.yml")
    reviewed = sub.add_parser("reviewed", help="record a review: last_reviewed today, review_by moved on")
    reviewed.add_argument("id", help="the id of the item that was reviewed")
    reviewed.add_argument("--summary", default="", help="what changed (for the change history)")
    reviewed.add_argument("-f", "--config-file", default="mkdocs.yml", help="path to mkdocs.yml")


def run_editing(args: argparse.Namespace) -> int:
    from .new import ScaffoldError, UnsafeTarget, scaffold
    from .reviewed import mark_reviewed

    try:
        project = Project.from_config_file(Path(args.config_file))
    except (OSError, ValueError) as error:
        print(config_problem(args.config_file, error), file=sys.stderr)
        return 2
    try:
        if args.command == "new":
            made = scaffold(project, args.type, args.title, args.catalogue)
            where = _shown(made.path, project.root)
            verb = "added" if made.appended else "created"
            print(
                f'{where}: {verb} {TYPES[args.type].singular} "{made.id}" as a draft; fill in the fields '
                f"marked TODO (and delete each note), then run {command('check')}"
            )
        else:
            done = mark_reviewed(project, args.id, args.summary)
            moved = f", review_by {done.review_by}" if done.review_by else ""
            extra = " and a changes entry" if done.change_added else ""
            print(f"{_shown(done.path, project.root)}: last_reviewed {done.last_reviewed}{moved}{extra}")
    except ScaffoldError as error:
        print(f"practice-hub {args.command}: {error}", file=sys.stderr)
        return 2 if isinstance(error, UnsafeTarget) else 1
    return 0


def _shown(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)
