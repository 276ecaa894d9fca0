"""Material's blog asks whether a page is a post or view by identity, not by comparing every one."""

from practice_hub import mkdocs_adapter as hub


def on_nav(nav, config, files):
    hub.quick_blog_lookups(config)
