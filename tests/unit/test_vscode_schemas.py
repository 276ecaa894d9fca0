"""Help while typing: the VS Code schemas flag, as the editor types, the date, web address and
email mistakes that ``check`` refuses, and accept everything ``check`` accepts.

The YAML extension (yaml-language-server) checks ``pattern`` but not the engine's own formats
(web-address, email-address, local-date-time), so practice_hub/editing/vscode.py writes every
format as a pattern. Here the schemas are read as the extension reads them: by ``jsonschema``
with no format checker (formats not asserted), and each pattern is compiled by Node as the
extension compiles it (ECMA-262, the "u" flag), when Node is installed.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
from pathlib import Path
from unittest.mock import ANY

import jsonschema
import pytest
from editor_schemas import editor_validators, front_matter_validator, verdicts
from hypothesis import given, settings
from hypothesis import strategies as st

from practice_hub.editing.vscode import EDITOR_FORMATS, editor_files, editor_schema
from practice_hub.loader import frontmatter
from practice_hub.loader.yaml_lines import load
from practice_hub.resources import schema_dir
from practice_hub.schema import FORMATS, load_schemas
from practice_hub.starter import site_files

#: Values check accepts, by format: the patterns accept every one.
VALID = {
    "date": ["2026-03-01", "2024-02-29", "2026-12-31", "2026-04-30", "1999-01-01"],
    "local-date-time": ["2026-03-01T09:30", "2026-03-01 09:30", "2026-11-30T23:59", "2026-02-28T00:00"],
    "web-address": [
        "https://www.example.org/",
        "http://example.org",
        "HTTPS://Example.org/a?b=c#d",
        "https://learning.council.example:8443/path/to/page",
        "https://www.legislation.gov.uk/ukpga/1989/41/section/47",
        "https://example.org/a(b)_c-d~e%20f",
        "https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0?context=%7b%7d",
    ],
    "email-address": [
        "learning@council.example",
        "first.last+tag@sub.council.gov.uk",
        "o'brien@council.example",
        "psw_team@council.example",
    ],
}
#: Mistakes an editor makes, by format: check refuses each, and so does the pattern.
MISTAKES = {
    "date": [
        "04/03/2027",
        "4 March 2027",
        "2027-3-4",
        "2027-13-01",
        "2027-04-31",
        "2027-02-30",
        "20270304",
        "2027-03-04T09:30",
        "",
    ],
    "local-date-time": [
        "04/03/2027 09:30",
        "04/03/2027T09:30",
        "2027-03-04",
        "2027-03-04T9:30",
        "2027-03-04T24:00",
        "2027-03-04 9.30am",
        "2027-03-04T09:30:00",
    ],
    "web-address": [
        "www.example.org",
        "example.org/page",
        "https//www.example.org",
        "https:/www.example.org",
        "ftp://example.org",
        "javascript:alert(1)",
        "https://www example.org",
        "https://localhost/",
        "https://user@example.org/",
        "<https://www.example.org>",
        "https://example.org/a b",
        'https://example.org/"quoted"',
        "https://example.org/%0d%0aSet-Cookie",
        "mailto:learning@council.example",
    ],
    "email-address": [
        "learning.council.example",
        "learning@council",
        "learning@@council.example",
        "learning@council..example",
        "learning @council.example",
        "Learning Team <learning@council.example>",
        "mailto:learning@council.example",
        "@council.example",
    ],
}


def pattern_of(name: str) -> re.Pattern:
    return re.compile(editor_schema({"type": "string", "format": name})["pattern"])


def check_accepts(name: str, value: str) -> bool:
    return FORMATS.conforms(value, name)


@pytest.mark.parametrize("name", sorted(EDITOR_FORMATS))
def test_each_pattern_accepts_what_check_accepts_and_refuses_the_mistakes(name):
    pattern = pattern_of(name)
    for value in VALID[name]:
        assert check_accepts(name, value), value
        assert pattern.search(value), f"{name}: the pattern refuses {value!r}, which check accepts"
    for value in MISTAKES[name]:
        assert not check_accepts(name, value), value
        assert not pattern.search(value), f"{name}: the pattern lets {value!r} through, which check refuses"


def test_the_three_mistakes_of_the_issue_are_flagged_in_plain_words():
    validators = editor_validators()
    cases = [
        ("docs/_data/audits_counted.yml", "date", "04/03/2027", "Not a date: write dates as YYYY-MM-DD"),
        (
            "docs/training/*.yml",
            ("booking", "contact"),
            "learning.council.example",
            "Not a web address or an email address: give a web address starting with https://",
        ),
        ("docs/links/*.yml", "url", "www.example.org", "Not a web address: start it with https://"),
    ]
    for glob, field, value, words in cases:
        schema = validators[glob].schema["items"]
        for part in (field,) if isinstance(field, str) else field:
            schema = schema["properties"][part]
        errors = list(jsonschema.Draft7Validator(schema).iter_errors(value))
        assert errors, (glob, field, value)
        assert schema["patternErrorMessage"].startswith(words)


def test_no_format_is_left_for_the_extension_to_ignore():
    for path, text in editor_files(Path(".")).items():
        if path.startswith(".vscode/schemas/"):
            assert '"format"' not in text, path
    schemas = load_schemas(schema_dir())
    for name, validator in schemas.validators.items():
        if name == "settings":  # mkdocs.yml is not mapped to a schema
            continue
        edited = editor_schema(validator.schema)
        assert not re.search(r'"format": "', json.dumps(edited)), name  # a field named format may stay
    exported = editor_schema(schemas.validators["audit_export"].schema)
    assert exported["properties"]["format"] == {"const": "practice-hub-audit", "description": ANY}


def test_a_format_without_a_pattern_stops_the_generation():
    with pytest.raises(ValueError, match="no pattern for the format 'phone-number'"):
        editor_schema({"type": "string", "format": "phone-number"})


@pytest.mark.skipif(shutil.which("node") is None, reason="Node is not installed")
def test_javascript_reads_every_pattern_as_python_does():
    """The extension compiles a pattern with ``new RegExp(pattern, "u")``: each compiles, and
    gives the same verdict as Python's re on every value above."""
    patterns = sorted(
        {
            match
            for path, text in editor_files(Path(".")).items()
            if path.startswith(".vscode/schemas/")
            for match in re.findall(r'"pattern": ("(?:[^"\\]|\\.)*")', text)
        }
    )
    values = sorted({v for group in (*VALID.values(), *MISTAKES.values()) for v in group})
    script = (
        "const [patterns, values] = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "console.log(JSON.stringify(patterns.map(p => values.map(v => new RegExp(p, 'u').test(v)))));"
    )
    decoded = [json.loads(p) for p in patterns]
    result = subprocess.run(
        ["node", "-e", script],
        input=json.dumps([decoded, values]),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    javascript = json.loads(result.stdout)
    for pattern, verdicts_js in zip(decoded, javascript):
        python = [bool(re.search(pattern, v)) for v in values]
        assert verdicts_js == python, pattern


# --- the same values, generated: whatever check accepts, the pattern accepts -------------------
_LABEL = st.from_regex(r"[a-z0-9](?:[a-z0-9-]{0,10}[a-z0-9])?", fullmatch=True)
_PATH = st.text(st.characters(min_codepoint=0x21, max_codepoint=0x7E), max_size=30)


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(["http", "https", "HTTPS", "Https"]),
    st.lists(_LABEL, min_size=2, max_size=4),
    st.one_of(st.just(""), st.integers(0, 65535).map(lambda p: f":{p}")),
    st.one_of(st.just(""), _PATH.map(lambda p: "/" + p)),
)
def test_any_web_address_check_accepts_the_pattern_accepts(scheme, labels, port, path):
    value = f"{scheme}://{'.'.join(labels)}{port}{path}"
    if check_accepts("web-address", value):
        assert pattern_of("web-address").search(value), value


