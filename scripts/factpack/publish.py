"""Writing the package so that readers only ever see a whole one.

Files are written to a staging folder, which is then renamed to `.factpack-pending`
(the commit point: one atomic rename). Only then are the published files replaced,
datapackage.json last. If the process dies after the commit point, the next `factpack
build` finishes the replacement before doing anything else; if it dies before, the
staging folder is discarded. A lock keeps two builds from interleaving.

A pending folder is untrusted until proven otherwise: a pull request can commit one.
It is finished only if it holds the token this installation recorded, outside the
dataset, when it started the publication (local_state); only if git tracks none of it;
only through real folders; and only the fixed set of published file names is moved.
`validate` and `build --check` never publish and never finish a publication.
"""

import os
import shutil
import subprocess
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn

from filelock import FileLock, Timeout

from factpack import local_state, outputs
from factpack.errors import LockedError, UsageError
from factpack.safe_paths import RefusedPath, holds, read_regular, real_folder, refusal

PENDING = ".factpack-pending"
STAGING_PREFIX = ".factpack-staging-"
TOKEN_FILE = ".factpack-token"
_TOKEN_RECORD = "publication"


@contextmanager
def locked(layout, finish_publication: bool = False):
    """Hold this dataset's lock (kept outside the dataset); a build also finishes a crashed publication."""
    state = local_state.folder(layout.root)
    lock = FileLock(str(state / "lock"), timeout=0)
    try:
        lock.acquire()
    except Timeout:
        raise LockedError(
            f"another factpack build is writing this dataset (lock: {state / 'lock'})",
            "wait for it to finish, then run the command again") from None
    try:
        if finish_publication:
            recover(layout)
        yield
    finally:
        lock.release()


def _tracked_by_git(root: Path, relative: str) -> bool:
    try:
        done = subprocess.run(["git", "-C", str(root), "ls-files", "-z", "--", relative],
                              capture_output=True, timeout=60, check=False)
    except (OSError, subprocess.SubprocessError):
        return False  # no git: nothing is tracked
    return done.returncode == 0 and bool(done.stdout)


def _refuse_pending(why: str) -> NoReturn:
    raise UsageError(f"{PENDING}/ {why}; factpack will not publish from it",
                     f"remove it (git rm -r {PENDING} if it is committed), then run the command again")


def _is_ours(root: Path, pending: Path, token: str | None) -> str:
    """The token of a pending folder this installation committed; refuses any other."""
    reason = refusal(root, PENDING, want_folder=True)
    if reason:
        _refuse_pending(f"is not a real folder ({reason})")
    if _tracked_by_git(root, PENDING):
        _refuse_pending("is tracked by git, so it was not made by a build on this machine")
    try:
        found = read_regular(pending / TOKEN_FILE, 4096).decode("ascii", errors="replace")
    except (OSError, RefusedPath):
        found = None
    if token is None or found != token:
        _refuse_pending("was not created by a build on this machine")
    return token


def _apply(layout, pending: Path, token: str) -> None:
    """Move each published file that the pending folder holds into place, datapackage.json last."""
    names = sorted(outputs.published_names(), key=lambda name: (name == "datapackage.json", name))
    for name in names:
        source = pending / name
        if refusal(pending, name) or not source.exists():
            continue  # already moved before a crash, or not a plain file: never published
        real_folder(layout.root, Path(name).parent.as_posix()).mkdir(parents=True, exist_ok=True)
        os.replace(source, layout.root / name)
    # Out of the way in one rename before it is deleted: a build killed while deleting it must not leave a
    # pending folder without its token, which the next build would refuse. The staging name is one that
    # recovery removes.
    leftover = layout.root / (STAGING_PREFIX + token)
    os.rename(pending, leftover)
    shutil.rmtree(leftover)


