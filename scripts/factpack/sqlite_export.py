"""The built package as one SQLite database, ready for Datasette: `factpack sqlite`.

Every table of the model with its types, NULLs, primary and foreign keys and an index on each key;
list cells as JSON arrays (Datasette facets them with `_facet_array`); full-text search over names,
summaries, titles and quotes; and a Datasette metadata file beside it (titles, descriptions,
licence, source, facets and the column that labels each row, so that ids show by name).

The database is read from the package's CSV tables, not from the fact files. It is not committed: its
bytes depend on the SQLite library that writes it, so it is made where it is published (the site's
workflow) and checked against the CSV in the tests.
"""

import csv
import io
import json
import os
import sqlite3
from pathlib import Path

from factpack import model, outputs, schema_outputs
from factpack.errors import UsageError
from factpack.safe_paths import read_inside

SEARCHED = ("name", "title", "summary", "quote")  # the columns full-text search covers, where a table has them
LABELS = ("name", "title", "summary")  # the first a table has labels its rows in Datasette
MAX_TABLE_BYTES = 16 << 30


def _column_sql(table: model.Table, column: model.Column) -> str:
    kind = schema_outputs.table_field(column)["type"]
    sql = f'"{column.name}" {"INTEGER" if kind == "integer" else "TEXT"}'
    return sql + (" NOT NULL" if column.required else "")


def _create(table: model.Table) -> str:
    parts = [_column_sql(table, c) for c in table.columns]
    parts.append("PRIMARY KEY (" + ", ".join(f'"{k}"' for k in table.primary_key) + ")")
    for key in table.foreign_keys:
        target = key["reference"]
        parts.append(f'FOREIGN KEY ("{key["fields"][0]}") REFERENCES "{target["resource"]}" ("{target["fields"][0]}")')
    return f'CREATE TABLE "{table.name}" (\n  ' + ",\n  ".join(parts) + "\n)"


def _value(column: model.Column, cell: str):
    if cell == "":
        return None
    kind = schema_outputs.table_field(column)["type"]
    if kind == "list":
        return json.dumps(cell.split(column.delimiter), ensure_ascii=False)
    return int(cell) if kind == "integer" else cell


def _fill(connection, table: model.Table, csv_bytes: bytes) -> None:
    reader = csv.DictReader(io.StringIO(csv_bytes.decode("utf-8"), newline=""))
    placeholders = ", ".join("?" for _ in table.columns)
    connection.executemany(f'INSERT INTO "{table.name}" VALUES ({placeholders})',
                           ([_value(c, row[c.name]) for c in table.columns] for row in reader))


def _index_and_search(connection, table: model.Table) -> None:
    for key in table.foreign_keys:
        column = key["fields"][0]
        connection.execute(f'CREATE INDEX "{table.name}_{column}" ON "{table.name}" ("{column}")')
    searched = [c.name for c in table.columns if c.name in SEARCHED]
    if searched:
        names = ", ".join(f'"{c}"' for c in searched)
        connection.execute(f'CREATE VIRTUAL TABLE "{table.name}_fts" USING fts5({names}, content="{table.name}")')
        connection.execute(f'INSERT INTO "{table.name}_fts" (rowid, {names}) SELECT rowid, {names} FROM "{table.name}"')


def _read_table(root: Path, table: model.Table) -> bytes:
    data, refused = read_inside(root, outputs.table_path(table.name, "csv"), MAX_TABLE_BYTES)
    if refused or data is None:
        raise UsageError(f"cannot read the {table.name} table ({refused.reason if refused else 'missing'})",
                         "build the package first: factpack build")
    return data


def write(root: Path, database: Path) -> None:
    """Write the database from the package built in `root`, to a temporary file first, then into place."""
    temporary = database.with_name(f".{database.name}.{os.getpid()}.tmp")
    temporary.unlink(missing_ok=True)
    connection = sqlite3.connect(temporary)
    try:
        with connection:
            for table in model.tables():  # in model order: a table is created after those it refers to
                connection.execute(_create(table))
                _fill(connection, table, _read_table(root, table))
                _index_and_search(connection, table)
        connection.execute("VACUUM")
    finally:
        connection.close()
    os.replace(temporary, database)


def _facets(table: model.Table) -> list:
    return [c.name for c in table.columns if not c.delimiter and (c.codelist or c.name == "country")]


def metadata(package: dict, database_name: str) -> dict:
    """Datasette's metadata for the database: what each table and column is, how to browse it."""
    licence = (package.get("licenses") or [{}])[0]
    tables = {}
    for table in model.tables():
        described = {"title": table.title, "description": table.description,
                     "columns": {c.name: c.spec["description"] for c in table.columns}}
        label = next((c for c in LABELS if c in {col.name for col in table.columns}), None)
        if label:
            described["label_column"] = label
        if _facets(table):
            described["facets"] = _facets(table)
        tables[table.name] = described
    return {"title": package.get("title"), "description": package.get("description"),
            "license": licence.get("name"), "license_url": licence.get("path"),
            "source": "factpack", "source_url": package.get("homepage"),
            "databases": {database_name: {"tables": tables}}}
