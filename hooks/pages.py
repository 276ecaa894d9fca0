"""Add Practice Hub's generated pages (course pages, section indexes, the golden thread)."""

from practice_hub import mkdocs_adapter as hub


def on_files(files, config):
    return hub.add_generated_pages(files, config)
