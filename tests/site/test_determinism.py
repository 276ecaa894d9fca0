"""Two builds of a fixture site (the thread fixture) with the same SOURCE_DATE_EPOCH are byte-identical, Pagefind's files included.

The two builds run from two different project folders into two different site folders, one after
the other, so neither a folder name, a clock reading nor a hash-map order may leak into the output.
"""

from __future__ import annotations

import gzip
import hashlib
from pathlib import Path

from helpers import FIXTURES, make_project, run_build


def _files(site: Path) -> dict[str, str]:
    return {path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(site.rglob("*")) if path.is_file()}


def test_two_builds_are_byte_identical(tmp_path):
    sites = []
    for name in ("first", "second"):
        project = make_project(tmp_path / name, FIXTURES / "thread" / "docs")
        result = run_build(project)
        assert result.returncode == 0, result.stdout + result.stderr
        sites.append(project / "site")
    first, second = (_files(site) for site in sites)
    only_first = sorted(first.keys() - second.keys())
    only_second = sorted(second.keys() - first.keys())
    differing = sorted(name for name in first.keys() & second.keys() if first[name] != second[name])
    assert not (only_first or only_second or differing), (
        f"only in the first build: {only_first}\nonly in the second build: {only_second}\n"
        f"different bytes: {differing}")
    assert any(name.startswith("pagefind/") and name.endswith(".pf_meta") for name in first)
    assert "content.json" in first and "sitemap.xml.gz" in first
    # gzip stores a modification time: it must come from SOURCE_DATE_EPOCH, not the clock
    header = (sites[0] / "sitemap.xml.gz").read_bytes()[:10]
    assert gzip.decompress((sites[0] / "sitemap.xml.gz").read_bytes())
    assert int.from_bytes(header[4:8], "little") in (0, 1795219200)
