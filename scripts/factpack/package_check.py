"""The exact pass of `factpack validate datapackage.json`: every error of a package, as stock frictionless reports it.

For a package inside the subset package_descriptor models, whose first pass (package_screen)
found something to doubt: every resource's bytes and hash, each cell's type and constraints,
primary keys and foreign keys. The rules follow frictionless-py's own reading of the specs (a
pattern must match the whole value; an empty cell is null; a date is %Y-%m-%d as strptime
reads it), and each error keeps frictionless's row and field numbers, so the two reports can
be compared line by line (tests/test_package_check.py does). One pass over each file with the
csv module and compiled checks, instead of frictionless's per-cell object machinery. Patterns
run in RE2 (portable_pattern), in linear time. A header that differs from the schema raises
NeedsStock: frictionless's label matching is left to frictionless.
"""

import csv
import datetime
import io
import json
import operator
import re
from dataclasses import dataclass, field
from pathlib import Path

from factpack.findings import Finding
from factpack.package_integrity import integrity_errors
from factpack.portable_pattern import failures
from factpack.rule_codes import Code
from factpack.safe_paths import RefusedPath, read_regular

# frictionless error type → factpack code (see schema/rules.yaml)
CODES = {
    "byte-count": Code.PACKAGE_FILE_SIZE,
    "hash-count": Code.PACKAGE_FILE_HASH,
    "incorrect-label": Code.PACKAGE_HEADER,
    "missing-label": Code.PACKAGE_HEADER,
    "extra-label": Code.PACKAGE_HEADER,
    "missing-cell": Code.PACKAGE_ROW_CELLS,
    "extra-cell": Code.PACKAGE_ROW_CELLS,
    "blank-row": Code.PACKAGE_ROW_CELLS,
    "type-error": Code.PACKAGE_TYPE,
    "constraint-error": Code.PACKAGE_CONSTRAINT,
    "primary-key": Code.PACKAGE_PRIMARY_KEY,
    "foreign-key": Code.PACKAGE_FOREIGN_KEY,
    "scheme-error": Code.PACKAGE_RESOURCE_UNREADABLE,
    "source-error": Code.PACKAGE_RESOURCE_UNREADABLE,
    "exception": Code.PACKAGE_UNCHECKABLE,
    "time-limit": Code.PACKAGE_UNCHECKABLE,
    "package-error": Code.PACKAGE_DESCRIPTOR_INVALID,
    "resource-error": Code.PACKAGE_DESCRIPTOR_INVALID,
    "schema-error": Code.PACKAGE_DESCRIPTOR_INVALID,
    "field-error": Code.PACKAGE_DESCRIPTOR_INVALID,
    "dialect-error": Code.PACKAGE_DESCRIPTOR_INVALID,
    "duplicate-label": Code.PACKAGE_HEADER,
    "blank-label": Code.PACKAGE_HEADER,
}
OTHER = Code.PACKAGE_DESCRIPTOR_INVALID  # any other error type frictionless reports (its type is named in the message)
_INTEGER = re.compile(r"[+-]?[0-9]+")
# The csv module refuses cells over 128 KiB by default; frictionless reads them (a long quote is data).
csv.field_size_limit(max(csv.field_size_limit(), 1 << 30))


@dataclass
class PackageError:
    resource: str
    type: str
    note: str
    row: int | None = None
    field_number: int | None = None
    field_name: str | None = None

    def finding(self, path: str) -> Finding:
        return Finding(CODES.get(self.type, OTHER), f"{self.type}: {self.note}", path, self.row or 0, self.field_number or 0,
                       self.field_name or "", severity="error")


def _type_checker(spec: dict):
    kind = spec.get("type", "string")
    if kind == "integer":
        return lambda v: _INTEGER.fullmatch(v) is not None
    if kind == "date":
        def is_date(value):
            try:
                datetime.datetime.strptime(value, "%Y-%m-%d")
                return True
            except ValueError:
                return False
        return is_date
    return None  # string and list of strings: every text is of the type


def _constraint_checker(spec: dict, pattern_failures: set):
    c, kind = spec.get("constraints", {}), spec.get("type", "string")
    tests = []
    if "pattern" in c:
        tests.append(("pattern", lambda v: v not in pattern_failures))
    if "enum" in c:
        allowed = set(map(str, c["enum"]))
        tests.append(("enum", lambda v: v in allowed))
    if "minLength" in c:
        tests.append(("minLength", lambda v: len(v) >= c["minLength"]))
    if "maxLength" in c:
        tests.append(("maxLength", lambda v: len(v) <= c["maxLength"]))
    if "minimum" in c and kind == "integer":
        tests.append(("minimum", lambda v: int(v) >= c["minimum"]))
    return tests


