"""`mkdocs serve`: no "dirty build" warning. (That MkDocs serves, so that broken content shows a
problems page in the browser, the plugin itself tells each build: see PracticeHubPlugin.)"""

from practice_hub import mkdocs_adapter as hub


def on_startup(command, dirty):
    hub.startup(command)
