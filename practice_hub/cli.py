"""The command line: ``practice-hub check`` (``.venv/bin/practice-hub check`` in a site's folder)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import replace
from pathlib import Path

from . import __version__
from .editing.cli import add_editing_commands, run_editing
from .problems import ERROR, Problem, github_annotation, plural, summary
from .renderer.link_check import check_site_links
from .renderer.register import schedule_csv, schedule_text
from .settings import Project, SettingsError, config_problem, read_config
from .site import check_rendered, load_site
from .text import command


def main(argv: list[str] | None = None) -> int:
    # Material's end-of-life banner never shows to editors: this process never imports MkDocs,
    # and serve and build start it with NO_MKDOCS_2_WARNING set (engine._environment);
    # tests/site/test_commands_as_written.py runs every command without the variable.
    parser = argparse.ArgumentParser(
        prog=command(), description="Practice Hub: check and report on site content."
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"practice-hub {__version__}",
        help="print the version and stop",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate every content file without building the site")
    check.add_argument("-f", "--config-file", default="mkdocs.yml", help="path to mkdocs.yml")
    check.add_argument(
        "--format",
        choices=["text", "json", "github"],
        default="text",
        help="github: annotations (::error file=...,line=...::) for GitHub Actions",
    )
    check.add_argument(
        "--strict",
        action="store_true",
        help="kept for scripts that pass it: check always fails when the build would",
    )
    reviews = sub.add_parser("reviews", help="print the review schedule: overdue, due in 30 and 90 days")
    reviews.add_argument("-f", "--config-file", default="mkdocs.yml", help="path to mkdocs.yml")
    reviews.add_argument("--format", choices=["text", "csv"], default="text")
    bench = sub.add_parser("bench", help="run the performance benchmark and print every figure and budget")
    bench.add_argument("--sizes", default="100,1000,3000", help="corpus sizes in pages, comma-separated")
    bench.add_argument("--workdir", default="benchmarks/corpus", help="where the corpora are generated")
    bench.add_argument("--no-browser", action="store_true", help="skip the search measurement in Chromium")
    bench.add_argument("--results", default="", help="also write the report to this Markdown file")
    bench.add_argument(
        "--starter",
        action="store_true",
        help="instead: time a new starter site's own CI (check, strict build, link check) against 3 minutes",
    )
    bench.add_argument(
        "--repeat", type=int, default=3, help="builds at each size; each timing is the fastest (default 3)"
    )
    audits = sub.add_parser("audits", help="work with audits exported by the case-file audit tool")
    audits_sub = audits.add_subparsers(dest="audits_command", required=True)
    summarise = audits_sub.add_parser(
        "summarise",
        help="check exported audits and count them per period, section, service, journey stage and cycle",
    )
    summarise.add_argument(
        "files", nargs="+", metavar="FILE", help="exported audit (.json) or a folder of them"
    )
    summarise.add_argument("-f", "--config-file", default="mkdocs.yml", help="path to mkdocs.yml")
    summarise.add_argument(
        "--write",
        action="store_true",
        help="add the audits to docs/_data/audits_counted.yml (grades and dates only), from which the "
        "build counts the results: new audits are added, an audit already there is replaced only by a "
        "newer export of it (its moderation), and every other audit is kept",
    )
    summarise.add_argument(
        "--csv",
        metavar="FILE",
        default="",
        help="also write every audit given, every field, into one spreadsheet (CSV for Excel); it holds "
        "case notes: keep it where the audits are kept, never in docs/",
    )
    remove = audits_sub.add_parser(
        "remove",
        help="take audits out of docs/_data/audits_counted.yml by their id (the export's id, the "
        "spreadsheet's audit_id): a test audit, or one counted by mistake",
    )
    remove.add_argument("ids", nargs="+", metavar="AUDIT_ID", help="the id of a counted audit")
    remove.add_argument("-f", "--config-file", default="mkdocs.yml", help="path to mkdocs.yml")
    links = sub.add_parser("linkcheck", help="check the built site's links and anchors with LinkChecker")
    links.add_argument("site_dir", nargs="?", default="site", help="the built site (default: site)")
    links.add_argument(
        "--external",
        action="store_true",
        help="also check outside links written in the content (needs the network)",
    )
    links.add_argument("-f", "--config-file", default="mkdocs.yml", help="path to mkdocs.yml")
    test = sub.add_parser(
        "test",
        help="check the site in this folder: strict build, links and anchors, no outside requests, "
        "accessibility in Chromium; exit 1 if any step fails",
    )
    test.add_argument("-f", "--config-file", default="mkdocs.yml", help="path to mkdocs.yml")
    test.add_argument("--no-browser", action="store_true", help="skip the accessibility step (Chromium)")
    start = sub.add_parser(
        "start",
        help="write a new site for a council into a new folder, its own git repository "
        "(the engine's repository and the current folder's files are never changed)",
    )
    start.add_argument("council", help='the council\'s name, for example "Ashdown District Council"')
    start.add_argument("folder", help="the new folder for the site (it must not exist, or be empty)")
    report = sub.add_parser(
        "search-report",
        help="what staff searched for: the top searches, the searches that found nothing and the pages "
        "opened from search, read from the web server's access logs (setting search_log)",
    )
    report.add_argument(
        "logs", nargs="+", metavar="LOG", help="an access log; rotated .gz files too (LOG.1, LOG.2.gz, ...)"
    )
    report.add_argument("--top", type=int, default=20, help="how many of each to list (default 20)")
    pack = sub.add_parser(
        "evidence",
        help="write a dated evidence pack for an inspection framework into a new folder: a page that "
        "opens without the network, a spreadsheet (CSV) and the site as built on that date",
    )
    pack.add_argument(
        "--framework", required=True, metavar="ID", help="the framework's id, for example ofsted"
    )
    pack.add_argument("--as-of", required=True, metavar="YYYY-MM-DD", help="the date the pack is as on")
    pack.add_argument("--out", required=True, metavar="FOLDER", help="a new (or empty) folder for the pack")
    pack.add_argument("-f", "--config-file", default="mkdocs.yml", help="path to mkdocs.yml")
    add_editing_commands(sub)
    _add_site_commands(sub)
    args = parser.parse_args(argv)
    if args.command in ("serve", "build", "publish"):
        return run_site_command(args)
    if args.command == "audits" and args.audits_command == "remove":
        return run_audits_remove(Path(args.config_file), args.ids)
    if args.command == "audits":
        return run_audits_summarise(
            Path(args.config_file),
            [Path(f) for f in args.files],
            args.write,
            Path(args.csv) if args.csv else None,
        )
    if args.command in ("new", "reviewed"):
        return run_editing(args)
    if args.command == "linkcheck":
        return run_linkcheck(Path(args.site_dir), args.external, Path(args.config_file))
    if args.command == "test":
        from .sitecheck import run as run_site_test

        return run_site_test(Path(args.config_file), browser=not args.no_browser)
    if args.command == "start":
        from .starter import start as run_start

        return run_start(Path(args.folder), args.council)
    if args.command == "bench" and args.starter:
        from .bench.starter_ci import main as starter_bench

        return starter_bench()
    if args.command == "bench":
        from .bench.run import main as bench_main

        return bench_main(
            [int(n) for n in args.sizes.split(",")],
            Path(args.workdir),
            not args.no_browser,
            Path(args.results) if args.results else None,
            max(1, args.repeat),
        )
    if args.command == "search-report":
        from .search_report import run as run_search_report

        code, text = run_search_report([Path(p) for p in args.logs], max(1, args.top))
        (sys.stderr if code else sys.stdout).write(text)
        return code
    if args.command == "evidence":
        from .evidence_pack import run as run_evidence

        return run_evidence(Path(args.config_file), args.framework, args.as_of, Path(args.out))
    if args.command == "check":
        return run_check(Path(args.config_file), args.format, args.strict)
    if args.command == "reviews":
        return run_reviews(Path(args.config_file), args.format)
    return 2  # pragma: no cover


def _project(config_file: Path) -> Project | None:
    try:
        return Project.from_config_file(config_file)
    except (OSError, ValueError) as error:
        print(config_problem(config_file, error), file=sys.stderr)
        return None


def run_reviews(config_file: Path, fmt: str) -> int:
    project = _project(config_file)
    if project is None:
        return 2
    site = load_site(project)
    today = project.settings.build_date
    if site.problems.errors:
        for problem in site.problems.errors:
            print(problem, file=sys.stderr)
        print(f"Practice Hub: {summary(site.problems.errors)}", file=sys.stderr)
        return 1
    if fmt == "csv":
        sys.stdout.write(schedule_csv(site.items, today))
    else:
        sys.stdout.write(schedule_text(site.items, today))
    return 0


def _no_config(config_file: Path, name: str) -> str:
    """mkdocs.yml missing (the command was run outside the site's folder), in plain words."""
    return (
        f"{config_file}: no such file (run {command(name)} in the site's folder, "
        "or name its mkdocs.yml with -f)"
    )


def _closing(fmt: str, line: str) -> None:
    """check's closing line: in text, on stdout after the problems, so that in any terminal, log
    or hook the last line counts them; with json or github, on stderr, keeping stdout machine-read."""
    print(line, file=sys.stdout if fmt == "text" else sys.stderr)


def run_check(config_file: Path, fmt: str, strict: bool) -> int:
    """Exit 1 exactly when the build would fail (a wrong setting in mkdocs.yml included), 0
    otherwise; 2 only when there is no mkdocs.yml to check."""
    try:
        project = Project.from_config_file(config_file)
    except SettingsError as error:
        # Wrong settings fail the build as any problem does: listed, counted, exit 1.
        problems = error.as_problems(config_file.name)
        if fmt == "json":
            print(json.dumps([p.as_json() for p in problems], indent=2, ensure_ascii=False))
        elif fmt == "github":
            print("\n".join(github_annotation(problem) for problem in problems))
        else:
            print(config_problem(config_file, error))
        _closing(fmt, f"Practice Hub: {summary(problems)}")
        return 1
    except FileNotFoundError:
        print(_no_config(config_file, "check"), file=sys.stderr)
        return 2
    except (OSError, ValueError) as error:
        print(config_problem(config_file, error), file=sys.stderr)
        return 2
    site = load_site(project)
    check_rendered(site)
    check_site_links(site)
    errors, warnings = site.problems.errors, site.problems.warnings
    # check's verdict is the build's: the build is always strict, so a counted warning fails both
    # and is shown as a problem; advisory warnings (golden-thread gaps, overdue reviews, start's
    # examples) fail neither. --strict asks for what check always does.
    counted = site.problems.counted_warnings
    advisory = [p for p in warnings if p.advisory]
    failing = errors + counted
    failed = bool(failing)
    if fmt == "json":
        print(json.dumps([p.as_json() for p in errors + warnings], indent=2, ensure_ascii=False))
    elif fmt == "github":
        for problem in sorted(failing, key=Problem.sort_key):
            print(github_annotation(replace(problem, severity=ERROR)))
        for problem in advisory:
            print(github_annotation(problem))
    else:
        for problem in sorted(failing, key=Problem.sort_key):
            print(problem)
        for problem in advisory:
            print(
                f"{problem.path}:{problem.line}: warning: {problem.message}"
                + (f" ({problem.hint})" if problem.hint else "")
            )
    if fmt != "json":
        if failing:
            _closing(fmt, f"Practice Hub: {summary(failing, advisory)}")
        else:
            files = len({i.path for i in site.items})
            tail = f", {plural(len(warnings), 'warning')}" if warnings else ", no problems"
            _closing(
                fmt,
                f"Practice Hub: checked {plural(len(site.items), 'item')} in {plural(files, 'file')}{tail}",
            )
    return 1 if failed else 0


def run_audits_summarise(config_file: Path, files: list[Path], write: bool, csv: Path | None = None) -> int:
    """Exported audits -> counted audits and a report (logic in practice_hub/audit_tool/).

    Every file is checked (its shape, then the audit rules, which need the loaded site); any
    file refused is told in plain lines, never a traceback, and then nothing is counted or written."""
    import yaml

    from .audit_tool.exports import export_files
    from .audit_tool.rules import of_site
    from .audit_tool.sheet import sheet
    from .audit_tool.summarise import (
        counted,
        hand_kept_clashes,
        lookalikes,
        read_counted,
        read_exports,
        report,
        write_counted,
        write_sheet,
    )
    from .content_types import AUDIT_CYCLE, DATA_DIR
    from .schema import load_schemas

    project = _project(config_file)
    if project is None:
        return 2
    try:
        validator = load_schemas(project.schema_dir).validators["audit_export"]
    except (OSError, ValueError, KeyError, yaml.YAMLError) as error:
        print(f"{project.schema_dir}: the audit_export schema cannot be read ({error})", file=sys.stderr)
        return 2
    settings = project.settings
    if csv is not None and csv.resolve().is_relative_to(project.docs_dir.resolve()):
        print(
            f"{csv}: an exported audit holds case notes and must never be published: the spreadsheet "
            f"cannot be written under {project.docs_dir} (write it where the audits are kept)",
            file=sys.stderr,
        )
        return 2
    known: dict = {}

    def rules():
        """The site's facts for the audit rules: the site is loaded once, only when needed."""
        if "rules" not in known:
            site = known["site"] = load_site(project)
            # As the build judges it: a counted audit it refuses is never written.
            on = settings.build_date.isoformat()
            known["rules"] = of_site(site.thread.sections, site.of_type(AUDIT_CYCLE), settings, on)
        return known["rules"]

    paths = export_files(files)
    audits, problems, refused = read_exports(files, validator, rules)
    for line in problems:
        print(line, file=sys.stderr)
    if refused:
        print(
            f"Practice Hub: {refused} of {plural(len(paths), 'file')} refused "
            f"({plural(len(problems), 'problem')}); nothing was counted or written",
            file=sys.stderr,
        )
        return 1
    result = counted(audits)
    for note in result.notes:
        print(note, file=sys.stderr)
    sys.stdout.write(
        report(
            result.records, rules() if audits else None, settings.grade_labels(), settings.audit_small_sample
        )
    )
    print(
        f"Practice Hub: {plural(len(result.records), 'audit')} counted from {plural(len(paths), 'file')}",
        file=sys.stderr,
    )
    if csv is not None:
        exports = [result.exports[record["audit"]] for record in result.records]
        try:
            write_sheet(csv, sheet(exports, settings.grade_labels))
        except OSError as error:
            print(f"{csv}: cannot be written ({error.strerror or error.__class__.__name__})", file=sys.stderr)
            return 1
        print(
            f"Practice Hub: {plural(len(exports), 'audit')} written to {csv} (it holds case notes: keep it "
            "where the audits are kept)",
            file=sys.stderr,
        )
    if write:
        target = project.docs_dir / DATA_DIR / "audits_counted.yml"
        hand_file = project.docs_dir / DATA_DIR / "audit_results.yml"
        site = known.get("site") or load_site(project)
        hand = [
            (str(r.data.get("period")), str(r.data.get("audit_section")), r.line)
            for r in site.audit_results
            if isinstance(r.data, dict)
        ]
        clashes = hand_kept_clashes(result.records, hand, str(hand_file), result.paths)
        if clashes:
            for line in clashes:
                print(line, file=sys.stderr)
            print(
                f"Practice Hub: {plural(len(clashes), 'audit')} in periods kept by hand; nothing was written",
                file=sys.stderr,
            )
            return 1
        try:
            before = read_counted(target)[1]
            merged = write_counted(target, result.records)
        except (OSError, UnicodeDecodeError, ValueError, yaml.YAMLError) as error:
            why = getattr(error, "strerror", None) or str(error) or error.__class__.__name__
            print(f"{target}: cannot be updated ({why}); nothing was written", file=sys.stderr)
            return 1
        added = [r for r in merged.records if r["audit"] in set(merged.added)]
        for line in lookalikes(before, added):
            print(line, file=sys.stderr)
        for verb, ids in (("added", merged.added), ("replaced by a newer export", merged.replaced)):
            if ids:
                print(f"  {verb}: {', '.join(ids)}", file=sys.stderr)
        if merged.unchanged:
            print(f"  left unchanged (already counted): {', '.join(merged.unchanged)}", file=sys.stderr)
        print(
            f"Practice Hub: {target}: {len(merged.added)} added, {len(merged.replaced)} replaced, "
            f"{len(merged.unchanged)} unchanged; {plural(len(merged.records), 'audit')} counted in all",
            file=sys.stderr,
        )
    return 0


def run_audits_remove(config_file: Path, ids: list[str]) -> int:
    """Take counted audits out by id; nothing is written unless every id is counted."""
    import yaml

    from .audit_tool.summarise import remove_counted
    from .content_types import DATA_DIR

    project = _project(config_file)
    if project is None:
        return 2
    target = project.docs_dir / DATA_DIR / "audits_counted.yml"
    try:
        removed, unknown = remove_counted(target, ids)
    except (OSError, UnicodeDecodeError, ValueError, yaml.YAMLError) as error:
        why = getattr(error, "strerror", None) or str(error) or error.__class__.__name__
        print(f"{target}: cannot be updated ({why}); nothing was removed", file=sys.stderr)
        return 1
    if unknown:
        print(
            f"{target}: {plural(len(unknown), 'audit')} not counted: {', '.join(unknown)} (copy the id "
            "from the export's \"id\" or the spreadsheet's audit_id column); nothing was removed",
            file=sys.stderr,
        )
        return 1
    print(
        f"Practice Hub: {target}: {plural(len(removed), 'audit')} removed: {', '.join(removed)} "
        "(build the site again, or open a pull request, to update the results)",
        file=sys.stderr,
    )
    return 0


def run_linkcheck(site_dir: Path, external: bool, config_file: Path) -> int:
    """The ``linkcheck`` command: a readable list of broken links; exit 1 if there is any."""
    from . import linkcheck

    try:
        broken = linkcheck.check_site(site_dir)
    except (FileNotFoundError, RuntimeError) as error:
        print(f"linkcheck: {error}", file=sys.stderr)
        return 2
    print(
        f"Internal links and anchors in {site_dir}: "
        + ("no broken links" if not broken else f"{len(broken)} broken")
    )
    for item in broken:
        print(f"  {item}")
    if external:
        from .engine import config_problem as unreadable

        problem = unreadable(config_file, "linkcheck --external")
        if problem:
            print(problem, file=sys.stderr)
            return 2
        config = read_config(config_file.read_text(encoding="utf-8"))
        docs_dir = (config_file.parent / str(config.get("docs_dir") or "docs")).resolve()
        try:
            outside, skipped = linkcheck.check_external(docs_dir)
        except RuntimeError as error:
            print(f"linkcheck: {error}", file=sys.stderr)
            return 2
        print(
            f"Outside links written in {docs_dir.name}/: "
            + ("no broken links" if not outside else f"{len(outside)} broken")
            + (f" ({len(skipped)} on reserved .example hosts skipped)" if skipped else "")
        )
        for item in outside:
            print(f"  {item}")
        broken = broken + outside
    return 1 if broken else 0


def _add_site_commands(sub) -> None:
    """serve, build, publish: the same on Linux, Windows and macOS."""
    engine_help = "mkdocs (default) or properdocs; or set PRACTICE_HUB_ENGINE"
    serve = sub.add_parser("serve", help="preview the site at http://127.0.0.1:8000, rebuilt as you save")
    serve.add_argument("-f", "--config-file", default="mkdocs.yml", help="path to mkdocs.yml")
    serve.add_argument("-a", "--dev-addr", default="127.0.0.1:8000", help="address and port to serve at")
    serve.add_argument("--engine", default=None, help=engine_help)
    build = sub.add_parser(
        "build",
        help="check and build the site for hosting (strict); site/ is replaced only when the build succeeds",
    )
    build.add_argument("-f", "--config-file", default="mkdocs.yml", help="path to mkdocs.yml")
    build.add_argument("-d", "--site-dir", default=None, help="where the site goes (default: site/)")
    build.add_argument("--engine", default=None, help=engine_help)
    publish = sub.add_parser(
        "publish", help="for IT: switch a web root (a symbolic link) to a new build atomically"
    )
    publish.add_argument("site_dir", metavar="SITE_DIR", help="the built site, for example site")
    publish.add_argument(
        "web_root_link",
        metavar="WEB_ROOT_LINK",
        help="the symbolic link the web server serves, for example /srv/practice-hub/site",
    )
    publish.add_argument("--keep", type=int, default=3, help="release folders to keep (default 3)")


def run_site_command(args) -> int:
    from . import engine
    from .publish import PublishError, publish

    try:
        if args.command == "serve":
            return engine.serve(Path(args.config_file), args.dev_addr, args.engine)
        if args.command == "build":
            chosen = Path(args.site_dir) if args.site_dir else None
            code, site_dir = engine.build(Path(args.config_file), chosen, args.engine)
            if code == 130:
                print(
                    f"Practice Hub: the build was stopped; {_shown(site_dir)} was left as it was.",
                    file=sys.stderr,
                )
            elif code:
                print(
                    f"Practice Hub: the build failed; {_shown(site_dir)} was left as it was.", file=sys.stderr
                )
            else:
                print(f"Practice Hub: the site is in {_shown(site_dir)}", file=sys.stderr)
            return code
    except (OSError, ValueError) as error:
        print(f"Practice Hub: {error}", file=sys.stderr)
        return 2
    try:
        release = publish(Path(args.site_dir), Path(args.web_root_link), args.keep)
    except (PublishError, OSError) as error:
        print(f"Practice Hub: not published: {error}", file=sys.stderr)
        return 1
    print(f"Practice Hub: {args.web_root_link} now serves {release}", file=sys.stderr)
    return 0


def _shown(path: Path) -> str:
    """A folder as the user will recognise it: relative to where they are, if it is below."""
    try:
        return str(path.relative_to(Path.cwd())) + os.sep
    except ValueError:
        return str(path) + os.sep
