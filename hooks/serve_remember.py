"""`mkdocs serve`: keep the last complete build, to rebuild one edited page (listed last)."""

from practice_hub import mkdocs_adapter as hub


def on_post_build(config):
    hub.remember_serve_build(config)
