"""The page `mkdocs serve` shows while content has problems: every problem, path:line: message."""

from __future__ import annotations

from html import escape


def problems_page(problems, closing: str) -> str:
    items = "\n".join(f"<li><code>{escape(str(problem))}</code></li>" for problem in problems)
    return (
        "---\ntitle: Problems to fix\nhide: [navigation, toc]\n---\n\n"
        "# Problems to fix before the site can be shown\n\n"
        f"<p>{escape(closing)}. Save the fixed file: this page turns back into the site "
        "by itself.</p>\n\n"
        f'<ol class="ph-problems">\n{items}\n</ol>\n'
    )
