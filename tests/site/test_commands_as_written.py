"""Every command shown to an editor runs as written, in a fresh terminal in the site's folder.

The commands are collected from what an editor reads: the editors' guide, the README and the
pre-commit configuration that `start` writes, every description in content_schema/ (shown in the
field reference and, as you type, by Visual Studio Code), the field reference itself, the VS Code
schemas (the site's, written by `start`, and this repository's), the sections of the engine's
README that speak to editors (EDITORS_README: the other sections are for IT and the engine's
developers, whose `./dev` commands run in this repository), and the messages the commands print
(start, new, reviewed, check, test...). Each macOS and Linux form (`.venv/bin/...`) is run as written by bash in
a site folder made by `start`, whose `.venv` is a link to the virtual environment running these
tests, from an environment with no VIRTUAL_ENV, no virtual environment on PATH and no
NO_MKDOCS_2_WARNING: each exits 0, and no output shows Material's end-of-life banner. (The only
variable added is PYTHONPATH, naming this checkout: the shared environment's practice-hub may be
installed from another one.) Each Windows form (`.venv\\Scripts\\...`) must be the same command.

A command written as a form with words to fill in (FILE..., TYPE, ID, an optional
`[--summary "..."]`) is run with them filled in as FILLED_IN says: FILE... is an audit exported for
the new site's example audit section. `start` is run once, outside any site's folder (as the guide
says), in the folder that holds the site, where `.venv` is linked too.

Not run, each for the reason in SKIPPED: installing (it needs the engine's wheels, or the package
index), and `practice-hub test` (minutes of Chromium; tests/site/test_sitecheck.py runs it). The
preview (`serve`) is started on a free port instead of 8000 (other tests may hold 8000), asked
for its home page, and stopped.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shlex
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
import yaml

from helpers import REPO
from practice_hub.renderer.reference import field_reference
from practice_hub.resources import schema_dir
from practice_hub.schema import load_schemas
from practice_hub.text import VENV_BIN, VENV_SCRIPTS, command

GUIDE = REPO / "practice_hub" / "guide" / "editors.md"
COUNCIL = "Fernleigh Borough Council"
BANNER = ("NO_MKDOCS_2_WARNING", "reaches end of life", "MkDocs 2.0")
#: A command in a code span, a line of a code block or a table cell: `.venv/bin/...` to the end.
IN_CODE = re.compile(r"(?:^|`|\s)(\.venv/bin/[^`\n]+?)\s*(?:`|$)", re.M)
WINDOWS_IN_CODE = re.compile(r"(?:^|`|\s)(\.venv\\Scripts\\[^`\n]+?)\s*(?:`|$)", re.M)
#: In a printed message a command ends where the sentence goes on.
IN_MESSAGE = re.compile(r"(\.venv/bin/.+?)(?=;|, | and | again| in the site| first|\)|\.$|\. |$)", re.M)
#: Commands not run here, and why.
SKIPPED = {
    "WHEELS": "installs the engine from its wheels (tests/package/test_wheel.py does, from a built wheel)",
    "pip install pre-commit": "installs a package from the package index",
    "practice-hub test": "strict build, links and minutes of Chromium: tests/site/test_sitecheck.py runs it",
}
#: The order the commands run in: a file new writes is then reviewed; the site is built before
#: its links are checked; audits are counted before one is removed.
ORDER = ("check", "new", "reviewed", "build", "linkcheck", "serve", "start", "audits")
#: The sections of the engine's README.md that speak to editors (the rest is for IT and developers).
EDITORS_README = ("Case-file audits", "Help for editors")
#: A command's words to fill in, in order, and what they are filled in with here.
EXPORT = "exports/audit-KV1000001.json"
EXPORT_ID = "kelsey-vale-audit-0001"
FILLED_IN = (
    (re.compile(r"\[([^\]]*)\]"), r"\1"),  # an optional part: given
    (re.compile(r"FILE\.\.\.|exports/\*\.json"), EXPORT),
    (re.compile(r"(?<= new )TYPE\b"), "procedure"),
    (re.compile(r"(?<= reviewed )ID\b"), "example-procedure"),
    (re.compile(r"(?<= remove )ID\b"), EXPORT_ID),
    # the search log's report: the fixture access logs (tests/fixtures/search-log/)
    (re.compile(r"(?<= search-report )LOG\.\.\."), str(REPO / "tests" / "fixtures" / "search-log" / "practice-hub-search.log")),
)


def fresh_environment() -> dict:
    path = [  # no virtual environment's commands on PATH
        p
        for p in os.environ.get("PATH", "/usr/bin:/bin").split(os.pathsep)
        if p and not (Path(p).parent / "pyvenv.cfg").exists()
    ]
    keep = {
        name: os.environ[name]
        for name in ("HOME", "LANG", "TMPDIR", "PRACTICE_HUB_CHROMIUM")
        if name in os.environ
    }
    return keep | {"PATH": os.pathsep.join(path), "PYTHONPATH": str(REPO)}


def run(line: str, folder: Path, timeout: int = 600) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["bash", "--noprofile", "--norc", "-c", line],
        cwd=folder,
        capture_output=True,
        text=True,
        env=fresh_environment(),
        timeout=timeout,
    )


def commands_in(text: str) -> list[str]:
    return [found.strip() for found in IN_CODE.findall(text)]


def windows_commands_in(text: str) -> list[str]:
    return [found.strip() for found in WINDOWS_IN_CODE.findall(text)]


def commands_in_message(text: str) -> list[str]:
    return [found.strip().rstrip(".") for found in IN_MESSAGE.findall(text)]


def as_linux(windows: str) -> str:
    """A Windows form written for macOS and Linux: only the environment's folder differs."""
    assert windows.startswith(VENV_SCRIPTS)
    return VENV_BIN + windows[len(VENV_SCRIPTS) :]