def recover(layout) -> None:
    """Finish a publication this installation committed; discard its unfinished staging. Call with the lock held."""
    state = local_state.folder(layout.root)
    token = local_state.recorded(state, _TOKEN_RECORD)
    if token and not refusal(layout.root, STAGING_PREFIX + token, want_folder=True):
        shutil.rmtree(layout.root / (STAGING_PREFIX + token), ignore_errors=True)
    pending = layout.root / PENDING
    if not os.path.lexists(pending):
        local_state.record(state, _TOKEN_RECORD, None)
        return
    _apply(layout, pending, _is_ours(layout.root, pending, token))
    local_state.record(state, _TOKEN_RECORD, None)


def _remove_unpublished(layout, files: dict) -> None:
    for folder in outputs.PUBLISHED_FOLDERS:
        path = real_folder(layout.root, folder)
        if not path.is_dir():
            continue
        for item in path.iterdir():
            name = item.relative_to(layout.root).as_posix()
            if outputs.is_published_name(name) and name not in files and not refusal(layout.root, name):
                item.unlink()


def _staging(layout) -> Path:
    """A new staging folder, its token recorded first, so that a crash leaves nothing the next build would publish."""
    for folder in outputs.PUBLISHED_FOLDERS:
        real_folder(layout.root, folder)  # refuse linked output folders before anything is written
    state = local_state.folder(layout.root)
    token = local_state.new_token()
    local_state.record(state, _TOKEN_RECORD, token)
    return layout.root / f"{STAGING_PREFIX}{token}"


def _token_of(staging: Path) -> str:
    return staging.name.removeprefix(STAGING_PREFIX)


def _stage(staging: Path, name: str, data: bytes | bytearray) -> None:
    path = staging / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def _commit_staged(layout, staging: Path) -> Path:
    """Make the staged files pending with one rename (the commit point); returns the pending folder."""
    token = _token_of(staging)
    (staging / TOKEN_FILE).write_text(token, encoding="ascii")
    os.rename(staging, layout.root / PENDING)
    return layout.root / PENDING


def commit(layout, files) -> Path:
    """Stage `files` (path → bytes) and make them pending with one rename (the commit point)."""
    staging = _staging(layout)
    for name, data in files.items():
        _stage(staging, name, data)
    return _commit_staged(layout, staging)


def publish(layout, files) -> list:
    """Replace the published files that differ from `files` (path → bytes, read once, one file at a time);
    returns their names. Call with the lock held."""
    if os.path.lexists(layout.root / PENDING):
        _refuse_pending("is in the way")
    # Files whose bytes are already in place are left alone: an edit to one article rewrites only the
    # tables it changes, and tools that watch modification times see only those. Each changed file is
    # staged as soon as it is rendered, so that the package never exists whole in memory.
    staging, changed = _staging(layout), []
    for name, data in files.items():
        if not _unchanged(layout.root, name, data):
            _stage(staging, name, data)
            changed.append(name)
        del data  # before the next file is rendered: two tables of hundreds of megabytes are not held at once
    if changed:
        _apply(layout, _commit_staged(layout, staging), _token_of(staging))
    else:
        shutil.rmtree(staging, ignore_errors=True)
    local_state.record(local_state.folder(layout.root), _TOKEN_RECORD, None)
    _remove_unpublished(layout, files)
    return sorted(changed)


def _unchanged(root: Path, name: str, data: bytes | bytearray) -> bool:
    """Whether the published file holds exactly `data` (a file of another size is not read)."""
    return holds(root / name, data)


def stale_files(layout, files: "outputs.Published | dict") -> list:
    """Published files that differ from what a build would write, and extra ones it would remove."""
    stale = []
    for name, data in files.items():
        if not _unchanged(layout.root, name, data):
            stale.append(name)
        del data  # as in publish()
    for folder in outputs.PUBLISHED_FOLDERS:
        if refusal(layout.root, folder, want_folder=True):
            stale.append(folder)
            continue
        path = layout.root / folder
        stale += [item.relative_to(layout.root).as_posix() for item in (path.iterdir() if path.is_dir() else ())
                  if outputs.is_published_name(item.relative_to(layout.root).as_posix())
                  and item.relative_to(layout.root).as_posix() not in files]
    return sorted(stale)
