"""Learning from reviews: briefings validated, laid out in seven boxes, shown from what they link to.

A fixture site (the golden-thread fixture plus briefings) is checked with ``load_site`` for the
exact messages editors see, and built end to end for the pages and content.json.
"""

from __future__ import annotations

import json
import re

import pytest

from helpers import FIXTURES, TODAY, make_project, run_build
from practice_hub.content_types import LEARNING, TYPES
from practice_hub.search.index import type_label
from practice_hub.settings import Project
from practice_hub.site import load_site

THREAD = FIXTURES / "thread" / "docs"

FIELDS = {
    "owner": "Principal Social Worker",
    "status": "current",
    "last_reviewed": "2026-06-01",
    "review_by": "2027-06-01",
    "review_kind": "child safeguarding practice review",
    "scope": "local",
    "source": "The local safeguarding partnership",
    "date": "2026-05-20",
    "why_it_matters": "It could happen in any team.",
    "story": "A fictional story.",
}
LISTS = {
    "learning_points": ["See the whole picture."],
    "questions": ["Who else knows this family?"],
    "local_changes": ["The template asks for every address."],
}


def briefing(bid: str, drop: tuple = (), body: str = "", **changes) -> str:
    """A briefing file: every required field, less those in ``drop``, with ``changes`` written as given."""
    lines = ["---", f"id: {bid}", f"title: Briefing {bid}", f"summary: What {bid} is about."]
    for key, value in {**FIELDS, **LISTS, "standards": ["standard-1"]}.items():
        if key in drop:
            continue
        if key in changes:
            lines.append(f"{key}: {changes.pop(key)}")
        elif isinstance(value, list):
            lines += [f"{key}:"] + [f"  - {v}" for v in value]
        else:
            lines.append(f"{key}: {value}")
    lines += [f"{key}: {value}" for key, value in changes.items()]
    return "\n".join(lines + ["---", "", f"# Briefing {bid}", "", body]) + "\n"


def problems_for(tmp_path, monkeypatch, files: dict[str, str]) -> list[str]:
    monkeypatch.setenv("PRACTICE_HUB_TODAY", TODAY)
    # Team uses and the unused-briefing gap have their own tests (test_briefing_use.py).
    root = make_project(tmp_path / "p", THREAD, files=files, settings={"briefing_use_days": 0})
    site = load_site(Project.from_config_file(root / "mkdocs.yml"))
    return [str(p) for p in site.problems.errors] + [f"WARNING {p}" for p in site.problems.warnings]


def test_the_type_is_registered_with_its_search_label():
    assert TYPES[LEARNING].folder == "learning" and TYPES[LEARNING].reviewed
    assert type_label(LEARNING) == "Briefing"
    assert TYPES[LEARNING].label == "Learning from reviews"


def test_a_complete_briefing_has_no_problems(tmp_path, monkeypatch):
    assert problems_for(tmp_path, monkeypatch, {"learning/good.md": briefing("good")}) == []


BAD = [
    (
        briefing("no-questions", drop=("questions",)),
        'docs/learning/bad.md:1: missing required field "questions" (add a line "questions: ...": '
        'questions for a team discussion (box 5, "Questions for your team"))',
    ),
    (
        briefing("no-story", drop=("story",)),
        'docs/learning/bad.md:1: missing required field "story" (add a line "story: ...": the story in '
        "brief: what happened, without names or anything that identifies the family (box 3))",
    ),
    (
        briefing("empty-points", learning_points="[]"),
        'docs/learning/bad.md:15: field "learning_points" needs at least 1 entry (add the key learning '
        "points, each on its own line starting with '- ')",
    ),
    (
        briefing("six-points", learning_points="[a, b, c, d, e, f]"),
        'docs/learning/bad.md:15: field "learning_points" has 6 entries; at most 5 '
        "(keep the most important ones)",
    ),
    (
        briefing("bad-kind", review_kind="serious case reveiw"),
        'docs/learning/bad.md:9: field "review_kind" has "serious case reveiw", which is not one of: '
        "child safeguarding practice review, safeguarding adult review, domestic homicide review, "
        "national panel report (choose one of the listed values)",
    ),
    (
        briefing("bad-scope", scope="Local"),
        'docs/learning/bad.md:10: field "scope" has "Local", which is not one of: local, national '
        '(did you mean "local"?)',
    ),
    (
        briefing("long-story", story="x" * 901),
        'docs/learning/bad.md:14: field "story" is too long (901 characters; at most 900) '
        "(tell the story in a short paragraph: the briefing prints on one page)",
    ),
    (
        briefing("uk-date", date="15/06/2026"),
        'docs/learning/bad.md:12: field "date" has "15/06/2026", a date in the wrong form (write it as 2026-06-15)',
    ),
    (
        briefing("no-such-procedure", procedures="[recordng]"),
        'docs/learning/bad.md:23: field "procedures" names "recordng", which is not the id of any '
        'procedure (did you mean "recording"?)',
    ),
    (
        briefing("course-is-a-standard", courses="[standard-2]"),
        'docs/learning/bad.md:23: field "courses" names "standard-2", which is a practice standard, '
        "not a course (use the id of a course)",
    ),
    (
        briefing("typo-field", questionss="[a]"),
        'docs/learning/bad.md:23: unknown field "questionss" (did you mean "questions"?)',
    ),
]


