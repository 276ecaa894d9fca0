#!/usr/bin/env python3
"""Put a built Practice Hub site live:  python3 publish.py SITE_DIR LIVE_LINK [--keep N]

For IT, on the web server. It needs nothing but Python 3 (3.6 or later, the standard library
alone): no virtual environment and no Practice Hub. Copy this one file to the server.

The web server's root is a symbolic link, LIVE_LINK (for example /srv/practice-hub/site). Each
publish copies SITE_DIR (the built site, with its index.html) into a new release folder beside
the link (/srv/practice-hub/site.releases/<date>T<time>Z-01/), makes a temporary link to that
folder and renames the temporary link over LIVE_LINK: one atomic rename, so a reader gets the old
site or the new one, never a mixture and never nothing. The last N releases are kept (--keep,
default 3); going back is publishing an older release folder again, or pointing the link at it.
A LIVE_LINK that is a real folder is never replaced: move it aside once.

`practice-hub publish` runs this same file (practice_hub/publish.py loads it). Linux and macOS.
"""

import argparse
import datetime
import os
import shutil
import sys
from pathlib import Path

KEEP = 3
PARTIAL = ".copying-"  # a release being copied, named with the copying process's id


class PublishError(Exception):
    """Why nothing was published, in words for IT."""


def releases_dir(link):
    """The folder of release folders, beside the link: ``site`` -> ``site.releases``."""
    return link.with_name(link.name + ".releases")


def publish(site_dir, link, keep=KEEP, now=None):
    """Copy *site_dir* into a new release folder and point *link* at it atomically; return the
    release folder. *now* (a datetime, for tests) names the release."""
    site_dir, link = Path(site_dir), Path(os.path.abspath(str(link)))
    if not (site_dir / "index.html").is_file():
        raise PublishError(f"{site_dir} is not a built site (it has no index.html); build it first")
    if link.exists() and not link.is_symlink():
        raise PublishError(
            f"{link} is a real folder, not a symbolic link: move it aside once (for example to "
            f"{link.name}.before), then publish again"
        )
    releases = releases_dir(link)
    releases.mkdir(parents=True, exist_ok=True)
    _remove_abandoned(releases, link)
    utc = datetime.timezone.utc  # noqa: UP017 (datetime.UTC is Python 3.11; servers may be older)
    stamp = (now or datetime.datetime.now(utc)).strftime("%Y%m%dT%H%M%SZ")
    number = 1
    while (releases / f"{stamp}-{number:02d}").exists():
        number += 1
    release = releases / f"{stamp}-{number:02d}"
    partial = releases / f"{PARTIAL}{os.getpid()}"
    shutil.copytree(str(site_dir), str(partial), symlinks=False)
    os.replace(str(partial), str(release))  # a release folder is complete or absent
    temporary = link.with_name(f".{link.name}.new-{os.getpid()}")
    if temporary.is_symlink() or temporary.exists():
        temporary.unlink()
    os.symlink(str(release), str(temporary), target_is_directory=True)
    os.replace(str(temporary), str(link))  # the switch: one rename
    prune(releases, release, keep)
    return release


def prune(releases, current, keep=KEEP):
    """Remove all but the newest *keep* release folders (never *current*)."""
    kept = sorted(p for p in releases.iterdir() if p.is_dir() and not p.name.startswith("."))
    for old in kept[: max(len(kept) - max(keep, 1), 0)]:
        if old != current:
            shutil.rmtree(str(old), ignore_errors=True)


def _remove_abandoned(releases, link):
    """A copy or temporary link left by a publish that was killed (its process is gone)."""
    leftovers = [(p, p.name[len(PARTIAL) :]) for p in releases.glob(PARTIAL + "*")]
    prefix = f".{link.name}.new-"
    leftovers += [(p, p.name[len(prefix) :]) for p in link.parent.glob(prefix + "*")]
    for path, pid in leftovers:
        if pid.isdigit() and not _running(int(pid)):
            if path.is_symlink() or not path.is_dir():
                path.unlink()
            else:
                shutil.rmtree(str(path), ignore_errors=True)


def _running(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists but belongs to another user
        return True
    return True


def _positive(text):
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="publish.py",
        description="Put a built Practice Hub site live: copy it into a new release folder beside "
        "LIVE_LINK and switch the link to it in one atomic rename.",
    )
    parser.add_argument("site_dir", metavar="SITE_DIR", help="the built site, for example site")
    parser.add_argument(
        "live_link",
        metavar="LIVE_LINK",
        help="the symbolic link the web server serves, for example /srv/practice-hub/site",
    )
    parser.add_argument(
        "--keep", type=_positive, default=KEEP, help=f"release folders to keep (default {KEEP})"
    )
    args = parser.parse_args(argv)
    try:
        release = publish(Path(args.site_dir), Path(args.live_link), args.keep)
    except (PublishError, OSError) as error:
        print(f"publish.py: not published: {error}", file=sys.stderr)
        return 1
    print(f"publish.py: {args.live_link} now serves {release}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
