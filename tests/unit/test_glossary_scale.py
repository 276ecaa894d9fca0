"""A glossary page costs work linear in its number of terms.

The glossary page at 1,000 and 4,000 terms, through everything the build does with it (the A to Z
listing, abbreviations, Markdown with the site's own extensions, the search's glossary words).
Linear is 4x; the test fails above 5x. Before the fix the page's cost grew with the square of its
terms (16x).

The cost is counted in machine instructions, by Valgrind's callgrind, not in seconds: the same
code and input give the same count whatever else the machine is doing. Timing it could not tell
the code from its neighbours: on CI's two shared cores 4x the work has taken from 4.0x to 6.4x
the time. This file is also the script that callgrind runs (``__main__`` below).
"""

from __future__ import annotations

import os
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path

import markdown
import pytest
import yaml

from practice_hub.renderer.glossary import abbreviations_for, glossary_page
from practice_hub.renderer.listing import glossary
from practice_hub.search.terms import Glossary, search_terms
from practice_hub.structure.abbreviations import abbreviation_index
from practice_hub.structure.items import Item

ROOT = Path(__file__).resolve().parents[2]
WORDS = "care support child adult family plan review assessment risk court health school housing".split()
SMALL, LARGE = 1000, 4000


def extensions():
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    names, configs = [], {}
    for entry in config["markdown_extensions"]:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        names.append(name)
        if options:
            configs[name] = options
    return names, configs


def terms(count: int) -> list[Item]:
    rng = random.Random(count)
    items = []
    for i in range(count):
        letters = "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(3))
        data = {
            "id": f"t{i}",
            "term": f"{letters}{i}",
            "expansion": " ".join(rng.choice(WORDS).title() for _ in range(3)),
            "definition": " ".join(rng.choice(WORDS) for _ in range(25)) + ".",
            "aliases": [f"{rng.choice(WORDS)} {rng.choice(WORDS)} {i}"],
            "see_also": [f"t{rng.randrange(count)}"],
        }
        items.append(Item(type="glossary", data=data, path="docs/glossary/g.yml", line=1, loaded=None))
    return items


def glossary_work(items: list[Item], names, configs) -> None:
    """What the build does with a glossary of these terms."""
    page = "# Glossary\n\n" + glossary(items)
    page += abbreviations_for(page, abbreviation_index(items), glossary_page())
    html = markdown.markdown(page, extensions=names, extension_configs=configs)
    search_terms("Glossary", "", [], html, Glossary.of(items))
    # and an ordinary page that uses a few of the terms, as every other page does
    ordinary = " ".join(str(i.data["term"]) for i in items[::50]) + " and some words. " * 200
    abbreviations_for(ordinary, abbreviation_index(items))


def measure() -> None:
    """Run under callgrind with ``--dump-before=getppid``: each os.getppid() ends one count."""
    names, configs = extensions()
    small, large = terms(SMALL), terms(LARGE)
    glossary_work(terms(100), names, configs)  # imports, compiled patterns: not the page's cost
    os.getppid()  # dump 1: setting up
    glossary_work(small, names, configs)
    os.getppid()  # dump 2: the small glossary
    glossary_work(large, names, configs)
    os.getppid()  # dump 3: the large glossary


def instructions(dump: Path) -> int:
    match = re.search(r"^totals: (\d+)", dump.read_text(encoding="utf-8"), re.MULTILINE)
    assert match, f"no totals in {dump}"
    return int(match.group(1))


def test_glossary_page_cost_grows_linearly_with_its_terms(tmp_path):
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        pytest.fail(
            "The glossary scale test needs Valgrind: sudo apt-get install valgrind (./dev test does this)",
            pytrace=False,
        )
    out = tmp_path / "callgrind.out"
    run = subprocess.run(
        [valgrind, "--tool=callgrind", "--dump-before=getppid", f"--callgrind-out-file={out}"]
        + [sys.executable, __file__],
        env={**os.environ, "PYTHONHASHSEED": "0"},
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    small_cost, large_cost = instructions(Path(f"{out}.2")), instructions(Path(f"{out}.3"))
    ratio = large_cost / small_cost
    assert ratio <= 5, (
        f"4x the terms cost {ratio:.2f}x the instructions (linear is 4x): {small_cost:,} -> {large_cost:,}"
    )


if __name__ == "__main__":
    measure()