@dataclass
class _Field:
    number: int
    name: str
    spec: dict = field(default_factory=dict)

    def __post_init__(self):
        self.required = self.spec.get("constraints", {}).get("required", False)
        self.type_ok = _type_checker(self.spec)
        self.pattern = self.spec.get("constraints", {}).get("pattern")
        self.pattern_failures: set = set()  # the column's values the pattern refuses (_column_errors)
        self.constraints = _constraint_checker(self.spec, self.pattern_failures)
        self.trivial = not (self.required or self.type_ok or self.constraints)


class NeedsStock(Exception):
    """The package has something the exact pass leaves to stock frictionless (a header unlike the schema)."""


def _cell_error(f: _Field, value: str):
    """(error type, note) for one non-empty value, or None."""
    if f.type_ok and not f.type_ok(value):
        return "type-error", f'type is "{f.spec["type"]}/default"'
    for label, test in f.constraints:
        if not test(value):
            return "constraint-error", f'constraint "{label}" fails'
    return None


def _columns(rows, width) -> list:
    """The table transposed: one list per column (None where a short row has no cell)."""
    if all(len(cells) == width for _, cells in rows):
        return [list(column) for column in zip(*(cells for _, cells in rows))] if rows else [[] for _ in range(width)]
    return [[cells[i] if i < len(cells) else None for _, cells in rows] for i in range(width)]


def _column_errors(name, f: _Field, rows, column, blank: set, errors):
    """Check one column; each distinct value once (codes, dates and ids repeat a lot)."""
    values = set(column)
    if f.pattern is not None:
        f.pattern_failures.update(failures(f.pattern, values - {"", None}))
    verdicts = {v: _cell_error(f, v) for v in values if v}
    if f.required and "" in values:
        verdicts[""] = ("constraint-error", 'constraint "required" is "True"')
    if not any(verdicts.values()):
        return
    for (number, _), value in zip(rows, column):
        verdict = verdicts.get(value) if value is not None else None
        if verdict and number not in blank:
            errors.append(PackageError(name, verdict[0], verdict[1], number, f.number, f.name))


def _primary_key(name, number, key, seen, errors):
    if "" in key:
        # frictionless reports a null single-field key but accepts an empty part of a composite key
        # (frictionless-py#1623); factpack's own tables only have single-field keys, all required.
        if len(key) == 1:
            errors.append(PackageError(name, "primary-key", "cells composing the primary keys are all None", number))
        return
    if key in seen:
        errors.append(PackageError(name, "primary-key", f"the same as in the row at position {seen[key]}", number))
    else:
        seen[key] = number


def _shape_errors(name, aligned, rows, errors) -> set:
    """Blank rows and rows with missing or extra cells; returns the blank rows' numbers."""
    blank, width = set(), len(aligned)
    for number, cells in rows:
        if len(cells) == width and any(cells):
            continue
        if not any(cells):
            errors.append(PackageError(name, "blank-row", "", number))
            blank.add(number)
            continue
        for f in aligned[len(cells):]:
            errors.append(PackageError(name, "missing-cell", "", number, f.number, f.name))
        for extra in range(width + 1, len(cells) + 1):
            errors.append(PackageError(name, "extra-cell", "", number, extra, None))
    return blank


def _json_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ";".join(map(str, value))
    return str(value)


class _NotTabular(ValueError):
    pass


def _json_rows(text: str) -> list:
    """The rows of a JSON resource: an array of objects (anything else is frictionless's source-error)."""
    try:
        data = json.loads(text)
    except ValueError as error:
        raise _NotTabular(f"not valid JSON: {error}") from None
    if not isinstance(data, list) or not all(isinstance(row, dict) for row in data):
        raise _NotTabular("cannot extract tabular data: expected an array of objects, one per row")
    if not data:
        raise _NotTabular("cannot extract JSON tabular data from an empty array: frictionless takes the header "
                          "from the first row")
    return data


def _rows(resource: dict, text: str):
    """(header labels, iterator of (row number, cells))."""
    if resource.get("format") == "json":
        data = _json_rows(text)
        labels = list(data[0])
        return labels, ((i + 2, [v if v.__class__ is str else _json_cell(v) for v in map(row.get, labels)])
                        for i, row in enumerate(data))
    dialect = resource.get("dialect", {})
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=dialect.get("delimiter", ","),
                        quotechar=dialect.get("quoteChar", '"'), doublequote=dialect.get("doubleQuote", True))
    labels = next(reader, [])
    return labels, ((i + 2, cells) for i, cells in enumerate(reader))


