"""The readers' menu: configured order, numbered items in order, no editors' pages."""

from practice_hub import mkdocs_adapter as hub


def on_nav(nav, config, files):
    return hub.order_nav(nav, config)
