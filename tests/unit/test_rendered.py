"""The judge of rendered HTML (practice_hub/safety/rendered.py).

Parsed as a browser parses it (html5ever through nh3), judged against the allow-list, reported
in the source check's words at the source line; what is published is always allow-listed."""

from __future__ import annotations

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import REPO, refused_in
from practice_hub.safety.rendered import CONTENT, SITE, Renderer, judge, judge_page, locate
from practice_hub.settings import LenientLoader

EXTENSIONS = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=LenientLoader)[
    "markdown_extensions"
]
RENDERER = Renderer(EXTENSIONS)
ONERROR = (
    'HTML attribute "onerror" on <img> runs script and is not allowed',
    "remove it: pages cannot run script",
)


def found(source: str, allow=CONTENT):
    return judge_page(RENDERER.render(source), source, allow)[1]


def test_ordinary_markdown_is_published_as_rendered():
    source = (
        "# Title\n\nSome *text* and [a link](../x.md).\n\n- [x] done\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n"
    )
    html = RENDERER.render(source)
    judgement = judge(html)
    assert judgement.findings == ()
    assert '<input type="checkbox" disabled="" checked="">' in judgement.published
    assert 'style="text-align: left;"' in judgement.published


def test_comment_forms_that_hid_markup_from_the_source_check():
    for source in (
        "<!--> <img src=x onerror=alert(1)> -->\n",
        "<!-- a --!> <img src=x onerror=alert(1)> -->\n",
    ):
        assert found(source) == [(1, *ONERROR)], source


def test_escaped_backticks_unclosed_and_tab_fences_indented_lines_in_a_div():
    assert found("x \\`<img src=x onerror=alert(1)>\\`\n") == [(1, *ONERROR)]
    assert found("a\n\n```\n<img src=x onerror=alert(1)>\n") == [(4, *ONERROR)]
    assert found("a\n\n\t```\n<img src=x onerror=alert(1)>\n\t```\n") == [(4, *ONERROR)]
    assert found("<div>\n\n    <img src=x onerror=alert(1)>\n</div>\n") == [(3, *ONERROR)]


def test_a_hidden_refresh_and_an_encoded_javascript_link():
    assert found('<!--> <meta http-equiv="refresh" content="0;url=https://outside.example/"> -->\n') == [
        (
            1,
            "HTML tag <meta> is not allowed",
            "a page's settings come from the site: remove it",
        )
    ]
    assert found('a\n\n<a href="jav&#x61;script:alert(1)">x</a>\n')[0][:2] == (
        3,
        '<a href="javascript:alert(1)"> uses the javascript: scheme, which is not allowed',
    )


def test_resources_from_outside_and_styles():
    assert found("<p style=\"background:url('https://e.example/x')\">x</p>\n") == [
        (
            1,
            'HTML attribute "style" on <p> loads a file through CSS url()',
            "remove it; styles come from the site's own stylesheet (use a class)",
        )
    ]
    [(line, message, _)] = found('<img src="https://tracker.example/p.gif" alt="x">\n')
    assert message == '<img src="https://tracker.example/p.gif"> loads an image from outside the site'


def test_forms_are_the_sites_own_not_an_editors():
    source = '<input type="text" name="q">\n'
    assert (
        1,
        "HTML tag <input> is not allowed",
        "forms cannot be published: write the content in Markdown",
    ) in found(source)
    assert judge(RENDERER.render(source), SITE).findings == ()
    assert judge("<form><button onclick=x>b</button></form>", SITE).findings[0].message == (
        'HTML attribute "onclick" on <button> runs script and is not allowed'
    )


def test_published_html_is_always_the_allow_listed_serialisation():
    judgement = judge("<p>a<script>alert(1)</script><img src=x onerror=alert(1)><iframe src=/x></iframe></p>")
    assert judgement.published == '<p>a<img src="x"></p>'
    assert [f.message for f in judgement.findings] == [
        "HTML tag <script> is not allowed",
        'HTML attribute "onerror" on <img> runs script and is not allowed',
        "HTML tag <iframe> is not allowed",
    ]


