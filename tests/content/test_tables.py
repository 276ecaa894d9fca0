"""No generated or written table has an empty header: every <th> says what its column or row is
(in its text, an aria-label or visually hidden text), and no <thead> row is blank. A table of
details with blank headers (an audit cycle's "About this cycle" had one) is read by a screen reader
as columns named nothing."""

from __future__ import annotations

from bs4 import BeautifulSoup


def empty_headers(html: str) -> list[str]:
    """What is wrong with the page's table headers, one line each ([] when nothing is)."""
    found = []
    soup = BeautifulSoup(html, "html.parser")
    for table in soup.find_all("table"):
        caption = table.caption.get_text(" ", strip=True) if table.caption else "a table"
        for th in table.find_all("th"):
            if not th.get_text(strip=True) and not th.get("aria-label"):
                found.append(f"{caption}: an empty header cell {str(th)[:80]}")
        for row in table.select("thead tr"):
            if not row.get_text(strip=True) and not any(
                c.get("aria-label") for c in row.find_all(["th", "td"])
            ):
                found.append(f"{caption}: an empty header row")
    return found


def test_the_check_finds_an_empty_header():
    assert empty_headers("<table><thead><tr><th></th><th> </th></tr></thead><tbody></tbody></table>") == [
        "a table: an empty header cell <th></th>",
        "a table: an empty header cell <th> </th>",
        "a table: an empty header row",
    ]
    assert empty_headers('<table><tr><th aria-label="Row">\n</th><th>Name</th></tr></table>') == []


def test_no_built_page_has_an_empty_table_header(built):
    site = built[0] / "site"
    found = {}
    for page in sorted(site.rglob("*.html")):
        problems = empty_headers(page.read_text(encoding="utf-8"))
        if problems:
            found[page.relative_to(site).as_posix()] = problems
    assert found == {}
