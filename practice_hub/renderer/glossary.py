"""Glossary abbreviations on every page (the Markdown ``abbr`` syntax), only for terms a page uses."""

from __future__ import annotations

from ..content_types import GLOSSARY, TYPES
from ..structure.abbreviations import Abbreviations, abbreviation_index

__all__ = ["Abbreviations", "abbreviation_index", "abbreviations_for"]


def abbreviations_for(markdown: str, index: Abbreviations, page_uri: str = "") -> str:
    """``*[DoLS]: Deprivation of Liberty Safeguards`` lines for the terms this page uses.

    None on the glossary's own page: every term is defined there in full, and 10,000 ``abbr``
    definitions on one page cost Python-Markdown minutes (measured on a 10,000-term glossary).
    """
    if page_uri and page_uri == glossary_page():
        return ""
    lines = [f"*[{term}]: {index.terms[term].replace(']', ')')}" for term in index.used_in(markdown)]
    return ("\n\n" + "\n".join(lines) + "\n") if lines else ""


def glossary_page() -> str:
    """The page under docs/ that lists the glossary ("glossary/index.md")."""
    place = TYPES[GLOSSARY].place_of("")
    return place[0] if place else ""
