"""Run the site engine (MkDocs, or ProperDocs, its maintained fork) on any platform.

``python -m practice_hub serve`` and ``python -m practice_hub build`` run the engine with the same
Python (``sys.executable -m mkdocs``), so they work wherever Python does: Linux, Windows, macOS.
``./dev serve`` and ``./dev build`` are the Linux shortcuts for the same commands.

The build is atomic: the engine writes into a new folder beside ``site/``, and only a build that
succeeds replaces ``site/`` (by renaming folders). A failed or interrupted build leaves the
previous ``site/`` as it was.
"""

from __future__ import annotations

import contextlib
import glob
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from .settings import Environment, SettingsError, read_config
from .text import command

ENGINES = ("mkdocs", "properdocs")
ENGINE_ENV = "PRACTICE_HUB_ENGINE"  # mkdocs (the default) or properdocs; read by settings.Environment


def engine_name(requested: str | None = None, environment: Environment | None = None) -> str:
    """The engine asked for (``--engine``), else PRACTICE_HUB_ENGINE's, else mkdocs."""
    environment = Environment.read() if environment is None else environment
    name = (requested or environment.engine or "mkdocs").strip().lower()
    if name not in ENGINES:
        raise ValueError(f"unknown engine {name!r} (choose one of: {', '.join(ENGINES)})")
    return name


def _environment(today: str = "") -> dict:
    # Material's end-of-life banner is known and tracked; ProperDocs' notice about MkDocs likewise.
    values = dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")
    if today:  # the build as on another date (the evidence pack's): told to the engine, never kept
        values[Environment.VARIABLES["today"]] = today
    return values


#: The engine's closing words on a failed build ("Aborted with 2 warnings in strict mode!",
#: "Aborted with a BuildError!"), printed on its standard output after everything else.
_ABORTED = re.compile(r"^Aborted with (?P<what>.*)!\s*$")
_COUNTED = re.compile(r"(\d+) (?:warning|error)s")


def closing_words(line: str) -> str | None:
    """One of the engine's output lines as the editor is shown it: its "Aborted with ..." line in
    Practice Hub's words (or "" when Practice Hub has already counted the problems: a BuildError
    follows its own "Practice Hub: 3 problems in 2 files ..." line); None for any other line."""
    found = _ABORTED.match(line)
    if found is None:
        return None
    counts = [int(n) for n in _COUNTED.findall(found.group("what"))]
    if not counts:
        return ""
    total = sum(counts)
    them = "it" if total == 1 else "them"
    return f"Practice Hub: {total} problem{'' if total == 1 else 's'} (listed above): fix {them}, then run check again"


def _forward(stream, out, err) -> None:
    """Copy the engine's standard output to ours (*out*), line by line, rewriting its closing
    words (``closing_words``) onto *err*, where its messages are; a blank line the engine prints
    before them goes too."""
    held = b""
    for raw in iter(stream.readline, b""):
        text = raw.decode("utf-8", "replace")
        if not text.strip() and not held:
            held = raw
            continue
        shown = closing_words(text)
        if shown is None:
            _write(out, held + raw)
        elif shown:
            _write(err, (shown + "\n").encode("utf-8"))
        held = b""
    if held:
        _write(out, held)


def _write(stream, data: bytes) -> None:
    """Bytes to a standard stream, or to a text stream standing in for one (a test's capture)."""
    binary = getattr(stream, "buffer", None)
    if binary is not None:
        stream.flush()
        binary.write(data)
        binary.flush()
    else:
        stream.write(data.decode("utf-8", "replace"))
        stream.flush()


def _run(args: list[str], cwd: Path, reword: bool = False, today: str = "") -> int:
    """Run the engine and return its exit code; 130 if this process is interrupted (Ctrl+C, or
    SIGTERM during a build), after stopping the engine. The engine stays in this process group, so
    Ctrl+C, or a CI runner killing the group, reaches it and what it started (Pagefind) too.
    *reword*: the engine's closing words say the build failed in Practice Hub's (``_forward``)."""
    process = subprocess.Popen(
        args, cwd=cwd, env=_environment(today), stdout=subprocess.PIPE if reword else None
    )
    copier = None
    if reword:
        sys.stdout.flush()
        copier = threading.Thread(
            target=_forward,
            args=(process.stdout, sys.stdout, sys.stderr),
            name="practice-hub engine output",
            daemon=True,
        )
        copier.start()
    try:
        code = process.wait()
        if copier is not None:
            copier.join(timeout=30)
        return code
    except KeyboardInterrupt:  # Ctrl+C (or an interrupt sent to this process only): stop the engine too
        with _signals_ignored():
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        return 130


def _interrupted(signum, frame):
    raise KeyboardInterrupt


