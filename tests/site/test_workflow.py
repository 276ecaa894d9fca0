"""The pull-request workflow runs what .ci/run and the README run."""

from __future__ import annotations

import yaml

from helpers import REPO

WORKFLOW = REPO / ".github" / "workflows" / "practice-hub.yml"


def load():
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))  # valid YAML, or this fails
    return data, data.get("on", data.get(True))  # YAML 1.1 reads the key `on` as true


def runs(job: dict) -> list[str]:
    return [step["run"] for step in job["steps"] if "run" in step]


def test_triggers_and_jobs():
    data, on = load()
    assert "pull_request" in on and on["push"]["branches"] == ["main"]
    assert set(data["jobs"]) == {"site", "test"}


def test_the_test_job_runs_ci_run_which_runs_dev_test():
    data, _ = load()
    assert runs(data["jobs"]["test"])[-1] == ".ci/run"
    ci = [line.strip() for line in (REPO / ".ci/run").read_text().splitlines() if line.strip()]
    assert ci[-1] == "./dev test"


def test_the_site_job_runs_the_readmes_commands():
    data, _ = load()
    commands = runs(data["jobs"]["site"])[1:]
    assert commands == ["./dev check --format github", "./dev build", "./dev linkcheck site"]
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for command in commands:
        assert command in readme, command


def test_main_keeps_the_site_as_an_artifact():
    data, _ = load()
    upload = next(s for s in data["jobs"]["site"]["steps"] if s.get("uses", "").startswith("actions/upload-artifact"))
    assert "refs/heads/main" in upload["if"] and upload["with"]["path"] == "site/"
