"""The partials in overrides/ are copies of Material's own, changed a little: they are only right for
the Material version they were copied from, recorded once here (and named in each partial's comment).
Not a file in overrides/: MkDocs would publish it with the site."""

from __future__ import annotations

import re
from importlib.metadata import version

from helpers import REPO

#: The Material version the partials in overrides/ were copied from.
RECORDED = "9.8.1"


def test_installed_material_is_the_version_the_partials_were_copied_from():
    installed = version("mkdocs-material")
    assert installed == RECORDED, (
        f"Material {installed} is installed but overrides/ holds partials copied from {RECORDED}: re-copy each "
        "stock partial named in overrides/, re-apply Practice Hub's changes, then update RECORDED in this test and the partials' comments"
    )


def test_each_copied_partial_names_the_recorded_version():
    for path in sorted((REPO / "overrides").rglob("*.html")):
        named = re.findall(r"Material (\d+\.\d+\.\d+)", path.read_text(encoding="utf-8"))
        assert all(found == RECORDED for found in named), (path.name, named)
