"""`python -m practice_hub audits summarise FILE…`: exported audits -> counted audits -> a report.

1. ``read_exports``: every file read by exports.Reader (the shape, then the audit rules R1-R8);
   the refused files' problems are all told, and nothing is counted or written if any is refused.
2. ``counted``: one record per audit (counting.record_of), the same audit exported twice (the
   original and the moderated export share the audit's id) counted once, the newer export, with
   a note for each such pair so the person running the command knows.
3. ``report``: per period (quarter), each section and the overall judgement, from counting.tally.
4. ``write_counted``: ``--write`` merges the records into docs/_data/audits_counted.yml
   (counting.merge: new audits added, an audit replaced only by a newer export, the rest kept), so
   running it on two batches counts both. The build computes the results from that file.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .counting import OVERALL, Merged, Tally, merge, newer, period_of, record_of, tally
from .exports import Reader, Refused, export_files
from .grades import GRADES, LABELS
from .rules import AuditRules

COUNTED_HEAD = (
    "# Counted case-file audits, one entry per audit: grades and dates only (no case reference,\n"
    "# no names, no notes). Made by: .venv/bin/practice-hub audits summarise FILE... --write\n"
    "# (on Windows .venv\\Scripts\\practice-hub audits summarise FILE... --write), never edited\n"
    "# by hand. Each run adds new audits and replaces an audit only by a newer export of it (its\n"
    "# moderation); the build counts the results from this file.\n"
)


def read_exports(
    paths: list[Path], validator, rules: AuditRules | Callable[[], AuditRules] | None = None
) -> tuple[list[tuple[Path, dict]], list[str], int]:
    """Valid audits with their paths, the problem lines of the refused files, and how many files
    were refused (see exports.py). Without ``rules`` only the shape is checked."""
    audits, problems, refused = [], [], 0
    reader = Reader(validator, rules)
    for path in export_files(paths):
        try:
            audits.append((path, reader.read(path)))
        except Refused as why:
            refused += 1
            problems.extend(why.lines)
    return audits, problems, refused


@dataclass
class Counted:
    records: list[dict]  # one per audit, by date then id
    notes: list[str] = field(default_factory=list)  # one line per audit given more than once
    exports: dict[str, dict] = field(default_factory=dict)  # audit id -> the export counted
    paths: dict[str, Path] = field(default_factory=dict)  # audit id -> the file it was read from


def _which(record: dict) -> str:
    if record.get("moderated_on"):
        return f"the moderated export (moderated on {record['moderated_on']})"
    if record.get("saved"):
        return f"the later export (saved {record['saved']})"
    return "the export given first"


def counted(audits: list[tuple[Path, dict]]) -> Counted:
    """One record per audit id: where one audit is given twice, the newer export counts."""
    chosen: dict[str, tuple[Path, dict, dict]] = {}
    notes = []
    for path, audit in audits:
        record = record_of(audit)
        old = chosen.get(record["audit"])
        if old is None:
            chosen[record["audit"]] = (path, audit, record)
            continue
        old_path, _, old_record = old
        if newer(record, old_record):
            chosen[record["audit"]] = (path, audit, record)
            kept, other, which = path, old_path, _which(record)
        else:
            kept, other = old_path, path
            which = "the same export given twice" if record == old_record else _which(old_record)
        notes.append(
            f"{kept}: the same audit as {other} (id {record['audit']}): counted once, {which}"
            if kept != other
            else f"{kept}: given twice: counted once"
        )
    # Two ids for one case on one day: one audit exported from two drafts (or a copy with a new
    # id). Both count, as they may be two audits; the command says so, so it can be put right.
    by_case: dict[tuple[str, str], list[tuple[Path, str]]] = {}
    for key, (path, audit, _) in chosen.items():
        by_case.setdefault((str(audit.get("case_reference", "")), str(audit.get("date", ""))), []).append(
            (path, key)
        )
    for (case, date), found in sorted(by_case.items()):
        if len(found) > 1:
            files = " and ".join(str(path) for path, _ in sorted(found))
            ids = ", ".join(key for _, key in sorted(found))
            notes.append(
                f"{files}: {len(found)} audits of case {case} dated {date} (ids {ids}): each is counted "
                "(if they are one audit exported from two drafts, leave one file out, or take one "
                "out after --write with: audits remove ID)"
            )
    merged = merge([], [record for _, _, record in chosen.values()])
    return Counted(
        merged.records,
        notes,
        {k: audit for k, (_, audit, _) in chosen.items()},
        {k: path for k, (path, _, _) in chosen.items()},
    )


def _likeness(record: dict) -> tuple:
    keys = ("date", "service", "journey_stage", "cycle", "overall")
    return tuple(record.get(k) for k in keys) + (tuple(sorted((record.get("grades") or {}).items())),)


def lookalikes(before: list[dict], added: list[dict]) -> list[str]:
    """Lines for audits just added that match one already counted in every grade and detail
    but their id: a copy of an export given a new id, or one audit exported from two drafts."""
    seen: dict[tuple, str] = {}
    for record in before:
        seen.setdefault(_likeness(record), record["audit"])
    out = []
    for record in added:
        twin = seen.get(_likeness(record))
        if twin and twin != record["audit"]:
            out.append(
                f"audit {record['audit']} matches audit {twin}, already counted, in its date, service and "
                "every grade: both are counted (if it is a copy, take it out with: audits remove "
                f"{record['audit']})"
            )
    return out


def hand_kept_clashes(
    records: list[dict], hand: list[tuple[str, str, int]], target: str, paths: dict[str, Path]
) -> list[str]:
    """Problem lines for counted audits in a period and section that docs/_data/audit_results.yml
    already gives by hand: (period, section, line) each. The build would refuse both as counted twice."""
    kept = {(period, section): line for period, section, line in hand}
    out = []
    for record in records:
        period = period_of(record["date"])
        clash = sorted(
            (kept[(period, sid)], sid) for sid in record.get("grades") or {} if (period, sid) in kept
        )
        if clash:
            line, sid = clash[0]
            out.append(
                f"{paths.get(record['audit'], record['audit'])}: date: {record['date']} falls in {period}, "
                "whose results for "
                f'"{sid}" are kept by hand in {target} (line {line}) (a period is counted from exports '
                "or kept by hand, never both: leave this audit out, or take that period's hand-kept "
                "results out first)"
            )
    return out


def _cell(tally: Tally, small: int) -> list[str]:
    """audited, good or better, moderation agreed."""
    if tally.audited == 0:
        return [f"not applicable ({tally.not_applicable})", "", ""]
    flag = " *" if tally.audited < small else ""
    agreed = (
        f"{tally.moderated - tally.changed} of {tally.moderated} ({tally.agreement}%)"
        if tally.moderated
        else "-"
    )
    return [f"{tally.audited}{flag}", f"{tally.good_or_better}%", agreed]


def report(
    records: list[dict],
    rules: AuditRules | None = None,
    labels: dict[str, str] | None = None,
    small: int = 5,
) -> str:
    """The counts of the records, per period and group (all services, each service, each journey
    stage, each cycle): the overall judgement, then each section in the site's order (``rules``
    names them); ``labels`` gives the grades' words (settings.grade_labels); a group of fewer
    than ``small`` graded files is marked *."""
    known = [s.id for s in rules.sections] if rules else []
    titles = rules.title if rules else str
    place = lambda t: (
        t.section != OVERALL,
        known.index(t.section) if t.section in known else len(known),
        t.section,
    )  # noqa: E731
    if not records:
        return "No audits to summarise.\n"
    words = labels or LABELS
    out: list[str] = []
    groups: dict[tuple, list[Tally]] = {}
    for one in tally(records):
        groups.setdefault((one.period, one.cycle, one.service, one.journey_stage), []).append(one)
    order = sorted(groups, key=lambda k: (k[0] == "", k[0], k[1], bool(k[3]), k[2], k[3]))
    for period, cycle, service, stage in order:
        rows = sorted(groups[(period, cycle, service, stage)], key=place)
        whole = rows[0]
        who = service or stage or "all services"
        head = f"cycle {cycle}, {who}" if cycle else f"{period}, {who}"
        out.append(f"{head}: {whole.audits} audit{'s' if whole.audits != 1 else ''}")
        out.append(f"  {'':44} {'audited':>16} {'good or better':>15} {'moderation agreed':>18}")
        for one in rows:
            name = "Overall judgement" if one.section == OVERALL else titles(one.section)
            audited, good, agreed = _cell(one, small)
            out.append(f"  {name[:44]:44} {audited:>16} {good:>15} {agreed:>18}")
            if one.audited:
                grades = ", ".join(f"{words.get(k, k)} {one.counts[k]}" for k, _ in GRADES if one.counts[k])
                na = f", not applicable {one.not_applicable}" if one.not_applicable else ""
                out.append(f"  {'':4}{grades}{na}")
        took = (
            f"{whole.took_part} of {whole.practitioner_recorded}"
            if whole.practitioner_recorded
            else "not recorded"
        )
        out.append(
            f"  escalations of inadequate key sections: {whole.escalations}; practitioner took part: {took}; "
            f"overall differs from the rule's suggestion: {whole.departures}"
        )
        out.append("")
    out.append(f"* fewer than {small} files graded: a small sample, read with care.")
    return "\n".join(out) + "\n"


def _dump(record: dict) -> str:
    return yaml.safe_dump(
        [record], sort_keys=False, allow_unicode=True, default_flow_style=None, width=10_000
    )


def read_counted(path: Path) -> tuple[str, list[dict]]:
    """The counted audits at *path* (a YAML list; none when the file is missing or empty) and the
    head comment to keep above them. ValueError when the file is not a list of counted audits."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    loaded = (yaml.safe_load(text) if text.strip() else []) or []
    if not isinstance(loaded, list) or not all(isinstance(r, dict) and "audit" in r for r in loaded):
        raise ValueError("it is not a list of counted audits")
    head = "".join(_head_lines(text)) or COUNTED_HEAD
    return (head if head.endswith("\n") else head + "\n"), [_plain(r) for r in loaded]


