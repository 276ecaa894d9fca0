"""Case data that must never be published: NHS numbers, National Insurance numbers, dates of birth.

A deliberate example (training material about NHS numbers, say) is marked on its line with
``<!-- practice-hub: not-case-data -->`` in Markdown or ``# practice-hub: not-case-data`` in YAML.
The marker covers the one line it is on, and never a number that passes the NHS number check
unless it is in the range the NHS keeps for testing (999 000 0000 to 999 999 9999).

Every scan here takes time in proportion to the text: the only regular expressions have no
nested or unbounded repetition that could backtrack, and NHS numbers and names are found by
walking the text once.

What is found:

Full-width forms of ASCII (``ＡＢ１２３４５６Ｃ``) are read as ASCII first (one character for one,
so offsets hold; a message quotes the text as written).

* **NHS numbers**: ten digits passing the modulus 11 check, written 3-3-4 or 4-3-3 with spaces,
  a dash (any: hyphen, en dash, em dash, minus...), dot, slash or underscore, any whitespace
  (line breaks too) or nothing between the groups (``943 476 5919``, ``943-476-5919``,
  ``943–476–5919``, ``943/476/5919``, ``943_476_5919``, ``9434 765 919``, ``9434765919``,
  ``943476 5919``), or a bar between cells of one table row (``943 | 476 | 5919``).
* **National Insurance numbers**: two letters (not the prefixes HMRC never issues), three pairs
  of digits and a letter A to D, in any letter case, with a space, dash, dot, slash, underscore
  or nothing between the parts (``AB 12 34 56 C``, ``ab-12-34-56-c``, ``AB/12/34/56/C``,
  ``AB123456C``).
* **A date of birth next to a person**: a date after "DOB", "d.o.b.", "date of birth", "born",
  "born on" or "born on the" (``DOB: 4 May 1990``, ``Jamie Smith, born 12 March 2015``,
  ``born on the 12th of March 2015``), a date in brackets after a name
  (``Jamie Smith (12/03/2015)``, ``Jamie Smith (b. 12/03/2015)``), and a date after a name and
  "b." (``Jamie Smith b. 12/03/2015``). A date after a name with no birth word
  (``Jamie Smith, 12/03/2015``) is not enough: trainers and dates are everywhere.
* **Tables** (:func:`find_in_rows`): text is read as lines; a run of consecutive lines that each
  hold ``|`` is one table, whose first line is its header row, each line one row and each
  ``|`` a cell boundary (:func:`reader_text` writes rendered tables this way, with cells joined
  by ``" | "`` and a blank line before and after each table). A row is case data when one cell
  is a name and another holds a date, and either the header names a date-of-birth column
  ("Date of birth", "DOB", "Born", "Birthday"...) or a cell of the row is such a label. A later
  row holding such a label and no date (the header under a title row) heads the rows after it. A
  training table (trainer, date, course) is not case data.

Attachments are read whole (:func:`check_lines`): each finding on the line where it starts,
judged by that line's marker.

Rendered pages are checked too (:func:`scan_rendered`): the text a reader sees, with markup,
emphasis and HTML entities gone and line breaks inside paragraphs joined, is scanned again, so
that ``943 *476* 5919``, ``943&#32;476 5919`` or a number split over two lines is found.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from html.parser import HTMLParser
from typing import NamedTuple

from ..loader.yaml_lines import marker_in_field
from ..markup import comment
from .entities import unescape

MARKER = "practice-hub: not-case-data"
MARKDOWN_MARKER = str(comment(f" {MARKER} "))  # how an editor writes it in Markdown
TEST_RANGE = "999 000 0000 to 999 999 9999"
#: The last words of a hint, for each kind of case data (the key's first part: nhs, ni, dob).
NHS_NOTE = f"(a made-up NHS number must come from the NHS test range {TEST_RANGE})"
NOTES = {
    "nhs": NHS_NOTE,
    "ni": "(a made-up National Insurance number can start with QQ, which is never issued: "
    "QQ 12 34 56 C needs no marker)",
    "dob": '(an example needs no real date: "date of birth: DD/MM/YYYY" needs no marker)',
}
HINT = (
    "remove it: the site is read by every member of staff; if it is a made-up example, add "
    f"{MARKDOWN_MARKER} (Markdown) or # {MARKER} (YAML) at the end of the line {NHS_NOTE}"
)
#: In a Markdown page's text: the HTML comment (a reader never sees it).
BODY_HINT = (
    "remove it: the site is read by every member of staff; if it is a made-up example, add "
    f"{MARKDOWN_MARKER} at the end of the line {NHS_NOTE}"
)
#: In a field (YAML): the YAML comment, after the value on the field's line (the HTML comment
#: would become part of the value, and a "#" inside quotes is text).
FIELD_HINT = (
    "remove it: the site is read by every member of staff; if it is a made-up example, add "
    f"# {MARKER} at the end of the line of the field, after the value {NHS_NOTE}"
)


def for_kind(hint: str, key) -> str:
    """*hint* with the note that fits the kind of case data *key* names (its NHS note replaced)."""
    kind = key[0] if isinstance(key, tuple) and key else ""
    return hint.replace(NHS_NOTE, NOTES[kind]) if kind in NOTES and NHS_NOTE in hint else hint


MARKER_HINT = (
    f"use a number from the NHS test range {TEST_RANGE}, which the NHS keeps for testing and never "
    "gives to a patient, or remove it: the site is read by every member of staff"
)
_MARKER_REFUSED = "passes the NHS number check, so the not-case-data marker cannot be used for it"

# Characters a reader never sees: soft hyphen, zero-width space and joiners, word joiner, BOM.
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_DROP_INVISIBLE = dict.fromkeys(map(ord, _INVISIBLE))
# Full-width forms of ASCII (U+FF01 to U+FF5E: "ＡＢ１２３４５６Ｃ") read as ASCII, one character for
# one, so that offsets in the translated text are offsets in the original.
_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
# Dashes a word processor puts between groups of digits: hyphen, non-breaking hyphen, figure dash,
# en dash, em dash, horizontal bar, minus sign.
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_JOINERS = "-./_" + _DASHES  # one of these between groups joins them into one number
_JOINER_CLASS = re.escape(_JOINERS)

# First letters D, F, I, Q, U, V never; second letters D, F, I, O, Q, U, V never; these pairs never.
_NI_SEP = rf"(?:[{_JOINER_CLASS}]|[\s{_INVISIBLE}]{{1,8}})?"
_NI = re.compile(
    rf"(?<![A-Za-z0-9])([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]){_NI_SEP}(\d\d){_NI_SEP}(\d\d){_NI_SEP}(\d\d)"
    rf"{_NI_SEP}([A-D])(?![A-Za-z0-9])",
    re.IGNORECASE,
)
_NI_NEVER = {"BG", "GB", "NK", "KN", "TN", "NT", "ZZ"}

_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_SP = r"\s{1,20}"
# Every repetition is bounded, so a match attempt costs at most a few dozen steps.
_DATE = re.compile(
    rf"(?<!\d)(?:\d{{1,2}}[/.-]\d{{1,2}}[/.-](?:19|20)?\d{{2}}|(?:19|20)\d{{2}}-\d{{2}}-\d{{2}}|"
    rf"\d{{1,2}}(?:st|nd|rd|th)?(?:{_SP}of)?{_SP}{_MONTHS}\.?{_SP}(?:19|20)\d{{2}}|"
    rf"(?<![A-Za-z]){_MONTHS}\.?{_SP}\d{{1,2}}(?:st|nd|rd|th)?,?{_SP}(?:19|20)\d{{2}})(?!\d)",
    re.IGNORECASE,
)
# Searched only in the 40 characters before a date, anchored at the date.
_DOB_BEFORE = re.compile(
    r"(?<![A-Za-z])(?:d\.?\s?o\.?\s?b\b\.?|date\s{1,5}of\s{1,5}birth|birth\s?date|born(?:\s{1,5}on)?(?:\s{1,5}the)?)"
    r"[\s:,.=|(-]{0,6}\Z",
    re.IGNORECASE,
)
_PAREN_BEFORE = re.compile(r"\(\s{0,3}(?:b\.\s{0,3})?\Z")
_B_BEFORE = re.compile(r"(?<![A-Za-z])b\.\s{0,3}\Z")  # "Jamie Smith b. 12/03/2015"
_PAREN_AFTER = re.compile(r"\s{0,3}\)")
# A header cell naming a date-of-birth column; a cell of a row that is only such a label.
_BIRTH_WORD = re.compile(r"(?<![A-Za-z-])(?:birth(?:day|date)?|born|d\.?o\.?b\.?)(?![A-Za-z])", re.IGNORECASE)
_BIRTH_LABEL = re.compile(  # matched whole against a stripped cell
    r"(?:date\s{1,5}of\s{1,5}birth|d\.?\s?o\.?\s?b\.?|born(?:\s{1,5}on)?|birth\s?(?:date|day)|birthday)"
    r"(?:\s{0,3}:)?",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")
_NOT_IN_NUMBER = re.compile(rf"[\s{_JOINER_CLASS}|]+")
_SPACES = re.compile(r"\s+")
_MAX_WORD = 30  # letters in one word of a name
_MAX_NAME_WORDS = 6
_MAX_NAME_CELL = 80  # characters in a table cell that holds a name


class Finding(NamedTuple):
    """One piece of case data: where it is in the text, why, and a key naming it whatever its spacing."""

    start: int
    end: int
    reason: str
    key: tuple


def nhs_number_valid(digits: str) -> bool:
    """The NHS number modulus 11 check (weights 10 to 2 on the first nine digits)."""
    digits = _ascii_digits(_NOT_IN_NUMBER.sub("", digits.translate(_FULL_WIDTH)))
    if len(digits) != 10 or not digits.isascii() or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1)))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def ni_number_valid(text: str) -> bool:
    match = _NI.fullmatch(text.strip())
    return bool(match) and match.group(1).upper() not in _NI_NEVER


def find(text: str) -> list[tuple[int, str]]:
    """(offset, reason) for each piece of case data in the text, in the order of the text."""
    return [(f.start, f.reason) for f in findings(text)]


def find_keys(text: str) -> list[tuple[int, str, tuple]]:
    """(offset, reason, key) for each piece of case data: the key names it whatever its spacing,
    letter case or markup, e.g. ``("nhs", "9434765919")``, ``("ni", "AB123456C")``,
    ``("dob", "jamie smith", "12/03/2015")`` (the name is ``""`` after a DOB word)."""
    return [(f.start, f.reason, f.key) for f in findings(text)]


def key_of(text: str) -> tuple | None:
    """The key of the first piece of case data in the text (``None`` if there is none)."""
    found = findings(text)
    return found[0].key if found else None


def findings(text: str) -> list[Finding]:
    """Every :class:`Finding` in the text, sorted by offset then reason.

    Full-width letters and digits (``ＡＢ１２３４５６Ｃ``) are read as ASCII; a message quotes the
    text as it was written."""
    plain = text.translate(_FULL_WIDTH)
    found = _nhs_numbers(plain) + _ni_numbers(plain)
    taken: set = set()  # where the dates found in prose start
    found += _prose_dates(plain, taken)
    found += _table_findings(plain, taken)
    if plain != text:
        found = [_as_written(finding, plain, text) for finding in found]
    found.sort(key=lambda f: (f.start, f.reason))
    return found


def _as_written(finding: Finding, plain: str, text: str) -> Finding:
    """The finding quoting *text* (as written) where it quoted *plain* (full-width forms read as ASCII)."""
    quoted = f'"{_shown(plain[finding.start : finding.end])}"'
    if plain[finding.start : finding.end] == text[
        finding.start : finding.end
    ] or not finding.reason.startswith(quoted):
        return finding  # a table row quotes its name and date cells: left as read
    written = f'"{_shown(text[finding.start : finding.end])}"'
    return finding._replace(reason=written + finding.reason[len(quoted) :])


# --- NHS numbers -----------------------------------------------------------------------------

_NHS_SHAPES = {(10,), (3, 7), (6, 4), (3, 3, 4), (4, 3, 3), (1,) * 10, (2,) * 5}
_MOST_GROUPS = max(len(shape) for shape in _NHS_SHAPES)
_CELL_GAP = " \t\u00a0"  # spaces around the bar between two table cells


def _ascii_digits(run: str) -> str:
    if run.isascii():
        return run
    return "".join(str(unicodedata.decimal(c, 0)) if c.isdecimal() else c for c in run)


def _separator(gap: str) -> str | None:
    """How a gap between two runs of digits joins them: "" (invisible characters only, one run),
    " " (whitespace), "-" (one of ``-./_`` or a dash), "|" (a bar between two table cells in one
    row, spaces around it), or None (they are not one number)."""
    if not gap or (
        gap[0] not in _JOINERS and gap[0] != "|" and not gap[0].isspace() and gap[0] not in _INVISIBLE
    ):
        return None
    seen = gap.translate(_DROP_INVISIBLE)
    if not seen:
        return ""
    if len(seen) == 1 and seen in _JOINERS:
        return "-"
    if seen.isspace():
        return " "
    return "|" if seen.strip(_CELL_GAP) == "|" else None


def _nhs_numbers(text: str) -> list[Finding]:
    found: list[Finding] = []
    chain: list[list] = []  # groups [start, end, digits, separator before]
    for match in _DIGITS.finditer(text):
        digits = _ascii_digits(match.group(0))
        if chain:
            separator = _separator(text[chain[-1][1] : match.start()])
            if separator == "":
                chain[-1][1] = match.end()
                chain[-1][2] += digits
                continue
            if separator is not None:
                chain.append([match.start(), match.end(), digits, separator])
                continue
            _nhs_in_chain(text, chain, found)
        chain = [[match.start(), match.end(), digits, None]]
    if chain:
        _nhs_in_chain(text, chain, found)
    return found


def _nhs_in_chain(text: str, chain: list[list], found: list[Finding]) -> None:
    """NHS numbers among groups of digits joined by separators: each is a few whole groups, in
    one of the shapes people write them (3 3 4, 4 3 3, one digit or two at a time...)."""
    for first in range(len(chain)):
        if chain[first][3] == "-":
            continue  # 12-943-476-5919: part of a longer number
        for count in range(1, _MOST_GROUPS + 1):
            last = first + count - 1
            if last >= len(chain):
                break
            if tuple(len(group[2]) for group in chain[first : last + 1]) not in _NHS_SHAPES:
                continue
            if last + 1 < len(chain) and chain[last + 1][3] == "-":
                continue
            digits = "".join(group[2] for group in chain[first : last + 1])
            if nhs_number_valid(digits):
                start, end = chain[first][0], chain[last][1]
                found.append(
                    Finding(
                        start,
                        end,
                        f'"{_shown(text[start:end])}" looks like an NHS number (it passes the NHS number check)',
                        ("nhs", digits),
                    )
                )


def _shown(text: str) -> str:
    """Text quoted in a message: one line, invisible characters dropped."""
    return _SPACES.sub(" ", text.translate(_DROP_INVISIBLE)).strip()


# --- National Insurance numbers ----------------------------------------------------------------


def _ni_numbers(text: str) -> list[Finding]:
    found = []
    for match in _NI.finditer(text):
        prefix = match.group(1).upper()
        if prefix not in _NI_NEVER:
            key = prefix + _ascii_digits("".join(match.group(2, 3, 4))) + match.group(5).upper()
            found.append(
                Finding(
                    match.start(),
                    match.end(),
                    f'"{_shown(match.group(0))}" looks like a National Insurance number',
                    ("ni", key),
                )
            )
    return found


# --- Dates of birth ---------------------------------------------------------------------------


def _date_key(date: str) -> str:
    return _shown(date).casefold()


def _dob_reason(quoted: str) -> str:
    return f'"{_shown(quoted)}" looks like a date of birth next to a person'


def _prose_dates(text: str, taken: set) -> list[Finding]:
    """Dates after a DOB word or in brackets after a name; *taken* gets where each date starts."""
    found = []
    for date in _DATE.finditer(text):
        start, end = date.span()
        word = _DOB_BEFORE.search(text, max(0, start - 40), start)
        if word:
            taken.add(start)
            found.append(
                Finding(
                    word.start(), end, _dob_reason(text[word.start() : end]), ("dob", "", _date_key(date[0]))
                )
            )
            continue
        opening = _PAREN_BEFORE.search(text, max(0, start - 12), start)
        closing = _PAREN_AFTER.match(text, end)
        if opening and closing:
            anchor, finding_end = opening.start(), closing.end()  # "Jamie Smith (", "Jamie Smith, ("
        else:
            initial = _B_BEFORE.search(text, max(0, start - 8), start)  # "Jamie Smith b. "
            if not initial:
                continue
            anchor, finding_end = initial.start(), end
        name_end = anchor
        while name_end > 0 and text[name_end - 1].isspace() and anchor - name_end < 4:
            name_end -= 1
        if name_end > 0 and text[name_end - 1] == ",":
            name_end -= 1
        name_start = _name_before(text, name_end)
        if name_start >= 0:
            taken.add(start)
            found.append(
                Finding(
                    name_start,
                    finding_end,
                    _dob_reason(text[name_start:finding_end]),
                    ("dob", _shown(text[name_start:name_end]).casefold(), _date_key(date[0])),
                )
            )
    return found


def _capitalised(word: str) -> bool:
    """A word of a name: a capital, then letters (at least one small) or apostrophes."""
    return (
        len(word) >= 2
        and word[0].isupper()
        and any(c.islower() for c in word)
        and all(c.isalpha() or c in "'’" for c in word)
    )


def _name_before(text: str, end: int) -> int:
    """Where a name (two or more capitalised words, at most six) ends at *end*, or -1."""
    words, start, i = 0, -1, end
    while words < _MAX_NAME_WORDS:
        j = i
        while j > 0 and i - j <= _MAX_WORD and (text[j - 1].isalpha() or text[j - 1] in "'’"):
            j -= 1
        if not _capitalised(text[j:i]) or i - j > _MAX_WORD:
            break
        words, start = words + 1, j
        if j >= 2 and (text[j - 1] in " -" or text[j - 1].isspace()):
            i = j - 1
        else:
            break
    return start if words >= 2 else -1


def _name_cell(cell: str, single_word: bool) -> bool:
    """A table cell holding only a name: one to five capitalised words or initials."""
    if not cell or len(cell) > _MAX_NAME_CELL or _BIRTH_WORD.search(cell):
        return False
    words = [w for w in re.split(r"[ \-]", cell) if w]
    if not words or len(words) > 5 or (len(words) < 2 and not single_word):
        return False
    small = False
    for word in words:
        bare = word.rstrip(".")
        if not bare or not bare[0].isupper() or not all(c.isalpha() or c in "'’" for c in bare):
            return False
        small = small or any(c.islower() for c in bare)
    return small


# --- Tables -----------------------------------------------------------------------------------


def find_in_rows(lines: list[str]) -> list[tuple[int, int, str]]:
    """(row, offset in the row, reason) for each row of one table that holds a date of birth.

    *lines* is one table: ``lines[0]`` is its header row, every line one row, cells separated by
    ``|`` (``" | "`` as :func:`reader_text` writes them; the outer bars of a Markdown row, as in
    ``| Jamie Smith | 12/03/2015 |``, are allowed). A row is reported when one cell is a name and
    another holds a date, and either the header names a date-of-birth column or a cell of the
    row is a date-of-birth label ("DOB", "Born", "Date of birth"...). A one-line table is its own
    header. The header row itself is judged only by the label rule.
    """
    text = "\n".join(lines)
    out = []
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    for finding in _table_findings(text, set()):
        row = bisect.bisect_right(starts, finding.start) - 1
        out.append((row, finding.start - starts[row], finding.reason))
    return out


def _cells(row: str, offset: int) -> list[tuple[int, str]]:
    """(offset in the text, stripped text) of each cell of a row."""
    cells, at = [], offset
    for part in row.split("|"):
        stripped = part.strip()
        cells.append((at + (part.find(stripped) if stripped else 0), stripped))
        at += len(part) + 1
    return cells


def _table_findings(text: str, taken: set) -> list[Finding]:
    found: list[Finding] = []
    block: list[tuple[int, str]] = []
    at = 0
    for line in text.split("\n"):
        if "|" in line:
            block.append((at, line))
        elif block:
            _table(block, taken, found)
            block = []
        at += len(line) + 1
    if block:
        _table(block, taken, found)
    return found


def _table(block: list[tuple[int, str]], taken: set, found: list[Finding]) -> None:
    header = _cells(block[0][1], block[0][0])
    header_row = 0
    birth_columns = [index for index, (_, cell) in enumerate(header) if _BIRTH_WORD.search(cell)]
    for number, (offset, row) in enumerate(block):
        cells = _cells(row, offset)
        labelled = any(_BIRTH_LABEL.fullmatch(cell) for _, cell in cells)
        by_header = bool(birth_columns) and number > header_row
        if not (labelled or by_header):
            continue
        dates = []
        for index, (at, cell) in enumerate(cells):
            date = _DATE.search(cell) if cell else None
            if date:
                dates.append((index, at + date.start(), date.group(0)))
        if not dates:
            if labelled and number > 0:  # the header row under a title row: it heads the rows after it
                header, header_row = cells, number
                birth_columns = [index for index, (_, cell) in enumerate(header) if _BIRTH_WORD.search(cell)]
            continue
        if by_header and not labelled and len(cells) == len(header):
            dates = [d for d in dates if d[0] in birth_columns] or dates
        names = [index for index, (_, cell) in enumerate(cells) if _name_cell(cell, single_word=by_header)]
        for index, date_at, date in dates:
            if date_at in taken:
                continue
            others = [n for n in names if n != index]
            if not others:
                continue
            name = min(others, key=lambda n: (abs(n - index), n))
            name_at, name_text = cells[name]
            found.append(
                Finding(
                    min(name_at, date_at),
                    max(name_at + len(name_text), date_at + len(date)),
                    _dob_reason(f"{name_text} | {date}"),
                    ("dob", _shown(name_text).casefold(), _date_key(date)),
                )
            )
            break  # one finding per row


# --- The marker -------------------------------------------------------------------------------


def marked(line_text: str) -> bool:
    """The line carries the not-case-data marker (whether it is honoured: :func:`marker_allows`)."""
    return MARKER in line_text


def _key_from_reason(reason: str) -> tuple:
    if "NHS number" in reason and reason.startswith('"'):
        return ("nhs", "".join(c for c in reason[1 : reason.find('"', 1)] if c.isdigit()))
    return ("other", reason)


def marker_allows(line_text: str, reason_or_key) -> bool:
    """True when *line_text* carries the marker and the marker may excuse this finding (a key from
    :func:`find_keys` or a reason from :func:`find`): anything but a number passing the NHS number
    check outside the NHS test range 999 000 0000 to 999 999 9999."""
    if not marked(line_text):
        return False
    key = reason_or_key if isinstance(reason_or_key, tuple) else _key_from_reason(str(reason_or_key))
    return _excusable(key)


def _excusable(key: tuple) -> bool:
    return not (key and key[0] == "nhs" and not str(key[1]).startswith("999"))


def _judge(finding: Finding, on_marked_line: bool, text: str) -> tuple[str, str] | None:
    """(message, hint) for a finding on a line, or None when the line's marker excuses it."""
    if not on_marked_line:
        return finding.reason, HINT
    if _excusable(finding.key):
        return None
    return f'"{_shown(text[finding.start : finding.end])}" {_MARKER_REFUSED}', MARKER_HINT


