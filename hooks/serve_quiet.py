"""No MkDocs "dirty build" warning in `./dev serve`: Practice Hub decides what a rebuild needs."""

from practice_hub import mkdocs_adapter as hub


def on_startup(command, dirty):
    hub.quiet_dirty_build_warning()
