"""`python -m practice_hub audits summarise FILE…`: exported audits -> audit results.

Reads audits exported by the tool (Export JSON), checks each against
content_schema/audit_export.schema.yaml, and counts them per period (quarter of the audit
date), audit section, and service or journey stage. The moderator's grade counts where the
moderator changed it. ``--write`` puts the results into docs/_data/audit_results.yml,
replacing results for the same period, section, service and stage, and keeping the rest of
the file (comments included) as it was.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .exports import Reader, Refused, export_files
from .grades import GOOD_OR_BETTER, GRADES, LABELS, RANK, final_grade

COUNTED = [key for key, _ in GRADES] + ["not_applicable"]


@dataclass
class Group:
    period: str
    section: str
    service: str = ""
    journey_stage: str = ""
    counts: dict = field(default_factory=lambda: dict.fromkeys(COUNTED, 0))
    moderated: int = 0
    changed: int = 0

    @property
    def audited(self) -> int:
        return sum(self.counts[k] for k in RANK)

    @property
    def good_or_better(self) -> int:
        good = sum(self.counts[k] for k in GOOD_OR_BETTER)
        return round(100 * good / self.audited) if self.audited else 0

    def as_result(self) -> dict:
        out: dict = {"period": self.period, "audit_section": self.section}
        if self.service:
            out["service"] = self.service
        if self.journey_stage:
            out["journey_stage"] = self.journey_stage
        out.update(
            files_audited=self.audited,
            good_or_better=self.good_or_better,
            requires_improvement_or_lower=100 - self.good_or_better,
        )
        if self.moderated:
            out["moderated"] = self.moderated
        return out

    @property
    def key(self) -> tuple:
        return (self.period, self.section, self.service, self.journey_stage)


def period_of(date: str) -> str:
    year, month = int(date[:4]), int(date[5:7])
    return f"{year}-Q{(month - 1) // 3 + 1}"


def read_exports(
    paths: list[Path], validator, sections: Callable[[], Iterable[str]] | None = None
) -> tuple[list[tuple[Path, dict]], list[str]]:
    """Valid audits with their paths, and the problem lines of the refused files (see exports.py).

    ``sections`` gives the ids of the site's audit sections (asked once, only when a file gets
    that far); without it section ids are not checked."""
    audits, problems = [], []
    reader = Reader(validator, sections)
    for path in export_files(paths):
        try:
            audits.append((path, reader.read(path)))
        except Refused as refused:
            problems.extend(refused.lines)
    return audits, problems


def summarise(audits: list[dict]) -> list[Group]:
    """Groups per period and section: overall, per service and per journey stage."""
    groups: dict[tuple, Group] = {}
    for audit in audits:
        period = period_of(audit["date"])
        service, stage = audit.get("service") or "", audit.get("journey_stage") or ""
        for section in audit["sections"]:
            grade = final_grade(section)
            if grade not in COUNTED:
                continue  # not graded
            keys = [(period, section["id"], "", "")]
            if service:
                keys.append((period, section["id"], service, ""))
            if stage:
                keys.append((period, section["id"], "", stage))
            for key in keys:
                group = groups.setdefault(key, Group(*key))
                group.counts[grade] += 1
                outcome = (section.get("moderation") or {}).get("outcome")
                if outcome and grade in RANK:
                    group.moderated += 1
                    group.changed += outcome == "changed"
    return sorted(
        groups.values(),
        key=lambda g: (g.period, g.section, bool(g.journey_stage), g.service, g.journey_stage),
    )


def report(groups: list[Group]) -> str:
    out = []
    period = None
    for group in groups:
        if group.period != period:
            period = group.period
            out.append(f"{period}")
            out.append(
                f"  {'section':28} {'service / journey stage':30} {'audited'.rjust(7)} {'good+'.rjust(6)}  "
                "grades (O/G/RI/I/NA)  moderated"
            )
        who = group.service or group.journey_stage or "all"
        counts = "/".join(str(group.counts[k]) for k in COUNTED)
        moderated = f"{group.moderated} ({group.changed} changed)" if group.moderated else "-"
        out.append(
            f"  {group.section:28} {who:30} {str(group.audited).rjust(7)} "
            f"{str(group.good_or_better).rjust(5)}%  {counts:20}  "
            f"{moderated}"
        )
    return "\n".join(out) + "\n" if out else "No audits to summarise.\n"


def write_results(path: Path, groups: list[Group], stages: bool = False) -> tuple[int, int]:
    """Add the results (overall and per service; per journey stage too with ``stages``) to the YAML
    list at path, replacing those with the same key. Returns (added, replaced). Comments and the
    other entries stay as they were."""
    groups = [g for g in groups if stages or not g.journey_stage]
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    lines = text.splitlines(keepends=True)
    starts = [i for i, line in enumerate(lines) if line.startswith("- ")]
    head = lines[: starts[0]] if starts else lines
    blocks = [lines[a:b] for a, b in zip(starts, starts[1:] + [len(lines)])]
    new = {g.key: g for g in groups if g.audited}
    kept, replaced = [], 0
    for block in blocks:
        loaded = yaml.safe_load("".join(block))
        entry = loaded[0] if isinstance(loaded, list) and loaded and isinstance(loaded[0], dict) else {}
        key = (
            str(entry.get("period")),
            str(entry.get("audit_section")),
            entry.get("service") or "",
            entry.get("journey_stage") or "",
        )
        if key in new:
            replaced += 1
            continue
        kept.append("".join(block))
    added = []
    for group in new.values():
        result = group.as_result()
        entry = (
            "- "
            + "\n  ".join(
                f"{k}: {json.dumps(v, ensure_ascii=False) if isinstance(v, str) else v}"
                for k, v in result.items()
            )
            + "\n"
        )
        added.append(entry)
    body = "".join(head) + "".join(kept)
    if body and not body.endswith("\n"):
        body += "\n"
    _replace(path, body + "".join(added))
    return len(added) - replaced, replaced


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


def grade_label(grade: str) -> str:
    return LABELS.get(grade, grade)
