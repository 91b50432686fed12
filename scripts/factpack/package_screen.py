"""A fast first pass over a built package: is anything in it wrong, or unusual enough to doubt?

DuckDB reads every table once (in C++, on every core) and SQL checks the same things
package_check does: header, cell types and constraints, primary and foreign keys; bytes
and hashes are checked here in Python. A package the screen passes is clean. Anything it
doubts (an error, or a feature it does not model, such as another dialect or encoding)
goes to package_check's exact pass, which reports frictionless's rows and fields.

So the screen may be stricter than the exact pass but never looser. Where DuckDB reads
differently from Python's csv and json modules (blank lines skipped, carriage returns,
numbers in JSON text fields, a pattern RE2 reads differently from Python's re), it
doubts rather than guesses; package_csv_bytes.py looks for those of a CSV file's bytes.
tests/test_package_screen.py mutates packages at random and checks that whatever the
screen passes, the exact pass finds clean.
"""

import codecs
import csv
import functools
import io
import json
import os
import re
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import duckdb

from factpack import package_csv_bytes
from factpack.package_integrity import integrity_errors, stream_integrity_errors
from factpack.portable_pattern import is_portable

# The CSV dialect DuckDB is told to read (Python's csv reader ignores the line terminator).
_DEFAULT_DIALECT = {"delimiter": ",", "quoteChar": '"', "doubleQuote": True, "header": True, "lineTerminator": "\n"}