def check_text(text: str, line_text: str | None = None, hint: str = BODY_HINT) -> list[tuple[int, str, str]]:
    """(offset, message, hint) for each piece of case data in *text*, after the marker rule of the
    line it sits on (*line_text*, by default *text* itself: one line of Markdown). *hint* goes
    with what is not excused (the marker's form where the text is: Markdown by default)."""
    on_marked_line = marked(text if line_text is None else line_text)
    out = []
    for finding in findings(text):
        judged = _judge(finding, on_marked_line, text)
        if judged:
            out.append(
                (finding.start, judged[0], for_kind(hint, finding.key) if judged[1] == HINT else judged[1])
            )
    return out


def check_lines(text: str, hint: str = HINT) -> list[tuple[int, str, str]]:
    """(line, message, hint) for each piece of case data in a whole text (an attachment), read
    whole so that tables (consecutive lines holding ``|``) and numbers split over lines are found;
    each finding is placed on the line (from 1) where it starts and judged by the marker rule of
    that line. *hint* goes with what is not excused; :data:`MARKER_HINT` with a refused marker."""
    return [(line, message, line_hint) for line, message, line_hint, _ in check_lines_keyed(text, hint)]


def check_lines_keyed(text: str, hint: str = HINT) -> list[tuple[int, str, str, tuple]]:
    """:func:`check_lines` with the key (:func:`find_keys`) of each finding."""
    starts = [0]
    at = text.find("\n")
    while at >= 0:
        starts.append(at + 1)
        at = text.find("\n", at + 1)
    out, marks = [], {}
    for finding in findings(text):
        index = bisect.bisect_right(starts, finding.start) - 1
        if index not in marks:  # each line read once however many findings it holds
            line_end = starts[index + 1] - 1 if index + 1 < len(starts) else len(text)
            marks[index] = marked(text[starts[index] : line_end])
        judged = _judge(finding, marks[index], text)
        if judged:
            line_hint = for_kind(hint, finding.key) if judged[1] == HINT else judged[1]
            out.append((index + 1, judged[0], line_hint, finding.key))
    return out


