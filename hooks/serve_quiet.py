"""`mkdocs serve`: no "dirty build" warning, and a problems page in the browser while content is broken."""

from practice_hub import mkdocs_adapter as hub


def on_startup(command, dirty):
    hub.startup(command)
