"""The page `mkdocs serve` shows while content has problems: every problem, path:line: message."""

from __future__ import annotations

from ..markup import NEWLINE, element, join


def problems_page(problems, closing: str) -> str:
    items = join((element("li", element("code", str(problem))) for problem in problems), "\n")
    explanation = element(
        "p", f"{closing}. Save the fixed file: this page turns back into the site by itself."
    )
    listed = element("ol", NEWLINE, items, NEWLINE, class_="ph-problems")
    return (
        "---\ntitle: Problems to fix\nhide: [navigation, toc]\n---\n\n"
        "# Problems to fix before the site can be shown\n\n"
        f"{explanation}\n\n{listed}\n"
    )