_MARKDOWN_FORM = re.compile(r"<!--[ \t]*practice-hub: not-case-data[ \t]*-->")


def body_marked(line: str) -> bool:
    """A line of a page's text carries the marker as an HTML comment, which readers never see:
    the only form that counts in a page's text."""
    return bool(_MARKDOWN_FORM.search(line))


def marker_shown(line: str) -> bool:
    """A line of a page's text has the marker's words outside an HTML comment: readers would see them."""
    return MARKER in _MARKDOWN_FORM.sub("", line)


_YAML_MARKER = re.compile(r"#[ \t]*practice-hub: not-case-data")


def marker_in_value(value: str, line_text: str) -> tuple[str, str] | None:
    """(message, hint) when a field's value holds the marker's words, which would be published
    (written in Markdown's form, or inside the quotes): in YAML the marker is only a comment after
    the value. None when the value does not hold it."""
    if MARKER not in value:
        return None
    if MARKER in line_text:
        hint = marker_in_field(line_text)[1]
    else:  # on a later line of a value written over several lines
        hint = f"take it out of the value, and write # {MARKER} at the end of the field's first line"
    return (
        "the value has the not-case-data marker in it, where readers would see it: in a field "
        "the marker is a YAML comment, after the value",
        hint,
    )


def field_marked(value: str, line_text: str) -> bool:
    """A field's line carries the marker as YAML's comment (``# practice-hub: not-case-data``
    after the value): the only form that counts in YAML, since any other is part of the value."""
    return MARKER not in value and bool(_YAML_MARKER.search(line_text))


