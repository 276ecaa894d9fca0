"""Settings that cannot write markup into pages, nor be ignored or wrong without a word.

A menu title is printed into every page's menu and the 404 page; MkDocs renders templates without
autoescape, so the schema refuses markup in the settings printed into pages and every template in
overrides/ escapes the titles and settings it prints.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import jinja2
import pytest

from practice_hub import menu
from practice_hub.cli import main
from practice_hub.settings import Environment, Project, Settings, SettingsError

REPO = Path(__file__).resolve().parents[2]
NO_ENVIRONMENT = Environment()
IMG = "Standards <img src=x onerror=alert(1)>"
META = '<meta http-equiv="refresh" content="0;url=https://evil.example/">'


def _config(tmp_path: Path, block: str, folders=("glossary", "standards")) -> Path:
    for folder in folders:
        (tmp_path / "docs" / folder).mkdir(parents=True, exist_ok=True)
    (tmp_path / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text(f"site_name: Test\nextra:\n{block}", encoding="utf-8")
    return config


@pytest.mark.parametrize(
    "values",
    [
        {"menu": [{IMG: "standards/"}]},
        {"menu": ["procedures/", {META: "standards/"}]},
        {"home_cards": {"standards": "What good <b>practice</b> looks like."}},
        {"audit_services": ["Children's services", "<script>alert(1)</script>"]},
    ],
    ids=["menu-img", "menu-meta", "home-cards", "audit-services"],
)
def test_settings_printed_into_pages_refuse_markup(values):
    with pytest.raises(SettingsError) as raised:
        Settings.from_mapping(values, NO_ENVIRONMENT)
    assert "without < or >" in str(raised.value)


def test_plain_titles_with_ampersands_and_apostrophes_are_kept():
    settings = Settings.from_mapping(
        {"menu": [{"Jobs & careers": "recruitment/"}], "audit_services": ["Children's services"]},
        NO_ENVIRONMENT,
    )
    assert settings.menu == ({"Jobs & careers": "recruitment/"},)


def test_a_menu_title_with_markup_is_told_at_its_own_line(tmp_path):
    config = _config(
        tmp_path,
        f'  practice_hub:\n    menu:\n      - glossary/\n      - "{IMG}": standards/\n',
    )
    with pytest.raises(SettingsError) as raised:
        Project.from_config_file(config, NO_ENVIRONMENT)
    assert raised.value.located("mkdocs.yml").startswith(
        "mkdocs.yml:6: extra.practice_hub.menu entries are a path"
    )


@pytest.mark.parametrize("name", ["practice-hub", "practicehub", "practice_hubs", "Practice_Hub"])
def test_a_misnamed_settings_block_is_told_at_its_line(tmp_path, name):
    config = _config(tmp_path, f"  social: []\n  {name}:\n    gaps_are_errors: true\n")
    with pytest.raises(SettingsError) as raised:
        Project.from_config_file(config, NO_ENVIRONMENT)
    assert raised.value.located("mkdocs.yml") == (
        f"mkdocs.yml:4: extra.{name} is ignored: the engine reads its settings only from "
        'extra.practice_hub (did you mean "practice_hub"?)'
    )


def test_other_blocks_under_extra_are_left_alone(tmp_path):
    config = _config(tmp_path, "  social: []\n  analytics: {}\n  practice_hub:\n    demo: false\n")
    assert Project.from_config_file(config, NO_ENVIRONMENT).settings.demo is False


def test_a_misspelt_menu_entry_is_told_at_its_line_with_a_guess(tmp_path):
    config = _config(
        tmp_path,
        "  practice_hub:\n    menu:\n      - standards/\n      - Terms: glosary/\n      - events/\n",
    )
    with pytest.raises(SettingsError) as raised:
        Project.from_config_file(config, NO_ENVIRONMENT)
    assert raised.value.located("mkdocs.yml") == (
        'mkdocs.yml:6: extra.practice_hub.menu names "glosary/", which is not in docs/ '
        '(did you mean "glossary/"?)'
    )


def test_a_content_type_folder_not_written_yet_may_be_in_the_menu(tmp_path):
    # events/ and about.md are not in docs/ yet: a new site lists them before writing them
    config = _config(
        tmp_path, "  practice_hub:\n    menu:\n      - events/\n      - about.md\n      - tags/\n"
    )
    assert Project.from_config_file(config, NO_ENVIRONMENT).settings.menu == ("events/", "about.md", "tags/")


def _check(config: Path, fmt: str, capsys) -> tuple[int, str, str]:
    code = main(["check", "-f", str(config), "--format", fmt])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_check_json_reports_wrong_settings_as_problem_objects(tmp_path, capsys):
    config = _config(tmp_path, "  practice_hub:\n    demo: maybe\n")
    code, out, err = _check(config, "json", capsys)
    assert code == 1  # it fails the build: exit 1, as any problem does
    assert json.loads(out) == [
        {
            "path": "mkdocs.yml",
            "line": 4,
            "severity": "error",
            "type": "",
            "field": "demo",
            "message": "extra.practice_hub.demo must be true or false",
            "hint": "",
        }
    ]
    assert "1 problem in 1 file" in err


def test_check_github_reports_wrong_settings_as_annotations(tmp_path, capsys):
    config = _config(tmp_path, "  practice-hub:\n    demo: true\n")
    code, out, _err = _check(config, "github", capsys)
    assert code == 1
    assert out.startswith("::error file=mkdocs.yml,line=3::extra.practice-hub is ignored")


def test_json_names_the_menu_entry_and_the_block_as_fields(tmp_path, capsys):
    config = _config(
        tmp_path, "  practicehub: {}\n  practice_hub:\n    menu:\n      - standards/\n      - glosary/\n"
    )
    code, out, _err = _check(config, "json", capsys)
    assert code == 1
    assert [(p["line"], p["field"]) for p in json.loads(out)] == [(3, "extra.practicehub"), (7, "menu[2]")]


def test_check_text_lists_wrong_settings_as_problems_and_counts_them(tmp_path, capsys):
    """A wrong setting fails the build, so check lists it as any problem, in order on stdout,
    counts it in the closing line and exits 1."""
    config = _config(tmp_path, "  practice_hub:\n    demo: maybe\n")
    code, out, err = _check(config, "text", capsys)
    assert (code, err) == (1, "")
    assert out.splitlines() == [
        f"{config}:4: extra.practice_hub.demo must be true or false",
        "Practice Hub: 1 problem in 1 file: fix it, then run check again",
    ]


def test_check_without_mkdocs_yml_says_where_to_run_it(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, err = _check(Path("mkdocs.yml"), "text", capsys)
    assert (code, out) == (2, "")  # nothing to check: not a verdict on a build
    assert err == (
        "mkdocs.yml: no such file (run .venv/bin/practice-hub check in the site's folder, "
        "or name its mkdocs.yml with -f)\n"
    )


def test_the_old_menu_check_is_gone():
    # the settings schema checks the menu's shape; a second check could only disagree with it
    assert not hasattr(menu, "check_menu")


# --- the templates: every title and setting printed is escaped ---------------------------------


class _Node:
    def __init__(self, title, children=(), url="x/"):
        self.title, self.children, self.url = title, list(children), url
        self.typeset = None
        self.meta = None
        self.encrypted = False
        self.active = True
        self.is_section = bool(children)
        self.is_page = not children
        self.is_index = False
        self.ph_long = False
        self.ph_index = None


def _nav_module():
    import material

    loader = jinja2.FileSystemLoader([REPO / "overrides", Path(material.__file__).parent / "templates"])
    environment = jinja2.Environment(loader=loader)  # as MkDocs: no autoescape
    environment.filters["url"] = lambda value: value
    template = environment.get_template("partials/nav-item.html")
    return template.make_module({"config": {"theme": {"features": []}, "extra": {}}, "page": None})


def test_a_title_with_markup_reaching_the_menu_is_escaped():
    module = _nav_module()
    assert "&lt;b&gt;" in str(module.render_title(_Node("<b>Standards</b>")))
    section = _Node("<b>Standards</b>", [_Node("A page", url="standards/a/")])
    html = str(module.render(section, "__nav_1", 1))
    assert "<b>" not in html and "&lt;b&gt;Standards&lt;/b&gt;" in html


PRINTED = re.compile(r"{{-?\s*([^}]*?)\s*-?}}")
#: Printed values that are HTML already (the page's content, Material's typeset titles), URLs
#: (through the url filter), or made by a macro.
ALREADY_HTML = re.compile(
    r"^(page\.content|post\.content|ph\.heading_html|ph\.body_html|nav_item\.typeset\.title|toc)\b"
    r"|\|\s*(e|escape|url|tojson|date)\b"
    r"|^(render\w*|item\.render|lang\.t)\("
)


def test_every_template_escapes_the_titles_and_settings_it_prints():
    unescaped = []
    for template in sorted((REPO / "overrides").rglob("*.html")):
        text = re.sub(r"{#.*?#}", "", template.read_text(encoding="utf-8"), flags=re.S)
        for match in PRINTED.finditer(text):
            printed = match.group(1)
            if re.search(
                r"title|config\.|meta\.|name\b|description|author", printed
            ) and not ALREADY_HTML.search(printed):
                unescaped.append(f"{template.relative_to(REPO)}: {{{{ {printed} }}}}")
    assert unescaped == []
