"""Validate every content file before anything renders; fail once listing every problem."""

from practice_hub import mkdocs_adapter as hub


def on_files(files, config):
    return hub.validate(files, config)