def check_value(value: str, line_text: str) -> list[tuple[int, str, str]]:
    """:func:`check_text` for a YAML string reported at the line *line_text*: a multi-line value
    (a folded or literal block) is scanned whole, so a number split over its lines is found, and
    again with Markdown emphasis, HTML tags and entities taken out (``943 *476* 5919``)."""
    on_marked_line = field_marked(value, line_text)
    out = check_text(value, line_text if on_marked_line else "", FIELD_HINT)
    plain = _plain(value)
    if plain != value:
        seen = {finding.key for finding in findings(value)}
        for finding in findings(plain):
            if finding.key not in seen:
                seen.add(finding.key)
                judged = _judge(finding, on_marked_line, plain)
                if judged:
                    out.append(
                        (
                            finding.start,
                            judged[0],
                            for_kind(FIELD_HINT, finding.key) if judged[1] == HINT else judged[1],
                        )
                    )
    return out


def hint_for(message: str) -> str:
    """The hint that goes with a message from :func:`scan_rendered` or :func:`check_text`."""
    if message.endswith(_MARKER_REFUSED):
        return MARKER_HINT
    kind = "ni" if "National Insurance" in message else "dob" if "date of birth" in message else "nhs"
    return for_kind(BODY_HINT, (kind,))


_TAG = re.compile(r"<[^<>]*>")
_LINK_TARGET = re.compile(r"\]\([^()]*\)")  # [text](target): the target is not read
_EMPHASIS = str.maketrans("", "", "*_`~")


