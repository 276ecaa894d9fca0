"""What the preview (`mkdocs serve`) shows while content has problems: the list of every problem
(path:line: message), and the box at the top of every other page that names them."""

from __future__ import annotations

from ..markup import NEWLINE, Markup, element, join, link
from ..problems import Problem

#: Where the preview puts the list of every problem (a page of its own, so the site stays in view).
PROBLEMS_URI = "problems-to-fix.md"
#: The box's class: the preview's HTML holds it only while a save has problems.
BANNER_CLASS = "ph-preview-problems"
#: How many problems the box names; the list has them all.
BANNER_LIMIT = 5


def problems_page(problems, closing: str, home: bool = True) -> str:
    """The list of every problem. *home*: the preview has no earlier version of the site to show
    (it started with the problem), so this list is its home page until the problem is fixed."""
    items = join((element("li", element("code", str(problem))) for problem in problems), "\n")
    after = (
        "this page turns back into the site by itself"
        if home
        else "the preview then shows your changes, and the box at the top of every page goes away"
    )
    explanation = element("p", f"{closing}. Save the fixed file: {after}.")
    listed = element("ol", NEWLINE, items, NEWLINE, class_="ph-problems")
    heading = (
        "Problems to fix before the site can be shown"
        if home
        else "Problems to fix before the preview can show your last save"
    )
    return (
        "---\ntitle: Problems to fix\nhide: [navigation, toc]\n---\n\n"
        f"# {heading}\n\n"
        f"{explanation}\n\n{listed}\n"
    )


def _where(problem: Problem) -> Markup:
    """``docs/a.md`` line 7: the file as code, the line in words (none for the whole file)."""
    if problem.line <= 0:
        return element("code", problem.path)
    column = f", column {problem.column}" if problem.column else ""
    return join([element("code", problem.path), f" line {problem.line}{column}"])


def problems_banner(problems: list[Problem], list_url: str, this_page: bool) -> Markup:
    """The box at the top of every page of the preview while the last save has problems: each
    problem's file, line and message (the first few), a link to the full list, and, on a page
    whose own file has a problem (*this_page*), that it is shown as it was before that save.
    Put into the HTML as it is served, never written into a built page."""
    count = len(problems)
    title = (
        f"Your last save has {'a problem' if count == 1 else f'{count} problems'} to fix, "
        "so the preview still shows the site as it was before it."
    )
    shown = problems[:BANNER_LIMIT]
    items = join(
        (
            element(
                "li",
                _where(problem),
                ": ",
                problem.message,
                f" ({problem.hint})" if problem.hint else "",
            )
            for problem in shown
        ),
        NEWLINE,
    )
    more = count - len(shown)
    parts = [
        element("p", element("strong", title)),
        element("ul", NEWLINE, items, NEWLINE),
    ]
    if this_page:
        parts.append(
            element(
                "p",
                "This page is shown as it was before that save: your changes to it appear "
                "once its problem is fixed.",
            )
        )
    parts.append(
        element(
            "p",
            f"{more} more not shown here. " if more > 0 else "",
            "Fix the file and save it again: this box then goes away by itself. ",
            link("See the full list of problems", list_url),
        )
    )
    return element("div", NEWLINE, join(parts, NEWLINE), NEWLINE, class_=BANNER_CLASS, role="alert")