@contextlib.contextmanager
def _stoppable():
    """SIGTERM stops a build as Ctrl+C does (Python's default would end this process at once,
    leaving the engine running and its half-built folder behind)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "SIGTERM"):
        yield
        return
    previous = signal.signal(signal.SIGTERM, _interrupted)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextlib.contextmanager
def _signals_ignored():
    """While cleaning up after an interrupt: a second Ctrl+C must not leave the cleanup half done."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    names = [signal.SIGINT] + ([signal.SIGTERM] if hasattr(signal, "SIGTERM") else [])
    previous = {sig: signal.signal(sig, signal.SIG_IGN) for sig in names}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def config_problem(config_file: Path, name: str) -> str | None:
    """Why mkdocs.yml cannot be read, in check's words (``mkdocs.yml:5: ...``, the path as the
    user gave it), or None. The build, the preview and ``test`` ask before starting the engine,
    which would otherwise print YAML's own words (or a traceback) with no plain fix. *name*: the
    command, for "run it in the site's folder"."""
    try:
        text = Path(config_file).read_text(encoding="utf-8")
    except FileNotFoundError:
        return (
            f"{config_file}: no such file (run {command(name)} in the site's folder, "
            "or name its mkdocs.yml with -f)"
        )
    except (OSError, UnicodeDecodeError) as error:
        why = getattr(error, "strerror", None) or str(error)
        return f"{config_file}: cannot be read ({why}; save it as UTF-8 text)"
    try:
        read_config(text)
    except SettingsError as error:
        return error.located(str(config_file))
    return None


def configured_site_dir(config_file: Path) -> Path:
    """``site_dir`` from mkdocs.yml (default ``site``), beside mkdocs.yml."""
    config = read_config(Path(config_file).read_text(encoding="utf-8"))
    return (config_file.parent / str(config.get("site_dir") or "site")).resolve()


def serve(config_file: Path, address: str, engine: str | None = None, extra: list[str] | None = None) -> int:
    problem = config_problem(config_file, "serve")
    if problem:
        sys.stderr.write(problem + "\n")  # where the engine's own messages go
        return 1
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
    config_file: Path,
    site_dir: Path | None = None,
    engine: str | None = None,
    extra: list[str] | None = None,
    today: str = "",
) -> tuple[int, Path]:
    """``mkdocs build --strict`` into a new folder beside site_dir; replace site_dir only on success.
    Returns the engine's exit code (130 when interrupted by Ctrl+C or SIGTERM) and the site folder;
    1, before the engine starts, when mkdocs.yml cannot be read (said as check says it). *today*
    (YYYY-MM-DD): the build date, as PRACTICE_HUB_TODAY would set it, for this build only."""
    problem = config_problem(config_file, "build")
    if problem:
        sys.stderr.write(problem + "\n")  # where the engine's own messages go
        return 1, (Path(site_dir) if site_dir else Path(config_file).parent / "site").resolve()
    config_file = Path(config_file).resolve()
    target = Path(site_dir).resolve() if site_dir else configured_site_dir(config_file)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = None
    try:
        with _stoppable():
            remove_stale(target)
            staging = Path(
                tempfile.mkdtemp(prefix=f"{target.name}.building-{os.getpid()}-", dir=target.parent)
            )
            os.chmod(staging, 0o755)  # mkdtemp makes it private; the web server must read site/
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
            code = _run(command, config_file.parent, reword=True, today=today)
            if code == 0:
                replace_folder(staging, target)
            return code, target
    except KeyboardInterrupt:
        return 130, target
    finally:
        if staging is not None:
            with _signals_ignored():
                shutil.rmtree(staging, ignore_errors=True)


#: How long a leftover build folder of unknown owner is kept where it cannot be told whether the
#: build that made it still runs (a folder named by an older version, or on Windows).
STALE_AFTER = 6 * 3600


def _running(pid: int) -> bool:
    if os.name != "posix":
        return True  # unknown: on Windows os.kill(pid, 0) would end the process
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale(target: Path) -> list[Path]:
    """Remove the build folders beside *target* that killed builds left behind (SIGKILL, a power
    cut): ``site.building-<pid>-*`` and ``.site.old-<pid>`` whose process no longer runs (or, with no
    process to ask, older than STALE_AFTER). Another build still running keeps its folder."""
    removed = []
    now = time.time()
    patterns = (
        (
            f"{glob.escape(target.name)}.building-*",
            re.compile(rf"^{re.escape(target.name)}\.building-(\d+)-"),
        ),
        (f".{glob.escape(target.name)}.old-*", re.compile(rf"^\.{re.escape(target.name)}\.old-(\d+)$")),
    )
    for pattern, named in patterns:
        for folder in sorted(target.parent.glob(pattern)):
            if folder.is_symlink() or not folder.is_dir():
                continue
            match = named.match(folder.name)
            if match and int(match.group(1)) != os.getpid():
                stale = not _running(int(match.group(1)))
            else:
                try:
                    stale = not match and now - folder.stat().st_mtime > STALE_AFTER
                except OSError:
                    continue
            if stale:
                shutil.rmtree(folder, ignore_errors=True)
                removed.append(folder)
    return removed


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
