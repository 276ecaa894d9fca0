"""Bounded cost: the checks run in time linear in the size of a page, and every shape
that Python-Markdown (or Python's HTML parser, or libyaml) reads in more than linear time is
refused before anything renders it.

Growth is judged on processor time (best of five), never on wall-clock time: for an input four
times as large, linear work takes about 4 times as long and quadratic work about 16 times.
"""

from __future__ import annotations

import pytest

from helpers import growth as measured_growth
from practice_hub.loader.yaml_lines import YamlProblem, load
from practice_hub.safety import check_body, markdown_limits

SMALL, LARGE = 100_000, 400_000
MAX_RATIO = 6


def repeat(unit):
    return lambda size: (unit * (size // len(unit) + 1))[:size]


# Each of these took more than linear time to render (or to check) before the limits of
# practice_hub/safety/markdown_limits.py; the first
# problem check_body reports for it, at 200 kB.
SHAPES = {
    "unclosed <a on one line": (repeat("<a "), "the line is"),
    "unclosed <a on many lines": (repeat("<a x\n"), 'HTML tag starting "<a"'),
    "unclosed <a in paragraphs": (repeat("<a x\n\n"), 'HTML tag starting "<a"'),
    "unclosed <a in indented code": (
        lambda n: "text\n\n" + repeat("    <a x\n")(n),
        'HTML tag starting "<a"',
    ),
    "unclosed attribute quote": (repeat('<span x="a\n'), 'HTML tag starting "<span"'),
    "quote closed on a later line": (repeat('<a x=b"c d="e>\n'), 'HTML tag starting "<a"'),
    "unclosed comments": (repeat("<!-- x\n"), 'HTML comment starting "<!--"'),
    "unclosed CDATA": (repeat("<![CDATA[\n"), 'HTML tag starting "<![CDATA["'),
    "unclosed <?": (repeat("<? x\n"), 'HTML tag starting "<?"'),
    "unclosed </": (repeat("</x\n"), 'HTML tag starting "</x"'),
    "unclosed <!": (repeat("<!x\n"), 'HTML tag starting "<!x"'),
    "unclosed autolinks": (repeat("<http://x\n"), 'HTML tag starting "<http:"'),
    "headings without blank lines": (repeat("# h\n"), "more than 50 headings"),
    "headings after text": (repeat("x\n# h\n"), "more than 50 headings"),
    "headings in a quote": (repeat("> # h\n"), "more than 50 headings"),
    "setext headings": (repeat("x\n-\n"), "more than 50 headings"),
    "rules": (repeat("- - -\n"), "more than 50 headings"),
    "rules of stars": (repeat("***\n"), "more than 50 headings"),
    "abbreviations": (repeat("*[A]: b\n"), "more than 50 headings"),
    "reference definitions between text": (repeat("text\n[a]: /b\n"), "more than 50 headings"),
    "admonitions without blank lines": (repeat("!!! note\n    x\n"), "more than 50 headings"),
    "details without blank lines": (repeat("??? note\n    x\n"), "more than 50 headings"),
    "definitions without blank lines": (repeat("t\n:   d\n"), "more than 50 headings"),
    "escaped backslashes": (repeat("\\\\\n"), "more than 300 \\ characters"),
    # limited before those limits, and still refused
    "brackets": (repeat("["), "the line is"),
    "brackets on many lines": (repeat("[a\n"), "more than 300 [ characters"),
    "emphasis": (repeat("*a _b\n"), "more than 600 * and _"),
    "deep quotes": (repeat("> " * 9 + "x\n"), "quotes are nested 9 deep"),
    "deep lists": (lambda n: "".join("    " * (i % 14) + "- x\n" for i in range(n // 30)), "indented 52"),
}


def growth(function, small, large) -> float:
    return measured_growth(function, small, large, MAX_RATIO)


def check(body):
    found = []
    check_body("docs/x.md", "procedure", body, 1, found)
    return found


@pytest.mark.parametrize("name", list(SHAPES))
def test_check_is_linear_and_refuses(name):
    make, expected = SHAPES[name]
    small, large = make(SMALL), make(LARGE)
    found = check(large)
    assert any(expected in p.message for p in found), [p.message for p in found[:3]]
    ratio = growth(check, small, large)
    assert ratio < MAX_RATIO, f"{name}: {ratio:.1f} times the processor time for 4 times the text"


def test_demo_like_page_is_linear_and_passes():
    unit = "## A heading\n\nA paragraph with <abbr title='t'>PSW</abbr>, *emphasis* and `code`.\n\n"
    small, large = repeat(unit)(SMALL), repeat(unit)(LARGE)
    assert not check(large)
    assert growth(check, small, large) < MAX_RATIO


def test_links_are_checked_in_linear_time():
    unit = "A paragraph with a [link](/x/) and <https://example.org/>.\n\n"
    small, large = repeat(unit)(SMALL), repeat(unit)(LARGE)
    assert growth(check, small, large) < MAX_RATIO


YAML_SHAPES = {
    "flow nesting": lambda n: "a: " + "[" * (n // 2) + "]" * (n // 2) + "\n",
    "unclosed flow nesting": lambda n: "a: " + "{a: " * (n // 4) + "\n",
    "lists in lists on one line": lambda n: "- " * (n // 2) + "x\n",
    "keys in keys on one line": lambda n: "? " * (n // 2) + "x\n",
    "block nesting": lambda n: "".join("  " * i + f"k{i}:\n" for i in range(int((n // 2) ** 0.5))),
}


def yaml_problem(text):
    try:
        load(text)
    except YamlProblem as problem:
        return problem
    return None


@pytest.mark.parametrize("name", list(YAML_SHAPES))
def test_deep_yaml_is_refused_quickly(name):
    # 25,000 levels of [ or "- " crashed the process (libyaml recursing) before nesting was limited.
    make = YAML_SHAPES[name]
    problem = yaml_problem(make(LARGE))
    assert problem is not None and problem.message == "the YAML is nested too deeply to read"
    assert growth(yaml_problem, make(SMALL), make(LARGE)) < MAX_RATIO


@pytest.mark.parametrize(
    "text",
    [
        lambda n: "a: " + "x" * n + "\n",
        lambda n: "".join(f"k{i}: value {i}\n" for i in range(n // 16)),
        lambda n: "a:\n" + "  - entry\n" * (n // 10),
    ],
    ids=["huge value", "many keys", "long list"],
)
def test_yaml_loader_is_linear(text):
    assert growth(yaml_problem, text(SMALL), text(LARGE)) < MAX_RATIO


def test_yaml_depth_limit_keeps_real_nesting():
    assert yaml_problem("a: [[1, 2], {b: [3]}]\nc: '[[[[[['\n") is None
    problem = yaml_problem("a: 1\nb: " + "[" * 41 + "]" * 41 + "\n")
    assert (problem.line, problem.message, problem.hint) == (
        2,
        "the YAML is nested too deeply to read",
        "flatten the structure",
    )


def limits(text):
    found = []
    markdown_limits.check(text, lambda line, message, hint: found.append((line, message, hint)))
    return found


UNCLOSED_HINT = (
    "end it with > on the same line, or put a space after a < that is meant as text "
    "(an unclosed tag makes the build very slow)"
)


@pytest.mark.parametrize(
    "text,line,message",
    [
        (
            "Text\n\n<a x\n",
            3,
            'the paragraph has an HTML tag starting "<a" that is not closed with > on the same line',
        ),
        (
            '<span title="a\nb">x</span>\n',
            1,
            'the paragraph has an HTML tag starting "<span" that is not closed with > on the same line',
        ),
        (
            "x </div\n",
            1,
            'the paragraph has an HTML tag starting "</div" that is not closed with > on the same line',
        ),
        (
            "<!DOCTYPE\n",
            1,
            'the paragraph has an HTML tag starting "<!DOCTYPE" that is not closed with > on the same line',
        ),
        (
            "a\n<?php x\n",
            2,
            'the paragraph has an HTML tag starting "<?php" that is not closed with > on the same line',
        ),
        (
            "<![CDATA[ x >\n",
            1,
            'the paragraph has an HTML tag starting "<![CDATA[" that is not closed with ]]> on the same line',
        ),
        (
            "if a<b then\n",
            1,
            'the paragraph has an HTML tag starting "<b" that is not closed with > on the same line',
        ),
    ],
)
def test_unclosed_tag_message(text, line, message):
    assert limits(text) == [(line, message, UNCLOSED_HINT)]


def test_unclosed_comment_message():
    assert limits("Text\n\n<!-- note -->\n<!-- a\nb\n") == [
        (
            4,
            'the paragraph has an HTML comment starting "<!--" that is not closed with -->',
            "end the comment with --> (an unclosed comment makes the build very slow)",
        )
    ]


@pytest.mark.parametrize(
    "text",
    [
        '<a href="/x/">x</a> and <abbr title="a > b">y</abbr>\n',
        "<div markdown>\n\ntext\n\n</div>\n",
        "<!-- a comment\nover lines -->\n",
        "<br/> <img src='/a.png' alt=\"it's\"> <![CDATA[ x ]]>\n",
        "a < b and c <= d, 3 <5\n",
        "`<` and `</>`\n",
    ],
)
def test_closed_markup_passes(text):
    assert limits(text) == []


def test_headings_without_blank_lines_message():
    assert limits("Intro\n\n" + "# h\n" * 51) == [
        (
            53,
            "the paragraph has more than 50 headings, rules or definitions with no blank line between them",
            "put a blank line after each heading, rule and definition: without it the Markdown renderer "
            "reads the rest of the paragraph again for each one",
        )
    ]
    assert limits("# h\n\n" * 200) == []
    assert limits("[a]: /a\n" * 200) == []  # a run of reference definitions is read in one pass


def test_backslashes_message():
    assert limits("x\n" + "\\\\ " * 151 + "\n") == [
        (
            2,
            "the paragraph has more than 300 \\ characters",
            "split it up: so many backslashes make the Markdown renderer very slow",
        )
    ]
    assert limits("\\\\\n\n" * 400) == []
