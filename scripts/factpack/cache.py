"""A cache of per-file results, keyed by the file's name and bytes and by factpack's own code and schema.

It only saves time: it may be deleted or corrupted at any moment, and any entry
that cannot be read is recomputed. marshal (not pickle) stores plain values only,
so a tampered entry cannot run code.
"""

import hashlib
import marshal
import os
from functools import lru_cache
from pathlib import Path

from factpack.layout import schema_dir

FOLDER = ".factpack-cache"


@lru_cache(maxsize=1)
def code_version() -> str:
    """Changes whenever any module of factpack or any file of schema/ changes."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent
    for path in sorted(list(package.rglob("*.py")) + list(schema_dir().rglob("*"))):
        if path.is_file():
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def key(name: str, raw: bytes, archive: bytes | None = None) -> str:
    """Of a fact file's name and bytes and of its archived article's bytes (evidence is checked against them)."""
    digest = hashlib.sha256(code_version().encode() + b"\0" + name.encode() + b"\0")
    digest.update(len(raw).to_bytes(8, "big") + raw)
    digest.update(b"\1" + archive if archive is not None else b"\0")
    return digest.hexdigest()


class Cache:
    def __init__(self, root: Path, enabled: bool = True):
        self.folder = root / FOLDER
        self.enabled = enabled

    def _path(self, entry_key: str) -> Path:
        return self.folder / entry_key[:2] / entry_key

    def get(self, entry_key: str):
        if not self.enabled:
            return None
        try:
            return marshal.loads(self._path(entry_key).read_bytes())
        except Exception:  # noqa: BLE001 - missing, truncated or corrupted: recompute
            return None

    def put(self, entry_key: str, value) -> None:
        if not self.enabled:
            return
        path = self._path(entry_key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_suffix(f".{os.getpid()}.tmp")
            temporary.write_bytes(marshal.dumps(value))
            os.replace(temporary, path)
        except (OSError, ValueError):
            pass  # a cache that cannot be written is only slower
