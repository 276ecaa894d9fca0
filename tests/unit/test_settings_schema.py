"""extra.practice_hub is checked by content_schema/settings.schema.yaml through schema.py, as content
is: plain words, the line of mkdocs.yml, "did you mean" hints; the environment is read once, from a
mapping, into the settings; nothing else reads it, nor sets it behind the code's back."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest

from helpers import REPO
from practice_hub.settings import Environment, Project, Settings, SettingsError, settings_lines

NO_ENVIRONMENT = Environment()

#: Every setting's wrong value and what it is told (the words the hand-written checks used).
TOLD = [
    ({"demo": "yes"}, "extra.practice_hub.demo must be true or false"),
    ({"gaps_are_errors": 1}, "extra.practice_hub.gaps_are_errors must be true or false"),
    (
        {"overdue_reviews_are_errors": None},
        "extra.practice_hub.overdue_reviews_are_errors must be true or false",
    ),
    ({"show_drafts": "no"}, "extra.practice_hub.show_drafts must be true or false"),
    ({"today": "24/11/2026"}, "extra.practice_hub.today (or PRACTICE_HUB_TODAY) must be a date, YYYY-MM-DD"),
    (
        {"case_reference_pattern": "[unclosed"},
        "extra.practice_hub.case_reference_pattern is not a regular expression: "
        "unterminated character set at position 0",
    ),
    (
        {"audit_overall_rule": "lowest_sections"},
        'extra.practice_hub.audit_overall_rule has "lowest_sections", which is not one of: '
        'lowest_key_section, lowest_section (did you mean "lowest_section"?)',
    ),
    (
        {"audit_services": "Children"},
        "extra.practice_hub.audit_services must be a list of service names, in plain words without < or >",
    ),
    (
        {"audit_services": []},
        "extra.practice_hub.audit_services must be a list of service names, in plain words without < or >",
    ),
    (
        {"audit_services": ["Adults", ""]},
        "extra.practice_hub.audit_services must be a list of service names, in plain words without < or >",
    ),
    (
        {"home_cards": ["a", "b"]},
        "extra.practice_hub.home_cards must be a list of card: wording lines in plain words without < or >, "
        'for example standards: "What good practice looks like in our council."',
    ),
    (
        {"home_cards": {"standards": ["a"]}},
        "extra.practice_hub.home_cards must be a list of card: wording lines in plain words without < or >, "
        'for example standards: "What good practice looks like in our council."',
    ),
    (
        {"menu": "procedures/"},
        "extra.practice_hub.menu must be a list of folders (procedures/) or pages (about.md)",
    ),
    (
        {"menu": ["procedures/", {"Jobs": "recruitment/", "News": "news/"}, 3]},
        "extra.practice_hub.menu entries are a path (procedures/) or one 'Title: path' pair "
        "(Jobs: recruitment/), the title in plain words without < or >",
    ),
    ({"editors_pages": "editors/"}, "extra.practice_hub.editors_pages must be a list"),
    (
        {"home": "cards"},
        "extra.practice_hub.home must be a list of the home page's blocks: search, notice, sections, "
        "changes, training, events, news, staff_voice",
    ),
    (
        {"home": ["search", "weather"]},
        "extra.practice_hub.home must be a list of the home page's blocks: search, notice, sections, "
        "changes, training, events, news, staff_voice",
    ),
    (
        {"menu_section_limit": 0},
        "extra.practice_hub.menu_section_limit must be a whole number of pages, 1 or more (not 0)",
    ),
    (
        {"suggest_email": "the team"},
        "extra.practice_hub.suggest_email must be an email address, for example practice@council.example",
    ),
    ({"menus": []}, 'unknown setting "menus" in extra.practice_hub (did you mean "menu"?)'),
]


@pytest.mark.parametrize(("values", "message"), TOLD, ids=[next(iter(v)) for v, _ in TOLD])
def test_each_wrong_setting_is_told_in_plain_words(values, message):
    with pytest.raises(SettingsError) as raised:
        Settings.from_mapping(values, NO_ENVIRONMENT)
    assert str(raised.value) == message


def test_an_unknown_setting_lists_the_known_ones_when_nothing_is_close():
    with pytest.raises(SettingsError) as raised:
        Settings.from_mapping({"colour": "blue"}, NO_ENVIRONMENT)
    assert str(raised.value).startswith('unknown setting "colour" in extra.practice_hub (known settings: ')
    assert "menu_section_limit" in str(raised.value)


def test_every_wrong_setting_is_told_at_once():
    with pytest.raises(SettingsError) as raised:
        Settings.from_mapping({"demo": "yes", "menu_section_limit": -1}, NO_ENVIRONMENT)
    assert len(raised.value.problems) == 2


def test_good_settings_become_typed_and_frozen():
    import datetime as dt

    settings = Settings.from_mapping(
        {
            "today": dt.date(2026, 11, 24),  # as YAML reads an unquoted date
            "menu": ["procedures/", {"Jobs": "recruitment/"}],
            "audit_services": ["Adults"],
            "home_cards": {"standards": "How we practise.", "audit": "Our audits."},
            "suggest_email": "practice@council.example",
            "menu_section_limit": 40,
        },
        NO_ENVIRONMENT,
    )
    assert settings.today == "2026-11-24" and settings.build_date == dt.date(2026, 11, 24)
    assert settings.menu == ("procedures/", {"Jobs": "recruitment/"})
    assert settings.audit_services == ("Adults",)
    assert settings.home_cards == (("audit", "Our audits."), ("standards", "How we practise."))
    assert settings.menu_section_limit == 40
    with pytest.raises(AttributeError):
        settings.demo = True  # type: ignore[misc]
    # empty values are the defaults, as before
    empty = Settings.from_mapping({"today": None, "suggest_email": None, "home_cards": None}, NO_ENVIRONMENT)
    assert (empty.today, empty.suggest_email, empty.home_cards) == ("", "", ())
    quoted = Settings.from_mapping({"today": "", "suggest_email": ""}, NO_ENVIRONMENT)
    assert (quoted.today, quoted.suggest_email) == ("", "")  # today: "" is the real date too


CONFIG = """site_name: Test
extra:
  analytics: !ENV [NOTHING, ""]
  practice_hub:
    today: "2026-11-24"
    menu_section_limit: many
    demo: true
    menus: []
