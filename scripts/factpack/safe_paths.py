"""Every path factpack reads, writes or deletes in a dataset or a package is checked here first.

A pull request can commit symbolic links, and a folder can hold devices and FIFOs. Only
regular files and real folders inside the root are used: each component is checked with
lstat (never followed), a file is opened with O_NOFOLLOW and checked again on the open
descriptor (so it cannot be swapped in between), and a read stops at its size limit
before the bytes arrive.
"""

import os
import stat
from pathlib import Path

from factpack.errors import UsageError


class RefusedPath(Exception):
    """A path that is not a regular file (or real folder) inside the root; `reason` says what it is."""

    def __init__(self, path: Path, reason: str, oversize: bool = False):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
        self.oversize = oversize


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISLNK, "a symbolic link"), (stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO"),
                       (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "not a regular file"


def _components(root: Path, relative: str):
    """(path, is_last) of each component of `relative` below `root`; refuses absolute paths and '..'.

    Strings rather than Path objects: this runs for every file a build reads (40,000 at 20,000
    articles), and building Path objects was most of its cost."""
    parts = [part for part in os.fspath(relative).split("/") if part not in ("", ".")]  # as Path(relative).parts
    if os.path.isabs(relative) or ".." in parts:
        raise RefusedPath(root / relative, "a path outside the root")
    here = os.fspath(root)
    for index, part in enumerate(parts):
        here = os.path.join(here, part)
        yield here, index == len(parts) - 1


def refusal(root: Path, relative: str, want_folder: bool = False) -> str | None:
    """Why `relative` may not be used below `root` (None if it may, or if it does not exist)."""
    try:
        for path, last in _components(root, relative):
            try:
                mode = os.lstat(path).st_mode
            except FileNotFoundError:
                return None
            if not last and not stat.S_ISDIR(mode):
                return f"{Path(path).relative_to(root).as_posix()} is {_kind(mode)}, not a folder"
            if last and not (stat.S_ISDIR(mode) if want_folder else stat.S_ISREG(mode)):
                return f"{Path(path).relative_to(root).as_posix()} is {_kind(mode)}"
    except RefusedPath as refused:
        return refused.reason
    return None


def real_folder(root: Path, relative: str) -> Path:
    """`root/relative`, after checking that it is (or, if missing, will be created as) a real folder."""
    reason = refusal(root, relative, want_folder=True)
    if reason:
        raise UsageError(f"{reason}: factpack uses only real folders inside the dataset",
                         "replace it with an ordinary folder (git rm the link if it is committed)")
    return root / relative


def open_regular(path: Path) -> tuple:
    """(an open binary stream, its os.stat_result) of a regular file that is not a link, opened without following
    one; the caller closes the stream. RefusedPath if it is anything else; FileNotFoundError if there is none.
    Not a context manager of its own: read for each of 40,000 files, that cost a sixth more per file."""
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        if isinstance(error, FileNotFoundError):
            raise
        try:
            mode = os.lstat(path).st_mode
        except OSError:
            raise RefusedPath(path, error.strerror or "unreadable") from None
        raise RefusedPath(path, f"is {_kind(mode)}") from None
    stream = os.fdopen(descriptor, "rb")
    status = os.fstat(descriptor)
    if not stat.S_ISREG(status.st_mode):
        stream.close()
        raise RefusedPath(path, f"is {_kind(status.st_mode)}")
    return stream, status


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of a regular file that is not a link; RefusedPath if it is anything else or over `limit`."""
    stream, status = open_regular(path)
    with stream:
        if status.st_size > limit:
            raise RefusedPath(path, f"is {status.st_size:,} bytes; the limit is {limit:,}", oversize=True)
        # The size it has now, and one byte to see whether it grew; then the rest, up to the limit.
        data = stream.read(min(limit, status.st_size) + 1)
        while len(data) > status.st_size and len(data) <= limit:  # it grew: a megabyte at a time, never a huge buffer
            more = stream.read(min(1 << 20, limit + 1 - len(data)))
            if not more:
                break
            data += more
    if len(data) > limit:
        raise RefusedPath(path, f"is over the limit of {limit:,} bytes", oversize=True)
    return data


def holds(path: Path, data: bytes | bytearray, chunk: int = 1 << 20) -> bool:
    """Whether a regular file that is not a link holds exactly `data`. Read a chunk at a time, so that a published
    table of hundreds of megabytes is never held twice to be compared."""
    try:
        stream, status = open_regular(path)
        with stream:
            if status.st_size != len(data):
                return False
            view = memoryview(data)
            for start in range(0, len(data), chunk):
                if stream.read(chunk) != view[start:start + chunk]:
                    return False
            return not stream.read(1)
    except (OSError, RefusedPath):
        return False


def read_inside(root: Path, relative: str, limit: int) -> tuple:
    """(bytes, None), or (None, None) if the file does not exist, or (None, RefusedPath) saying why it may not be read."""
    reason = refusal(root, relative)
    if reason:
        return None, RefusedPath(root / relative, reason)
    try:
        return read_regular(root / relative, limit), None
    except FileNotFoundError:
        return None, None
    except RefusedPath as refused:
        return None, RefusedPath(refused.path, f"{relative} {refused.reason}", refused.oversize)
