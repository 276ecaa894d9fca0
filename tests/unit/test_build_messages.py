"""MkDocs' own words about a page, rewritten at path:line (practice_hub/structure/build_messages.py),
and the adapter's log filter that applies them to a build's log."""

from __future__ import annotations

import logging

from practice_hub.structure.build_messages import line_of, link_message, page_error, reading_page

PAGE = "---\nid: x\ntitle: X\n---\n\n# X\n\nSee [a](/procedures/y/) and [b](../about).\n\n[c](y.md#nope)\n"


def docs(tmp_path):
    folder = tmp_path / "docs"
    (folder / "procedures").mkdir(parents=True)
    (folder / "procedures" / "x.md").write_text(PAGE, encoding="utf-8")
    return folder


def test_mkdocs_link_warnings_are_placed_at_their_line(tmp_path):
    folder = docs(tmp_path)
    said = {
        "Doc file 'procedures/x.md' contains an absolute link '/procedures/y/', it was left as is. "
        "Did you mean 'y.md'?": 'docs/procedures/x.md:8: the link "/procedures/y/" starts with "/", which the '
        'build cannot follow (write "y.md" instead)',
        "Doc file 'procedures/x.md' contains an unrecognized relative link '../about', it was left as is.": (
            'docs/procedures/x.md:8: the link "../about" has no ".md" at the end or points to a folder, which '
            "the build cannot follow"
        ),
        "Doc file 'procedures/x.md' contains a link 'z.md', but the target 'procedures/z.md' is not found "
        "among documentation files.": 'docs/procedures/x.md:1: the link "z.md" points to a page or file that '
        "does not exist (check the file name and folder)",
        "Doc file 'procedures/x.md' contains a link 'y.md#nope', but the doc 'procedures/y.md' does not "
        "contain an anchor '#nope'": 'docs/procedures/x.md:10: the link "y.md#nope" points to a section '
        '"#nope" that procedures/y.md does not have (the part after # must be a heading on that page, in '
        "lower case with hyphens for spaces)",
        "Doc file 'procedures/x.md' contains something new about 'about'": (
            "docs/procedures/x.md:8: something new about 'about'"
        ),
    }
    for message, expected in said.items():
        assert link_message(message, folder, "docs") == expected
    assert link_message("Documentation built in 1.00 seconds", folder, "docs") is None


def test_a_page_that_could_not_be_read_is_shown_at_its_line(tmp_path):
    folder = docs(tmp_path)
    (folder / "news").mkdir()
    (folder / "news" / "p.md").write_text("---\nid: p\nauthors: [psw-children]\n---\n", encoding="utf-8")
    assert reading_page("Error reading page 'news/p.md':") == ("news/p.md", "")
    assert reading_page("Error reading page 'news/p.md': boom") == ("news/p.md", "boom")
    assert reading_page("Aborted with a BuildError!") is None
    assert page_error("news/p.md", "Couldn't find author 'psw-children'", folder, "docs") == (
        'docs/news/p.md:3: field "authors" names "psw-children", which is not an author in the news authors '
        "file (add it to the authors file, or take the author out of the post)"
    )
    assert page_error("news/p.md", "something 'else'", folder, "") == (
        "news/p.md:1: the page could not be read: something 'else'"
    )


def test_line_of_a_file_that_cannot_be_read_is_1(tmp_path):
    assert line_of(tmp_path / "missing.md", "x") == 1


def test_the_adapters_filter_rewrites_mkdocs_records(tmp_path):
    from practice_hub.mkdocs_adapter import _AtTheLine

    folder = docs(tmp_path)
    (folder / "news").mkdir()
    (folder / "news" / "p.md").write_text("---\nid: p\nauthors: [psw-children]\n---\n", encoding="utf-8")
    at = _AtTheLine(folder, "docs")

    def record(level: int, message: str) -> logging.LogRecord:
        return logging.LogRecord("mkdocs.structure.pages", level, __file__, 1, message, None, None)

    warning = record(
        logging.WARNING,
        "Doc file 'procedures/x.md' contains an absolute link '/procedures/y/', it was left as is.",
    )
    assert at.filter(warning) and warning.getMessage().startswith("docs/procedures/x.md:8: the link")
    reading = record(logging.ERROR, "Error reading page 'news/p.md':")
    assert at.filter(reading) is False  # its reason, on the next line, carries the page and line
    reason = record(logging.ERROR, "Couldn't find author 'psw-children'")
    assert at.filter(reason) and reason.getMessage().startswith('docs/news/p.md:3: field "authors"')
    other = record(logging.ERROR, "Aborted with a BuildError!")
    assert at.filter(other) and other.getMessage() == "Aborted with a BuildError!"
