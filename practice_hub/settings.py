"""Practice Hub settings: ``extra.practice_hub`` in mkdocs.yml plus environment overrides."""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, fields
from pathlib import Path

import yaml

from .resources import schema_dir


@dataclass(frozen=True)
class Settings:
    gaps_are_errors: bool = False  # golden-thread gaps fail the build instead of warning
    overdue_reviews_are_errors: bool = False  # overdue reviews fail the build instead of warning
    show_drafts: bool = False  # publish drafts, marked DRAFT (local preview only)
    today: str = ""  # the build date, YYYY-MM-DD; empty means the real date (tests pin it)
    # --- the case-file audit tool ---
    # The shape of a case system's reference: letters then digits, never a name or an NHS number
    # (10 digits), which is why the default stops at 9 digits.
    case_reference_pattern: str = "^[A-Z]{0,3}[0-9]{4,9}$"
    # How the overall judgement follows the section grades: lowest_key_section (no better than the
    # lowest section flagged key_section, or the lowest section if none is flagged) or lowest_section.
    audit_overall_rule: str = "lowest_key_section"
    audit_services: tuple = ("Children's services", "Adults' services")  # the tool's service choices
    demo: bool = False  # docs/ holds the demo content: the demo-only tests run (tests/demo/)
    home_cards: tuple = ()  # (card, wording) pairs from a mapping: the home page cards' wording
    # --- the readers' menu and home page ---
    # Top-level order: folders ("procedures/") or pages ("about.md"), each optionally "Title: path".
    # Empty: the content types' order. Anything not listed follows, as MkDocs orders it.
    menu: tuple = ()
    # Editors' pages, kept out of the readers' menu (reached from the footer).
    editors_pages: tuple = ("editors/", "review-schedule.md", "tags/")
    # A section of more pages than this (a region's year of events) lists in the menu only
    # the page being read, not all its pages: its index page (the listing) finds the others.
    # A menu of hundreds is no use on a phone, and writing it into each of those pages makes
    # the build cost the square of the section's size.
    menu_section_limit: int = 100
    # The home page's blocks, in order (see practice_hub/renderer/front_door.py).
    home: tuple = ()
    # Where "Suggest a change" on every page sends readers when the site has no repo_url:
    # an email address (the PSW team's mailbox). Empty and no repo_url: no link.
    suggest_email: str = ""

    @classmethod
    def from_mapping(cls, values: dict | None) -> Settings:
        values = dict(values or {})
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(values) - known)
        if unknown:
            raise ValueError(
                f"unknown setting(s) in extra.practice_hub: {', '.join(unknown)} "
                f"(known settings: {', '.join(sorted(known))})"
            )
        env = os.environ
        if env.get("PRACTICE_HUB_DRAFTS", "") not in ("", "0", "false"):
            values["show_drafts"] = True
        if env.get("PRACTICE_HUB_TODAY"):
            values["today"] = env["PRACTICE_HUB_TODAY"]
        for name in ("gaps_are_errors", "overdue_reviews_are_errors", "show_drafts", "demo"):
            if name in values and not isinstance(values[name], bool):
                raise ValueError(f"extra.practice_hub.{name} must be true or false")
        _check_audit_settings(values)
        _check_menu_settings(values)
        if values.get("today"):
            try:
                dt.date.fromisoformat(str(values["today"]))
            except ValueError:
                raise ValueError(
                    "extra.practice_hub.today (or PRACTICE_HUB_TODAY) must be a date, YYYY-MM-DD"
                ) from None
            values["today"] = str(values["today"])
        email = values.get("suggest_email", "")
        if email and not (
            isinstance(email, str)
            and re.fullmatch(r"[^@\s<>\"',;:/?#%&]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}", email)
        ):
            raise ValueError(
                "extra.practice_hub.suggest_email must be an email address, for example practice@council.example"
            )
        cards = values.get("home_cards") or {}
        if not isinstance(cards, dict) or not all(isinstance(v, str) for v in cards.values()):
            raise ValueError(
                "extra.practice_hub.home_cards must be a list of card: wording lines, "
                'for example standards: "What good practice looks like in our council."'
            )
        values["home_cards"] = tuple(sorted((str(k), v) for k, v in cards.items()))
        return cls(**values)

    @property
    def build_date(self) -> dt.date:
        return dt.date.fromisoformat(self.today) if self.today else dt.date.today()


def _check_menu_settings(values: dict) -> None:
    """The menu and home page settings."""
    from .menu import check_menu

    problem = check_menu(values.get("menu"))
    if problem:
        raise ValueError(problem)
    limit = values.get("menu_section_limit")
    if "menu_section_limit" in values and (
        isinstance(limit, bool) or not isinstance(limit, int) or limit < 1
    ):
        raise ValueError(
            f"extra.practice_hub.menu_section_limit must be a whole number of pages, 1 or more (not {limit!r})"
        )
    for name in ("menu", "editors_pages", "home"):
        if name in values:
            if not isinstance(values[name], (list, tuple)):
                raise ValueError(f"extra.practice_hub.{name} must be a list")
            values[name] = tuple(values[name])


AUDIT_OVERALL_RULES = ("lowest_key_section", "lowest_section")


def _check_audit_settings(values: dict) -> None:
    """The audit tool's settings: a valid pattern, a known rule, a list of services."""
    import re

    if "case_reference_pattern" in values:
        pattern = values["case_reference_pattern"]
        try:
            re.compile(str(pattern))
        except re.error as error:
            raise ValueError(
                f"extra.practice_hub.case_reference_pattern is not a regular expression: {error}"
            ) from None
        values["case_reference_pattern"] = str(pattern)
    if "audit_overall_rule" in values and values["audit_overall_rule"] not in AUDIT_OVERALL_RULES:
        raise ValueError(
            "extra.practice_hub.audit_overall_rule must be one of: " + ", ".join(AUDIT_OVERALL_RULES)
        )
    if "audit_services" in values:
        services = values["audit_services"]
        if (
            not isinstance(services, list)
            or not services
            or not all(isinstance(s, str) and s for s in services)
        ):
            raise ValueError("extra.practice_hub.audit_services must be a list of service names")
        values["audit_services"] = tuple(services)


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
    # ``check`` renders pages with them, as the build does.
    markdown_extensions: tuple = ()

    @classmethod
    def from_config_file(cls, config_file: Path) -> Project:
        config_file = Path(config_file).resolve()
        with open(config_file, encoding="utf-8") as handle:
            config = yaml.load(handle, Loader=LenientLoader) or {}
        root = config_file.parent
        extra = config.get("extra") or {}
        return cls(
            root=root,
            docs_dir=(root / config.get("docs_dir", "docs")).resolve(),
            schema_dir=schema_dir(),
            settings=Settings.from_mapping(extra.get("practice_hub")),
            use_directory_urls=bool(config.get("use_directory_urls", True)),
            site_url=str(config.get("site_url") or ""),
            markdown_extensions=tuple(config.get("markdown_extensions") or ()),
        )
