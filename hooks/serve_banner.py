"""`mkdocs serve`: while a save has problems, every page shows them in a box at the top."""

from practice_hub import mkdocs_adapter as hub


def on_serve(server, config, builder):
    return hub.show_problems_in_preview(server)