def filled_in(line: str) -> str:
    for words, value in FILLED_IN:
        line = words.sub(value, line)
    return line


def exported_audit(today: dt.date) -> dict:
    """An audit as the new site's audit tool exports it: the example audit section, graded good."""
    exported = json.loads(
        (REPO / "tests/fixtures/audit-exports/audit-A4100237.json").read_text(encoding="utf-8")
    )
    day = (today - dt.timedelta(days=7)).isoformat()
    exported["practitioner"]["feedback_date"] = day
    return exported | {
        "id": EXPORT_ID,
        "case_reference": "KV1000001",
        "service": "Children's services",
        "journey_stage": "Assessment",
        "date": day,
        "suggested_overall": "good",
        "auditor_overall": "good",
        "overall": "good",
        "sections": [
            dict(
                exported["sections"][0],
                id="example-audit-section",
                title="The voice of the child or adult in the record",
                grade="good",
                looks_for=[
                    {
                        "point": "The child or adult was seen on their own where it was safe",
                        "met": True,
                        "note": "",
                    },
                    {"point": "Their words are in the record", "met": True, "note": ""},
                ],
            )
        ],
    }


def skipped(line: str) -> str:
    return next((why for words, why in SKIPPED.items() if words in line), "")


def order(line: str) -> int:
    words = shlex.split(line)
    sub = words[1] if len(words) > 1 else ""
    return ORDER.index(sub) if sub in ORDER else len(ORDER)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve_answers(line: str, folder: Path) -> str:
    """Start the preview (on a free port), wait until it answers, stop it; what it printed."""
    port = free_port()
    process = subprocess.Popen(
        ["bash", "--noprofile", "--norc", "-c", f"exec {line} --dev-addr 127.0.0.1:{port}"],
        cwd=folder,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=fresh_environment(),
        start_new_session=True,
    )
    answered = False
    try:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and process.poll() is None and not answered:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
                    answered = response.status == 200
            except OSError:
                time.sleep(1)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGINT)  # Ctrl+C, as an editor stops it
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
    output = process.stdout.read() if process.stdout else ""
    assert answered, f"{line}: the preview did not answer\n{output}"
    return output


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A site made by start, its .venv the environment running the tests; start's own words."""
    folder = tmp_path_factory.mktemp("commands") / "fernleigh-practice-hub"
    made = subprocess.run(
        [sys.executable, "-m", "practice_hub", "start", COUNCIL, str(folder)],
        cwd=folder.parent,
        capture_output=True,
        text=True,
        env=fresh_environment(),
        timeout=300,
    )
    assert made.returncode == 0, made.stdout + made.stderr
    for where in (folder, folder.parent):  # start runs outside the site, with the engine installed
        (where / ".venv").symlink_to(Path(sys.executable).parent.parent, target_is_directory=True)
    (folder / EXPORT).parent.mkdir()
    (folder / EXPORT).write_text(json.dumps(exported_audit(dt.date.today()), indent=2), encoding="utf-8")
    return folder, made.stdout + made.stderr


