"""The "page not found" page: the main sections, in the readers' menu order."""

from practice_hub import mkdocs_adapter as hub


def on_template_context(context, template_name, config):
    return hub.error_page_context(context, template_name, config)