"""


def test_errors_name_the_line_of_mkdocs_yml(tmp_path):
    (tmp_path / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    assert settings_lines(CONFIG) == {
        "extra:analytics": 3,
        "extra:practice_hub": 4,
        "today": 5,
        "menu_section_limit": 6,
        "demo": 7,
        "menus": 8,
    }
    with pytest.raises(SettingsError) as raised:
        Project.from_config_file(tmp_path / "mkdocs.yml", NO_ENVIRONMENT)
    assert raised.value.located("mkdocs.yml").splitlines() == [
        "mkdocs.yml:6: extra.practice_hub.menu_section_limit must be a whole number of pages, 1 or more (not 'many')",
        'mkdocs.yml:8: unknown setting "menus" in extra.practice_hub (did you mean "menu"?)',
    ]


def test_a_wrong_date_from_the_environment_has_no_line_in_mkdocs_yml(tmp_path):
    (tmp_path / "mkdocs.yml").write_text(
        CONFIG.replace("    menu_section_limit: many\n    demo: true\n    menus: []\n", "")
    )
    with pytest.raises(SettingsError) as raised:
        Project.from_config_file(
            tmp_path / "mkdocs.yml", Environment.read({"PRACTICE_HUB_TODAY": "tomorrow"})
        )
    assert raised.value.located("mkdocs.yml") == (
        "mkdocs.yml: extra.practice_hub.today (or PRACTICE_HUB_TODAY) must be a date, YYYY-MM-DD"
    )


def test_the_build_fails_with_the_file_and_line_of_a_wrong_setting(tmp_path, caplog):
    from mkdocs.exceptions import PluginError

    from practice_hub.mkdocs_adapter import project_for

    (tmp_path / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    with pytest.raises(PluginError) as raised:
        project_for(_config(tmp_path, {"today": "2026-11-24", "menu_section_limit": "many"}))
    # Each at its line, then the count, as check says them (the build's last word is the count).
    assert [r.getMessage() for r in caplog.records if r.levelname == "ERROR"] == [
        "mkdocs.yml:6: extra.practice_hub.menu_section_limit must be a whole number of pages, 1 or more (not 'many')"
    ]
    assert str(raised.value) == "Practice Hub: 1 problem in 1 file: fix it, then run check again"


# --- the environment -------------------------------------------------------------------------


def test_the_environment_is_read_from_a_mapping():
    read = Environment.read(
        {
            "SOURCE_DATE_EPOCH": "1795478400",
            "PRACTICE_HUB_TODAY": "2026-11-24",
            "PRACTICE_HUB_DRAFTS": "1",
            "PRACTICE_HUB_ENGINE": "properdocs",
            "PRACTICE_HUB_CHROMIUM": "/opt/chromium",
            "PRACTICE_HUB_SEARCH_SHARD_PAGES": "80",
            "PRACTICE_HUB_SERVING": "1",
            "HOME": "/root",
        }
    )
    assert read == Environment("1795478400", "2026-11-24", True, "properdocs", "/opt/chromium", "80", True)
    assert Environment.read({}) == Environment()
    for off in ("", "0", "false"):
        assert Environment.read({"PRACTICE_HUB_DRAFTS": off}).drafts is False


def test_the_environment_reaches_the_settings_and_the_commands():
    from practice_hub.engine import engine_name
    from practice_hub.sitecheck import chromium_path

    environment = Environment.read(
        {"PRACTICE_HUB_DRAFTS": "1", "PRACTICE_HUB_TODAY": "2027-01-05", "PRACTICE_HUB_ENGINE": "ProperDocs"}
    )
    settings = Settings.from_mapping({"today": "2026-11-24"}, environment)
    assert settings.show_drafts is True and settings.today == "2027-01-05"
    assert settings.environment is environment
    assert engine_name(None, environment) == "properdocs" and engine_name("mkdocs", environment) == "mkdocs"
    assert str(chromium_path(Environment(chromium="/opt/chromium"))) == "/opt/chromium"
    assert str(chromium_path(Environment())) == "/usr/bin/chromium"


ENGINE = REPO / "practice_hub"
READS = re.compile(r"environ\.get\(|environ\[|getenv\(")


def test_only_the_settings_read_the_environment_and_nothing_writes_it():
    """Environment.read is the one place; a value set in os.environ by one build would be a hidden
    global that the next build (or test) in the same process reads."""
    readers = sorted(
        str(path.relative_to(REPO))
        for path in ENGINE.rglob("*.py")
        if READS.search(path.read_text(encoding="utf-8"))
    )
    assert readers == ["practice_hub/settings.py"]
    writers = [
        str(path.relative_to(REPO))
        for path in ENGINE.rglob("*.py")
        if re.search(
            r"os\.environ\[[^]]+\]\s*=|os\.environ\.(setdefault|update)\(|putenv\(",
            path.read_text(encoding="utf-8"),
        )
    ]
    assert writers == []


def test_serving_is_told_to_each_build_not_kept_in_the_environment(tmp_path, monkeypatch):
    import os

    from practice_hub import mkdocs_adapter as hub

    monkeypatch.delenv("PRACTICE_HUB_SERVING", raising=False)
    (tmp_path / "mkdocs.yml").write_text("site_name: Test\n", encoding="utf-8")
    hub.startup("serve")
    assert "PRACTICE_HUB_SERVING" not in os.environ
    assert hub.project_for(_config(tmp_path, {})).settings.serving is False
    assert hub.project_for(_config(tmp_path, {}, serving=True)).settings.serving is True
    monkeypatch.setenv("PRACTICE_HUB_SERVING", "1")  # a build asked to behave as `mkdocs serve`
    assert hub.project_for(_config(tmp_path, {})).settings.serving is True


def test_the_plugin_remembers_that_mkdocs_serves_and_tells_each_build():
    from practice_hub.mkdocs_adapter import PracticeHubPlugin

    plugin = PracticeHubPlugin()
    config = _Config(theme=SimpleNamespace(dirs=[], custom_dir=None), extra_css=[], extra_javascript=[])
    plugin.on_startup(command="serve", dirty=True)
    plugin.on_config(config)
    assert config["practice_hub_serving"] is True
    plugin.on_startup(command="build", dirty=False)
    plugin.on_config(config)
    assert config["practice_hub_serving"] is False


class _Config(dict):
    """Enough of MkDocs' config for ``project_for`` and the plugin's ``on_config``."""

    def __init__(self, **attributes):
        super().__init__()
        self.__dict__.update(attributes)


def _config(folder, settings: dict, serving: bool = False) -> _Config:
    config = _Config(
        extra={"practice_hub": settings},
        config_file_path=str(folder / "mkdocs.yml"),
        docs_dir=str(folder / "docs"),
        use_directory_urls=True,
        site_url="",
        markdown_extensions=[],
        mdx_configs={},
    )
    if serving:
        config["practice_hub_serving"] = True
    return config


def test_the_field_reference_lists_every_setting_from_the_schema():
    from practice_hub.renderer.reference import field_reference
    from practice_hub.resources import schema_dir
    from practice_hub.schema import load_schemas

    schemas = load_schemas(schema_dir())
    page = field_reference(schemas)
    section = page[page.index("## Site settings (`mkdocs.yml`)") :]
    for name in schemas.raw["settings"]["properties"]:
        assert f"| `{name}` |" in section, name


def test_a_wrong_search_shard_size_in_the_environment_is_told_by_check():
    with pytest.raises(SettingsError) as caught:
        Settings.from_mapping({}, Environment.read({"PRACTICE_HUB_SEARCH_SHARD_PAGES": "abc"}))
    assert str(caught.value) == "PRACTICE_HUB_SEARCH_SHARD_PAGES must be a whole number of pages, not 'abc'"
    assert Settings.from_mapping({}, Environment.read({"PRACTICE_HUB_SEARCH_SHARD_PAGES": "500"}))
