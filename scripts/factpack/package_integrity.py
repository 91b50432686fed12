"""A resource's declared size and hash against its bytes, as frictionless reports them.

Shared by the first pass over a package (package_screen) and the exact pass (package_check).
"""

import hashlib

ALGORITHMS = ("md5", "sha1", "sha256", "sha512")  # those the Data Package spec names; no prefix means md5


def integrity_errors(resource: dict, data: bytes) -> list:
    """(frictionless error type, note) for each of `bytes` and `hash` that the data does not match."""
    errors = []
    if "bytes" in resource and resource["bytes"] != len(data):
        errors.append(("byte-count", f'expected is "{resource["bytes"]}" and actual is "{len(data)}"'))
    if "hash" in resource:
        algorithm, _, expected = str(resource["hash"]).rpartition(":")
        if (algorithm or "md5") not in ALGORITHMS:
            errors.append(("hash-count", f'"{algorithm}" is not a hash algorithm of the Data Package spec'))
        else:
            actual = hashlib.new(algorithm or "md5", data).hexdigest()
            if actual != expected:
                errors.append(("hash-count", f'expected is "{expected}" and actual is "{actual}"'))
    return errors