def _write_counted(path: Path, head: str, records: list[dict]) -> None:
    """The head comment, then the records; the file is replaced whole or not at all."""
    _replace(path, head + ("".join(_dump(record) for record in records) if records else "[]\n"))


def write_counted(path: Path, records: list[dict]) -> Merged:
    """Merge *records* into the counted audits at *path*: new audits added, an audit replaced
    only by a newer export. The file's head comment is kept."""
    head, before = read_counted(path)
    merged = merge(before, records)
    _write_counted(path, head, merged.records)
    return merged


def remove_counted(path: Path, ids: list[str]) -> tuple[list[str], list[str]]:
    """Take the audits *ids* out of the counted audits at *path*: (removed, not found). Nothing is
    written unless every id was found. The head comment and every other audit stay as they were."""
    head, records = read_counted(path)
    present = {str(r["audit"]) for r in records}
    unknown = [i for i in ids if i not in present]
    if unknown:
        return [], unknown
    _write_counted(path, head, [r for r in records if str(r["audit"]) not in ids])
    return list(dict.fromkeys(ids)), []


def _head_lines(text: str) -> list[str]:
    head = []
    for line in text.splitlines(keepends=True):
        if line.startswith("#") or not line.strip():
            head.append(line)
        else:
            break
    return head


def _plain(record: dict) -> dict:
    """A record as read back from YAML: dates written unquoted by hand become text again."""
    return {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in record.items()}


def _replace(path: Path, text: str) -> None:
    """Write the whole file or nothing: a new file beside it, then renamed over it."""
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        if path.exists():
            os.chmod(name, path.stat().st_mode & 0o7777)
        os.replace(name, path)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise


def write_sheet(path: Path, text: str) -> None:
    """The spreadsheet (sheet.sheet's text, byte order mark included), whole or not at all."""
    _replace(path, text)
