"""A cache of per-file results, keyed by the file's name and bytes and by factpack's own code and schema.

It only saves time: it may be deleted or corrupted at any moment, and any entry
that cannot be read is recomputed. It lives outside the dataset (local_state), so a
pull request cannot plant entries in it, and every entry carries an HMAC under a key
that never enters a repository: an entry copied from elsewhere, or written by anyone
without the key, is ignored. Only an authenticated entry is unmarshalled, and marshal
(not pickle) stores plain values only.
"""

import hashlib
import hmac
import marshal
import os
from functools import lru_cache
from pathlib import Path

from factpack import local_state
from factpack.layout import schema_dir

_MAC_BYTES = 32


@lru_cache(maxsize=1)
def code_version() -> str:
    """Changes whenever any module of factpack or any file of schema/ changes."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent
    for path in sorted(list(package.rglob("*.py")) + list(schema_dir().rglob("*"))):
        if path.is_file():
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def key(name: str, raw: bytes, archive: bytes | str | None = None) -> str:
    """Of a fact file's name and bytes and of its archived article's bytes (evidence is checked against them),
    or of the reason the archive was refused (a str)."""
    digest = hashlib.sha256(code_version().encode() + b"\0" + name.encode() + b"\0")
    digest.update(len(raw).to_bytes(8, "big") + raw)
    if isinstance(archive, str):
        digest.update(b"\2" + archive.encode())
    else:
        digest.update(b"\1" + archive if archive is not None else b"\0")
    return digest.hexdigest()


class Cache:
    def __init__(self, root: Path, enabled: bool = True):
        self.enabled = enabled
        self.folder: Path | None = None
        self.secret: bytes | None = None
        if enabled:
            state = local_state.folder(root)
            self.folder, self.secret = state / "results", local_state.secret_key(state)

    def _mac(self, entry_key: str, payload) -> bytes:
        # fed in two parts rather than joined: the row store's entries are tens of megabytes, a gigabyte in all
        mac = hmac.new(self.secret or b"", entry_key.encode() + b"\0", hashlib.sha256)
        mac.update(payload)
        return mac.digest()

    def _path(self, entry_key: str) -> Path:
        if self.folder is None:
            raise RuntimeError("a disabled cache has no entries")
        return self.folder / entry_key[:2] / entry_key

    def get(self, entry_key: str):
        if not self.enabled:
            return None
        try:
            stored = memoryview(self._path(entry_key).read_bytes())  # sliced without copying
            mac, payload = stored[:_MAC_BYTES], stored[_MAC_BYTES:]
            if not hmac.compare_digest(mac, self._mac(entry_key, payload)):
                return None
            return marshal.loads(payload)
        except Exception:  # noqa: BLE001 - missing, truncated or corrupted: recompute
            return None

    def put(self, entry_key: str, value) -> None:
        if not self.enabled:
            return
        path = self._path(entry_key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_suffix(f".{os.getpid()}.tmp")
            payload = marshal.dumps(value)
            with temporary.open("wb") as handle:
                handle.write(self._mac(entry_key, payload))
                handle.write(payload)
            os.replace(temporary, path)
        except (OSError, ValueError):
            pass  # a cache that cannot be written is only slower
