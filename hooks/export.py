"""Write site/content.json after every build."""

from practice_hub import mkdocs_adapter as hub


def on_post_build(config):
    hub.write_content_json(config)
