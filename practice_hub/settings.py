"""Practice Hub settings: ``extra.practice_hub`` in mkdocs.yml, the environment, and the build's clock.

``content_schema/settings.schema.yaml`` says what each setting may be; it is checked through the
same ``schema.py`` as content, so a wrong setting is told in the same plain words, with the line
of mkdocs.yml when it is known. The result is a frozen, typed ``Settings``.

The environment variables the engine obeys are read in one place, ``Environment.read``, once per
build (``Settings.from_mapping``), and handed to whatever needs them; nothing else reads them.
The build's moment is fixed once too (``Settings.clock``).
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path

import yaml

from .audit_tool.grades import LABELS
from .clock import Clock
from .content_types import TYPES
from .loader.yaml_lines import plain_words
from .problems import Problem, Problems
from .resources import schema_dir
from .schema import load_schemas

#: Where the settings sit in mkdocs.yml, as messages name them.
WITHIN = "extra.practice_hub."


def config_problem(config_file: object, error: Exception) -> str:
    """What is wrong with mkdocs.yml, for the command line: each wrong setting at its line."""
    if isinstance(error, SettingsError):
        return error.located(str(config_file))
    return f"{config_file}: {error}"


@dataclass(frozen=True)
class Environment:
    """The environment variables the engine obeys, read once (``read``) from a mapping."""

    source_date_epoch: str = ""  # SOURCE_DATE_EPOCH: the build's moment (reproducible builds)
    today: str = ""  # PRACTICE_HUB_TODAY: the build date, YYYY-MM-DD (wins over the setting)
    drafts: bool = False  # PRACTICE_HUB_DRAFTS: publish drafts (show_drafts)
    engine: str = ""  # PRACTICE_HUB_ENGINE: mkdocs (the default) or properdocs
    chromium: str = ""  # PRACTICE_HUB_CHROMIUM: the Chromium for `practice-hub test`
    search_shard_pages: str = ""  # PRACTICE_HUB_SEARCH_SHARD_PAGES: pages per search index
    # This build shows its problems in the browser instead of failing, as `mkdocs serve` does.
    # The plugin sets it when MkDocs starts `serve`; PRACTICE_HUB_SERVING=1 asks it of a build
    # (the tests build this way).
    serving: bool = False

    VARIABLES = {
        "source_date_epoch": "SOURCE_DATE_EPOCH",
        "today": "PRACTICE_HUB_TODAY",
        "drafts": "PRACTICE_HUB_DRAFTS",
        "engine": "PRACTICE_HUB_ENGINE",
        "chromium": "PRACTICE_HUB_CHROMIUM",
        "search_shard_pages": "PRACTICE_HUB_SEARCH_SHARD_PAGES",
        "serving": "PRACTICE_HUB_SERVING",
    }

    @classmethod
    def read(cls, environ: Mapping[str, str] | None = None) -> Environment:
        """The variables from *environ* (the process's environment when None)."""
        environ = os.environ if environ is None else environ
        values: dict = {name: environ.get(variable, "") for name, variable in cls.VARIABLES.items()}
        values["drafts"] = values["drafts"] not in ("", "0", "false")
        values["serving"] = values["serving"] == "1"
        return cls(**values)


class SettingsError(ValueError):
    """Wrong settings: each problem's setting (its name, "" when it came from the environment),
    its message (with its hint) and its line in mkdocs.yml when known. ``str()`` is the messages
    alone; ``located`` names the file and the lines."""

    def __init__(self, problems: list[tuple[str, str]], lines: Mapping[str, int] | None = None):
        self.problems = problems
        self.lines = dict(lines or {})
        super().__init__("\n".join(message for _setting, message in problems))

    def with_lines(self, lines: Mapping[str, int]) -> SettingsError:
        """The same problems, knowing the line of each setting in mkdocs.yml (``settings_lines``)."""
        return SettingsError(self.problems, lines)

    def line_of(self, setting: str) -> int:
        """The line of *setting* in mkdocs.yml (``menu.2``: that entry's, else the menu's), or 0."""
        if not setting:
            return 0
        return self.lines.get(setting) or self.lines.get(setting.split(".")[0], 0)

    def located(self, config_file: str) -> str:
        """Every problem as ``mkdocs.yml:12: message`` (``mkdocs.yml: message`` without a line)."""
        located = sorted((self.line_of(setting), message) for setting, message in self.problems)
        return "\n".join(
            f"{config_file}:{line}: {message}" if line else f"{config_file}: {message}"
            for line, message in located
        )

    def as_problems(self, config_file: str) -> list[Problem]:
        """The same problems as content problems are (for ``check --format json`` or ``github``)."""
        problems = Problems()
        for setting, message in self.problems:
            problems.add(config_file, self.line_of(setting), message, field=_field_of(setting))
        return problems.sorted()


@dataclass(frozen=True)
class Settings:
    """The settings, typed; what each means is in content_schema/settings.schema.yaml."""

    gaps_are_errors: bool = False
    overdue_reviews_are_errors: bool = False
    show_drafts: bool = False
    key_points_required: str = "warning"  # a procedure without key points: warning, error or off
    today: str = ""  # the build date, YYYY-MM-DD; empty means the real date (tests pin it)
    # --- the case-file audit tool ---
    # Letters then digits, never a name or an NHS number (10 digits): the default stops at 9 digits.
    case_reference_pattern: str = "^[A-Z]{0,3}[0-9]{4,9}$"
    audit_overall_rule: str = "lowest_key_section"
    audit_services: tuple = ("Children's services", "Adults' services")
    audit_protective_marking: str = "OFFICIAL-SENSITIVE"
    audit_draft_expiry_days: int = 30
    audit_small_sample: int = 5
    briefing_use_days: int = 90  # a briefing with no team use after this many days is a gap; 0: off
    audit_grade_labels: tuple = ()  # (grade, words) pairs; see grade_labels()
    audit_service_grade_labels: tuple = ()  # (service, ((grade, words), ...)) pairs
    audit_service_stages: tuple = ()  # (service, (stage, ...)) pairs; see stages_for()
    demo: bool = False
    home_cards: tuple = ()  # (card, wording) pairs from a mapping: the home page cards' wording
    # --- the readers' menu and home page ---
    menu: tuple = ()
    # Pages for editors say so (audience: editors); this older list, where a site keeps one,
    # names more (out of the readers' menu and search alike).
    editors_pages: tuple = ()
    menu_section_limit: int = 100
    home: tuple = ()
    suggest_email: str = ""
    # Each finished search sent to the site's own search/log (the README's privacy notice).
    search_log: bool = False
    # --- not settings: what the build was started with ---
    environment: Environment = field(default_factory=Environment, compare=False)
    # The build's moment and date, fixed once (made from the two fields above when not given).
    clock: Clock = field(default=None, compare=False)  # type: ignore[assignment]

    def __post_init__(self) -> None:
        if self.clock is None:
            object.__setattr__(self, "clock", Clock.start(self.environment.source_date_epoch, self.today))

    @classmethod
    def from_mapping(cls, values: dict | None, environment: Environment | None = None) -> Settings:
        """Settings from ``extra.practice_hub`` (*values*) and the environment (read now when
        *environment* is None). Raises ``SettingsError`` listing every wrong setting."""
        environment = Environment.read() if environment is None else environment
        values = {} if values is None else values
        if not isinstance(values, dict):
            raise SettingsError(
                [("", "extra.practice_hub must be a set of settings, one name: value line each")]
            )
        values = {
            name: value
            for name, value in values.items()
            if value not in (None, "") or name not in _EMPTY_IS_UNSET
        }
        from_environment: set[str] = set()
        if environment.drafts:
            values["show_drafts"] = True
        if environment.today:
            values["today"], from_environment = environment.today, {"today"}
        if values.get("key_points_required") is False:  # YAML reads a bare off as false
            values["key_points_required"] = "off"
        if isinstance(
            values.get("today"), dt.date
        ):  # YAML reads 2026-11-24 as a date: the schema checks text
            values["today"] = values["today"].isoformat()
        findings = load_schemas(schema_dir()).check("settings", values, WITHIN)
        problems: list[tuple[str, str]] = []
        for finding in findings:
            setting = ".".join(str(part) for part in finding.path[:2])  # menu.2: that entry's line
            message = f"{finding.message} ({finding.hint})" if finding.hint else finding.message
            if message not in (known for _, known in problems):  # two wrong menu entries: one message
                problems.append(("" if setting.split(".")[0] in from_environment else setting, message))
        services = values.get("audit_services") or Settings.audit_services
        for setting in ("audit_service_grade_labels", "audit_service_stages"):
            named = values.get(setting)
            for service in named if isinstance(named, dict) else {}:
                if service not in services:
                    problems.append(
                        (
                            f"{setting}.{service}",
                            f'extra.practice_hub.{setting} names "{service}", which is not '
                            f"one of audit_services ({', '.join(map(str, services))}) "
                            "(write the service's name as audit_services gives it)",
                        )
                    )
        shard_problem = shard_pages_problem(environment.search_shard_pages)
        if shard_problem:
            problems.append(("", shard_problem))
        if problems:
            raise SettingsError(problems)
        return cls(**_typed(values), environment=environment)

    @classmethod
    def from_extra(
        cls, extra: object, environment: Environment | None = None, docs_dir: Path | None = None
    ) -> Settings:
        """Settings from mkdocs.yml's whole ``extra`` block: ``from_mapping`` of its practice_hub
        settings, and also a block whose name is close to practice_hub (``practice-hub:``, which
        would otherwise be ignored whole) and, given *docs_dir*, menu entries naming nothing there.
        Raises ``SettingsError`` listing every problem."""
        extra = extra if isinstance(extra, Mapping) else {}
        problems = misnamed_blocks(extra)
        try:
            settings = cls.from_mapping(extra.get("practice_hub"), environment)
        except SettingsError as error:
            raise SettingsError(problems + error.problems) from None
        if docs_dir is not None:
            problems += missing_menu_paths(settings.menu, Path(docs_dir))
        if problems:
            raise SettingsError(problems)
        return settings

    def grade_labels(self, service: str = "") -> dict[str, str]:
        """The grades' words (outstanding, good, requires_improvement, inadequate, not_applicable):
        Ofsted's wording unless ``audit_grade_labels`` says otherwise, then the service's own."""
        labels = dict(LABELS)
        labels.update(self.audit_grade_labels)
        labels.update(dict(self.audit_service_grade_labels).get(service, ()))
        return labels

    def stages_for(self, service: str) -> tuple[str, ...] | None:
        """The journey stages an audit of *service* may name (``audit_service_stages``), or None
        when the setting leaves the service out (any stage the sections list)."""
        return dict(self.audit_service_stages).get(service)

    @property
    def build_date(self) -> dt.date:
        """The build's date: ``today`` when set, else the real date when the build started."""
        return self.clock.today

    @property
    def serving(self) -> bool:
        """This build shows its problems in the browser (``mkdocs serve``) instead of failing."""
        return self.environment.serving


def shard_pages_problem(value: str) -> str:
    """What is wrong with PRACTICE_HUB_SEARCH_SHARD_PAGES's value, or "" (empty: the default)."""
    value = value.strip()
    if value and not (value.isascii() and value.isdecimal() and int(value) >= 1):
        return f"PRACTICE_HUB_SEARCH_SHARD_PAGES must be a whole number of pages, not {value!r}"
    return ""


YAML_ERROR = "(the file)"  # a SettingsError's setting when mkdocs.yml cannot be read at all


def _field_of(setting: str) -> str:
    """How a problem's field names a setting: menu[2] (counting from 1), extra.practice-hub."""
    if setting.startswith("extra:"):
        return "extra." + setting[len("extra:") :]
    if setting == YAML_ERROR:
        return ""
    name, _, index = setting.partition(".")
    return f"{name}[{int(index) + 1}]" if index.isdigit() else setting


def misnamed_blocks(extra: Mapping) -> list[tuple[str, str]]:
    """Blocks under ``extra`` named nearly practice_hub (practice-hub, practicehub,
    practice_hubs): MkDocs keeps them quietly and the engine would never read them."""
    problems = []
    for key in extra:
        name = str(key)
        plain = name.lower().replace("-", "").replace("_", "").replace(" ", "")
        close = difflib.SequenceMatcher(None, name.lower(), "practice_hub").ratio() >= 0.8
        if name != "practice_hub" and (plain == "practicehub" or close):
            problems.append(
                (
                    f"extra:{name}",
                    f"extra.{name} is ignored: the engine reads its settings only from "
                    f'extra.practice_hub (did you mean "practice_hub"?)',
                )
            )
    return problems


def missing_menu_paths(menu: tuple, docs_dir: Path) -> list[tuple[str, str]]:
    """Menu entries misspelling a folder or page (``glosary/``): not in docs/, not a content
    type's folder (which a new site may not have written yet), and close to one that is; each
    with that guess."""
    if not menu or not docs_dir.is_dir():
        return []
    known = sorted(
        entry.name + "/" if entry.is_dir() else entry.name
        for entry in docs_dir.iterdir()
        if not entry.name.startswith((".", "_"))
    )
    folders = sorted({t.folder.split("/")[0] + "/" for t in TYPES.values() if t.folder})
    problems = []
    for index, entry in enumerate(menu):
        for path in entry.values() if isinstance(entry, dict) else (entry,):
            path = str(path)
            if (docs_dir / path).exists() or path in _MADE_BY_THE_ENGINE or path in folders:
                continue
            guess = difflib.get_close_matches(path, known + folders, n=1, cutoff=0.6)
            if guess:  # with no guess: a page not written yet, and no misspelling of one that is
                problems.append(
                    (
                        f"menu.{index}",
                        f'{WITHIN}menu names "{path}", which is not in docs/ (did you mean "{guess[0]}"?)',
                    )
                )
    return problems


#: Pages and folders the engine makes that are not in docs/ (a menu may name them).
_MADE_BY_THE_ENGINE = ("review-schedule.md", "tags/")

#: Settings whose empty value (``today:`` with nothing after it, or ``today: ""``) means the
#: default, as if left out.
_EMPTY_IS_UNSET = ("today", "suggest_email", "home_cards")


def _typed(values: dict) -> dict:
    """Checked values as the dataclass holds them: lists as tuples, empty values as defaults."""
    typed = dict(values)
    for name in ("audit_services", "menu", "editors_pages", "home"):
        if name in typed:
            typed[name] = tuple(typed[name])
    typed["home_cards"] = tuple(sorted((str(k), v) for k, v in typed.get("home_cards", {}).items()))
    typed["audit_grade_labels"] = tuple(sorted(typed.get("audit_grade_labels", {}).items()))
    typed["audit_service_grade_labels"] = tuple(
        sorted(
            (str(k), tuple(sorted(v.items()))) for k, v in typed.get("audit_service_grade_labels", {}).items()
        )
    )
    typed["audit_service_stages"] = tuple(
        sorted((str(k), tuple(str(s) for s in v)) for k, v in typed.get("audit_service_stages", {}).items())
    )
    if "menu_section_limit" in typed:
        typed["menu_section_limit"] = int(typed["menu_section_limit"])
    known = {f.name for f in fields(Settings)} - {"environment", "clock"}
    return {name: value for name, value in typed.items() if name in known}


def settings_lines(text: str) -> dict[str, int]:
    """The line of each setting under ``extra: practice_hub:`` in mkdocs.yml's *text* (by name);
    empty when the text cannot be read as YAML."""
    try:
        root = yaml.compose(text, Loader=LenientLoader)
    except yaml.YAMLError:
        return {}
    lines: dict[str, int] = {}
    extra = _value_of(root, "extra")
    for key_node, _value in extra.value if isinstance(extra, yaml.MappingNode) else ():
        lines.setdefault(f"extra:{key_node.value}", key_node.start_mark.line + 1)
    node = _value_of(extra, "practice_hub")
    for key_node, value in node.value if isinstance(node, yaml.MappingNode) else ():
        lines.setdefault(str(key_node.value), key_node.start_mark.line + 1)
        for index, entry in enumerate(value.value if isinstance(value, yaml.SequenceNode) else ()):
            lines.setdefault(f"{key_node.value}.{index}", entry.start_mark.line + 1)
    return lines


def _value_of(node, key: str):
    if not isinstance(node, yaml.MappingNode):
        return None
    return next((value for k, value in node.value if getattr(k, "value", None) == key), None)


def read_config(text: str) -> dict:
    """mkdocs.yml's text as a mapping, read as check reads it (tags not followed). Raises
    ``SettingsError`` at the line, in plain words, when it is not YAML, as a page's fields are;
    the build and the preview call it before starting the engine, so they say the same."""
    try:
        config = yaml.load(text, Loader=LenientLoader) or {}
    except yaml.MarkedYAMLError as error:  # said at its line, in plain words, as in a page
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 0
        message, hint = plain_words(error, text, line)
        raise SettingsError([(YAML_ERROR, f"{message} ({hint})")], {YAML_ERROR: line}) from None
    except yaml.YAMLError as error:  # not at a line (a stray byte): still no traceback
        raise SettingsError([(YAML_ERROR, f"the file cannot be read as YAML ({error})")]) from None
    if not isinstance(config, dict):
        raise SettingsError([(YAML_ERROR, "the file must be a list of settings, one name: value a line")])
    return config


class LenientLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without importing what its !!python and !ENV tags name."""


def _ignore_tag(loader, suffix, node):
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)


LenientLoader.add_multi_constructor("!", _ignore_tag)
LenientLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)


@dataclass(frozen=True)
class Project:
    """Where things are: the repository root, docs/, content_schema/, and the settings."""

    root: Path
    docs_dir: Path
    schema_dir: Path
    settings: Settings
    use_directory_urls: bool = True
    site_url: str = ""
    # mkdocs.yml's markdown_extensions as written (names, or one-key mappings of settings):
    # ``check`` renders pages with them, as the build does, so that both judge the same HTML.
    markdown_extensions: tuple = ()
    # mkdocs.yml's plugins as written: check finds what Material's blog would refuse in a post.
    plugins: tuple = ()

    @classmethod
    def from_config_file(cls, config_file: Path, environment: Environment | None = None) -> Project:
        """The project of a mkdocs.yml, read without MkDocs. Raises ``SettingsError`` (knowing
        the lines of mkdocs.yml) for wrong settings."""
        config_file = Path(config_file).resolve()
        text = config_file.read_text(encoding="utf-8")
        config = read_config(text)
        root = config_file.parent
        docs_dir = (root / config.get("docs_dir", "docs")).resolve()
        try:
            settings = Settings.from_extra(config.get("extra"), environment, docs_dir)
        except SettingsError as error:
            raise error.with_lines(settings_lines(text)) from None
        return cls(
            root=root,
            docs_dir=docs_dir,
            schema_dir=schema_dir(),
            settings=settings,
            use_directory_urls=bool(config.get("use_directory_urls", True)),
            site_url=str(config.get("site_url") or ""),
            markdown_extensions=tuple(config.get("markdown_extensions") or ()),
            plugins=tuple(config.get("plugins") or ()) if isinstance(config.get("plugins"), list) else (),
        )
