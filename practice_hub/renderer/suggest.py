"""'Suggest a change': where a reader reports an out-of-date or wrong page, so that the people
who use the content every day can help keep it right."""

from __future__ import annotations

from urllib.parse import quote

from ..markup import safe_url


def suggest_link(title: str, page_url: str, edit_url: str | None, email: str) -> str:
    """The repository's edit link for the page when the site has one (repo_url), else a pre-filled
    email to the team's address (suggest_email), else "" (no link)."""
    if edit_url:
        return safe_url(edit_url)
    if not email:
        return ""
    subject = quote(f"Suggested change: {title}", safe="")
    body = quote(f"Page: {page_url}\n\nWhat is out of date or wrong, and what should it say?\n", safe="")
    return safe_url(f"mailto:{email}?subject={subject}&body={body}")
