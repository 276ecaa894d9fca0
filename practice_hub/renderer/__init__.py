"""Turning the content graph into Markdown: generated pages and page additions."""
