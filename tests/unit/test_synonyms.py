"""The search's synonyms (docs/_data/synonyms.yml): read at the line of every problem, in the
editors' words, never a traceback; each group found both ways by the search's hidden words."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from practice_hub.resources import schema_dir
from practice_hub.schema import Schemas
from practice_hub.search.terms import Glossary, search_terms
from practice_hub.structure.synonyms import read_synonyms

PATH = "docs/_data/synonyms.yml"
SCHEMAS = Schemas(schema_dir())


def problems(text: str) -> list[str]:
    return [str(problem) for problem in read_synonyms(text, PATH, SCHEMAS).problems]


def test_groups_are_read_in_order_with_spaces_made_single():
    read = read_synonyms(
        "# a comment\n- words: [home visit, 'statutory   visits']\n  note: why\n- words: [EDT, out of hours]\n",
        PATH,
        SCHEMAS,
    )
    assert read.groups == (("home visit", "statutory visits"), ("EDT", "out of hours"))
    assert read.problems == ()


@pytest.mark.parametrize("text", ["", "# only a comment\n", "\n\n"])
def test_an_empty_file_has_no_synonyms_and_no_problem(text):
    assert read_synonyms(text, PATH, SCHEMAS).groups == ()
    assert problems(text) == []


MESSAGES = [
    (
        "- words: [home visit]\n",
        'docs/_data/synonyms.yml:1: field "words" must list two or more words or phrases that mean the '
        "same, for example [home visit, statutory visits]",
    ),
    (
        "- words: home visit\n",
        'docs/_data/synonyms.yml:1: field "words" must list two or more words or phrases that mean the '
        "same, for example [home visit, statutory visits]",
    ),
    (
        "words: [home visit, statutory visits]\n",
        "docs/_data/synonyms.yml:1: the file must be a list of word groups (start each group with "
        "'- words:' at the left margin, for example - words: [EDT, out of hours])",
    ),
    (
        "- home visit, statutory visits\n",
        "docs/_data/synonyms.yml:1: group 1 must start with 'words:' (write each group as - words: "
        "[home visit, statutory visits])",
    ),
    (
        "- words: [home visit, statutory visits]\n  wrds: visiting\n",
        'docs/_data/synonyms.yml:2: unknown field "wrds" (did you mean "words"?)',
    ),
    (
        "- note: visits\n",
        'docs/_data/synonyms.yml:1: missing required field "words" (add a line "words: ...": two or more '
        "words or phrases that mean the same, for example [home visit, statutory visits])",
    ),
    (
        "- words: [home visit, statutory visits]\n- words: [EDT, Home Visit]\n",
        'docs/_data/synonyms.yml:2: "Home Visit" is already in the group on line 1 (keep each word in one '
        "group only: join the two groups, or remove it from one)",
    ),
    (
        "- words: [EDT, edt, out of hours]\n",
        'docs/_data/synonyms.yml:1: "edt" is in this group twice (keep each word in one group only: join '
        "the two groups, or remove it from one)",
    ),
    (
        "- words:\n    - home visit\n    - <b>visit</b>\n",
        'docs/_data/synonyms.yml:3: field "words" has "<b>visit</b>", which is not a word or short phrase: '
        "use up to 60 letters, without < > [ ] { }",
    ),
    (
        "- words: [home visit, statutory visits\n",
        "docs/_data/synonyms.yml:2: the fields cannot be read here (YAML says: expected ',' or ']', but got "
        "'<stream end>') (check the indentation, colons and quotes on this line and the one before)",
    ),
]


@pytest.mark.parametrize(("text", "message"), MESSAGES)
def test_each_problem_is_said_at_its_line_in_plain_words(text, message):
    assert problems(text) == [message]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        st.text(),
        st.lists(
            st.sampled_from(
                [
                    "- ",
                    "words: ",
                    "[",
                    "]",
                    "{",
                    "}",
                    ", ",
                    "home visit",
                    "EDT",
                    "\n",
                    "  ",
                    ":",
                    "'",
                    '"',
                    "- words: [a, b]\n",
                    "&x",
                    "*x",
                    "!!python",
                    "\t",
                    "42",
                    "null",
                ]
            ),
            max_size=30,
        ).map("".join),
    )
)
def test_no_text_makes_a_traceback(text):
    read = read_synonyms(text, PATH, SCHEMAS)
    for problem in read.problems:
        assert problem.path == PATH and problem.line >= 1 and problem.message
    for group in read.groups:
        assert len(group) > 1 and all(isinstance(word, str) and word.strip() for word in group)


def test_a_page_using_one_word_of_a_group_is_found_by_the_others():
    glossary = Glossary.of([], (("home visit", "statutory visits", "visit the child"),))
    own, related = search_terms(
        "Child protection plans", "cp-plans", [], "Visit the child every 10 days.", glossary
    )
    assert "home visit" in related and "statutory visits" in related
    own, related = search_terms("Looked after reviews", "lac", [], "Nothing about it here.", glossary)
    assert "home visit" not in related


def test_a_short_name_in_capitals_is_found_only_in_capitals():
    """ "DO" (the designated officer) is not "do" in "what do I do"; "EDT" is found as written."""
    glossary = Glossary.of([], (("LADO", "designated officer", "DO"), ("EDT", "out of hours")))
    assert search_terms("A page", "p", [], "What do I do next?", glossary)[1] == ""
    assert "LADO" in search_terms("A page", "p", [], "Tell the DO today.", glossary)[1]
    assert "out of hours" in search_terms("A page", "p", [], "Call EDT.", glossary)[1]
    assert "EDT" in search_terms("A page", "p", [], "Call the team Out Of Hours.", glossary)[1]
