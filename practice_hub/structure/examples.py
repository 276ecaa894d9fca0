"""Example values that ``start`` writes and a council must replace.

``practice-hub start`` fills in every address a council must give with a real-looking example
that reaches nobody: email addresses on the reserved ``.example`` top-level domain (RFC 2606,
``practice@ashdown-district-council.example``) and phone numbers from Ofcom's range kept for
drama (``01632 960 000`` to ``01632 960 999``). While one is left in ``suggest_email`` (in
mkdocs.yml) or in the accessibility statement (``docs/accessibility.md``), ``check`` and the build
warn at its file and line. The warning is advisory: it never fails a build, so a new site builds
on its first run, and editors still see it every time. The demo (``demo: true``) is exempt: its
addresses are fictional on purpose.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..problems import WARNING, Problems
from ..settings import Project
from .load import relative

#: An email address on the reserved .example domain.
EXAMPLE_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9-]+\.)*example(?![A-Za-z0-9-])", re.I)
#: A UK phone number from the range Ofcom keeps for drama (never given to anyone).
EXAMPLE_PHONE = re.compile(r"(?<!\d)01632 ?960 ?\d{3}(?!\d)")
ACCESSIBILITY_PAGE = "accessibility.md"
CONFIG_FILE = "mkdocs.yml"


def is_example_email(address: str) -> bool:
    return bool(EXAMPLE_EMAIL.fullmatch(address.strip()))


def _line_of(text: str, key: str) -> int:
    match = re.search(rf"^\s*{re.escape(key)}\s*:", text, re.M)
    return text.count("\n", 0, match.start()) + 1 if match else 1


def check_examples(project: Project, problems: Problems) -> None:
    """Warn (advisory) at every example address or phone number still where the council's own belongs."""
    if project.settings.demo:
        return
    email = project.settings.suggest_email
    if email and is_example_email(email):
        config = project.root / CONFIG_FILE
        try:
            text = config.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            text = ""
        problems.add(
            CONFIG_FILE,
            _line_of(text, "suggest_email"),
            f'suggest_email is still the example address "{email}" made by start',
            "set it to your team's address: an address on .example reaches nobody",
            field="suggest_email",
            severity=WARNING,
            advisory=True,
        )
    page = Path(project.docs_dir) / ACCESSIBILITY_PAGE
    try:
        lines = page.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return
    shown = relative(page, project.root)
    for number, line in enumerate(lines, 1):
        for match in EXAMPLE_EMAIL.finditer(line):
            problems.add(
                shown,
                number,
                f'the accessibility statement still has the example address "{match.group(0)}" made by start',
                "write the address where people can report a problem: an address on .example reaches nobody",
                severity=WARNING,
                advisory=True,
            )
        for match in EXAMPLE_PHONE.finditer(line):
            problems.add(
                shown,
                number,
                f'the accessibility statement still has the example phone number "{match.group(0)}" made by start',
                "write your team's number, or remove the sentence: 01632 960 numbers reach nobody",
                severity=WARNING,
                advisory=True,
            )
