"""Append the golden thread and section listings to editors' pages."""

from practice_hub import mkdocs_adapter as hub


def on_page_markdown(markdown, page, config, files):
    return hub.add_to_page(markdown, page, config, files)
