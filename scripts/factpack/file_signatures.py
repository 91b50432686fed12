"""Whether a fact file and its archive are unchanged since a run read them, told from lstat alone, as git does.

Reading and hashing every file to key the cache took about 3 s of a validation at 20,000 articles, whatever
the edit. A regular file whose device, inode, size, modification time and change time are those recorded is
the file that was read, with the same bytes: the change time cannot be set back without root. A file
changed within SETTLE_NS before the run that recorded it may have changed again within the clock's
resolution without its times showing it: it is read again. Folders on the way are checked as when the file
is read (safe_paths), once per folder.
"""

import os
import stat
from pathlib import Path

from factpack.safe_paths import refusal

SETTLE_NS = 2_000_000_000
ABSENT = ()


class Signatures:
    """Signatures of files below one root, for one run."""

    def __init__(self, root: Path):
        self.root = root
        # joined 40,000 times at 20,000 articles: as text, not as a Path, and without os.path.join, which the
        # folder check makes needless (it refuses absolute paths and '..')
        self._prefix = os.path.join(os.fspath(root), "")
        self._folders: dict = {}

    def of(self, relative: str) -> tuple | None:
        """(device, inode, size, mtime, ctime) of a regular file, ABSENT if there is none, None if it may not
        be judged from its signature (a link, a folder on the way that is not a real one, a path outside)."""
        folder = relative.rpartition("/")[0]
        if folder not in self._folders:
            self._folders[folder] = refusal(self.root, folder, want_folder=True) is None if folder else False
        if not self._folders[folder]:
            return None
        try:
            status = os.lstat(self._prefix + relative)
        except FileNotFoundError:
            return ABSENT
        except OSError:
            return None
        if not stat.S_ISREG(status.st_mode):
            return None
        return status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns, status.st_ctime_ns


def settled(signature: tuple, since: int) -> bool:
    """Unchanged for long enough before `since` (when the recording run started) to be judged by its times."""
    return signature == ABSENT or max(signature[3], signature[4]) < since - SETTLE_NS


def judged_unchanged(seen: tuple, recorded, since: int) -> bool:
    """Whether files whose signatures are `seen` now (a fact file and its archive) are those recorded by the run
    that started at `since`, without reading them."""
    return seen == recorded and None not in seen and all(settled(signature, since) for signature in seen)