def _plain(text: str) -> str:
    """Markdown text with tags, entities, emphasis and code markers taken out."""
    return unescape(_TAG.sub("", text)).translate(_EMPHASIS)


# --- Rendered HTML ----------------------------------------------------------------------------

_BLOCKS = frozenset(
    "address article aside blockquote body caption dd details dialog div dl dt fieldset figcaption "
    "figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main nav ol p pre "
    "section summary ul".split()
)
_HIDDEN = frozenset({"script", "style", "template", "noscript"})
_VOID = frozenset({"br", "hr", "img", "wbr", "input", "meta", "link", "col", "area", "source"})


class _Reader(HTMLParser):
    """Collects what a reader sees: see :func:`reader_text`."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0  # inside script/style
        self.pre = 0
        self.cells: list[int] = []  # cells so far in the current row of each open table
        self.in_cell = 0

    def _break(self, text: str = "\n") -> None:
        self.parts.append(" " if self.in_cell else text)

    def handle_starttag(self, tag, attrs):
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag == "table":
            self.cells.append(0)
            self.parts.append("\n\n")
        elif tag == "tr":
            if self.cells:
                self.cells[-1] = 0
            self.parts.append("\n")
        elif tag in ("td", "th"):
            if self.cells:
                if self.cells[-1]:
                    self.parts.append(" | ")
                self.cells[-1] += 1
            self.in_cell += 1
        elif tag == "br":
            self._break()
        elif tag in _BLOCKS:
            if tag == "pre":
                self.pre += 1
            self._break()

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag == "table":
            if self.cells:
                self.cells.pop()
            self.parts.append("\n\n")
        elif tag in ("td", "th"):
            self.in_cell = max(0, self.in_cell - 1)
        elif tag in _BLOCKS:
            if tag == "pre":
                self.pre = max(0, self.pre - 1)
            self._break()

    def handle_data(self, data):
        if self.hidden:
            return
        if not self.pre or self.in_cell:
            data = data.replace("\r", " ").replace("\n", " ")
        self.parts.append(data)


_RUN_OF_SPACES = re.compile(r"[^\S\n]+")
_SPACE_AROUND_BREAK = re.compile(r" ?\n ?")
_BLANK_LINES = re.compile(r"\n{3,}")


def reader_text(html: str) -> str:
    """The text a reader sees in rendered HTML (Python-Markdown's output, well formed).

    Tags are removed: block elements, ``<br>``, ``<li>`` and ``<tr>`` start a new line, a table
    has a blank line before and after it and its cells are joined by ``" | "``; inline elements
    (``<em>``, ``<strong>``, ``<span>``, ``<code>``, ``<a>``...) go without adding spaces.
    Entities are decoded, script and style are dropped, invisible characters (zero-width spaces,
    soft hyphens) are taken out, line breaks inside a paragraph become spaces (outside ``<pre>``)
    and runs of spaces become one. Linear in the length of the HTML.
    """
    reader = _Reader()
    reader.feed(html)
    reader.close()
    text = "".join(reader.parts).translate(_DROP_INVISIBLE)
    text = _RUN_OF_SPACES.sub(" ", text)
    text = _SPACE_AROUND_BREAK.sub("\n", text)
    return _BLANK_LINES.sub("\n\n", text).strip()


def _alnum(text: str) -> str:
    return "".join(c for c in text.casefold() if c.isalnum())


def source_keys(source: str) -> set:
    """The keys (:func:`find_keys`) the line-by-line scan of Markdown *source* finds: pass them to
    :func:`scan_rendered` as *already*, so that what the source scan reported is not reported twice."""
    keys = set()
    for line in source.split("\n"):
        if any(c.isdigit() for c in line):
            keys.update(f.key for f in findings(line))
    return keys


_MAX_MISSES = 50  # searches that fail forward of the last finding; after that, findings go on first_line


def scan_rendered(html: str, source: str, first_line: int, already: set) -> list[tuple[int, str]]:
    """(line, message) for case data a reader sees in *html*, rendered from the Markdown *source*
    (whose first line is line *first_line* of its file), that the line-by-line scan of the source
    did not find: split over lines, hidden by markup, emphasis or entities, or in a table.

    Each finding is placed on the source line where its first letters and digits begin (markup,
    entities and emphasis taken out of each line), or on *first_line* when it cannot be placed.
    Findings whose key is in *already* (see :func:`source_keys`) are skipped, and the marker rule
    applies to the line found. The hint for a message is :func:`hint_for`.
    """
    lines = source.split("\n")
    stream_parts, line_starts, at = [], [], 0
    line_marked = [body_marked(line) for line in lines]
    for line in lines:
        line_starts.append(at)
        if "<" in line or "&" in line or "](" in line:
            line = unescape(_TAG.sub("", _LINK_TARGET.sub("]", line)))
        plain = _alnum(line)
        stream_parts.append(plain)
        at += len(plain)
    stream = "".join(stream_parts)
    text = reader_text(html)
    out = []
    cursor, misses = 0, 0
    for finding in findings(text):
        if finding.key in already:
            continue
        probe = _alnum(text[finding.start : finding.end])
        where = -1
        for needle in (probe, probe[:6]):
            if not needle:
                continue
            # forward from the last finding (linear in all); from the start a limited number of times
            where = stream.find(needle, cursor) if misses < _MAX_MISSES else -1
            if where < 0 and misses < _MAX_MISSES:
                misses += 1
                where = stream.find(needle)
            if where >= 0:
                break
        if where >= 0:
            cursor = where
            index = bisect.bisect_right(line_starts, where) - 1
            # an empty line shares its start with the next one: take the last line starting there
            line_number, on_marked_line = first_line + index, line_marked[index]
        else:
            line_number, on_marked_line = first_line, False
        judged = _judge(finding, on_marked_line, text)
        if judged:
            out.append((line_number, judged[0]))
    out.sort(key=lambda pair: pair[0])
    return out
