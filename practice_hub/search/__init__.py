"""Site search: Pagefind's index behind Material's search interface (see ``index`` and ``worker.js``)."""

from .index import PagefindError, SearchIndexer

__all__ = ["PagefindError", "SearchIndexer"]
