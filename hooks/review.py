"""Give templates the page's ready-made review data (owner, review dates, banner)."""

from practice_hub import mkdocs_adapter as hub


def on_page_context(context, page, config, nav):
    return hub.page_context(context, page, config)