@dataclass
class _Scan:
    """What one resource's pass leaves for the cross-resource key checks."""
    errors: list = field(default_factory=list)
    lookups: dict = field(default_factory=dict)  # tuple of field names → set of value tuples
    references: list = field(default_factory=list)  # (foreign key, row number, value tuple)


def _scan(root: Path, resource: dict, wanted_lookups: list) -> _Scan:
    name, scan = resource["name"], _Scan()
    try:
        data = read_regular(root / resource["path"], 1 << 40)  # paths were checked (package_descriptor.refusals)
        text = data.decode(resource.get("encoding", "utf-8"))
    except (OSError, RefusedPath, UnicodeDecodeError) as error:
        scan.errors.append(PackageError(name, "source-error" if isinstance(error, UnicodeDecodeError) else "scheme-error",
                                        str(error)))
        return scan
    scan.errors += [PackageError(name, kind, note) for kind, note in integrity_errors(resource, data)]
    schema = resource["schema"]
    try:
        labels, rows = _rows(resource, text)
    except _NotTabular as error:
        scan.errors.append(PackageError(name, "source-error", str(error)))
        return scan
    if labels != [f["name"] for f in schema["fields"]]:
        raise NeedsStock(f"{name}: header")
    aligned = [_Field(i + 1, f["name"], f) for i, f in enumerate(schema["fields"])]
    position = {f.name: i for i, f in enumerate(aligned)}
    primary = [position.get(n) for n in schema.get("primaryKey", [])]
    foreign = [(fk, [position.get(n) for n in fk["fields"]]) for fk in schema.get("foreignKeys", [])]
    lookups: dict = {names: ([position.get(n) for n in names], set()) for names in wanted_lookups}
    rows = list(rows)
    blank = _shape_errors(name, aligned, rows, scan.errors)
    columns = _columns(rows, len(aligned))
    for f in aligned:
        if not f.trivial:
            _column_errors(name, f, rows, columns[f.number - 1], blank, scan.errors)
    _keys(name, rows, primary, foreign, lookups, scan)
    scan.lookups = {names: values for names, (_, values) in lookups.items()}
    return scan


def _getter(indexes):
    """Row → tuple of the cells at `indexes` (itemgetter returns a bare value for one index)."""
    if len(indexes) == 1:
        index = indexes[0]
        return lambda cells: (cells[index],)
    return operator.itemgetter(*indexes)


def _keys(name, rows, primary, foreign, lookups, scan):
    width = max([i for i in primary + [i for _, ix in foreign for i in ix] + [i for ix, _ in lookups.values() for i in ix]
                 if i is not None] + [-1]) + 1
    padded = [cells if len(cells) >= width else cells + [""] * (width - len(cells)) for _, cells in rows]
    numbers = [number for number, _ in rows]
    if primary and None not in primary:
        seen: dict = {}
        for number, key in zip(numbers, map(_getter(primary), padded)):
            _primary_key(name, number, key, seen, scan.errors)
    for indexes, values in lookups.values():
        if None not in indexes:
            values.update(map(_getter(indexes), padded))
    for fk, indexes in foreign:
        if None in indexes:
            continue
        scan.references += [(fk, number, value) for number, value in zip(numbers, map(_getter(indexes), padded))
                            if all(value)]


def _foreign_key_errors(name, scan, scans) -> list:
    errors = []
    for fk, number, value in scan.references:
        target = fk["reference"].get("resource") or name
        lookup = scans.get(target, _Scan()).lookups.get(tuple(fk["reference"]["fields"]), set())
        if value not in lookup:
            errors.append(PackageError(name, "foreign-key", f'for "{", ".join(fk["fields"])}": values "{", ".join(value)}" '
                                       f'not found in the lookup table "{target}"', number))
    return errors


def exact_errors(descriptor: dict, root: Path) -> list:
    """Every PackageError of a (modelled, normalised) package, resources in descriptor order."""
    resources = descriptor["resources"]
    wanted: dict = {}
    for resource in resources:
        for fk in resource.get("schema", {}).get("foreignKeys", []):
            target = fk["reference"].get("resource") or resource["name"]
            wanted.setdefault(target, set()).add(tuple(fk["reference"]["fields"]))
    scans = {r["name"]: _scan(root, r, sorted(wanted.get(r["name"], ()))) for r in resources}
    errors = []
    for resource in resources:
        scan = scans[resource["name"]]
        errors += scan.errors + _foreign_key_errors(resource["name"], scan, scans)
    return errors
