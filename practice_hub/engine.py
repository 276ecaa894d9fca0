"""Run the site engine (MkDocs, or ProperDocs, its maintained fork) on any platform.

``python -m practice_hub serve`` and ``python -m practice_hub build`` run the engine with the same
Python (``sys.executable -m mkdocs``), so they work wherever Python does: Linux, Windows, macOS.
``./dev serve`` and ``./dev build`` are the Linux shortcuts for the same commands.

The build is atomic: the engine writes into a new folder beside ``site/``, and only a build that
succeeds replaces ``site/`` (by renaming folders). A failed or interrupted build leaves the
previous ``site/`` as it was.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ENGINES = ("mkdocs", "properdocs")
ENGINE_ENV = "PRACTICE_HUB_ENGINE"  # mkdocs (the default) or properdocs


def engine_name(requested: str | None = None) -> str:
    name = (requested or os.environ.get(ENGINE_ENV) or "mkdocs").strip().lower()
    if name not in ENGINES:
        raise ValueError(f"unknown engine {name!r} (choose one of: {', '.join(ENGINES)})")
    return name


def _environment() -> dict:
    # Material's end-of-life banner is known and tracked; ProperDocs' notice about MkDocs likewise.
    return dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")


def _run(args: list[str], cwd: Path) -> int:
    process = subprocess.Popen(args, cwd=cwd, env=_environment())
    try:
        return process.wait()
    except KeyboardInterrupt:  # Ctrl+C (or an interrupt sent to this process only): stop the engine too
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        return 130


def configured_site_dir(config_file: Path) -> Path:
    """``site_dir`` from mkdocs.yml (default ``site``), beside mkdocs.yml."""
    from .settings import LenientLoader

    with open(config_file, encoding="utf-8") as handle:
        config = yaml.load(handle, Loader=LenientLoader) or {}
    return (config_file.parent / str(config.get("site_dir") or "site")).resolve()


def serve(config_file: Path, address: str, engine: str | None = None, extra: list[str] | None = None) -> int:
    config_file = Path(config_file).resolve()
    command = [
        sys.executable,
        "-m",
        engine_name(engine),
        "serve",
        "--dirty",
        "--dev-addr",
        address,
        "-f",
        str(config_file),
        *(extra or []),
    ]
    return _run(command, config_file.parent)


def build(
    config_file: Path, site_dir: Path | None = None, engine: str | None = None, extra: list[str] | None = None
) -> tuple[int, Path]:
    """``mkdocs build --strict`` into a new folder beside site_dir; replace site_dir only on success.
    Returns the engine's exit code and the site folder."""
    config_file = Path(config_file).resolve()
    target = Path(site_dir).resolve() if site_dir else configured_site_dir(config_file)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f"{target.name}.building-", dir=target.parent))
    os.chmod(staging, 0o755)  # mkdtemp makes it private; the web server must read site/
    try:
        command = [
            sys.executable,
            "-m",
            engine_name(engine),
            "build",
            "--strict",
            "-f",
            str(config_file),
            "-d",
            str(staging),
            *(extra or []),
        ]
        code = _run(command, config_file.parent)
        if code == 0:
            replace_folder(staging, target)
        return code, target
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def replace_folder(new: Path, target: Path) -> None:
    """Put ``new`` in place of ``target`` by renaming: readers of ``target`` see the old or the new
    folder whole, never a half-written one (two renames on the same disk; a moment without any)."""
    old = target.with_name(f".{target.name}.old-{os.getpid()}")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        os.replace(target, old)
    try:
        os.replace(new, target)
    except OSError:
        if old.exists() and not target.exists():
            os.replace(old, target)  # put the previous site back
        raise
    shutil.rmtree(old, ignore_errors=True)