@pytest.mark.parametrize(("text", "message"), BAD, ids=[re.search(r"id: (\S+)", t).group(1) for t, _ in BAD])
def test_bad_briefings_give_one_exact_message(tmp_path, monkeypatch, text, message):
    assert problems_for(tmp_path, monkeypatch, {"learning/bad.md": text}) == [message]


def test_a_briefing_linked_to_no_standard_is_a_gap_and_a_standard_with_none_is_not(tmp_path, monkeypatch):
    found = problems_for(tmp_path, monkeypatch, {"learning/loose.md": briefing("loose", drop=("standards",))})
    assert found == [
        'WARNING docs/learning/loose.md:2: golden thread gap: briefing "loose" is linked to no practice '
        "standard (list the practice standards its learning serves in its standards field)"
    ]


# --- built end to end -----------------------------------------------------------------------------
ATTACK = "<script>alert(1)</script> *not emphasis* [not a link](https://example.org)"
FILES = {
    "learning/child-a.md": briefing(
        "child-a",
        procedures="[recording]",
        courses="[course-one]",
        link="https://example.org/review",
        story=json.dumps(ATTACK),
        body="Ask the practice lead for the full report.",
    ),
    "learning/national-b.md": briefing("national-b", scope="national", review_kind="national panel report"),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = make_project(
        tmp_path_factory.mktemp("learning") / "p", THREAD, files=FILES, settings={"briefing_use_days": 0}
    )
    result = run_build(root)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stdout + result.stderr
    return root / "site"


def page(site, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def test_a_briefing_page_has_the_seven_boxes_in_order(built):
    html = page(built, "learning/child-a")
    headings = re.findall(r'<h2 id="[^"]+">(\d\. [^<]+)<a', html)
    assert headings == [
        "1. Background",
        "2. Why it matters",
        "3. The story in brief",
        "4. What we learned",
        "5. Questions for your team",
        "6. What has changed here",
        "7. Further information",
    ]
    assert html.count('class="ph-briefing__box ') == 7
    assert "<strong>Child safeguarding practice review</strong> (local)" in html
    assert "Published by The local safeguarding partnership, 20 May 2026" in html
    assert "<li>See the whole picture.</li>" in html
    assert "<ol>\n<li>Who else knows this family?</li>" in html
    more = html[html.index("7. Further information") :]
    assert 'href="https://example.org/review"' in more and "(external site)" in more
    assert 'href="../../standards/standard-1/"' in more
    assert 'href="../../procedures/recording/"' in more and 'href="../../training/course-one/"' in more
    assert "Ask the practice lead for the full report." in more  # the editor's body, in box 7
    assert "data-ph-print=\"\" hidden=\"\"" in html  # the print button waits for the script


def test_editor_text_is_shown_as_written_never_as_html_or_markdown(built):
    html = page(built, "learning/child-a")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; *not emphasis* [not a link](https://example.org)" in html


def test_standards_procedures_and_courses_show_their_briefings(built):
    for url in ("standards/standard-1", "procedures/recording", "training/course-one"):
        html = page(built, url)
        assert '<h2 id="learning-from-reviews">Learning from reviews' in html, url
        assert 'href="../../learning/child-a/">Briefing child-a</a>' in html, url
    standard = page(built, "standards/standard-1")
    assert (
        'href="../../learning/national-b/">Briefing national-b</a>: National panel report, national'
        in standard
    )
    assert "learning-from-reviews" not in page(built, "standards/standard-2")  # none: no heading, no gap


def test_the_listing_shows_every_briefing_with_filters(built):
    html = page(built, "learning")
    assert 'data-kind="|national panel report|"' in html and 'data-scope="|local|"' in html
    assert 'id="ph-f-kind"' in html and 'id="ph-f-scope"' in html


def test_content_json_has_each_briefing_with_its_url_and_related_links_at_both_ends(built):
    items = {i["id"]: i for i in json.loads((built / "content.json").read_text(encoding="utf-8"))["items"]}
    child = items["child-a"]
    assert child["type"] == LEARNING and child["url"] == "learning/child-a/"
    assert (built / child["url"] / "index.html").is_file()
    assert child["related"] == {
        "course": ["course-one"],
        "procedure": ["recording"],
        "standard": ["standard-1"],
    }
    assert child["review_kind"] == "child safeguarding practice review" and child["scope"] == "local"
    assert child["publisher"] == "The local safeguarding partnership" and child["date"] == "2026-05-20"
    assert child["link"] == "https://example.org/review"
    assert items["standard-1"]["related"][LEARNING] == ["child-a", "national-b"]
    assert items["recording"]["related"][LEARNING] == ["child-a"]
    assert items["course-one"]["related"][LEARNING] == ["child-a"]


def test_new_and_reviewed_work_for_briefings(tmp_path, monkeypatch):
    import datetime as dt

    from practice_hub.editing.new import scaffold
    from practice_hub.editing.reviewed import mark_reviewed

    monkeypatch.setenv("PRACTICE_HUB_TODAY", TODAY)
    project = Project.from_config_file(make_project(tmp_path / "p", THREAD) / "mkdocs.yml")
    made = scaffold(project, LEARNING, "Child N review", today=dt.date.fromisoformat(TODAY))
    assert made.path.relative_to(project.docs_dir).as_posix() == "learning/child-n-review.md"
    done = mark_reviewed(project, made.id, today=dt.date(2027, 2, 28))
    assert done.review_by == "2028-02-28"
    assert "last_reviewed: 2027-02-28" in made.path.read_text(encoding="utf-8")
    assert [str(p) for p in load_site(project).problems.errors] == []
