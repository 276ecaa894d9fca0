"""Practice Hub: a static staff practice website generator for social work services.

All logic lives in this package. Only :mod:`practice_hub.mkdocs_adapter` imports MkDocs,
so the engine can be replaced without touching content loading, validation or rendering.
"""

__version__ = "0.2.0"
