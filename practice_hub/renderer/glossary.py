"""Glossary abbreviations on every page (the Markdown ``abbr`` syntax), only for terms a page uses."""

from __future__ import annotations

from ..structure.abbreviations import Abbreviations, abbreviation_index

__all__ = ["Abbreviations", "abbreviation_index", "abbreviations_for"]


def abbreviations_for(markdown: str, index: Abbreviations) -> str:
    """``*[DoLS]: Deprivation of Liberty Safeguards`` lines for the terms this page uses."""
    lines = [f"*[{term}]: {index.terms[term].replace(']', ')')}" for term in index.used_in(markdown)]
    return ("\n\n" + "\n".join(lines) + "\n") if lines else ""
