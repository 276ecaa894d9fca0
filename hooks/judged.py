"""Fail the build once, listing every problem found in the rendered pages."""

from practice_hub import mkdocs_adapter as hub


def on_env(env, config, files):
    hub.fail_on_rendered_problems(config, files)
    return env
