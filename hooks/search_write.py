"""Write the search index (site/pagefind/) and the search worker after every build."""

from practice_hub import mkdocs_adapter as hub


def on_post_build(config):
    hub.write_search_index(config)
