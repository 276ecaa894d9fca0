"""Run the benchmark: build and check timings at several sizes, budgets printed PASS or FAIL.

Every figure comes from one run of the benchmark on this machine. Timings are taken in rounds
over every size (``--repeat``, default 3); each is the fastest of its size's rounds, and ratios
compare timings from the same run of the benchmark.

Growth (how the cost rises with the number of pages) is judged on processor time: the build's
and its Pagefind processes' user and system time, and the check's own. It counts the work done.
Wall-clock time on a shared host also counts spells of a slower machine: single builds of the
same corpus varied 10 to 30 % within minutes here, and a 40-second build can fall wholly in a
fast spell where a three-minute one cannot. Wall-clock growth is printed beside it.

Nothing here is a test assertion: the test suite only checks that it runs.
"""

from __future__ import annotations

import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from .corpus import REPO, generate

ENV = dict(
    os.environ, NO_MKDOCS_2_WARNING="1", PRACTICE_HUB_TODAY="2026-11-24", SOURCE_DATE_EPOCH="1795478400"
)

BUDGETS = {
    "hook overhead at the largest size": ("overhead", 1.15),
    "hook overhead at 10000 pages": ("overhead_10000", 1.10),
    "check against the floor": ("check_ratio", 2.0),
    "build growth t(3000)/t(1000), processor time": ("build_growth", 3.3),
    "check growth t(3000)/t(1000), processor time": ("check_growth", 3.3),
    "build growth t(10000)/t(3000), processor time": ("build_growth_10000", 3.6),
    "check growth t(10000)/t(3000), processor time": ("check_growth_10000", 3.6),
    "median page HTML at 3000 / at 100": ("html_growth", 1.3),
    "peak memory of the build at the largest size (MB)": ("peak_mb", 1000),
    "search bytes before first result (kB)": ("search_kb", 300),
    "search time after last keystroke (ms)": ("search_ms", 300),
    "edit to browser in mkdocs serve at 3000 pages (s)": ("edit_s", 1.0),
    "slow connection: home page load, demo (ms)": ("slow_home_demo", 1500),
    "slow connection: last keystroke to first results, demo (ms)": ("slow_search_demo", 1500),
    "slow connection: home page load, at the largest size (ms)": ("slow_home", 1500),
    "slow connection: last keystroke to first results, at the largest size (ms)": ("slow_search", 1500),
}
EDIT_AT = 3000  # the serve edit is measured at this size when it is one of the sizes


@dataclass
class Size:
    pages: int
    counts: dict = field(default_factory=dict)
    build_s: float = 0.0
    build_cpu_s: float = 0.0  # user + system time of the build and the processes it started
    plain_s: float = 0.0
    check_s: float = 0.0
    check_cpu_s: float = 0.0
    floor_s: float = 0.0
    peak_mb: float = 0.0
    site_mb: float = 0.0
    html_pages: int = 0
    median_html_kb: float = 0.0
    search_index_kb: float = 0.0
    search: dict = field(default_factory=dict)
    edit_s: float | None = None
    slow: list = field(default_factory=list)  # slow_probe's figures: after reading, then at once