@settings(max_examples=300, deadline=None)
@given(
    st.from_regex(r"[A-Za-z0-9][A-Za-z0-9._+'-]{0,20}", fullmatch=True),
    st.lists(_LABEL, min_size=2, max_size=4),
)
def test_any_email_address_check_accepts_the_pattern_accepts(name, labels):
    value = f"{name}@{'.'.join(labels)}"
    if check_accepts("email-address", value):
        assert pattern_of("email-address").search(value), value


@settings(max_examples=300, deadline=None)
@given(st.dates(), st.times(), st.sampled_from(["T", " "]))
def test_any_date_and_time_check_accepts_the_pattern_accepts(day, time, between):
    assert pattern_of("date").search(day.isoformat())
    value = f"{day.isoformat()}{between}{time.strftime('%H:%M')}"
    if check_accepts("local-date-time", value):
        assert pattern_of("local-date-time").search(value), value
    uk = f"{day:%d/%m/%Y}"
    assert not check_accepts("date", uk) and not pattern_of("date").search(uk)


# --- whole files: a new site, and the mistakes written into it ----------------------------------
LINK = "- id: {id}\n  title: A link\n  url: {value}\n  category: Regulation and standards\n  description: A link.\n"
COURSE = (
    "- id: {id}\n  title: A course\n  summary: A course.\n  audience: [social worker]\n  mode: e-learning\n"
    "  provider: in-house\n  standards: [example-standard]\n  booking:\n    contact: {value}\n"
)
EVENT = (
    "- id: {id}\n  title: An event\n  summary: An event.\n  kind: journal club\n  start: {value}\n"
    "  end: 2027-03-04T13:30\n  venue: Learning Room 1\n  host: Principal Social Worker\n"
    "  audience: [all staff]\n  standards: [example-standard]\n"
)
PROCEDURE = (
    "---\nid: {id}\ntitle: A procedure\nsummary: A procedure.\nowner: Principal Social Worker\n"
    "status: current\nlast_reviewed: {value}\nstandards: [example-standard]\n---\n\n# A procedure\n\nText.\n"
)
#: Where each format is typed: (file, its text, the field's path in the file's data).
PLACES = {
    "web-address": [("docs/links/{id}.yml", LINK, (0, "url"))],
    "email-address": [("docs/training/{id}.yml", COURSE, (0, "booking", "contact"))],
    "local-date-time": [("docs/events/{id}.yml", EVENT, (0, "start"))],
    "date": [("docs/procedures/{id}.md", PROCEDURE, ("last_reviewed",))],
}
#: In a file, the mistakes a value cannot make (the empty date is "missing", not a format).
FILE_MISTAKES = {name: [v for v in values if v] for name, values in MISTAKES.items()}
FILE_MISTAKES["email-address"] += MISTAKES["web-address"][:2]  # the contact may be either


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("vscode-site")

    for name, text in site_files("Fernleigh Borough Council", dt.date(2026, 11, 24)).items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    written: dict[str, tuple[tuple, str]] = {}
    number = 0
    for name, values in FILE_MISTAKES.items():
        for template_path, template, field in PLACES[name]:
            for value in values:
                number += 1
                identity = f"mistake-{number}"
                path = template_path.format(id=identity)
                (folder / path).write_text(
                    template.format(id=identity, value=json.dumps(value)), encoding="utf-8"
                )
                written[path] = (field, value)
    return folder, written


