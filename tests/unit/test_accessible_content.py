"""Accessible content by construction (practice_hub/safety/accessible.py): pictures have a text
alternative, headings do not skip a level, link text says where the link goes, HTML tables have
a header row. Each rule on small inputs, rendered with the site's own Markdown settings, with
the exact words an editor reads."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import REPO, growth
from practice_hub.problems import Problems
from practice_hub.safety import accessible, check_rendered
from practice_hub.safety.rendered import Renderer
from practice_hub.settings import LenientLoader
from practice_hub.structure.items import Item

EXTENSIONS = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=LenientLoader)[
    "markdown_extensions"
]
RENDERER = Renderer(EXTENSIONS)
EXAMPLE = "Flow chart of the referral route"


def found(source: str, renderer: Renderer = RENDERER):
    return accessible.check(renderer.render(source), source, renderer.style)


# --- pictures ---------------------------------------------------------------------------------
def test_a_markdown_image_with_nothing_in_its_brackets_has_no_text_alternative():
    assert found("Intro.\n\n![](../images/diagram.png)\n") == [
        (
            3,
            'the image "diagram.png" has no text alternative',
            f"write what it shows in the brackets: ![{EXAMPLE}](../images/diagram.png); "
            'for a decorative image write ![](../images/diagram.png){ alt="" }',
        )
    ]
    assert found("![ ](diagram.png)\n")[0][1] == 'the image "diagram.png" has no text alternative'


def test_without_attr_list_the_decorative_image_is_written_in_html():
    plain = Renderer(["tables"])
    assert not plain.style.attr_list
    assert found("![](diagram.png)\n", plain)[0][2] == (
        f"write what it shows in the brackets: ![{EXAMPLE}](diagram.png); "
        'for a decorative image write the image in HTML with alt=""'
    )


def test_an_html_image_without_alt():
    assert found('Text.\n\n<img src="../images/rota.png">\n') == [
        (
            3,
            'the image "rota.png" has no text alternative',
            f'write what it shows in its alt attribute: alt="{EXAMPLE}"; for a decorative image write alt=""',
        )
    ]


def test_an_empty_alt_written_on_purpose_marks_a_decorative_image():
    assert found('![](divider.png){ alt="" }\n') == []
    assert found("![](divider.png){: alt='' .wide }\n") == []
    assert found('![][rule]{ alt="" }\n\n[rule]: ../images/rule.png\n') == []
    assert found('<img src="rule.png" alt="">\n') == []
    assert found("![The duty rota for December](rota.png)\n") == []


def test_an_empty_alt_given_to_one_picture_does_not_excuse_another():
    assert [f[1] for f in found('![](divider.png){ alt="" }\n\n![](chart.png)\n')] == [
        'the image "chart.png" has no text alternative'
    ]


def test_a_file_name_is_not_a_text_alternative():
    assert found("One.\n\n![IMG_0042.jpg](photos/IMG_0042.jpg)\n") == [
        (
            3,
            'the image "IMG_0042.jpg" has a file name, "IMG_0042.jpg", as its text alternative',
            f"write what it shows instead, for example ![{EXAMPLE}](photos/IMG_0042.jpg)",
        )
    ]
    assert found("![DSC00012](room.jpg)\n")[0][1] == (
        'the image "room.jpg" has a file name, "DSC00012", as its text alternative'
    )
    assert found('<img src="room.jpg" alt="room.jpg">\n')[0][2] == (
        f'write what it shows instead, for example alt="{EXAMPLE}"'
    )
    assert found("![Image of the family room at Marsh Lane](room.jpg)\n") == []


# --- headings ---------------------------------------------------------------------------------
def test_a_heading_that_skips_a_level():
    assert found("# Visits\n\n## Before\n\n#### Who to tell\n") == [
        (
            5,
            'the heading "Who to tell" skips a level: it is level 4, after level 2',
            "make it ### Who to tell, or put a level 3 heading (### ...) above it",
        )
    ]


def test_the_page_title_is_the_level_1_heading():
    assert found("Intro.\n\n### Planning\n") == [
        (
            3,
            'the heading "Planning" skips a level: it is level 3, after level 1 (the page title)',
            "make it ## Planning, or put a level 2 heading (## ...) above it",
        )
    ]
    assert found("## Planning\n\n### On the day\n\n## After\n\n### Recording\n") == []


def test_going_back_up_any_number_of_levels_is_fine():
    assert found("## A\n\n### B\n\n#### C\n\n## D\n\n### E\n") == []


def test_the_skip_is_placed_at_its_own_heading_when_the_words_repeat():
    source = "## Steps\n\nText about steps.\n\n## Next\n\n#### Steps\n"
    assert [f[0] for f in found(source)] == [7]


def test_html_and_setext_headings_count_too():
    assert [f[0:2] for f in found("Title\n-----\n\n<h4>Deep</h4>\n")] == [
        (4, 'the heading "Deep" skips a level: it is level 4, after level 2')
    ]


# --- links ------------------------------------------------------------------------------------
def test_link_text_that_does_not_say_where_it_goes():
    hint = "write what the reader will find as the link text, for example [the referral form](...), not [{}](...)"
    for text in ("click here", "here", "read more", "this link", "Click here.", "Read more..."):
        assert found(f"Intro.\n\nTo refer, [{text}](referral.md)\n") == [
            (3, f'the link text "{text}" does not say where the link goes', hint.format(text))
        ], text
    assert found("[The referral form](referral.md) and [where to send it](send.md)\n") == []


def test_a_bare_address_as_link_text():
    hint = (
        "write what the page is as the link text, with the address after it in brackets: "
        "[Working Together to Safeguard Children](https://www.gov.uk/...)"
    )
    assert found("Guidance:\n\n<https://www.gov.uk/guidance>\n") == [
        (3, 'the link text is the address "https://www.gov.uk/guidance" itself', hint)
    ]
    assert found("[www.gov.uk/guidance](https://www.gov.uk/guidance)\n")[0][1] == (
        'the link text is the address "www.gov.uk/guidance" itself'
    )
    assert found("Write to <practice@brackenford.example>.\n") == []  # an email address says where


def test_the_headings_own_permalinks_and_footnote_marks_are_not_links_to_judge():
    assert found("## Here\n\nA note.[^1]\n\n[^1]: Here.\n") == []


# --- tables ------------------------------------------------------------------------------------
def test_an_html_table_without_a_header_row():
    source = "Hours:\n\n<table>\n<tr><td>Duty</td><td>9 to 5</td></tr>\n</table>\n"
    assert found(source) == [
        (
            3,
            "the table has no header row",
            "make its first row the column headings: write it as a Markdown table (| Team | Phone | "
            "on the first line, | --- | --- | under it), or use <th> for the heading cells",
        )
    ]


def test_markdown_tables_and_html_tables_with_th_have_a_header_row():
    assert found("| Team | Open |\n| --- | --- |\n| Duty | 9 to 5 |\n") == []
    assert found("<table>\n<tr><th>Team</th></tr>\n<tr><td>Duty</td></tr>\n</table>\n") == []


# --- many, and the check's fast path ---------------------------------------------------------
def test_many_findings_are_counted_after_the_first_forty():
    source = "\n\n".join(f"![](p{n}.png)" for n in range(45)) + "\n"
    result = found(source)
    assert len(result) == 41
    assert result[-1] == (
        1,
        "and 5 more accessibility problems on this page",
        "fix the ones listed, then check again",
    )


def test_plain_bodies_are_rendered_only_when_a_heading_could_skip():
    style = RENDERER.style
    assert not accessible.worth_rendering("## Scope\n\nText.\n", RENDERER.extensions, style)
    assert accessible.worth_rendering("### Scope\n", RENDERER.extensions, style)
    assert accessible.worth_rendering("## Scope\n", [*RENDERER.extensions, "pymdownx.magiclink"], style)
    shifted = Renderer([*EXTENSIONS[:-4], {"toc": {"baselevel": 2}}])
    assert accessible.worth_rendering("## Scope\n", shifted.extensions, shifted.style)


def test_check_reports_a_skip_in_a_body_with_no_markup_at_its_line_in_the_file():
    body = "Intro text.\n\n### Planning\n"
    item = Item(
        type="procedure",
        data={"id": "x"},
        path="docs/procedures/x.md",
        line=1,
        loaded=None,
        uri="procedures/x.md",
        body=body,
        body_line=9,
    )
    problems = Problems()
    check_rendered([item], RENDERER, problems)
    assert [str(p) for p in problems.sorted()] == [
        'docs/procedures/x.md:11: the heading "Planning" skips a level: it is level 3, after level 1 '
        "(the page title) (make it ## Planning, or put a level 2 heading (## ...) above it)"
    ]


# --- properties ------------------------------------------------------------------------------
WORDS = st.text(
    alphabet="abcdefghij klmnopqrstuvwxyzABCDEZ0123456789,.'-()?", min_size=1, max_size=30
).filter(lambda t: t.strip(" -.") != "")


@st.composite
def headings_in_order(draw):
    """A body whose headings never go down more than one level at a time, from the title (1)."""
    lines, level = [], 1
    for _ in range(draw(st.integers(0, 12))):
        level = draw(st.integers(1, min(level + 1, 6)))
        text = draw(WORDS).strip()
        if draw(st.booleans()):
            lines.append("#" * level + " " + text)
        else:
            lines.append(f"<h{level}>{text}</h{level}>")
        if draw(st.booleans()):
            lines.append(draw(WORDS))
    return "\n\n".join(lines) + "\n"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(headings_in_order())
def test_headings_generated_in_order_are_never_reported(body):
    assert [f for f in found(body) if "skips a level" in f[1]] == []


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_the_rules_never_raise_on_any_text(text):
    for html, source in (
        (text, text),
        (RENDERER.render(text), text),
        (f"<h4>{text}</h4><img src='{text}'>", ""),
    ):
        for line, message, hint in accessible.check(html, source, RENDERER.style):
            assert line >= 1 and message and hint


# --- cost --------------------------------------------------------------------------------------
ADVERSARIAL = {  # each repeated on one line (lines of any length), or on many
    "image openings": "![",
    "image openings with addresses": "![](a",
    "unclosed HTML images": "<img x\n",
    "attribute lists": '![a][b]{ alt="" ',
    "unclosed attribute lists": '{ alt="" ',
}
#: An empty alt (so the source is searched for decorative pictures) and a heading the source
#: does not hold (so every line is searched for it).
JUDGED = '<p><img alt="" src="zzz.png"></p><h4>Qqq</h4><table><tr><td>Www</td></tr></table>'


@pytest.mark.parametrize("name", list(ADVERSARIAL))
def test_the_rules_cost_time_linear_in_the_source(name):
    unit = ADVERSARIAL[name]
    small, large = unit * (100_000 // len(unit)), unit * (400_000 // len(unit))

    def run(source):
        return accessible.check(JUDGED, source, RENDERER.style)

    assert len(run(large)) == 3
    ratio = growth(run, small, large, 6)
    assert ratio < 6, f"{name}: {ratio:.1f} times the processor time for 4 times the text"
