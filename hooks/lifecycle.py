"""Drafts, archived pages and New/Updated badges: page metadata for search and navigation."""

from practice_hub import mkdocs_adapter as hub


def on_page_markdown(markdown, page, config, files):
    return hub.apply_lifecycle(markdown, page, config)
