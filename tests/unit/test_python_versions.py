"""Every pinned package installs on every Python the README promises (3.11, 3.12, 3.13), down to
the oldest patch release of each: Debian 12 ships Python 3.11.2, and a pin that needs 3.11.5
(pymdown-extensions 13, soupsieve 3 and later did) stops `pip install` there with "No matching
distribution". Read from the installed packages' own Requires-Python, so no network is needed."""

from __future__ import annotations

import re
from importlib import metadata

from packaging.specifiers import SpecifierSet

from helpers import PROJECT

OLDEST = ("3.11.0", "3.12.0", "3.13.0")


def pins() -> dict[str, str]:
    found = {}
    for line in (PROJECT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        match = re.match(r"^([A-Za-z0-9_.-]+)==([^\s;#]+)", line)
        if match:
            found[match.group(1)] = match.group(2)
    return found


def test_every_pin_admits_the_oldest_python_of_each_supported_version():
    refused = []
    for name, version in sorted(pins().items()):
        try:
            installed = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue  # a pin for another platform (none today)
        assert installed.version == version, f"{name}: {installed.version} installed, {version} pinned"
        requires = installed.metadata.get("Requires-Python") or ""
        refused += [
            f"{name}=={version} ({requires}) refuses {python}"
            for python in OLDEST
            if not SpecifierSet(requires).contains(python)
        ]
    assert refused == []


def test_the_projects_own_requirement_says_the_same():
    declared = SpecifierSet(
        re.search(r'requires-python = "([^"]+)"', (PROJECT / "pyproject.toml").read_text()).group(1)
    )
    assert all(declared.contains(python) for python in OLDEST) and not declared.contains("3.14.0")
