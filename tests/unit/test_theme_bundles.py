"""The theme's stylesheets and scripts reach a page as two files named by their content
(practice_hub/theme_assets.py): one request each on a slow connection, kept by browsers."""

from __future__ import annotations

import re

from helpers import REPO
from practice_hub.resources import theme_dir
from practice_hub.theme_assets import bundles, theme_assets

# hosting/nginx-practice-hub.conf's rule for files kept "immutable"
IMMUTABLE = re.compile(r"^/assets/.+\.[0-9a-f]{8}\.min\.(?:js|css)$")


def test_every_stylesheet_and_script_is_in_its_bundle_in_order(tmp_path):
    css, js = theme_assets(theme_dir())
    made = {b.path.rsplit(".", 1)[-1]: b for b in bundles(theme_dir())}
    assert set(made) == {"css", "js"}
    on_demand = [path for path in js if path.endswith(("practice-hub-audit.js", "practice-hub-cpd.js"))]
    assert len(on_demand) == 2
    for path in on_demand:
        assert path not in made["js"].text
        assert (theme_dir() / path).read_text(encoding="utf-8") not in made["js"].text
    loader = '{"practice-hub-audit.js": "^(?:data-)?ph-(?:audit|results)", "practice-hub-cpd.js": "^(?:data-)?ph-cpd"}'
    assert loader in made["js"].text  # their loader
    js = [path for path in js if path not in on_demand]
    for kind, paths in (("css", css), ("js", js)):
        text = made[kind].text
        places = [text.index(f"/* {path} */\n") for path in paths]
        assert places == sorted(places) and len(paths) > 1
        for path in paths:
            assert (theme_dir() / path).read_text(encoding="utf-8") in text
        assert IMMUTABLE.match("/" + made[kind].path), made[kind].path
    assert "practice-hub-today.js" in made["js"].text and "practice-hub-search-preload.js" in made["js"].text


def test_a_changed_file_changes_the_name(tmp_path):
    for folder, name in (("stylesheets", "a.css"), ("javascripts", "a.js")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / name).write_text("one\n")
    before = [b.path for b in bundles(tmp_path)]
    (tmp_path / "javascripts" / "a.js").write_text("two\n")
    after = [b.path for b in bundles(tmp_path)]
    assert before[0] == after[0] and before[1] != after[1]
    assert bundles(tmp_path / "missing") == []


def test_the_nginx_block_keeps_hashed_names_and_the_search_engine(tmp_path):
    block = (REPO / "hosting/nginx-practice-hub.conf").read_text()
    assert '~^/pagefind/.+\\.pf_                             "public, max-age=31536000, immutable"' in block
    assert "gzip_comp_level 6;" in block
