"""Content file names (practice_hub/safety/names.py): only lower-case .md, .yml and .yaml are
content; any other spelling of a Markdown or YAML file, and a content file whose name has
capitals or spaces, is refused at path:1 with the name to rename it to."""

from __future__ import annotations

import pytest

from practice_hub.problems import Problems
from practice_hub.safety.names import content_name, folder_name, proper_name
from practice_hub.safety.published import check_files, is_refused, refusal
from practice_hub.structure.load import walk

LINKS = " and change the links to it"


@pytest.mark.parametrize(
    ("uri", "expected"),
    [
        (
            "procedures/Home Visits.MD",
            (
                'the file name ends in ".MD" in capitals, so it would be copied into the site unchecked '
                "instead of becoming a page",
                f'rename it to "home-visits.md"{LINKS}',
            ),
        ),
        (
            "procedures/visits.Md",
            (
                'the file name ends in ".Md" in capitals, so it would be copied into the site unchecked '
                "instead of becoming a page",
                f'rename it to "visits.md"{LINKS}',
            ),
        ),
        (
            "procedures/lone-working.markdown",
            (
                'the file name ends in ".markdown"; pages end in ".md"',
                f'rename it to "lone-working.md"{LINKS}',
            ),
        ),
        (
            "procedures/Lone Working.Markdown",
            (
                'the file name ends in ".Markdown"; pages end in ".md"',
                f'rename it to "lone-working.md"{LINKS}',
            ),
        ),
        (
            "standards/voice.mdown",
            ('the file name ends in ".mdown"; pages end in ".md"', f'rename it to "voice.md"{LINKS}'),
        ),
        (
            "standards/voice.mkd",
            ('the file name ends in ".mkd"; pages end in ".md"', f'rename it to "voice.md"{LINKS}'),
        ),
        (
            "standards/voice.mkdn",
            ('the file name ends in ".mkdn"; pages end in ".md"', f'rename it to "voice.md"{LINKS}'),
        ),
        (
            "training/courses.YML",
            (
                'the file name ends in ".YML" in capitals; YAML content files end in ".yml" or ".yaml"',
                'rename it to "courses.yml"',
            ),
        ),
        (
            "training/courses.Yaml",
            (
                'the file name ends in ".Yaml" in capitals; YAML content files end in ".yml" or ".yaml"',
                'rename it to "courses.yaml"',
            ),
        ),
        (
            "procedures/Home Visits.md",
            (
                'the file name "Home Visits.md" has capitals and spaces: content file names are lower case, '
                "with hyphens between words",
                f'rename it to "home-visits.md"{LINKS}',
            ),
        ),
        (
            "procedures/HomeVisits.md",
            (
                'the file name "HomeVisits.md" has capitals: content file names are lower case, '
                "with hyphens between words",
                f'rename it to "homevisits.md"{LINKS}',
            ),
        ),
        (
            "procedures/home  visits .md",
            (
                'the file name "home  visits .md" has spaces: content file names are lower case, '
                "with hyphens between words",
                f'rename it to "home-visits.md"{LINKS}',
            ),
        ),
        (
            "training/Training Courses.yml",
            (
                'the file name "Training Courses.yml" has capitals and spaces: content file names are lower '
                "case, with hyphens between words",
                'rename it to "training-courses.yml"',
            ),
        ),
    ],
)
def test_a_content_file_not_named_as_content_is_refused_with_its_new_name(uri, expected):
    assert content_name(uri) == expected
    assert refusal(uri) == expected
    assert is_refused(uri, frozenset())


@pytest.mark.parametrize(
    "uri",
    [
        "procedures/home-visits.md",
        "procedures/home_visits.md",
        "index.md",
        "training/courses.yml",
        "events/events.yaml",
        "_data/audit_results.yml",
        "news/posts/2026-11-02-plans-week.md",
        "news/.authors.yml",  # hidden: judged as a hidden file, and read by the blog
        "tools/files/Form.docx",  # an attachment keeps its name
        "images/IMG_0042.jpg",
    ],
)
def test_content_named_as_content_and_other_files_are_not_judged_by_name(uri):
    assert content_name(uri) is None


