"""The Brackenford demo's own content: its scale, its ids and dates.

These run only while mkdocs.yml says ``demo: true`` (tests/conftest.py skips them otherwise, with
the reason shown). The checks that hold for any council's content are in tests/content/.
"""

from __future__ import annotations

import re

MINIMUM_COUNTS = {
    "procedure": 30,
    "course": 30,
    "glossary": 60,
    "research": 15,
    "news": 10,
    "vacancy": 4,
    "induction": 5,
    "tool": 10,
}


def test_demo_has_realistic_scale(content):
    counts: dict[str, int] = {}
    for item in content["items"]:
        counts[item["type"]] = counts.get(item["type"], 0) + 1
    for kind, minimum in MINIMUM_COUNTS.items():
        assert counts.get(kind, 0) >= minimum, (kind, counts.get(kind))
    assert 10 <= counts["standard"] <= 12 and 10 <= counts["audit_section"] <= 12
    assert counts["induction"] == 5
    assert counts["link"] > 0
    periods = {r["period"] for i in content["items"] if i["type"] == "audit_section" for r in i["results"]}
    assert len(periods) >= 3
    vacancies = [i for i in content["items"] if i["type"] == "vacancy"]
    assert any(v.get("summary") for v in vacancies)


def test_demo_review_dates_exercise_the_banner_states(built, content):
    project, _ = built
    states = set()
    for item in content["items"]:
        if item["type"] == "procedure":
            html = (project / "site" / item["url"] / "index.html").read_text(encoding="utf-8")
            states.add(re.search(r'data-ph-state="(\w+)"', html).group(1))
    assert {"current", "due"} <= states  # overdue comes with the reader's clock (browser tests)


def test_one_vacancy_in_the_demo_has_closed(content):
    closing = [i["closing_date"] for i in content["items"] if i["type"] == "vacancy"]
    assert sum(day < "2026-11-24" for day in closing) == 1