def _line_of(folder: Path, path: str, field: tuple) -> int:
    text = (folder / path).read_text(encoding="utf-8")
    if path.endswith(".md"):
        parts = frontmatter.split(text)
        return load(parts.front_matter).line_of(field) + parts.first_line - 1
    return load(text).line_of(field)


def test_the_schemas_and_check_agree_on_a_new_site_and_its_mistakes(site):
    folder, written = site
    found = verdicts(folder)
    assert found.disagreements() == []  # every file check accepts, the schemas accept
    starter = [p for p in found.check if p not in written]
    assert starter == []  # the new site itself has no errors
    read = {p for p in found.read if p not in written}
    assert {"docs/training/courses.yml", "docs/events/events.yml", "docs/links/links.yml"} <= read
    assert "docs/procedures/example-procedure.md" in read and "docs/news/posts/welcome.md" in read
    for path, (field, value) in written.items():
        line = _line_of(folder, path, field)
        assert any(f":{line}: " in problem for problem in found.check.get(path, [])), (path, value)
        flagged = {name for name, _ in found.schema.get(path, [])}
        where = ".".join(str(part) for part in field)
        assert where in flagged, f"{path}: the schema does not flag {value!r} ({found.schema.get(path)})"


def test_front_matter_is_read_with_the_same_patterns():
    validator = front_matter_validator("procedure")
    properties = validator.schema["properties"]
    assert properties["last_reviewed"]["pattern"] == pattern_of("date").pattern
