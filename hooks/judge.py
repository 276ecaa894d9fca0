"""Judge what is published: every page's HTML through the allow-list, after rendering."""

from practice_hub import mkdocs_adapter as hub


def on_page_content(html, page, config, files):
    return hub.judge_published(html, page, config)
