"""What changed between two releases of a package: per table, the records added, removed and changed.

A package is read from its `datapackage.json` on disk, or from a git revision of this repository
(`REV:datapackage.json`, e.g. `v0.1.0:datapackage.json`). Tables are compared by primary key, from
their CSV resources; a record that changed lists the fields whose values differ. The result is plain
data, rendered as text, JSON or Markdown (the release step writes the changelog from it).
"""

import csv
import io
import json
import posixpath
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from factpack.errors import UsageError
from factpack.safe_paths import RefusedPath, read_inside

MAX_BYTES = 4 << 30


@dataclass
class TableDiff:
    fields_added: list = field(default_factory=list)
    fields_removed: list = field(default_factory=list)
    added: list = field(default_factory=list)  # keys, sorted
    removed: list = field(default_factory=list)
    changed: dict = field(default_factory=dict)  # key → [field names whose values differ]

    def __bool__(self) -> bool:
        return bool(self.fields_added or self.fields_removed or self.added or self.removed or self.changed)


@dataclass
class PackageDiff:
    old_version: str | None
    new_version: str | None
    tables_added: dict  # table name → its number of rows
    tables_removed: dict
    tables: dict  # table name → TableDiff, for tables in both packages that differ


class _Source:
    """Reads a package's files from a folder, or from a git revision of the repository at `root`."""

    def __init__(self, spec: str, cwd: Path):
        path = Path(spec)
        if path.is_file() or path.is_dir():
            self.folder, self.revision = (path if path.is_dir() else path.parent).resolve(), None
            self.descriptor = "datapackage.json" if path.is_dir() else path.name
        elif ":" in spec:
            self.folder, (self.revision, self.descriptor) = cwd, spec.split(":", 1)
        else:
            raise UsageError(f"no such package: {spec}",
                             "give a path to a datapackage.json, or a git revision as REV:datapackage.json")
        self.spec = spec

    def read(self, relative: str) -> bytes:
        if posixpath.isabs(relative) or ".." in relative.split("/"):
            raise UsageError(f"{self.spec}: the resource path {relative!r} leaves the package", "")
        relative = posixpath.normpath(posixpath.join(posixpath.dirname(self.descriptor), relative))
        return self._git(relative) if self.revision else self._disk(relative)

    def _disk(self, relative: str) -> bytes:
        data, refused = read_inside(self.folder, relative, MAX_BYTES)
        if refused or data is None:
            raise UsageError(f"{self.spec}: cannot read {relative}" + (f" ({refused.reason})" if refused else ""),
                             "is the package complete? rebuild it with `factpack build`")
        return data

    def _git(self, relative: str) -> bytes:
        done = subprocess.run(["git", "-C", str(self.folder), "show", f"{self.revision}:{relative}"],
                              capture_output=True, timeout=120, check=False)
        if done.returncode != 0:
            raise UsageError(f"{self.spec}: git cannot show {self.revision}:{relative}",
                             done.stderr.decode(errors="replace").strip().splitlines()[-1:][0] if done.stderr else "")
        return done.stdout


def _tables(source: _Source) -> tuple:
    """(version, {table name: (fields, primary key, {key: row})}) from the package's CSV resources."""
    try:
        descriptor = json.loads(source.read(source.descriptor))
    except (ValueError, RefusedPath) as error:
        raise UsageError(f"{source.spec} is not a JSON data package descriptor ({error})", "") from None
    tables = {}
    for resource in descriptor.get("resources", []):
        if resource.get("format") != "csv" or not isinstance(resource.get("path"), str):
            continue
        schema = resource.get("schema", {})
        fields = [f["name"] for f in schema.get("fields", [])]
        key = schema.get("primaryKey") or fields[:1]
        key = [key] if isinstance(key, str) else key
        rows = csv.DictReader(io.StringIO(source.read(resource["path"]).decode("utf-8-sig"), newline=""))
        tables[resource["name"]] = (fields, key, {"/".join(row.get(k) or "" for k in key): row for row in rows})
    return descriptor.get("version"), tables


def _compare(old: tuple, new: tuple) -> TableDiff:
    (old_fields, _, old_rows), (new_fields, _, new_rows) = old, new
    diff = TableDiff(fields_added=[f for f in new_fields if f not in old_fields],
                     fields_removed=[f for f in old_fields if f not in new_fields])
    diff.added = sorted(k for k in new_rows if k not in old_rows)
    diff.removed = sorted(k for k in old_rows if k not in new_rows)
    shared = [f for f in new_fields if f in old_fields]
    for key in sorted(k for k in new_rows if k in old_rows):
        changed = [f for f in shared if old_rows[key].get(f) != new_rows[key].get(f)]
        if changed:
            diff.changed[key] = changed
    return diff


def compare(old_spec: str, new_spec: str, cwd: Path) -> PackageDiff:
    old_version, old = _tables(_Source(old_spec, cwd))
    new_version, new = _tables(_Source(new_spec, cwd))
    tables = {name: _compare(old[name], new[name]) for name in sorted(new) if name in old}
    return PackageDiff(old_version, new_version, {n: len(new[n][2]) for n in sorted(set(new) - set(old))},
                       {n: len(old[n][2]) for n in sorted(set(old) - set(new))},
                       {name: diff for name, diff in tables.items() if diff})
