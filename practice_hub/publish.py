"""``practice-hub publish SITE_DIR LIVE_LINK``: switch a web root to a new build at once.

The code is ``hosting/publish.py`` (``practice_hub/hosting/publish.py`` in the wheel), a script
that IT can also run on a web server with nothing but Python's standard library. This module
loads that one file, so the command and the script can never drift apart.
"""

from __future__ import annotations

import importlib.util
import sys

from .resources import hosting_dir

_NAME = "practice_hub._hosting_publish"


def _script():
    if _NAME not in sys.modules:
        spec = importlib.util.spec_from_file_location(_NAME, hosting_dir() / "publish.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[_NAME] = module
        spec.loader.exec_module(module)
    return sys.modules[_NAME]


_publish = _script()
PublishError = _publish.PublishError
publish = _publish.publish
releases_dir = _publish.releases_dir
SCRIPT = hosting_dir() / "publish.py"