def test_the_proper_name():
    assert proper_name("Home Visits.MD") == "home-visits.md"
    assert proper_name("Section 47 - Enquiries.markdown") == "section-47-enquiries.md"
    assert proper_name("Courses.YAML") == "courses.yaml"


def test_check_files_reports_each_at_line_1(tmp_path):
    docs = tmp_path / "docs"
    (docs / "procedures").mkdir(parents=True)
    for name in ("Home Visits.md", "lone-working.markdown", "recording.md"):
        (docs / "procedures" / name).write_text("---\nid: x\n---\n", encoding="utf-8")
    problems = Problems()
    refused = check_files(tmp_path, docs, "docs", problems)
    assert refused == {"procedures/Home Visits.md", "procedures/lone-working.markdown"}
    assert [str(p) for p in problems.sorted()] == [
        'docs/procedures/Home Visits.md:1: the file name "Home Visits.md" has capitals and spaces: content '
        f'file names are lower case, with hyphens between words (rename it to "home-visits.md"{LINKS})',
        'docs/procedures/lone-working.markdown:1: the file name ends in ".markdown"; pages end in ".md" '
        f'(rename it to "lone-working.md"{LINKS})',
    ]


FOLDER = "so nothing in it is published: folders that hold content are named in lower case, with hyphens between words"


def _tree(docs, files):
    for name in files:
        path = docs / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("---\nid: x\n---\n", encoding="utf-8")


@pytest.mark.parametrize(
    ("files", "folder", "expected"),
    [
        (
            ["Procedures/lone-working.md"],
            "Procedures",
            (
                f'the folder name "Procedures" has capitals, {FOLDER}',
                'rename the folder to "procedures" and change the links to the pages in it',
            ),
        ),
        (
            ["procedures/home visits/first-visit.md"],
            "procedures/home visits",
            (
                f'the folder name "home visits" has spaces, {FOLDER}',
                'rename the folder to "home-visits" and change the links to the pages in it',
            ),
        ),
        (
            ["Home  Visits /Notes/first.md"],
            "Home  Visits ",
            (
                f'the folder name "Home  Visits " has capitals and spaces, {FOLDER}',
                'rename the folder to "home-visits" and change the links to the pages in it',
            ),
        ),
        (
            ["Training/courses.yml"],
            "Training",
            (f'the folder name "Training" has capitals, {FOLDER}', 'rename the folder to "training"'),
        ),
        (["images/Team Photos/a.png"], "images/Team Photos", None),  # pictures keep their names
        (["procedures/home-visits/first.md"], "procedures/home-visits", None),
        (["procedures/home_visits/first.md"], "procedures/home_visits", None),
    ],
)
def test_a_folder_of_content_not_named_as_content_is_refused_with_its_new_name(
    tmp_path, files, folder, expected
):
    _tree(tmp_path, files)
    assert folder_name(tmp_path / folder) == expected


def test_a_folder_is_reported_once_and_nothing_in_it_is_read_or_published(tmp_path):
    docs = tmp_path / "docs"
    _tree(
        docs,
        [
            "Procedures/lone-working.md",
            "Procedures/visits.md",
            "Procedures/Notes/first.md",
            "Procedures/files/form.txt",
            "procedures/recording.md",
        ],
    )
    problems = Problems()
    refused = check_files(tmp_path, docs, "docs", problems)
    assert refused == {"Procedures", "Procedures/Notes"}  # each folder once, however many files
    assert [str(p) for p in problems.sorted()] == [
        f'docs/Procedures:1: the folder name "Procedures" has capitals, {FOLDER} '
        '(rename the folder to "procedures" and change the links to the pages in it)',
        f'docs/Procedures/Notes:1: the folder name "Notes" has capitals, {FOLDER} '
        '(rename the folder to "notes" and change the links to the pages in it)',
    ]
    for uri in ("Procedures/visits.md", "Procedures/Notes/first.md", "Procedures/files/form.txt"):
        assert is_refused(uri, refused), uri
    assert not is_refused("procedures/recording.md", refused)
    assert walk(docs) == ["procedures/recording.md"]  # read once it is renamed
