"""A failed build stops the search indexer's Pagefind process."""

from practice_hub import mkdocs_adapter as hub


def on_build_error(error):
    hub.stop_search()
