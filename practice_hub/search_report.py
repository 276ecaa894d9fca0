"""`practice-hub search-report LOG [LOG...]`: what staff searched for and did not find.

With the setting ``search_log`` on, the search sends each finished query to the site's own
``search/log?q=WORDS&n=RESULTS`` and each page opened from the results to
``search/log?q=WORDS&open=/PAGE/``; the web server writes those requests in its access log
(hosting/nginx-practice-hub.conf keeps them in a file of their own). This module reads such logs
(nginx's or Apache's combined layout, plain or gzip-rotated, any status: a server that answers
404 still logs the request) and counts the top searches, the searches that found nothing and the
pages opened from search. A line it cannot read is counted and skipped, never a traceback.
"""

from __future__ import annotations

import datetime as dt
import gzip
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

# host ident user [time] "METHOD target PROTOCOL" status bytes ["referer" "agent"]
LINE = re.compile(
    r'^\S+ \S+ \S+ \[(?P<time>[^\]]+)\] "(?P<method>[A-Z]+) (?P<target>\S+)(?: [^"]*)?" (?P<status>\d{3}) \S+'
)
LOG_PATH = "/search/log"
TOP = 20
NOTICE = (
    "Searches can hold people's names: this report is for the principal social worker's team only. "
    "Do not share it or keep it beside the site."
)


@dataclass
class Tally:
    """What the logs held."""

    searches: Counter = field(default_factory=Counter)  # query -> finished searches
    nothing: Counter = field(default_factory=Counter)  # query -> searches with no results
    opened: Counter = field(default_factory=Counter)  # page -> times opened from search
    opened_from: dict = field(default_factory=dict)  # page -> Counter of queries
    skipped: list = field(default_factory=list)  # (file, line number) of lines not understood
    other_lines: int = 0  # the server's other requests, when the log is its main access log
    files: int = 0
    first: dt.date | None = None
    last: dt.date | None = None


def words(query: str) -> str:
    """A query as counted: lower case, spaces between words made single."""
    return " ".join(query.lower().split())


def read_lines(path: Path) -> Iterator[str]:
    """The lines of a log file, gunzipped when it is a rotated .gz (found by its first bytes)."""
    with path.open("rb") as probe:
        zipped = probe.read(2) == b"\x1f\x8b"
    opener = gzip.open if zipped else open
    with opener(path, "rb") as handle:
        for raw in handle:
            yield raw.decode("utf-8", errors="replace").rstrip("\r\n")


def tally(paths: Iterable[Path]) -> Tally:
    """Counts every search/log request in the files. Raises OSError (or gzip's BadGzipFile, an
    OSError) for a file that cannot be read, EOFError for a cut-off .gz."""
    out = Tally()
    for path in paths:
        out.files += 1
        for number, line in enumerate(read_lines(path), start=1):
            if not line.strip():
                continue
            if not take(line, out):
                out.skipped.append((str(path), number))
    return out


def take(line: str, out: Tally) -> bool:
    """Counts one log line; False when it is not a log line or a search/log request it cannot read."""
    match = LINE.match(line)
    if not match:
        return False
    target = urlsplit(match["target"])
    if not target.path.endswith(LOG_PATH):
        out.other_lines += 1
        return True
    fields = parse_qs(target.query, keep_blank_values=True)
    query = words((fields.get("q") or [""])[0])
    if not query:
        return False
    try:
        when = dt.datetime.strptime(match["time"], "%d/%b/%Y:%H:%M:%S %z").date()
    except ValueError:
        return False
    out.first = min(out.first or when, when)
    out.last = max(out.last or when, when)
    if "open" in fields:
        page = fields["open"][0].strip()
        if not page.startswith("/"):
            return False
        out.opened[page] += 1
        out.opened_from.setdefault(page, Counter())[query] += 1
        return True
    count = (fields.get("n") or [""])[0]
    if not count.isdigit():
        return False
    out.searches[query] += 1
    if int(count) == 0:
        out.nothing[query] += 1
    return True


def _count_lines(counts: Counter, top: int, extra=None) -> list[str]:
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
    width = len(str(ranked[0][1])) if ranked else 1
    return [f"  {n:>{width}}  {name}{extra(name) if extra else ''}" for name, n in ranked]


def _day(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _times(n: int) -> str:
    return "once" if n == 1 else "twice" if n == 2 else f"{n:,} times"


def report(found: Tally, top: int = TOP) -> str:
    """The report in plain English."""
    total = sum(found.searches.values())
    files = "1 log file" if found.files == 1 else f"{found.files} log files"
    out = [f"Search report: {total:,} finished searches in {files}."]
    if found.first and found.last:
        span = (
            _day(found.first) if found.first == found.last else f"{_day(found.first)} to {_day(found.last)}"
        )
        out[-1] = out[-1][:-1] + f", {span}."
    out += [NOTICE, ""]
    if not total and not found.opened:
        out += [
            "No searches were found in these logs. Is search_log set to true in mkdocs.yml, and is this "
            "the log the web server writes search/log to (hosting/nginx-practice-hub.conf)?",
            "",
        ]
    if total:
        shown = min(top, len(found.searches))
        out += [f"Most searched ({shown} of {len(found.searches):,} different searches):"]
        out += _count_lines(found.searches, top)
        out.append("")
    missed = sum(found.nothing.values())
    if total:
        if found.nothing:
            out += [
                f"Searches that found nothing ({missed:,} of {total:,}): write what is missing, or add "
                "the words to the synonyms file:"
            ]
            out += _count_lines(found.nothing, top)
        else:
            out.append("Every search found something.")
        out.append("")
    if found.opened:
        out += [f"Pages opened from search ({sum(found.opened.values()):,} in all):"]

        def came_from(page: str) -> str:
            queries = found.opened_from[page].most_common(3)
            return " (after " + ", ".join(f'"{q}" {_times(n)}' for q, n in queries) + ")"

        out += _count_lines(found.opened, top, came_from)
        out.append("")
    if found.skipped:
        places = ", ".join(f"{Path(path).name}:{line}" for path, line in found.skipped[:5])
        more = f" and {len(found.skipped) - 5:,} more" if len(found.skipped) > 5 else ""
        lines = "1 line" if len(found.skipped) == 1 else f"{len(found.skipped):,} lines"
        out += [f"Skipped {lines} that could not be read as a search log line: {places}{more}.", ""]
    return "\n".join(out).rstrip("\n") + "\n"


def run(paths: list[Path], top: int = TOP) -> tuple[int, str]:
    """(exit code, what to print) for the command."""
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        return 1, f"No such log file: {', '.join(missing)} (give the access log's path, for example " + (
            "/var/log/nginx/practice-hub-search.log)\n"
        )
    try:
        found = tally(paths)
    except (OSError, EOFError) as error:
        return 1, f"Could not read a log file: {error} (is it an access log, or a .gz cut short?)\n"
    return 0, report(found, top)
