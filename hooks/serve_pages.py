"""`mkdocs serve`: saving a page's text rebuilds that page alone; anything else, the site."""

from practice_hub import mkdocs_adapter as hub


def on_serve(server, config, builder):
    return hub.serve_one_page_rebuilds(server, builder)
