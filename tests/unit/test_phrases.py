"""Glossary terms are found in a page in time linear in the page, with the same rules
as the one big regular expression they replace."""

from __future__ import annotations

import random
import re

from practice_hub.structure.phrases import PhraseIndex


def old_way(phrases, text, ignore_case=False):
    """The regular expression used before (cost: text length x number of phrases)."""
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=lambda p: (-len(p), p)))
    pattern = re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.I if ignore_case else 0)
    return [m.group(0) for m in pattern.finditer(text)]


def test_finds_terms_only_where_they_stand_alone():
    index = PhraseIndex.of(["MASH", "DoLS", "A&E", "s47", "section 47", "Care Act"])
    text = "MASH, SMASHED, non-MASH, MASH-led; DoLS. A&E's s47 s 47 section  47\nCare\nAct"
    assert list(index.find(text)) == ["MASH", "DoLS", "A&E", "s47", "section 47", "Care Act"]


def test_longest_phrase_wins_and_case_can_be_ignored():
    index = PhraseIndex.of(["child", "child protection", "child protection plan"], ignore_case=True)
    assert list(index.find("A Child Protection Plan and a child protection conference")) == [
        "child protection plan",
        "child protection",
    ]


def test_same_answers_as_the_regular_expression_on_random_text():
    rng = random.Random(19)
    words = ["MASH", "mash", "DoLS", "s47", "section", "47", "A&E", "care", "Care", "act", "-", "'s", ","]
    phrases = ["MASH", "DoLS", "s47", "section 47", "A&E", "Care Act", "care", "act"]
    for _ in range(500):
        text = "".join(rng.choice(words) + rng.choice(["", " ", "  ", "\n"]) for _ in range(12))
        for ignore_case in (False, True):
            keys = [p.lower() for p in phrases] if ignore_case else phrases
            index = PhraseIndex.of(keys, ignore_case=ignore_case)
            expected = old_way(keys, text, ignore_case)
            expected = [" ".join((e.lower() if ignore_case else e).split()) for e in expected]
            assert list(index.find(text)) == expected, text
