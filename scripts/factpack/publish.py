"""Writing the package so that readers only ever see a whole one.

Files are written to a staging folder, which is then renamed to `.factpack-pending`
(the commit point: one atomic rename). Only then are the published files replaced,
datapackage.json last. If the process dies after the commit point, the next factpack
command finishes the replacement before doing anything else; if it dies before,
the staging folder is simply discarded. A lock keeps two builds from interleaving.
"""

import os
import shutil
from contextlib import contextmanager

from filelock import FileLock, Timeout

from factpack.errors import LockedError

PENDING = ".factpack-pending"
STAGING_PREFIX = ".factpack-staging-"
PUBLISHED_GLOBS = ("datasets/csv/*.csv", "datasets/json/*.json")


@contextmanager
def locked(layout):
    lock = FileLock(str(layout.lock), timeout=0)
    try:
        lock.acquire()
    except Timeout:
        raise LockedError(
            f"another factpack build is writing this dataset (lock: {layout.relative(layout.lock)})",
            "wait for it to finish, then run the command again") from None
    try:
        recover(layout)
        yield
    finally:
        lock.release()


def _apply(layout, pending):
    names = sorted(
        (p.relative_to(pending).as_posix() for p in pending.rglob("*") if p.is_file()),
        key=lambda name: (name == "datapackage.json", name),
    )
    for name in names:
        target = layout.root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(pending / name, target)
    shutil.rmtree(pending)


def recover(layout):
    """Finish a committed publication, discard uncommitted ones. Call with the lock held."""
    for stale in layout.root.glob(STAGING_PREFIX + "*"):
        shutil.rmtree(stale, ignore_errors=True)
    pending = layout.root / PENDING
    if pending.is_dir():
        _apply(layout, pending)


def _remove_unpublished(layout, files: dict):
    for pattern in PUBLISHED_GLOBS:
        for path in layout.root.glob(pattern):
            if path.relative_to(layout.root).as_posix() not in files:
                path.unlink()


def publish(layout, files: dict):
    """Replace the published files with `files` (relative path → bytes). Call with the lock held."""
    staging = layout.root / f"{STAGING_PREFIX}{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    for name, data in files.items():
        path = staging / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    os.replace(staging, layout.root / PENDING)
    _apply(layout, layout.root / PENDING)
    _remove_unpublished(layout, files)


def stale_files(layout, files: dict) -> list:
    """Published files that differ from what a build would write, and extra ones it would remove."""
    stale = [name for name, data in files.items()
             if not (layout.root / name).is_file() or (layout.root / name).read_bytes() != data]
    for pattern in PUBLISHED_GLOBS:
        stale += [p.relative_to(layout.root).as_posix() for p in layout.root.glob(pattern)
                  if p.relative_to(layout.root).as_posix() not in files]
    return sorted(stale)