def run_measured(command: list[str], cwd: Path) -> tuple[float, float, float]:
    """Wall time (s), peak memory (MB) and processor time (s) of a child process.

    Peak memory is the largest sum, sampled every 0.1 s, of the resident memory of the process
    and every process it started (Pagefind's indexer runs beside the build), and never less than
    the largest single process's own peak. Processor time is user and system time of the process
    and of the processes it started and waited for (Linux's wait4 counts those: the build waits
    for each Pagefind process it stops)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    sampled = [0.0]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.1):
            sampled[0] = max(sampled[0], tree_rss_mb(process.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    err_chunks: list[bytes] = []
    reader = threading.Thread(target=lambda: err_chunks.append(process.stderr.read()), daemon=True)
    reader.start()  # a full stderr pipe would stop the build
    _, status, usage = os.wait4(process.pid, 0)
    done.set()
    elapsed = time.perf_counter() - start
    sampler.join()
    reader.join(timeout=10)
    err = b"".join(err_chunks).decode("utf-8", "replace")
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(command)} failed in {cwd}:\n{err[-4000:]}")
    return elapsed, max(sampled[0], usage.ru_maxrss / 1024), usage.ru_utime + usage.ru_stime


def tree_rss_mb(pid: int) -> float:
    """Resident memory (MB) of *pid* and its descendants now (Linux /proc; 0 elsewhere)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry.name))
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        todo += children.get(current, [])
        try:
            for line in Path(f"/proc/{current}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024


INNER = """
import sys, time
from pathlib import Path
start, cpu = time.perf_counter(), time.process_time()
if sys.argv[1] == "check":
    from practice_hub.settings import Project
    from practice_hub.site import load_site
    site = load_site(Project.from_config_file(Path("mkdocs.yml")))
    assert not site.problems.errors, site.problems.errors[:3]
else:
    import yaml
    count = 0
    for path in sorted(Path("docs").rglob("*")):
        if path.suffix not in (".md", ".yml") or "/." in str(path):
            continue
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".md":
            text = text.split("---", 2)[1] if text.startswith("---") else ""
        yaml.safe_load(text)
        count += 1
print(time.perf_counter() - start, time.process_time() - cpu)
"""


def inner_time(kind: str, cwd: Path) -> tuple[float, float]:
    """Wall and processor time of the work alone (imports excluded), in a fresh interpreter."""
    result = subprocess.run(
        [sys.executable, "-c", INNER, kind], cwd=cwd, env=ENV, capture_output=True, text=True
    )
    if result.returncode != 0:
        raise RuntimeError(result.stderr[-3000:])
    wall, cpu = result.stdout.strip().splitlines()[-1].split()
    return float(wall), float(cpu)


def make_plain(project: Path, plain: Path) -> None:
    """The same Markdown as Practice Hub renders, for plain Material with the hooks off."""
    sys.path.insert(0, str(project))
    from ..renderer.site_pages import generated_pages, page_additions
    from ..settings import Project
    from ..site import load_site

    if plain.exists():
        shutil.rmtree(plain)
    shutil.copytree(project, plain, ignore=shutil.ignore_patterns("site"))
    site = load_site(Project.from_config_file(plain / "mkdocs.yml"))
    docs = plain / "docs"
    existing = {p.relative_to(docs).as_posix() for p in docs.rglob("*.md")}
    pages = generated_pages(site, existing)
    site = site.with_pages(page_uris=frozenset(existing | set(pages)))
    for uri in sorted(existing):
        path = docs / uri
        text = path.read_text(encoding="utf-8")
        addition = page_additions(site, uri, text, site.page_uris)
        if addition:
            path.write_text(text.rstrip() + "\n\n" + addition, encoding="utf-8")
    for uri, content in pages.items():
        path = docs / uri
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    for folder in ("training", "glossary", "links", "_data"):
        for path in (docs / folder).glob("*.yml"):
            path.unlink()
    # Plain Material: the engine's plugin off, its theme kept (as a custom_dir) so that the pages
    # are the same templates' output.
    from ..resources import theme_dir

    config = (plain / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"\n  - practice-hub\n", "\n", config)
    config = config.replace("\ntheme:\n", f"\ntheme:\n  custom_dir: {json.dumps(str(theme_dir()))}\n", 1)
    (plain / "mkdocs.yml").write_text(config, encoding="utf-8")


def site_figures(site: Path, size: Size) -> None:
    files = [p for p in site.rglob("*") if p.is_file()]
    size.site_mb = sum(p.stat().st_size for p in files) / 1024 / 1024
    pages = [p.stat().st_size for p in files if p.name == "index.html"]
    size.html_pages = len(pages)
    size.median_html_kb = statistics.median(pages) / 1024 if pages else 0.0
    index = (
        [site / "search" / "search_index.json", *(site / "pagefind").rglob("*")]
        if (site / "pagefind").exists()
        else [site / "search" / "search_index.json"]
    )
    size.search_index_kb = sum(p.stat().st_size for p in index if p.is_file()) / 1024


def prepare(pages: int, workdir: Path) -> Size:
    """The corpus at one size, and its copy for plain Material."""
    size = Size(pages)
    project = workdir / f"corpus-{pages}"
    size.counts = generate(project, pages)
    make_plain(project, workdir / f"plain-{pages}")
    return size


def time_once(size: Size, workdir: Path) -> None:
    """One round of timings at one size; each timing is kept if it is the fastest so far, and
    peak memory if it is the largest."""
    project, plain = workdir / f"corpus-{size.pages}", workdir / f"plain-{size.pages}"
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", "site"]
    build_s, peak_mb, build_cpu_s = run_measured(mkdocs, project)
    plain_s, _, _ = run_measured(mkdocs, plain)
    # the floor and check take seconds, where a spell of the machine's noise is a large share:
    # the fastest of three each round
    floor_s = min(inner_time("floor", project)[0] for _ in range(3))
    checks = [inner_time("check", project) for _ in range(3)]
    check_s, check_cpu_s = min(wall for wall, _ in checks), min(cpu for _, cpu in checks)
    first = size.build_s == 0.0
    timings = {
        "build_s": build_s,
        "build_cpu_s": build_cpu_s,
        "plain_s": plain_s,
        "floor_s": floor_s,
        "check_s": check_s,
        "check_cpu_s": check_cpu_s,
    }
    for name, value in timings.items():
        setattr(size, name, value if first else min(getattr(size, name), value))
    size.peak_mb = max(size.peak_mb, peak_mb)


def slow_figures(site: Path) -> list[dict]:
    """The home page and search on Chromium's emulated slow connection (slow_probe): a reader who
    reads the page a few seconds before searching, and one who searches as soon as it has loaded."""
    from .slow_probe import READING_S, probe

    return [probe(site, reading_s=reading) for reading in (READING_S, 0.0)]


def demo_slow(workdir: Path) -> list[dict]:
    """slow_figures of the demo (this repository's docs/, when its mkdocs.yml says demo: true),
    built into the work folder; [] when there is no demo."""
    config = REPO / "mkdocs.yml"
    if not config.is_file() or not re.search(r"^\s+demo:\s*true\b", config.read_text(encoding="utf-8"), re.M):
        return []
    site = workdir / "demo-site"
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(site)]
    subprocess.run(mkdocs, cwd=REPO, env=ENV, check=True, capture_output=True)
    return slow_figures(site)