def descriptions(value) -> list[str]:
    """Every "description" in a schema, however deep."""
    if isinstance(value, dict):
        own = [value["description"]] if isinstance(value.get("description"), str) else []
        return own + [text for child in value.values() for text in descriptions(child)]
    if isinstance(value, list):
        return [text for child in value for text in descriptions(child)]
    return []


def readme_for_editors() -> str:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    sections = re.split(r"^## ", text, flags=re.M)
    found = {section.split("\n", 1)[0]: section for section in sections}
    assert set(EDITORS_README) <= set(found), sorted(found)
    return "\n".join(found[name] for name in EDITORS_README)


def vscode_descriptions(folder: Path) -> str:
    return "\n".join(
        text
        for schema in sorted((folder / ".vscode" / "schemas").glob("*.json"))
        for text in descriptions(json.loads(schema.read_text(encoding="utf-8")))
    )


def shown_texts(folder: Path) -> dict[str, str]:
    """What an editor reads, by name: the guide, and what start wrote for the council."""
    return {
        "the editors' guide": GUIDE.read_text(encoding="utf-8"),
        "the site's README.md": (folder / "README.md").read_text(encoding="utf-8"),
        "the pre-commit configuration's comments": "\n".join(
            line.lstrip("# ")
            for line in (folder / ".pre-commit-config.yaml").read_text(encoding="utf-8").splitlines()
            if line.startswith("#")
        ),
        "the content schemas' descriptions": "\n".join(
            text
            for schema in sorted(schema_dir().glob("*.yaml"))
            for text in descriptions(yaml.safe_load(schema.read_text(encoding="utf-8")))
        ),
        "the field reference": field_reference(load_schemas(schema_dir())),
        "the site's VS Code schemas": vscode_descriptions(folder),
        "this repository's VS Code schemas": vscode_descriptions(REPO),
        "the engine README's sections for editors": readme_for_editors(),
    }


