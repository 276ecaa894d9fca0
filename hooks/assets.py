"""Publish the site's own CSS and JavaScript (overrides/stylesheets, overrides/javascripts)."""

from practice_hub import mkdocs_adapter as hub


def on_config(config):
    return hub.add_theme_assets(config)