def slow_lines(name: str, slow: list[dict]) -> list[str]:
    from .slow_probe import report as slow_report

    return [slow_report(name, figures).rstrip("\n") for figures in slow]


def probe_size(size: Size, workdir: Path, browser: bool, probe_edit: bool) -> None:
    """The built site's figures, and search and the serve edit in Chromium."""
    project = workdir / f"corpus-{size.pages}"
    site_figures(project / "site", size)
    if browser:
        from .search_probe import probe

        size.search = probe(project / "site")
        size.slow = slow_figures(project / "site")
        if probe_edit:
            from .serve_probe import probe as serve_probe

            source = next((project / "docs/procedures").rglob("procedure-1.md"))
            uri = source.relative_to(project / "docs").with_suffix("").as_posix() + "/"
            size.edit_s = serve_probe(project, uri, source)["edit_s"]


def report(sizes: list[Size], demo: list[dict] | None = None) -> tuple[str, bool]:
    by_pages = {s.pages: s for s in sizes}
    lines = [
        f"Practice Hub benchmark on {platform.node() or 'this machine'}: {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, {platform.platform()}",
        "",
    ]
    lines.append(
        "| pages | rendered | build s | build CPU s | plain s | overhead | check s | check CPU s | floor s | "
        "check/floor | peak MB | site MB | median page kB | search index kB | search kB | search ms |"
    )
    lines.append("|" + "---|" * 16)
    for s in sizes:
        lines.append(
            f"| {s.pages} | {s.html_pages} | {s.build_s:.2f} | {s.build_cpu_s:.2f} | {s.plain_s:.2f} | "
            f"{s.build_s / s.plain_s:.3f} | {s.check_s:.3f} | {s.check_cpu_s:.3f} | {s.floor_s:.3f} | "
            f"{s.check_s / s.floor_s:.2f} | {s.peak_mb:.0f} | {s.site_mb:.1f} | "
            f"{s.median_html_kb:.1f} | {s.search_index_kb:.0f} | {s.search.get('kb', float('nan')):.0f} | "
            f"{s.search.get('ms', float('nan')):.0f} |"
            + (f" (edit in serve: {s.edit_s:.2f} s)" if s.edit_s is not None else "")
        )
    largest = sizes[-1]
    edits = [s for s in sizes if s.edit_s is not None]
    figures = {
        "edit_s": edits[-1].edit_s if edits and edits[-1].pages == EDIT_AT else None,
        "overhead": largest.build_s / largest.plain_s,
        "peak_mb": largest.peak_mb,
        "check_ratio": largest.check_s / largest.floor_s,
        "search_kb": largest.search.get("kb"),
        "search_ms": largest.search.get("ms"),
    }
    # slow connection: the worse of the two readers (reading first, searching at once)
    for suffix, slow in (("", largest.slow), ("_demo", demo or [])):
        if slow:
            figures["slow_home" + suffix] = max(f["home_ms"] for f in slow)
            figures["slow_search" + suffix] = max(f["search_ms"] for f in slow)
    walls = []  # wall-clock growth, printed for information
    for small, large, suffix in ((1000, 3000, ""), (3000, 10000, "_10000")):
        if small in by_pages and large in by_pages:
            low, high = by_pages[small], by_pages[large]
            figures["build_growth" + suffix] = high.build_cpu_s / low.build_cpu_s
            figures["check_growth" + suffix] = high.check_cpu_s / low.check_cpu_s
            walls.append(
                f"- wall-clock growth t({large})/t({small}), for information: build "
                f"{high.build_s / low.build_s:.3g}, check {high.check_s / low.check_s:.3g}"
            )
    if 10000 in by_pages:
        figures["overhead_10000"] = by_pages[10000].build_s / by_pages[10000].plain_s
    if 100 in by_pages and 3000 in by_pages:
        figures["html_growth"] = by_pages[3000].median_html_kb / by_pages[100].median_html_kb
    slow_parts = [("the demo", demo or [])] + [(f"{s.pages} pages", s.slow) for s in sizes]
    if any(slow for _, slow in slow_parts):
        lines += ["", "On a slow connection:"]
        for name, slow in slow_parts:
            lines += slow_lines(name, slow)
    lines += ["", "Budgets:"]
    passed = True
    for name, (key, limit) in BUDGETS.items():
        value = figures.get(key)
        if value is None:
            lines.append(f"- {name}: not measured at these sizes")
            continue
        ok = value <= limit
        passed &= ok
        lines.append(f"- {name}: {value:.3g} (budget {limit:g}) {'PASS' if ok else 'FAIL'}")
    lines += walls
    return "\n".join(lines) + "\n", passed