def test_locate_ignores_case_entities_and_white_space():
    source = "one\n<A HREF='x'>\njav&#x61;script:alert(1)\nJaVa&#x09;ScRiPt:x"
    assert locate(source, "<a") == 2
    assert locate(source, "javascript:alert(1)") == 3
    assert locate(source, "java\\x09script:x") == 4
    assert locate(source, "nowhere") == 1


PIECES = st.sampled_from(
    [
        "<img src=x onerror=alert(1)>",
        "<script>alert(1)</script>",
        "<!-->",
        "-->",
        "--!>",
        "<!--",
        "`",
        "\\`",
        "```",
        "\t",
        "    ",
        "\n",
        "\n\n",
        "<div>",
        "</div>",
        "<div markdown>",
        '<a href="javascript:x">',
        "<a href=' jav&#x61;script:x '>",
        "</a>",
        "<svg onload=x>",
        '<meta http-equiv="refresh" content="0">',
        "<![CDATA[",
        "]]>",
        '"',
        "'",
        ">",
        "<",
        "&",
        "*",
        "_",
        "[x](javascript:y)",
        "![i](https://e.example/p)",
        "<iframe src=//e.example>",
        "<style>*{}</style>",
        "<object data=x>",
        "{: onclick=x }",
        "text",
        "# h",
        "- item",
        "> quote",
        "<details><summary>s</summary>",
        "</details>",
        '<table><tr><td style="x:url(y)">',
        "<form action=https://e.example>",
        "<input type=hidden>",
        "<base href=//e.example/>",
        "<p>",
        "</p>",
    ]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECES, min_size=1, max_size=30))
def test_whatever_the_source_nothing_outside_the_allow_list_is_published(pieces):
    source = "".join(pieces)
    published, _ = judge_page(RENDERER.render(source), source)
    assert refused_in(published) == []
    for allow in (CONTENT, SITE):
        assert refused_in(judge(published, allow).published) == []


@settings(max_examples=200, deadline=None)
@given(st.lists(PIECES, min_size=1, max_size=30))
def test_anything_the_allow_list_changes_is_reported(pieces):
    source = "".join(pieces)
    html = RENDERER.render(source)
    judgement = judge(html)
    if judgement.findings == ():
        # Nothing reported: then the allow-list removed nothing the page held.
        assert judge(judgement.published).findings == ()
        assert refused_in(judgement.published) == []  # (an "onerror" may remain as text in code)


def test_findings_on_one_page_are_bounded_and_counted():
    source = "".join(f'<!--> <a href="javascript:n{i}">x</a> -->\n\n' for i in range(100))
    found = judge_page(RENDERER.render(source), source)[1]
    assert len(found) == 41
    assert found[-1][1:] == (
        "and 60 more HTML problems on this page",
        "fix the ones listed, then check again",
    )


def test_judging_grows_linearly_with_hidden_findings():
    import time

    def cost(n):
        source = "".join(f'<!--> <a href="javascript:n{i}">x</a> -->\n\n' for i in range(n))
        html = RENDERER.render(source)
        best = float("inf")
        for _ in range(3):
            start = time.process_time()
            judge_page(html, source)
            best = min(best, time.process_time() - start)
        return best

    small, large = cost(500), cost(2000)
    assert large / small < 6  # linear is about 4; quadratic about 16


PLAIN = st.text(alphabet="abcXYZ 0123456789\n\t#->!:=.,;()'\"?%/+$@", max_size=300)


@settings(max_examples=300, deadline=None)
@given(PLAIN)
def test_the_fast_path_skips_only_bodies_that_render_to_nothing_refused(body):
    from practice_hub.safety import case_data_seen, plain_text

    if not plain_text(body):
        return
    published, found = judge_page(RENDERER.render(body), body)
    assert found == []
    assert case_data_seen(published, body, 1) == []


def test_a_table_without_tbody_is_not_a_removal():
    # the HTML parser adds <tbody> itself, as a browser does: nothing was taken out
    table = "<table><tr><th>Team</th></tr><tr><td>Duty</td></tr></table>"
    assert judge(table).findings == ()
    assert "<th>Team</th>" in judge(table).published
