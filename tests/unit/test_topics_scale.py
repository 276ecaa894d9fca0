"""Topic pages list every item with the topic once, found without comparing items: comparing each
item with every item already listed grew with the square of a topic's items (at 10,000
pages, a topic on thousands of procedures)."""

from __future__ import annotations

import pytest

from practice_hub.renderer.tags import tagged
from practice_hub.structure.items import Item


def _item(number: int, **data) -> Item:
    return Item(
        type="procedure",
        data={"id": f"p{number}", "title": f"Procedure {number}", **data},
        path=f"docs/procedures/p{number}.md",
        line=1,
        loaded=None,
    )


def test_an_item_with_a_topic_in_tags_and_topics_is_listed_once_in_order():
    first = _item(1, tags=["safeguarding", "mca"], topics=["safeguarding"])
    second = _item(2, topics=["safeguarding"])
    archived = _item(3, tags=["safeguarding"], status="archived")
    odd = _item(4, tags=[7, "mca"])  # a number is refused at validation; never listed here
    by_tag = tagged([first, second, archived, odd])
    assert by_tag["safeguarding"] == [first, second]
    assert by_tag["mca"] == [first, odd]
    assert 7 not in by_tag


def test_items_are_not_compared_with_each_other(monkeypatch):
    def refuse(self, other):  # the dataclass's field-by-field comparison
        raise AssertionError("an item was compared with another")

    monkeypatch.setattr(Item, "__eq__", refuse)
    items = [_item(n, tags=["safeguarding"], topics=["safeguarding"]) for n in range(200)]
    by_tag = tagged(items)
    assert len(by_tag["safeguarding"]) == 200
    with pytest.raises(AssertionError):
        _ = items[0] == items[1]  # the guard itself works