def _sql_string(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _unsupported(resource: dict) -> str | None:
    if not isinstance(resource.get("path"), str) or "://" in resource["path"]:
        return "path is not one local file"
    patterns = [f.get("constraints", {}).get("pattern") for f in resource.get("schema", {}).get("fields", [])
                if isinstance(f, dict) and isinstance(f.get("constraints"), dict)]
    if not all(p is None or is_portable(p) for p in patterns):
        return "a pattern RE2 and Python may read differently"
    fields = resource.get("schema", {}).get("fields") if isinstance(resource.get("schema"), dict) else None
    if not fields or not all(isinstance(f, dict) and isinstance(f.get("name"), str) for f in fields):
        return "schema without named fields"
    if resource.get("encoding", "utf-8").lower().replace("_", "-") not in ("utf-8", "utf8"):
        return "encoding"
    if resource.get("format", "csv") not in ("csv", "json"):
        return "format"
    dialect = resource.get("dialect", {})
    if not isinstance(dialect, dict) or any(_DEFAULT_DIALECT.get(k, ()) != v and not (k == "lineTerminator" and v == "\r\n")
                                            for k, v in dialect.items()):
        return "dialect"
    return None


_HEADER_WINDOW = 1 << 16  # a header longer than this is cut, mismatches and is left to the exact pass


def _head(data: bytes) -> str:
    """The start of the file as text, enough for its header (a character cut at the end is dropped)."""
    return data[:_HEADER_WINDOW].decode("utf-8", errors="ignore")


_LOADERS = max(2, min(os.cpu_count() or 1, 4))


def _head_not_utf8(data: bytes) -> UnicodeDecodeError | None:
    """Whether the header window is UTF-8 (a sequence cut at its end is left to the rest).

    DuckDB rejects bytes that are not UTF-8 anywhere it reads (a cell, quoted or not, a JSON key or
    value, bytes after the last row: tests/test_package_screen.py plants each), but it skips a CSV
    header unread; the header is in this window, or it does not match and is doubted. Decoding the
    whole file in Python as well took a fifth of the screen's time at 20,000 articles."""
    try:
        codecs.getincrementaldecoder("utf-8")().decode(data[:_HEADER_WINDOW])
    except UnicodeDecodeError as error:
        return error
    return None


def _csv_labels(text: str) -> list:
    return next(csv.reader(io.StringIO(text, newline="")), [])


def _json_labels(text: str) -> list | None:
    """The keys of the first row, in order (what the exact pass takes as the header)."""
    start = re.match(r"\s*\[\s*", text)
    if not start:
        return None
    if text.startswith("]", start.end()):
        return None  # an empty array: frictionless finds no header (the exact pass reports it)
    try:
        first, _ = json.JSONDecoder().raw_decode(text, start.end())
    except ValueError:
        return None
    return list(first) if isinstance(first, dict) else None


def _file_doubts(resource: dict, root: Path) -> tuple:
    """What Python checks of one resource's file (support, bytes, hash, encoding, header): (doubts, the
    number of empty cells that end its rows, for a CSV file)."""
    why = _unsupported(resource)
    if why:
        return [f"{resource.get('name')}: {why}"], None
    is_json = resource.get("format") == "json"
    try:
        with open(root / resource["path"], "rb") as stream:
            # DuckDB checks a JSON file's bytes as it reads them: Python needs only its head and its hash
            data = stream.read(_HEADER_WINDOW) if is_json else stream.read()
            integrity = stream_integrity_errors(resource, stream) if is_json else integrity_errors(resource, data)
    except OSError as error:
        return [f"{resource['name']}: {error}"], None
    not_utf8 = _head_not_utf8(data)
    if not_utf8:
        return [f"{resource['name']}: {not_utf8}"], None
    names = [f["name"] for f in resource["schema"]["fields"]]
    doubts = [kind for kind, _ in integrity]
    head = _head(data)
    if (_json_labels(head) if is_json else _csv_labels(head)) != names:
        doubts.append("header")
    doubtful, trailing = (False, None) if is_json else package_csv_bytes.doubts(data)
    if doubtful:
        doubts.append("bytes the csv module and DuckDB may read differently")
    return [f"{resource['name']}: {d}" for d in doubts], trailing


def _create(con, number: int, resource: dict, root: Path) -> list:
    """Read one resource into table t<number>, with text columns c0, c1 … in the order of its fields."""
    fields = resource["schema"]["fields"]
    sql = _json_sql(number, fields) if resource.get("format") == "json" else _csv_sql(number, fields)
    try:
        con.execute(sql, [str(root / resource["path"])])
    except Exception as error:  # noqa: BLE001 - whatever DuckDB cannot read (even its own message, in bad UTF-8) is doubted
        return [f"{resource['name']}: DuckDB could not read it ({type(error).__name__})"]
    return []


def _quiet(connection):
    """No progress bar on the user's terminal (DuckDB draws one for queries of over two seconds)."""
    connection.execute("SET enable_progress_bar = false")


def _size(resource: dict, root: Path) -> int:
    try:
        return (root / resource["path"]).stat().st_size
    except OSError:
        return 0


class _Cursors(threading.local):
    """One DuckDB cursor per thread: DuckDB runs each query outside the GIL, so threads share the cores."""

    def __init__(self, con):
        self.con = con.cursor()


def _in_parallel(con, work, items) -> list:
    """work(cursor, item) for every item, one thread per core, results in the order of `items`."""
    cursors = _Cursors(con)
    with ThreadPoolExecutor(max_workers=_LOADERS) as pool:
        return list(pool.map(lambda item: work(cursors.con, item), items))


def _load_and_check(con, number: int, resource: dict, root: Path) -> list:
    """Read one table and check its cells while it is fresh."""
    return _create(con, number, resource, root) or _cell_doubts(con, number, resource)


def _load(con, resources: list, root: Path) -> list:
    """Every table into DuckDB and its cells checked, while a thread reads, hashes and decodes the files.

    DuckDB reads a JSON array on one thread only, so the tables load side by side, one per core,
    largest first."""
    supported = sorted((number for number, r in enumerate(resources) if not _unsupported(r)),
                       key=lambda number: -_size(resources[number], root))
    with ThreadPoolExecutor(max_workers=1) as pool:
        checked = pool.map(functools.partial(_file_doubts, root=root), resources)
        loaded = dict(zip(supported, _in_parallel(con, lambda cursor, number: _load_and_check(
            cursor, number, resources[number], root), supported)))
        results = list(checked)
    found = [d for doubts, _ in results for d in doubts]
    for number, doubts in sorted(loaded.items()):
        found += doubts
        counted = results[number][1]  # DuckDB's count is needed only where the bytes have empty cells ending rows
        if counted and not doubts and counted > _trailing_read(con, number, resources[number]):
            found.append(f"{resources[number]['name']}: empty cells after the last column")
    return found


def _trailing_read(con, number: int, resource: dict) -> int:
    """How many empty cells end the rows of a CSV table as DuckDB read it (see package_csv_bytes)."""
    width = len(resource["schema"]["fields"])
    runs = [" AND ".join(f"c{i} IS NULL" for i in range(width - k, width)) for k in range(1, width + 1)]
    read = con.execute(f"SELECT {' + '.join(f'count(*) FILTER (WHERE {run})' for run in runs)} FROM t{number}").fetchone()[0]
    return read or 0


def _csv_sql(number: int, fields: list) -> str:
    columns = "{" + ", ".join(f"{_sql_string(f'c{i}')}: 'VARCHAR'" for i in range(len(fields))) + "}"
    return (f"CREATE TABLE t{number} AS SELECT * FROM read_csv(?, auto_detect=false, header=true, columns={columns}, "
            "delim=',', quote='\"', escape='\"', strict_mode=true, null_padding=false, ignore_errors=false)")


def _json_sql(number: int, fields: list) -> str:
    """Text columns c<i> as the exact pass sees them, and d<i>: why a JSON value would be read differently.

    DuckDB keeps each JSON value as the text it writes again (no spaces, null as SQL NULL), so a string
    is text that starts with a quote, and an array with a bracket. That test is cheaper than json_type,
    which parses the value again; it took a fifth of the time of the largest JSON file."""
    columns = "{" + ", ".join(f"{_sql_string(f['name'])}: 'JSON'" for f in fields) + "}"
    selects = []
    for i, f in enumerate(fields):
        raw = '"' + f["name"].replace('"', '""') + '"'
        is_string, is_array = (f"starts_with(CAST({raw} AS VARCHAR), {_sql_string(start)})" for start in ('"', "["))
        if f.get("type") == "list":
            # any list may be "" in the exact pass; only blank rows look at a list column
            selects.append(f"CASE WHEN {is_array} THEN NULL ELSE NULLIF({raw}->>'$', '') END AS c{i}")
            selects.append(f"NOT ({is_string} OR {is_array}) AS d{i}")
            continue
        selects.append(f"NULLIF({raw}->>'$', '') AS c{i}")
        if f.get("type") == "integer":
            selects.append(f"(json_type({raw}) NOT IN ('VARCHAR', 'BIGINT', 'UBIGINT') OR {raw}->>'$' = '-0') AS d{i}")
        else:
            selects.append(f"NOT {is_string} AS d{i}")
    return (f"CREATE TABLE t{number} AS SELECT {', '.join(selects)} FROM read_json(?, format='array', "
            f"columns={columns})")


def _value_test(spec: dict, column: str) -> str:
    """SQL true when a non-null text value passes the field's type and SQL-checkable constraints."""
    kind, c = spec.get("type", "string"), spec.get("constraints", {})
    tests = ["true"]
    if kind == "integer":
        tests.append(f"regexp_full_match({column}, '[+-]?[0-9]+')")
        if "minimum" in c:
            tests.append(f"coalesce(try_cast({column} AS HUGEINT) >= {int(c['minimum'])}, false)")
    if kind == "date":
        tests.append(f"regexp_full_match({column}, '[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}') AND {column} >= '0001' "
                     f"AND try_strptime({column}, '%Y-%m-%d') IS NOT NULL")
    if "enum" in c:
        tests.append(f"{column} IN ({', '.join(_sql_string(str(v)) for v in c['enum'])})")
    if "minLength" in c:
        tests.append(f"length({column}) >= {int(c['minLength'])}")
    if "maxLength" in c:
        tests.append(f"length({column}) <= {int(c['maxLength'])}")
    if "pattern" in c:
        tests.append(f"regexp_full_match({column}, {_sql_string(c['pattern'])})")
    return " AND ".join(tests)


def _cell_doubts(con, number: int, resource: dict) -> list:
    fields, is_json = resource["schema"]["fields"], resource.get("format") == "json"
    counts = []
    for i, f in enumerate(fields):
        if f.get("type") == "list":
            continue
        required = f.get("constraints", {}).get("required", False)
        counts.append(f"count(*) FILTER (WHERE {'c%d IS NULL OR ' % i if required else ''}"
                      f"(c{i} IS NOT NULL AND NOT ({_value_test(f, f'c{i}')})))")
    if is_json:
        counts.append("count(*) FILTER (WHERE " + " OR ".join(f"d{i}" for i in range(len(fields))) + ")")
    counts.append("count(*) FILTER (WHERE " + " AND ".join(f"c{i} IS NULL" for i in range(len(fields))) + ")")
    bad = con.execute(f"SELECT {', '.join(counts)} FROM t{number}").fetchone()
    return [f"{resource['name']}: cells"] if any(bad) else []


def _key_doubts(con, tables: dict, resource: dict) -> list:
    """tables: resource name → (table number, field name → column)."""
    schema, name = resource["schema"], resource["name"]
    number, column = tables[name]
    table, doubts = f"t{number}", []
    primary = schema.get("primaryKey", [])
    primary = [primary] if isinstance(primary, str) else primary
    if primary:
        if any(p not in column for p in primary):
            return [f"{name}: primary key"]
        parts = ", ".join(column[p] for p in primary)
        present = " AND ".join(f"{column[p]} IS NOT NULL" for p in primary)
        nulls = f"{column[primary[0]]} IS NULL" if len(primary) == 1 else "false"
        if con.execute(f"SELECT (SELECT count(*) FROM {table} WHERE {nulls}) + (SELECT count(*) FROM "
                       f"(SELECT 1 FROM {table} WHERE {present} GROUP BY {parts} HAVING count(*) > 1))").fetchone()[0]:
            doubts.append(f"{name}: primary key")
    for fk in schema.get("foreignKeys", []):
        doubts += _foreign_key_doubts(con, tables, name, fk)
    return doubts


def _foreign_key_doubts(con, tables, name, fk) -> list:
    number, column = tables[name]
    target = tables.get(fk.get("reference", {}).get("resource") or name)
    own, theirs = fk.get("fields", []), fk.get("reference", {}).get("fields", [])
    own, theirs = ([own] if isinstance(own, str) else own), ([theirs] if isinstance(theirs, str) else theirs)
    if target is None or len(own) != len(theirs) or any(f not in column for f in own):
        return [f"{name}: foreign key {own}"]
    target_column = target[1]
    if any(f not in target_column for f in theirs):
        return [f"{name}: foreign key {own}"]
    present = " AND ".join(f"s.{column[f]} IS NOT NULL" for f in own)
    match = " AND ".join(f"r.{target_column[t]} = s.{column[f]}" for f, t in zip(own, theirs))
    missing = con.execute(f"SELECT count(*) FROM t{number} s WHERE {present} AND NOT EXISTS "
                          f"(SELECT 1 FROM t{target[0]} r WHERE {match})").fetchone()[0]
    return [f"{name}: foreign key {own}"] if missing else []


def doubts(descriptor: dict, root: Path) -> list:
    """Why the package may not be clean; an empty list means every check passed."""
    resources = descriptor.get("resources", [])
    names = [r.get("name") for r in resources if isinstance(r, dict)]
    if len(names) != len(resources) or len(set(names)) != len(names):
        return ["resources without a unique name"]
    with tempfile.TemporaryDirectory(prefix="factpack-screen-") as spill:
        # past the limit DuckDB spills to disk rather than take the machine's memory
        con = duckdb.connect(":memory:", config={"memory_limit": "1GB", "temp_directory": spill})
        _quiet(con)
        try:
            return _screen(con, resources, root)
        finally:
            con.close()


def _screen(con, resources: list, root: Path) -> list:
    found = _load(con, resources, root)
    if found:
        return found
    tables = {r["name"]: (i, {f["name"]: f"c{j}" for j, f in enumerate(r["schema"]["fields"]) if f.get("type") != "list"})
              for i, r in enumerate(resources)}
    return [d for doubts in _in_parallel(con, lambda cursor, r: _key_doubts(cursor, tables, r), resources) for d in doubts]
