"""What this installation keeps about a dataset: kept outside the dataset, where git cannot carry it.

A checkout may come from a stranger's pull request, and anything inside it (even a file
git ignores, which can be force-added) may be planted. So the build lock, the token that
marks a publication this machine started, the cache of per-file results and the key that
authenticates that cache live in the user's cache folder, one subfolder per dataset:
`$FACTPACK_CACHE_DIR` if set, else the platform's cache folder (`~/.cache/factpack` on Linux).
"""

import hashlib
import os
import secrets
from pathlib import Path

import platformdirs

from factpack.errors import UsageError

ENVIRONMENT = "FACTPACK_CACHE_DIR"
_KEY_BYTES = 32


def base_folder() -> Path:
    configured = os.environ.get(ENVIRONMENT)
    return Path(configured) if configured else Path(platformdirs.user_cache_dir("factpack", appauthor=False))


def folder(root: Path) -> Path:
    """This dataset's own state folder (created, private to the user)."""
    resolved_root = root.resolve()
    base = base_folder().resolve()
    if base.is_relative_to(resolved_root):
        raise UsageError(f"the cache folder {base} is inside the dataset {resolved_root}",
                         f"point {ENVIRONMENT} at a folder outside the dataset, or unset it")
    digest = hashlib.sha256(os.fsencode(resolved_root)).hexdigest()[:32]
    path = base / "datasets" / digest
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def _write_private(path: Path, data: bytes) -> None:
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o600)
    with os.fdopen(descriptor, "wb") as stream:
        stream.write(data)
    os.replace(temporary, path)


def _read_small(path: Path) -> bytes | None:
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    except OSError:
        return None
    with os.fdopen(descriptor, "rb") as stream:
        return stream.read(4096)


def secret_key(state: Path) -> bytes:
    """The key that authenticates this dataset's cache entries; made on first use, never in a repository."""
    path = state / "key"
    key = _read_small(path)
    if key is None or len(key) != _KEY_BYTES:
        _write_private(path, secrets.token_bytes(_KEY_BYTES))
        key = _read_small(path) or b""
    return key


def new_token() -> str:
    return secrets.token_hex(16)


def record(state: Path, name: str, value: str | None) -> None:
    """Remember (or, with None, forget) a short value such as the token of a publication in progress."""
    path = state / name
    if value is None:
        path.unlink(missing_ok=True)
    else:
        _write_private(path, value.encode("ascii"))


def recorded(state: Path, name: str) -> str | None:
    data = _read_small(state / name)
    return data.decode("ascii", errors="replace") if data else None