def main(sizes: list[int], workdir: Path, browser: bool, results: Path | None, repeat: int = 3) -> int:
    workdir.mkdir(parents=True, exist_ok=True)
    edit_at = EDIT_AT if EDIT_AT in sizes else max(sizes)  # the serve edit is measured at one size
    measured = [prepare(pages, workdir) for pages in sizes]
    # Timings in rounds over every size, so that a machine slower for some minutes (a shared
    # host) slows one round of every size rather than every run of one size; each timing is the
    # fastest of its size's rounds.
    for turn in range(repeat):
        for size in measured:
            print(f"Timing {size.pages} pages (round {turn + 1} of {repeat})...", file=sys.stderr, flush=True)
            time_once(size, workdir)
    for size in measured:
        print(f"Measuring search at {size.pages} pages...", file=sys.stderr, flush=True)
        probe_size(size, workdir, browser, probe_edit=size.pages == edit_at)
    demo = []
    if browser:
        print("Measuring the demo on a slow connection...", file=sys.stderr, flush=True)
        demo = demo_slow(workdir)
    text, passed = report(measured, demo)
    print(text)
    print(json.dumps({s.pages: {k: v for k, v in s.__dict__.items()} for s in measured}, default=str))
    if results:
        results.write_text("# Benchmark results\n\n```\n" + text + "```\n", encoding="utf-8")
    return 0 if passed else 1
