"""`mkdocs serve`: keep the template environment with the build, to rebuild one edited page."""

from practice_hub import mkdocs_adapter as hub


def on_env(env, config, files):
    return hub.remember_env(env, config)
