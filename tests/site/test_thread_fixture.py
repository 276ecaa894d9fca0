"""The golden thread on a small fixture: pages, gaps as warnings or errors, dangling ids."""

from __future__ import annotations

import pytest

from helpers import FIXTURES, make_project, run_build

THREAD = FIXTURES / "thread" / "docs"


def page(project, url: str) -> str:
    return (project / "site" / url / "index.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("thread"), THREAD)
    result = run_build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project


def test_standard_page_shows_audit_training_results(built):
    html = page(built, "standards/standard-1")
    assert 'href="../../audit/section-1/"' in html
    assert "Point 1 a" in html  # what auditors look for
    assert 'href="../../training/course-one/"' in html
    assert "next session Thursday 3 December 2026, 9:30am" in html  # the October session is past
    assert 'href="../../procedures/recording/"' in html
    assert "72% → 81% good or better" in html  # one percent style
    assert "<svg" in html and 'role="img"' in html
    assert "<td>38</td>" in html  # the data table repeats the chart's numbers


def test_e_learning_is_any_time(built):
    assert "e-learning, any time" in page(built, "standards/standard-2")


def test_audit_section_page(built):
    html = page(built, "audit/section-1")
    assert 'href="../../standards/standard-1/"' in html
    for text in ("O1", "G1", "R1", "I1", "Children in Care", "Course one"):
        assert text in html
    assert "72% → 81% good or better" in html  # one percent style


def test_course_page_shows_standards_and_their_sections(built):
    html = page(built, "training/course-one")
    assert 'href="../../standards/standard-1/"' in html
    assert 'href="../../audit/section-1/"' in html


def test_matrix_page(built):
    html = page(built, "standards/golden-thread")
    assert "The thread is complete" in html
    assert 'class="ph-matrix"' in html


GAP = ('docs/standards/standard-2.md:2: golden thread gap: practice standard "standard-2" has no '
       "training: no course names it (add its id to the standards field of a course in docs/training/)")


def _without_course_two(target):
    project = make_project(target, THREAD)
    courses = (project / "docs/training/courses.yml").read_text(encoding="utf-8")
    (project / "docs/training/courses.yml").write_text(courses.split("- id: course-two")[0], encoding="utf-8")
    return project


def test_removing_the_only_course_warns(tmp_path):
    project = _without_course_two(tmp_path)
    result = run_build(project, strict=False)
    assert result.returncode == 0
    assert f"WARNING -  {GAP}" in result.stderr
    assert "no course builds this standard yet" in page(project, "standards/standard-2")
    assert "1 gap in the thread" in page(project, "standards/golden-thread")
    assert run_build(project, strict=True).returncode == 0  # advisory: shown, never counted by --strict


def test_gap_setting_turns_warnings_into_errors(tmp_path):
    project = _without_course_two(tmp_path)
    project_config = project / "mkdocs.yml"
    project_config.write_text(project_config.read_text().replace("gaps_are_errors: false", "gaps_are_errors: true"))
    result = run_build(project, strict=False)
    assert result.returncode == 1
    assert f"ERROR   -  {GAP}" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("path, old, new, expected", [
    ("standards/standard-1.md", "audit_sections: [section-1]", "audit_sections: [secton-1]",
     'docs/standards/standard-1.md:9: field "audit_sections" names "secton-1", which is not the id of any '
     'audit section (did you mean "section-1"?)'),
    ("training/courses.yml", "standards: [standard-2]", "standards: [standrd-2]",
     'docs/training/courses.yml:18: field "standards" names "standrd-2", which is not the id of any '
     'practice standard (did you mean "standard-2"?)'),
    ("procedures/recording.md", "standards: [standard-1]", "standards: [section-1]",
     'docs/procedures/recording.md:8: field "standards" names "section-1", which is an audit section, '
     "not a practice standard (use the id of a practice standard)"),
    ("_data/audit_results.yml", "audit_section: section-1, files_audited: 38", "audit_section: section-7, files_audited: 38",
     'docs/_data/audit_results.yml:2: field "audit_section" names "section-7", which is not the id of any '
     "audit section (check the id in docs/audit/)"),
])
def test_dangling_thread_id_fails_with_file_and_line(tmp_path, path, old, new, expected):
    project = make_project(tmp_path, THREAD)
    target = project / "docs" / path
    text = target.read_text(encoding="utf-8")
    assert old in text
    target.write_text(text.replace(old, new), encoding="utf-8")
    result = run_build(project, strict=False)
    assert result.returncode == 1
    assert f"ERROR   -  {expected}" in result.stderr
    assert "Traceback" not in result.stderr
