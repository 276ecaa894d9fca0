"""`mkdocs serve`: pages a rebuild did not re-read keep their titles in menus and Previous/Next."""

from practice_hub import mkdocs_adapter as hub


def on_env(env, config, files):
    hub.title_unread_pages(config, files)
    return env
