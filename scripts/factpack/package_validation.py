"""`factpack validate datapackage.json`: stock frictionless's verdict on a package, fast where factpack can be.

The route, each step only if the one before allows it:
1. Refuse, unread, any file the package names that is not a regular file inside its folder (a
   link, a device, a FIFO, a remote URL): frictionless would follow a link anywhere.
2. A package outside the subset factpack models (package_descriptor.unmodelled) is checked by
   stock frictionless in a child process under a time limit (package_stock).
3. Otherwise frictionless checks the descriptor alone in a child process, while DuckDB screens the
   data (package_screen); a package the screen passes is clean, one it doubts gets the exact pass
   (package_check). Anything the exact pass leaves to frictionless, and any exception in either
   pass, goes to step 2: the fast route may be wrong only by being slow.
Where factpack is deliberately stricter than frictionless (a byte-order mark, spaces around a
header label), it says so with a warning (FP961) and exit 0.
"""

import codecs
import json
import os
from pathlib import Path

from factpack import package_check, package_descriptor, package_screen, package_stock
from factpack.errors import UsageError
from factpack.findings import Finding
from factpack.package_check import PackageError
from factpack.rule_codes import Code
from factpack.safe_paths import RefusedPath, read_regular

_DESCRIPTOR_LIMIT = 64 * 1024 * 1024
_HEAD = 1 << 16


def default_time_limit(descriptor: dict, root: Path) -> float:
    """A minute, plus a second per megabyte of data: frictionless reads about 2.5 MB a second here."""
    size = 0
    for resource in descriptor.get("resources", []):
        path = resource.get("path") if isinstance(resource, dict) else None
        if isinstance(path, str) and (root / path).is_file():
            size += os.lstat(root / path).st_size
    return 60.0 + size / 1e6


def read_descriptor(descriptor_path: Path) -> dict:
    try:
        descriptor = json.loads(read_regular(descriptor_path, _DESCRIPTOR_LIMIT).decode("utf-8"))
    except (OSError, RefusedPath, ValueError) as error:
        raise UsageError(f"{descriptor_path} is not a readable data package descriptor: {error}",
                         "give the path of a datapackage.json (a regular file, not a link)") from None
    if not isinstance(descriptor, dict):
        raise UsageError(f"{descriptor_path} is not a data package descriptor (not a JSON object)",
                         "give the path of a datapackage.json")
    return descriptor


def _stock(descriptor_path: Path, mode: str, time_limit: float) -> list:
    return [PackageError(e.get("resource") or "", e["type"], e.get("note") or "", e.get("row"), e.get("field_number"),
                         e.get("field_name")) for e in package_stock.start(descriptor_path, mode, time_limit).errors()]


def _fast(descriptor: dict, root: Path, descriptor_path: Path, time_limit: float, screen: bool) -> list:
    # frictionless checks the descriptor in a child process while the screen reads the data
    described = package_stock.start(descriptor_path, package_stock.DESCRIPTOR, time_limit) if screen else None
    try:
        doubted = package_screen.doubts(descriptor, root) if screen else True
        errors = package_check.exact_errors(descriptor, root) if doubted else []
    except Exception:  # noqa: BLE001 - what the exact pass leaves to frictionless, or a case the fast route did not foresee
        if described:
            described.process.kill()
            described.process.communicate()
        return _stock(descriptor_path, package_stock.PACKAGE, time_limit)
    descriptor_errors = [PackageError(e.get("resource") or "", e["type"], e.get("note") or "")
                         for e in (described.errors() if described else [])]
    return descriptor_errors or errors  # frictionless reads no data from an invalid descriptor


def errors(descriptor_path: Path, time_limit: float | None = None, screen: bool = True) -> list:
    """Every PackageError of the package at `descriptor_path`. Without `screen` (for the tests that compare
    the screen with the exact pass), the exact pass runs on every package and the descriptor itself is not
    checked by frictionless."""
    descriptor = read_descriptor(descriptor_path)
    root = descriptor_path.resolve().parent
    refused = package_descriptor.refusals(descriptor, root)
    if refused:
        return [PackageError(name or "", "scheme-error", why) for name, why in refused]
    limit = time_limit if time_limit is not None else default_time_limit(descriptor, root)
    normalised = package_descriptor.normalise(descriptor)
    if package_descriptor.unmodelled(normalised):
        return _stock(descriptor_path, package_stock.PACKAGE, limit)
    return _fast(normalised, root, descriptor_path, limit, screen)


def _stricter(descriptor: dict, root: Path) -> list:
    """Warnings where factpack is stricter than frictionless, which accepts these."""
    warnings = []
    for resource in descriptor.get("resources", []):
        path = resource.get("path") if isinstance(resource, dict) else None
        if not isinstance(path, str) or resource.get("format", "csv") != "csv" or not (root / path).is_file():
            continue
        with open(root / path, "rb") as stream:
            head = stream.read(_HEAD)
        first_line = head.split(b"\n", 1)[0].decode("utf-8", errors="replace")
        if head.startswith(codecs.BOM_UTF8):
            warnings.append(
                Finding(
                    Code.STRICTER_THAN_FRICTIONLESS,
                    "the file starts with a UTF-8 byte-order mark; frictionless skips it, "
                    "factpack's own packages never have one",
                    path,
                    1,
                    1,
                    hint="save the file without a BOM",
                )
            )
        if any(label != label.strip() for label in first_line.removeprefix("\ufeff").split(",")):
            warnings.append(
                Finding(
                    Code.STRICTER_THAN_FRICTIONLESS,
                    "a header label has spaces around it; frictionless ignores them",
                    path,
                    1,
                    0,
                    hint="remove the spaces from the header",
                )
            )
    return warnings


def findings(descriptor_path: Path, time_limit: float | None = None) -> list:
    found = errors(descriptor_path, time_limit)
    descriptor = read_descriptor(descriptor_path)
    listed = descriptor.get("resources")
    resources = listed if isinstance(listed, list) else []
    paths = {r.get("name"): r.get("path") for r in resources if isinstance(r, dict)}
    out = [e.finding(paths[e.resource] if isinstance(paths.get(e.resource), str) else "") for e in found]
    if not found and not package_descriptor.refusals(descriptor, descriptor_path.resolve().parent):
        out += _stricter(descriptor, descriptor_path.resolve().parent)
    return out