def test_every_command_shown_runs_as_written(site):
    folder, said = site
    texts = shown_texts(folder)
    queue = [c for text in texts.values() for c in commands_in(text)] + commands_in_message(said)
    assert any(c.startswith(".venv/bin/practice-hub new ") for c in queue), "no command found in the guide"
    assert any(c.startswith(".venv/bin/practice-hub audits summarise ") for c in queue), (
        "none from the schemas"
    )
    queue = [filled_in(c) for c in queue]
    ran: dict[str, str] = {}
    not_run: dict[str, str] = {}
    while queue:
        queue.sort(key=order)
        line = queue.pop(0)
        if line in ran or line in not_run:
            continue
        if skipped(line):
            not_run[line] = skipped(line)
            continue
        if shlex.split(line)[1:2] == ["serve"]:
            ran[line] = serve_answers(line, folder)
            continue
        result = run(line, folder.parent if shlex.split(line)[1:2] == ["start"] else folder)
        output = result.stdout + result.stderr
        if shlex.split(line)[1:2] == ["start"] and result.returncode == 2:
            # Typed in the site's folder, start refuses to make a site inside it, giving the
            # command with a folder outside: that command runs as written, from the same folder.
            fix = output.split("give a folder outside it, for example: ", 1)[-1].split("; nothing was")[0]
            assert fix.startswith(".venv/bin/practice-hub start ") and "../" in fix, output
            outside = run(fix, folder)
            assert outside.returncode == 0, f"{fix}:\n{outside.stdout + outside.stderr}"
            ran[fix] = outside.stdout + outside.stderr
            result = outside
        assert result.returncode == 0, f"{line} (exit {result.returncode}):\n{output}"
        ran[line] = output
        queue += [
            filled_in(c) for c in commands_in_message(output) if c not in ran
        ]  # what it told the editor to run
    for line, output in ran.items():
        assert not any(words in output for words in BANNER), (
            f"{line} showed the end-of-life banner:\n{output}"
        )
        assert "Traceback" not in output, f"{line}:\n{output}"
    subcommands = {shlex.split(line)[1] for line in ran if line.startswith(".venv/bin/practice-hub ")}
    assert subcommands >= {"serve", "check", "build", "new", "reviewed", "linkcheck", "start", "audits"}, (
        sorted(ran)
    )
    assert f".venv/bin/practice-hub audits summarise {EXPORT} --write" in ran, sorted(ran)
    assert set(not_run.values()) <= set(SKIPPED.values())


def test_the_pre_commit_hook_runs_the_sites_engine_without_activating_it(site):
    folder, _ = site
    config = yaml.safe_load((folder / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    (hook,) = config["repos"][0]["hooks"]
    result = subprocess.run(
        shlex.split(hook["entry"]),
        cwd=folder,
        capture_output=True,
        text=True,
        env=fresh_environment(),
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Practice Hub: checked" in result.stdout.splitlines()[-1]  # in order: the last line


def test_messages_name_the_command_for_the_computer_they_run_on():
    assert command("check", windows=False) == ".venv/bin/practice-hub check"
    assert command("check", windows=True) == ".venv\\Scripts\\practice-hub check"
    assert command('install "x"', program="pip", windows=True) == '.venv\\Scripts\\pip install "x"'
    assert command() == (".venv\\Scripts\\practice-hub" if os.name == "nt" else ".venv/bin/practice-hub")


def test_windows_forms_are_the_same_commands(site):
    folder, _ = site
    for name, text in shown_texts(folder).items():
        linux = set(commands_in(text))
        windows = windows_commands_in(text)
        assert not name.startswith("the editors' guide") or windows, f"{name} shows no Windows form"
        for line in windows:
            assert as_linux(line) in linux, f"{name}: {line} has no macOS and Linux form"


def _install_steps(text: str) -> dict[str, str]:
    """The fenced block after each **Linux**, **Windows** and **macOS** heading."""
    return {
        system: block
        for system, block in re.findall(
            r"^\*\*(Linux|Windows|macOS)\*\*[^\n]*\n\n```\w*\n(.*?)```", text, re.M | re.S
        )
    }


def test_the_guides_install_steps_are_the_readmes(site):
    folder, _ = site
    guide = _install_steps(GUIDE.read_text(encoding="utf-8"))
    readme = _install_steps((folder / "README.md").read_text(encoding="utf-8"))
    assert set(guide) == {"Linux", "Windows", "macOS"}
    assert guide == readme
    windows = [line for line in guide["Windows"].splitlines() if line.startswith(VENV_SCRIPTS)]
    assert [as_linux(line) for line in windows] == [
        line for line in guide["macOS"].splitlines() if line.startswith(VENV_BIN)
    ]


def test_nothing_an_editor_reads_says_python_m_or_bare_commands(site):
    folder, said = site
    for name, text in {**shown_texts(folder), "start's closing words": said}.items():
        assert "python -m practice_hub " not in text, name
        spans = re.findall(r"`([^`\n]+)`", text) + re.findall(r"^```\w*\n(.*?)^```", text, re.M | re.S)
        for span in spans:
            for line in span.splitlines():
                assert not re.match(r"\s*(practice-hub|mkdocs|properdocs) ", line), f"{name}: {line}"
