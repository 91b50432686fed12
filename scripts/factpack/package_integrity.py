"""A resource's declared size and hash against its bytes, as frictionless reports them.

Shared by the first pass over a package (package_screen) and the exact pass (package_check).
"""

import hashlib
import os
from collections.abc import Callable
from io import BufferedReader

ALGORITHMS = ("md5", "sha1", "sha256", "sha512")  # those the Data Package spec names; no prefix means md5


def integrity_errors(resource: dict, data: bytes) -> list:
    """(frictionless error type, note) for each of `bytes` and `hash` that the data does not match."""
    return _compared(resource, len(data), lambda algorithm: hashlib.new(algorithm, data).hexdigest())


def stream_integrity_errors(resource: dict, stream: BufferedReader) -> list:
    """The same for an open file, hashed in chunks: a caller that needs only part of the bytes does not hold
    them all (half a gigabyte for the largest JSON table at 20,000 articles)."""
    def digest(algorithm: str) -> str:
        stream.seek(0)
        return hashlib.file_digest(stream, algorithm).hexdigest()
    return _compared(resource, os.fstat(stream.fileno()).st_size, digest)


def _compared(resource: dict, size: int, digest: Callable[[str], str]) -> list:
    errors = []
    if "bytes" in resource and resource["bytes"] != size:
        errors.append(("byte-count", f'expected is "{resource["bytes"]}" and actual is "{size}"'))
    if "hash" in resource:
        algorithm, _, expected = str(resource["hash"]).rpartition(":")
        if (algorithm or "md5") not in ALGORITHMS:
            errors.append(("hash-count", f'"{algorithm}" is not a hash algorithm of the Data Package spec'))
        else:
            actual = digest(algorithm or "md5")
            if actual != expected:
                errors.append(("hash-count", f'expected is "{expected}" and actual is "{actual}"'))
    return errors
