"""`practice-hub start "Name of Council" FOLDER` writes a new site, the council's own repository.

The folder holds only what belongs to the council; everything it holds passes check, the strict
build and the link check on the first run; the pull request workflow's commands, run in a shell,
all succeed; nothing outside the folder is written, and the council's name is escaped everywhere.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from helpers import REPO, env, run_build, run_check
from practice_hub import __version__
from practice_hub.content_types import TYPES
from practice_hub.settings import LenientLoader, Project
from practice_hub.site import load_site

COUNCIL = "Ashdown District Council"
EXAMPLE_EMAIL = "practice@ashdown-district-council.example"
BIN = Path(sys.executable).parent  # the venv's bin: practice-hub and check-jsonschema

#: Exactly what start writes (besides .git/).
EXPECTED = {
    ".github/workflows/main.yml",
    ".github/workflows/nightly.yml",
    ".github/workflows/pull-request.yml",
    ".gitignore",
    ".pre-commit-config.yaml",
    ".vscode/extensions.json",
    ".vscode/settings.json",
    *(f".vscode/schemas/{name}.json" for name in (
        "audit_record", "audit_result", "capability_framework", "contact", "course", "event", "glossary",
        "legislation", "link",
        "staff_voice", "tag")),
    "README.md",
    "mkdocs.yml",
    "requirements.txt",
    "docs/_data/tags.yml",
    # The frameworks, as the demo ships them (tests/site/test_frameworks_demo.py compares them).
    *(f"docs/_data/frameworks/{name}.yml" for name in (
        "cqc", "ecs-children", "employer-standards", "kss-adults", "kss-children", "ofsted", "pcf",
        "swe-standards")),
    "docs/about.md",
    "docs/accessibility.md",
    "docs/audit/cycles/example-audit-cycle.md",
    "docs/audit/example-audit-section.md",
    "docs/contacts/contacts.yml",
    "docs/events/events.yml",
    "docs/framework/example-framework.md",
    "docs/glossary/glossary.yml",
    "docs/index.md",
    "docs/induction/example-induction.md",
    "docs/learning/example-briefing.md",
    "docs/links/links.yml",
    "docs/news/index.md",
    "docs/news/posts/welcome.md",
    "docs/procedures/example-procedure.md",
    "docs/recruitment/index.md",
    "docs/recruitment/vacancies/example-vacancy.md",
    "docs/research/example-research.md",
    "docs/staff-voice/health-check.yml",
    "docs/standards/example-standard.md",
    "docs/tools/example-tool.md",
    "docs/tools/files/example-template.txt",
    "docs/training/courses.yml",
}
#: The advisory warnings a new site has until its example addresses are replaced.
EXAMPLE_WARNINGS = (
    f'mkdocs.yml:101: suggest_email is still the example address "{EXAMPLE_EMAIL}" made by start',
    f'docs/accessibility.md:32: the accessibility statement still has the example address "{EXAMPLE_EMAIL}"',
    'docs/accessibility.md:32: the accessibility statement still has the example phone number "01632 960 000"',
)


def start(cwd: Path, *args: str, command=(sys.executable, "-m", "practice_hub")) -> subprocess.CompletedProcess:
    return subprocess.run([*command, "start", *args], cwd=cwd, capture_output=True, text=True, env=env(),
                          timeout=120)


def files_of(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*")
            if p.is_file() and ".git" not in p.relative_to(folder).parts[:1]}


@pytest.fixture(scope="module")
def started(tmp_path_factory):
    """The site, started from an empty working folder (which must stay empty) into a new folder."""
    cwd = tmp_path_factory.mktemp("cwd")
    result = start(cwd, COUNCIL, "ashdown-practice-hub")
    assert result.returncode == 0, result.stdout + result.stderr
    assert sorted(p.name for p in cwd.iterdir()) == ["ashdown-practice-hub"]
    return cwd / "ashdown-practice-hub", result


@pytest.fixture(scope="module")
def built(started):
    folder, _ = started
    result = run_build(folder)
    assert result.returncode == 0, result.stdout + result.stderr
    return folder, result


def test_the_folder_holds_exactly_the_councils_files(started):
    folder, result = started
    assert files_of(folder) == EXPECTED
    lines = result.stdout.splitlines()
    assert lines[0] == f"Starting {COUNCIL} Practice Hub in ashdown-practice-hub"
    assert any(line.startswith("Wrote docs/: 32 files") for line in lines)  # 24, and 8 frameworks
    assert f"Wrote requirements.txt: practice-hub=={__version__}, the engine's version in one line" in lines
    assert "Wrote .github/workflows/: main.yml, nightly.yml, pull-request.yml" in lines
    assert lines[-1] == (
        'Next, in ashdown-practice-hub: install the engine once (README.md, "Installing"); preview the site with '
        ".venv/bin/practice-hub serve; replace the example addresses (suggest_email in mkdocs.yml, "
        "docs/accessibility.md) and each example in docs/ with your own content, or delete it; then run "
        ".venv/bin/practice-hub check and .venv/bin/practice-hub build."
    )
    # no engine inside: no theme, hooks, schemas, hosting files or tests
    for engine_part in ("overrides", "hooks", "content_schema", "hosting", "practice_hub", "tests", "dev"):
        assert not (folder / engine_part).exists(), engine_part


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_the_folder_is_its_own_git_repository_with_a_first_commit(started):
    folder, result = started
    assert "Made ashdown-practice-hub a git repository (branch main) with everything in a first commit" in result.stdout

    def git(*args):
        return subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True, check=True).stdout

    assert Path(git("rev-parse", "--show-toplevel").strip()).resolve() == folder.resolve()
    assert git("rev-parse", "--abbrev-ref", "HEAD").strip() == "main"
    assert len(git("log", "--format=%H").split()) == 1
    assert set(git("ls-files").split()) == EXPECTED
    assert git("status", "--porcelain") == ""


def test_start_says_so_and_carries_on_without_git(tmp_path):
    empty_path = tmp_path / "bin"
    empty_path.mkdir()
    result = subprocess.run([sys.executable, "-m", "practice_hub", "start", COUNCIL, "site"], cwd=tmp_path,
                            capture_output=True, text=True, env=env(PATH=str(empty_path)), timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "git is not installed: site is not a git repository yet." in result.stdout
    assert files_of(tmp_path / "site") == EXPECTED and not (tmp_path / "site/.git").exists()


def test_nothing_names_the_demo_council(built):
    folder, _ = built
    for path in sorted(folder.rglob("*")):
        if path.is_file() and ".git" not in path.relative_to(folder).parts[:1]:
            assert b"brackenford" not in path.read_bytes().lower(), path


def test_mkdocs_yml_is_the_councils_own_with_the_demos_look(started):
    folder, _ = started
    config = yaml.load((folder / "mkdocs.yml").read_text(encoding="utf-8"), Loader=LenientLoader)
    demo = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=LenientLoader)
    assert config["site_name"] == f"{COUNCIL} Practice Hub"
    assert config["site_author"] == config["copyright"] == COUNCIL
    assert COUNCIL in config["site_description"]
    for key in ("theme", "markdown_extensions", "validation", "not_in_nav", "use_directory_urls"):
        assert config[key] == demo[key], key
    assert "custom_dir" not in config["theme"] and "hooks" not in config
    assert config["plugins"][:2] == demo["plugins"][:2]  # search and blog, the same settings
    assert config["plugins"][-1] == "practice-hub" and len(config["plugins"]) == 3
    settings = config["extra"]["practice_hub"]
    assert not {"today", "demo", "home_cards"} & set(settings)
    assert settings["suggest_email"] == EXAMPLE_EMAIL
    assert settings["menu"] == demo["extra"]["practice_hub"]["menu"]


def test_requirements_pin_the_running_engine_in_one_line(started):
    folder, _ = started
    lines = (folder / "requirements.txt").read_text(encoding="utf-8").splitlines()
    assert [line for line in lines if line.strip() and not line.startswith("#")] == [f"practice-hub=={__version__}"]
    comments = " ".join(lines)
    assert "pip install --find-links" in comments and "PRACTICE_HUB_WHEELS" in comments


def test_readme_has_the_two_commands_installing_and_upgrading(started):
    folder, _ = started
    readme = (folder / "README.md").read_text(encoding="utf-8")
    assert readme.startswith(f"# {COUNCIL} Practice Hub\n")
    for text in (".venv/bin/practice-hub serve", ".venv/bin/practice-hub check\n.venv/bin/practice-hub build",
                 ".venv\\Scripts\\practice-hub check\n.venv\\Scripts\\practice-hub build", "## Upgrading",
                 "## Replace the examples",
                 "py -3.13 -m venv .venv", r".venv\Scripts\pip install --find-links WHEELS -r requirements.txt",
                 r".venv\Scripts\practice-hub serve", "**macOS**", "**Linux**", "changelog"):
        assert text in readme, text
    assert ".venv/" in (folder / ".gitignore").read_text() and "site/" in (folder / ".gitignore").read_text()
    hooks = yaml.safe_load((folder / ".pre-commit-config.yaml").read_text())
    entry = hooks["repos"][0]["hooks"][0]["entry"]  # the environment's engine, nothing activated
    assert "exec .venv/bin/practice-hub check" in entry and "exec .venv/Scripts/practice-hub check" in entry


def test_every_content_type_has_an_example(started):
    folder, _ = started
    site = load_site(Project.from_config_file(folder / "mkdocs.yml"))
    assert {item.type for item in site.items} >= set(TYPES)


def test_check_reports_no_errors_only_the_example_addresses(started):
    folder, _ = started
    for args in ((), ("--strict",)):
        check = run_check(folder, *args)
        assert check.returncode == 0, check.stdout + check.stderr
        *lines, closing = check.stdout.splitlines()
        assert len(lines) == len(EXAMPLE_WARNINGS), check.stdout
        assert closing.startswith("Practice Hub: checked "), check.stdout  # the last line counts them
        for expected in EXAMPLE_WARNINGS:
            assert any(line.startswith(expected.replace(": ", ": warning: ", 1)) for line in lines), expected


def test_replacing_the_example_addresses_ends_the_warnings(started, tmp_path, monkeypatch):
    folder = tmp_path / "site"
    shutil.copytree(started[0], folder, ignore=shutil.ignore_patterns(".git", "site"))
    for name in ("mkdocs.yml", "docs/accessibility.md"):
        path = folder / name
        path.write_text(path.read_text(encoding="utf-8").replace(EXAMPLE_EMAIL, "practice@ashdown.gov.uk")
                        .replace("01632 960 000", "01234 000 000"), encoding="utf-8")
    monkeypatch.setenv("PRACTICE_HUB_TODAY", "2026-11-24")
    site = load_site(Project.from_config_file(folder / "mkdocs.yml"))
    assert [str(p) for p in site.problems.items] == []


def test_the_strict_build_and_the_link_check_pass(built):
    folder, result = built
    warnings = [line for line in (result.stdout + result.stderr).splitlines() if "WARNING" in line]
    assert len(warnings) == len(EXAMPLE_WARNINGS), warnings
    assert all(any(w in line for w in EXAMPLE_WARNINGS) for line in warnings), warnings
    links = subprocess.run([sys.executable, "-m", "practice_hub", "linkcheck", "site"], cwd=folder,
                           capture_output=True, text=True, env=env(), timeout=300)
    assert links.returncode == 0, links.stdout + links.stderr
    site = folder / "site"
    for page in ("index.html", "news/index.html", "standards/golden-thread/index.html", "about/index.html",
                 "accessibility/index.html", "framework/example-framework/index.html",
                 "events/example-journal-club/index.html", "audit/cycles/example-audit-cycle/index.html",
                 "training/example-course/index.html", "editors/field-reference/index.html"):
        assert (site / page).is_file(), page
    home = (site / "index.html").read_text(encoding="utf-8")
    assert f"{COUNCIL} Practice Hub" in home
    # the engine's styles and scripts, joined into two files named by their content
    for asset, holds in (("stylesheets", "stylesheets/practice-hub.css"), ("javascripts", "javascripts/practice-hub-review.js")):
        found = re.search(rf"assets/{asset}/practice-hub\.[0-9a-f]{{8}}\.min\.(?:css|js)", home)
        assert found and f"/* {holds} */" in (site / found.group()).read_text(encoding="utf-8"), asset
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".xml", ".csv", ".ics", ".js"):
            assert b"brackenford" not in path.read_bytes().lower(), path


def test_contacts_are_a_tap_to_call_directory_named_by_the_example_procedure(built):
    """The directory (contacts/) lists the example contacts at their anchors, each number a tel:
    link with its digits only; the procedure that names them shows them in its "Who to contact"
    box under the title, kept out of the search; the menu has Contacts after Procedures."""
    folder, _ = built
    site = folder / "site"
    directory = (site / "contacts/index.html").read_text(encoding="utf-8")
    assert 'id="childrens-duty-team"' in directory and 'id="emergency-duty-team"' in directory
    assert '<a href="tel:01632960100">01632 960100</a>' in directory
    assert '<a href="mailto:edt@' in directory
    procedure = (site / "procedures/example-procedure/index.html").read_text(encoding="utf-8")
    box = procedure[procedure.index('<section class="ph-who"') :]
    box = box[: box.index("</section>")]
    assert "data-pagefind-ignore" in box.split(">", 1)[0]
    assert '<a href="../../contacts/#childrens-duty-team">' in box
    assert '<a href="tel:01632960100">01632 960100</a>' in box
    assert '<a href="tel:01632960999">01632 960999</a>' in box
    assert procedure.index("At a glance") < procedure.index("Who to contact") < procedure.index(">Scope<")
    menu = [line for line in procedure.splitlines() if "md-nav__link" in line or "md-tabs__link" in line]
    assert any("contacts/" in line for line in menu)
    content = json.loads((site / "content.json").read_text(encoding="utf-8"))
    edt = next(i for i in content["items"] if i["id"] == "emergency-duty-team")
    assert edt["type"] == "contact" and edt["url"].endswith("contacts/#emergency-duty-team")
    assert edt["phones"] == [{"label": "Out of hours", "number": "01632 960999"}]


def test_the_editors_guide_comes_from_the_engine(built):
    folder, _ = built
    assert not (folder / "docs/editors").exists()
    guide = (folder / "site/editors/index.html").read_text(encoding="utf-8")
    assert "<h1" in guide and "Editing this site" in guide
    assert "practice-hub start" in guide and "README.md" in guide


def test_a_sites_own_editors_guide_is_kept(started):
    from practice_hub.renderer.site_pages import generated_pages

    site = load_site(Project.from_config_file(started[0] / "mkdocs.yml"))
    assert "editors/index.md" in generated_pages(site, set())
    assert "editors/index.md" not in generated_pages(site, {"editors/index.md"})


# --- the workflows ------------------------------------------------------------------------------
WORKFLOWS = ("pull-request.yml", "main.yml", "nightly.yml")


def _workflow(folder: Path, name: str) -> dict:
    return yaml.load((folder / ".github/workflows" / name).read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def _runs(workflow: dict) -> list[str]:
    return [step["run"] for job in workflow["jobs"].values() for step in job["steps"] if "run" in step]


def test_the_workflows_are_valid_github_workflows(started):
    folder, _ = started
    files = [str(folder / ".github/workflows" / name) for name in WORKFLOWS]
    result = subprocess.run([str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows", *files],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_workflows_check_build_and_keep_the_site(started):
    folder, _ = started
    pull, main, nightly = (_workflow(folder, name) for name in WORKFLOWS)
    assert set(pull["on"]) == {"pull_request"}
    assert main["on"] == {"push": {"branches": ["main"]}}
    assert set(nightly["on"]) == {"schedule", "workflow_dispatch"} and nightly["on"]["schedule"][0]["cron"]
    install = 'python -m pip install --find-links "$PRACTICE_HUB_WHEELS" -r requirements.txt'
    assert _runs(pull) == [install, "practice-hub check --format github", "practice-hub build",
                           "practice-hub linkcheck site"]
    assert _runs(main) == _runs(pull)
    assert _runs(nightly) == [install, "practice-hub build", "practice-hub linkcheck site"]
    for workflow in (pull, main, nightly):
        (job,) = workflow["jobs"].values()
        assert job["timeout-minutes"] == "15"
        assert job["env"]["PRACTICE_HUB_WHEELS"] == "${{ vars.PRACTICE_HUB_WHEELS }}"
        python = next(s for s in job["steps"] if s.get("uses", "").startswith("actions/setup-python@"))
        assert python["with"] == {"python-version": "3.11", "cache": "pip", "cache-dependency-path": "requirements.txt"}
    for workflow in (main, nightly):
        upload = [s for s in workflow["jobs"]["site"]["steps"] if s.get("uses", "").startswith("actions/upload-artifact@")]
        assert upload and upload[0]["with"]["path"] == "site/"


def test_the_pull_request_steps_run_in_a_shell(started, tmp_path):
    """Each `run:` step of the pull request workflow, in order, in a copy of the new site, with the
    engine already installed (the pip step is skipped): every one exits 0."""
    folder = tmp_path / "site-copy"
    shutil.copytree(started[0], folder, ignore=shutil.ignore_patterns("site"))
    environment = env(PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}", PRACTICE_HUB_WHEELS="")
    ran = []
    for command in _runs(_workflow(folder, "pull-request.yml")):
        if "pip install" in command:
            continue
        result = subprocess.run(["bash", "-e", "-o", "pipefail", "-c", command], cwd=folder, capture_output=True,
                                text=True, env=environment, timeout=600)
        assert result.returncode == 0, f"{command}\n{result.stdout}{result.stderr}"
        ran.append(shlex.split(command)[:2])
        if command.startswith("practice-hub check --format github"):  # annotations on the lines
            assert "::warning file=mkdocs.yml,line=101" in result.stdout, result.stdout
    assert ran == [["practice-hub", "check"], ["practice-hub", "build"], ["practice-hub", "linkcheck"]]
    assert (folder / "site/index.html").is_file()


# --- refusals -----------------------------------------------------------------------------------
def test_an_existing_folder_that_is_not_empty_is_refused(tmp_path):
    folder = tmp_path / "ours"
    folder.mkdir()
    (folder / "notes.md").write_text("ours\n", encoding="utf-8")
    result = start(tmp_path, COUNCIL, "ours", command=(str(BIN / "practice-hub"),))
    assert result.returncode == 1
    assert "start: ours already exists and is not empty" in result.stdout
    assert "nothing was written" in result.stdout
    assert files_of(folder) == {"notes.md"} and not (folder / ".git").exists()
    assert (folder / "notes.md").read_text(encoding="utf-8") == "ours\n"
    # an empty folder is fine
    (tmp_path / "empty").mkdir()
    assert start(tmp_path, COUNCIL, "empty").returncode == 0 and files_of(tmp_path / "empty") == EXPECTED


def test_start_needs_a_folder_and_no_longer_rewrites_in_place(tmp_path):
    result = start(tmp_path, COUNCIL)
    assert result.returncode == 2 and "folder" in result.stderr
    result = start(tmp_path, COUNCIL, "new", "--yes")
    assert result.returncode == 2 and "--yes" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_the_engines_repository_is_never_written(tmp_path):
    before = sorted(p.name for p in REPO.iterdir())
    result = start(tmp_path, COUNCIL, str(REPO / "council-site"))
    assert result.returncode == 2 and "is inside the Practice Hub engine" in result.stdout
    assert sorted(p.name for p in REPO.iterdir()) == before
    result = start(REPO, COUNCIL, ".")  # the engine's own folder: not empty
    assert result.returncode == 1 and "already exists and is not empty" in result.stdout
    assert sorted(p.name for p in REPO.iterdir()) == before


def test_start_inside_a_site_or_a_git_repository_is_refused(tmp_path):
    """The guide says to type commands in the site's folder: start typed there would make a site,
    and a git repository, inside the site. Refused, with a folder outside it to give instead."""
    site = tmp_path / "kelsey-vale"
    site.mkdir()
    (site / "mkdocs.yml").write_text("site_name: Kelsey Vale Council Practice Hub\n", encoding="utf-8")
    result = start(site, "Kelsey Vale Council", "second-site")
    assert result.returncode == 2, result.stdout + result.stderr
    fix = os.path.join("..", "second-site")
    assert result.stdout == (
        f"start: second-site is inside the site in {site} (it has mkdocs.yml): a new site is a folder and a "
        "git repository of its own, never inside another; give a folder outside it, for example: "
        f'.venv/bin/practice-hub start "Kelsey Vale Council" {fix}; nothing was written\n'
    )
    assert sorted(p.name for p in site.iterdir()) == ["mkdocs.yml"]
    repository = tmp_path / "notes"
    (repository / "drafts").mkdir(parents=True)
    subprocess.run(["git", "init", "-q", str(repository)], check=True, env=env())
    result = start(repository / "drafts", COUNCIL, "site")
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stdout.startswith(f"start: site is inside the git repository in {repository}: ")
    assert os.path.join("..", "..", "site") in result.stdout
    assert list((repository / "drafts").iterdir()) == []


def test_start_never_writes_through_a_symbolic_link(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (tmp_path / "linked").symlink_to(outside)  # a link to an empty folder
    (tmp_path / "dangling").symlink_to(tmp_path / "nowhere")
    for name in ("linked", "dangling"):
        result = start(tmp_path, COUNCIL, name)
        assert result.returncode == 2, result.stdout
        assert f"start: {name} is a symbolic link" in result.stdout and "nothing was written" in result.stdout
    assert list(outside.iterdir()) == [] and not (tmp_path / "nowhere").exists()


@pytest.mark.parametrize("char", ["\u202e", "\u2066", "\u200f", "\u061c", "\x07", "\x1b"])
def test_a_name_with_a_control_or_bidirectional_character_is_refused(tmp_path, char):
    result = start(tmp_path, f"Ash{char}down District Council", "site")
    assert result.returncode == 2
    assert f"the name has the invisible character U+{ord(char):04X}" in result.stdout
    assert list(tmp_path.iterdir()) == []


#: A council's name as an attacker would type it: a quote to leave an attribute, a script, an
#: ampersand and a single-quoted event handler.
HOSTILE = "Ash\"down <script>alert(1)</script> & Co' onfocus='x"


def test_a_hostile_name_is_escaped_wherever_start_writes_it(tmp_path):
    """The name lands in mkdocs.yml (YAML), front matter (YAML), Markdown and, through the
    templates, in every page's <title>, meta tags, aria-label attributes and header: escaped in each."""
    from html.parser import HTMLParser

    result = start(tmp_path, HOSTILE, "hostile")
    assert result.returncode == 0, result.stdout + result.stderr
    project = tmp_path / "hostile"
    config = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert config["site_name"] == f"{HOSTILE} Practice Hub"
    assert config["site_author"] == config["copyright"] == HOSTILE
    assert config["extra"]["practice_hub"]["suggest_email"] == "practice@ash-down-script-alert-1-script-co-onfocus-x.example"
    check = run_check(project)
    assert check.returncode == 0, check.stdout + check.stderr
    build = run_build(project)
    assert build.returncode == 0, build.stdout + build.stderr

    class Page(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.scripts, self.handlers, self.values, self.text = [], [], [], []
            self.in_script = False

        def handle_starttag(self, tag, attrs):
            self.in_script = tag == "script"
            self.handlers += [name for name, _ in attrs if name.startswith("on")]
            self.values += [value for _, value in attrs if value and "Ash" in value]

        def handle_endtag(self, tag):
            self.in_script = False

        def handle_data(self, data):
            (self.scripts if self.in_script else self.text).append(data)

    pages = sorted((project / "site").rglob("*.html"))
    assert len(pages) > 10
    named = 0
    for html in pages:
        text = html.read_text(encoding="utf-8")
        assert "<script>alert" not in text, html
        parser = Page()
        parser.feed(text)
        assert parser.handlers == [], (html, parser.handlers)
        assert not any("alert(1)" in script for script in parser.scripts), html
        # every attribute naming the council holds the whole name: no quote ended it early
        for value in parser.values:
            assert HOSTILE in value, (html, value)
        named += bool(parser.values)
        if html.name == "index.html":
            assert HOSTILE in "".join(parser.text), html  # header and footer show it as text
    assert named == len(pages) - sum(1 for p in pages if "Ash" not in p.read_text(encoding="utf-8"))
    home = (project / "site/index.html").read_text(encoding="utf-8")
    assert " - Ash&#34;down &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co&#39; onfocus=&#39;x Practice Hub</title>" in home
    assert 'aria-label="Ash&#34;down &lt;script&gt;' in home
    readme = (project / "README.md").read_text(encoding="utf-8")
    assert "<script>" not in readme and "&lt;script&gt;" in readme
