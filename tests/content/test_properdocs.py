"""ProperDocs, the maintained fork of MkDocs 1.x, builds the same site.

`python -m practice_hub build --engine properdocs` (or PRACTICE_HUB_ENGINE=properdocs) builds
with ProperDocs; this compares it with the MkDocs build of the same content."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from helpers import PROJECT, env


def build(engine: str, target):
    result = subprocess.run(
        [sys.executable, "-m", "practice_hub", "build", "--engine", engine, "-d", str(target)],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        env=env(),
        timeout=900,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    folder = tmp_path_factory.mktemp("engines")
    build("mkdocs", folder / "mkdocs")
    result = build("properdocs", folder / "properdocs")
    return folder / "mkdocs", folder / "properdocs", result


def pages(site):
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def test_the_same_pages(sites):
    mkdocs_site, properdocs_site, _ = sites
    assert pages(properdocs_site) == pages(mkdocs_site)


def test_the_same_content_json_items(sites):
    mkdocs_site, properdocs_site, _ = sites
    items = [
        json.loads((site / "content.json").read_text(encoding="utf-8"))["items"]
        for site in (mkdocs_site, properdocs_site)
    ]
    assert items[1] == items[0]


GENERATOR = re.compile(r'<meta name="generator" content="[^"]*">')


def test_the_same_html_apart_from_the_generator_tag(sites):
    mkdocs_site, properdocs_site, _ = sites
    for name in pages(mkdocs_site):
        a, b = (
            GENERATOR.sub("", (site / name).read_text(encoding="utf-8"))
            for site in (mkdocs_site, properdocs_site)
        )
        assert a == b, name
