"""Write pages without the template whitespace that makes large sites' pages heavy."""

from practice_hub import mkdocs_adapter as hub


def on_post_page(output, page, config):
    return hub.compact_page(output)
