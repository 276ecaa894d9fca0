"""Hand each written page to the search indexer (Pagefind runs alongside the build)."""

from practice_hub import mkdocs_adapter as hub


def on_post_page(output, page, config):
    return hub.index_for_search(output, page, config)
