"""extra.practice_hub.menu_section_limit: a whole number of pages, refused in plain words otherwise."""

from __future__ import annotations

import pytest

from practice_hub.menu import mark_long_sections
from practice_hub.settings import Settings


def test_the_limit_defaults_to_a_hundred_pages_and_takes_a_whole_number():
    assert Settings.from_mapping({}).menu_section_limit == 100
    assert Settings.from_mapping({"menu_section_limit": 40}).menu_section_limit == 40


@pytest.mark.parametrize("bad", [0, -5, "many", 2.5, True])
def test_a_limit_that_is_not_a_whole_number_of_pages_is_refused(bad):
    with pytest.raises(ValueError) as raised:
        Settings.from_mapping({"menu_section_limit": bad})
    assert str(raised.value) == (
        f"extra.practice_hub.menu_section_limit must be a whole number of pages, 1 or more (not {bad!r})"
    )


class Node:
    def __init__(self, *children, index=False):
        self.is_section = bool(children)
        self.children = list(children) if children else None
        self.is_index = index


def test_sections_over_the_limit_are_marked_with_their_index_page():
    index = Node(index=True)
    inner = Node(Node(), Node())
    long = Node(Node(), index, Node(), inner)
    mark_long_sections([long], 3)
    assert long.ph_long is True and long.ph_index is index
    assert inner.ph_long is False and inner.ph_index is None
