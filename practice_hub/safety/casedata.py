"""Case data that must never be published: NHS numbers, National Insurance numbers, dates of birth.

A deliberate example (training material about NHS numbers, say) is marked on its line with
``<!-- practice-hub: not-case-data -->`` in Markdown or ``# practice-hub: not-case-data`` in YAML.
"""

from __future__ import annotations

import re

MARKER = "practice-hub: not-case-data"
HINT = (
    "remove it: the site is read by every member of staff; if it is a made-up example, add "
    f"<!-- {MARKER} --> (Markdown) or # {MARKER} (YAML) at the end of the line"
)

_NHS = re.compile(r"(?<![\d-])(\d{3})([ -]?)(\d{3})\2(\d{4})(?![\d-])")
# First letters D, F, I, Q, U, V never; second letters D, F, I, O, Q, U, V never; these pairs never.
_NI = re.compile(
    r"(?<![A-Za-z0-9])([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]) ?(\d{2}) ?(\d{2}) ?(\d{2}) ?([A-D])"
    r"(?![A-Za-z0-9])"
)
_NI_NEVER = {"BG", "GB", "NK", "KN", "TN", "NT", "ZZ"}

_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_DATE = (
    rf"(?:\d{{1,2}}[/.-]\d{{1,2}}[/.-](?:19|20)?\d{{2}}|(?:19|20)\d{{2}}-\d{{2}}-\d{{2}}|"
    rf"\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS}\s+(?:19|20)\d{{2}}|{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+"
    rf"(?:19|20)\d{{2}})"
)
_DOB_WORD = re.compile(
    rf"(?i)\b(?:d\.?o\.?b\.?|date\s+of\s+birth|born(?:\s+on)?)\b[\s:,.=-]{{0,4}}"
    rf"(?:\(\s*)?{_DATE}"
)
_NAME_DATE = re.compile(rf"\b[A-Z][a-z]+(?:[ -][A-Z][a-z']+)+,?\s*\(\s*(?:b\.\s*)?{_DATE}\s*\)")


def nhs_number_valid(digits: str) -> bool:
    """The NHS number modulus 11 check (weights 10 to 2 on the first nine digits)."""
    digits = re.sub(r"[ -]", "", digits)
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1)))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def ni_number_valid(text: str) -> bool:
    match = _NI.fullmatch(text.strip())
    return bool(match) and match.group(1) not in _NI_NEVER


def find(text: str) -> list[tuple[int, str]]:
    """(offset, reason) for each piece of case data in the text."""
    found = []
    for match in _NHS.finditer(text):
        if nhs_number_valid(match.group(0)):
            found.append(
                (
                    match.start(),
                    f'"{match.group(0)}" looks like an NHS number (it passes the NHS number check)',
                )
            )
    for match in _NI.finditer(text):
        if match.group(1) not in _NI_NEVER:
            found.append((match.start(), f'"{match.group(0)}" looks like a National Insurance number'))
    for pattern in (_DOB_WORD, _NAME_DATE):
        for match in pattern.finditer(text):
            found.append((match.start(), f'"{match.group(0)}" looks like a date of birth next to a person'))
    return sorted(found)


def marked(line_text: str) -> bool:
    return MARKER in line_text
