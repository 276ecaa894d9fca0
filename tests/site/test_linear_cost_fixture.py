"""Bounded cost: a page with 60 kB of unclosed ``<a`` (it took 35 s to check, and the
build did not end in 300 s) is refused by ``check`` and by the strict build at its path:line,
with the same message, in a few seconds of processor time, before any page is rendered."""

from __future__ import annotations

import resource

import pytest

from helpers import FIXTURES, make_project, run_build, run_check

FRONT = (
    "---\nid: slow\ntitle: Slow\nsummary: Unclosed tags.\nowner: PSW\nstatus: current\n"
    "last_reviewed: 2026-01-01\nreview_by: 2027-01-01\n---\n\n"
)
UNCLOSED = (
    'docs/procedures/slow.md:13: the paragraph has an HTML tag starting "<a" that is not closed with > '
    "on the same line (end it with > on the same line, or put a space after a < that is meant as text "
    "(an unclosed tag makes the build very slow))"
)
MAX_SECONDS = 30  # processor time of the command; before the limits the check alone took 22-35 s


@pytest.fixture(scope="module")
def slow(tmp_path_factory):
    body = "A page.\n\n" + "<a x\n" * 12_000  # 60 kB, every line an unclosed tag
    return make_project(
        tmp_path_factory.mktemp("slow"),
        FIXTURES / "attacks" / "docs",
        files={"procedures/slow.md": FRONT + body},
    )


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def test_check_refuses_unclosed_tags_quickly(slow):
    before = children_cpu()
    result = run_check(slow)
    spent = children_cpu() - before
    assert "Traceback" not in result.stdout + result.stderr
    assert result.returncode == 1
    assert [line for line in result.stdout.splitlines() if "slow.md" in line] == [UNCLOSED]
    assert spent < MAX_SECONDS


def test_build_refuses_before_rendering(slow):
    before = children_cpu()
    result = run_build(slow)
    spent = children_cpu() - before
    log = result.stdout + result.stderr
    assert result.returncode == 1
    assert "Traceback" not in log
    errors = [
        line.split("-  ", 1)[1] for line in log.splitlines() if line.startswith("ERROR") and "slow.md" in line
    ]
    assert errors == [UNCLOSED]
    assert not (slow / "site" / "index.html").exists()
    assert not list(slow.glob("site*/procedures/slow/index.html"))
    assert spent < MAX_SECONDS
