"""The serve cache (practice_hub/cache.py): the one place anything outlives a build; it hands out copies."""

from __future__ import annotations

import pytest

from helpers import FIXTURES, REPO
from practice_hub.cache import SERVE_CACHE
from practice_hub.schema import load_schemas
from practice_hub.structure.load import read_all


@pytest.fixture(autouse=True)
def own_serve_cache():
    SERVE_CACHE.reset()
    yield SERVE_CACHE
    SERVE_CACHE.reset()


def test_a_build_cannot_change_what_the_next_build_reads():
    schemas = load_schemas(REPO / "content_schema")
    first, _, _ = read_all(FIXTURES / "thread", FIXTURES / "thread" / "docs", schemas)
    assert SERVE_CACHE.files  # the second read comes from the cache
    for item in first:
        item.related["standard"] = ["changed-by-an-earlier-build"]
        item.uri = "changed.md"
    second, _, _ = read_all(FIXTURES / "thread", FIXTURES / "thread" / "docs", schemas)
    assert [i.id for i in second] == [i.id for i in first]
    assert all(item.related == {} and item.uri != "changed.md" for item in second)


def test_reset_empties_every_cache():
    load_schemas(REPO / "content_schema")
    SERVE_CACHE.swap_last_built("/tmp/x", {"g:a.md": "1"})
    SERVE_CACHE.reset()
    assert not (SERVE_CACHE.files or SERVE_CACHE.schemas or SERVE_CACHE.last_built or SERVE_CACHE.calendar)
