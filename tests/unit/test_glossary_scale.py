"""Issue 19: a glossary page costs time linear in its number of terms.

Measured as a ratio in one run (never a wall-clock limit): the glossary page at 1,000 and 4,000
terms, through everything the build does with it (the A to Z listing, abbreviations, Markdown
with the site's own extensions, the search's glossary words). Linear is 4x; the test fails
above 5x. Before the fix the page's cost grew with the square of its terms (16x).
"""

from __future__ import annotations

import gc
import random
import time
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


def page_cost(items: list[Item], names, configs) -> float:
    # Python's cyclic garbage collector costs more per object the more objects live (a property
    # of the interpreter, not of the page's algorithm): collect first, then keep it off while
    # measuring, so the ratio is the page's own.
    gc.collect()
    gc.disable()
    try:
        return _page_cost(items, names, configs)
    finally:
        gc.enable()


def _page_cost(items: list[Item], names, configs) -> float:
    start = time.process_time()  # this process's CPU time: other work on the machine does not count
    page = "# Glossary\n\n" + glossary(items)
    page += abbreviations_for(page, abbreviation_index(items), glossary_page())
    html = markdown.markdown(page, extensions=names, extension_configs=configs)
    search_terms("Glossary", "", [], html, Glossary.of(items))
    # and an ordinary page that uses a few of the terms, as every other page does
    ordinary = " ".join(str(i.data["term"]) for i in items[::50]) + " and some words. " * 200
    abbreviations_for(ordinary, abbreviation_index(items))
    return time.process_time() - start


@pytest.mark.alone  # a timing ratio: no browser or build beside it (tests/conftest.py)
def test_glossary_page_cost_grows_linearly_with_its_terms():
    names, configs = extensions()
    small, large = terms(1000), terms(4000)
    page_cost(small, names, configs)  # warm up imports and caches
    # Small and large in turns, so other work on the machine slows both alike; the fastest of
    # each, since such work only ever adds time.
    small_costs, large_costs = [], []
    for _ in range(6):
        small_costs.append(page_cost(small, names, configs))
        large_costs.append(page_cost(large, names, configs))
    small_cost, large_cost = min(small_costs), min(large_costs)
    ratio = large_cost / small_cost
    assert ratio <= 5, (
        f"4x the terms cost {ratio:.1f}x the time (linear is 4x): {small_cost:.2f}s -> {large_cost:.2f}s"
    )
