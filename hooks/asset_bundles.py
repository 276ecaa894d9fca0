"""Write the site's own CSS and JavaScript joined into one stylesheet and one script."""

from practice_hub import mkdocs_adapter as hub


def on_files(files, config):
    return hub.add_theme_bundles(files, config)
