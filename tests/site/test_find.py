"""Finding things: home page sections, glossary abbreviations, tag pages, legislation links."""

from __future__ import annotations

import pytest

from helpers import FIXTURES, make_project, run_build, run_check

THREAD = FIXTURES / "thread" / "docs"

FILES = {
    "glossary/terms.yml": """\
- id: dols
  term: DoLS
  expansion: Deprivation of Liberty Safeguards
  definition: The legal framework for authorising a deprivation of liberty in a care home or hospital.
  see_also: [mca]
- id: mca
  term: MCA
  expansion: Mental Capacity Act 2005
  definition: The law on making decisions for people who may lack capacity.
""",
    "_data/legislation.yml": """\
- id: children-act-1989
  title: Children Act 1989
  url: https://www.legislation.gov.uk/ukpga/1989/41
""",
    "procedures/dols.md": """---
id: dols-applications
title: DoLS applications
summary: Applying for a standard authorisation.
owner: Principal Social Worker (Adults)
status: current
last_reviewed: 2026-05-01
tags: [recording]
legislation: ["Children Act 1989 s47"]
changes:
  - {date: 2026-11-01, summary: New form for urgent authorisations., type: major}
---

# DoLS applications

Apply under the DoLS when the MCA assessment shows a lack of capacity.
""",
    "news/index.md": "---\nid: news\ntitle: News\n---\n\n# News\n",
    "news/.authors.yml": "authors:\n  psw:\n    name: Principal Social Worker\n    description: PSW\n    avatar: news/a.svg\n",
    "news/a.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>\n',
    "news/posts/hello.md": """---
id: hello-news
title: Hello from the PSW
summary: A first post.
date: 2026-11-10
categories: [Practice updates]
authors: [psw]
---

# Hello from the PSW

A short post.
""",
}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("find"), THREAD, files=FILES)
    result = run_build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project


def page(project, url):
    html = (project / "site" / url / "index.html").read_text(encoding="utf-8")
    return html.split('<article class="md-content__inner md-typeset">', 1)[1].split("</article>", 1)[0]


def test_home_page_is_the_one_stop_shop(built):
    html = page(built, "")
    assert "data-ph-open-search" in html
    for text, href in (("Procedures", "procedures/"), ("Practice standards", "standards/"),
                       ("Training", "training/"), ("News", "news/")):
        assert f'<a href="{href}"><span class="ph-home-card__title">{text}</span></a>' in html
    assert html.index("Latest news") < html.index("Hello from the PSW")
    assert html.index("What changed") < html.index("Next training") < html.index("Course one")
    assert "ph-review__facts" not in html  # no review box on the home page


def test_abbreviations_appear_where_terms_are_used(built):
    html = page(built, "procedures/dols")
    assert '<abbr title="Deprivation of Liberty Safeguards">DoLS</abbr>' in html
    assert '<abbr title="Mental Capacity Act 2005">MCA</abbr>' in html
    assert "<abbr" not in page(built, "procedures/recording")


def test_glossary_page(built):
    html = page(built, "glossary")
    assert 'id="dols"' in html and "Deprivation of Liberty Safeguards" in html
    assert 'href="#mca"' in html  # see also


def test_tag_pages_cross_content_types(built):
    html = page(built, "tags/recording")
    assert "<h2" in html and 'href="../../procedures/dols/"' in html
    assert 'href="recording/"' in page(built, "tags")
    # A reviewed page lists its topics in its one facts line, not as chips above the title
    dols = (built / "site/procedures/dols/index.html").read_text()
    assert "<dt>Topics</dt>" in dols and 'href="../../tags/recording/"' in dols


def test_legislation_links_to_the_official_text(built):
    html = page(built, "procedures/dols")
    assert '<a href="https://www.legislation.gov.uk/ukpga/1989/41">Children Act 1989 s47</a>' in html


def test_unknown_legislation_is_an_error(tmp_path):
    files = dict(FILES)
    files["procedures/dols.md"] = files["procedures/dols.md"].replace("Children Act 1989 s47", "Childrens Act 1989 s47")
    result = run_check(make_project(tmp_path, THREAD, files=files))
    assert result.returncode == 1
    assert result.stdout.splitlines()[:-1] == [  # the last line counts them
        'docs/procedures/dols.md:9: legislation "Childrens Act 1989 s47" does not start with the title of an act in '
        'docs/_data/legislation.yml (did you mean "Children Act 1989"?)']


def test_news_post_has_standards_and_feed(built):
    feed = (built / "site/news/feed.xml").read_text()
    assert "<title>Hello from the PSW</title>" in feed
    assert 'href="../news/2026/11/10/hello-from-the-psw/"' in feed  # relative to news/feed.xml
