"""Every table as Parquet, with real types: dates as dates, counts as integers, lists as list columns and
codes as text (CAMEO `051` stays `051`).

Each file is made from the table's own CSV bytes, so it holds exactly the CSV's rows and values, with
empty cells as nulls; it is read and written one row group at a time. The bytes depend on the writer's
version (it is named inside the file), which pyproject.toml pins, so that `factpack build --check` stays
exact. Parquet files are published beside the CSV and JSON (and in SHA256SUMS) but not declared in
datapackage.json: frictionless reads Parquet only with an extra plugin, and the CSV resources already
describe the same tables.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import TYPE_CHECKING

from factpack import model, schema_outputs

if TYPE_CHECKING:
    import pyarrow as pa

FOLDER = "datasets/parquet"
ROW_GROUP = 1024 * 1024  # rows: pyarrow's own default, with which every published Parquet file was written


def path(table_name: str) -> str:
    return f"{FOLDER}/{table_name}.parquet"


def _typed(column: model.Column, values: pa.ChunkedArray) -> pa.ChunkedArray:
    import pyarrow as pa
    import pyarrow.compute as pc

    kind = schema_outputs.table_field(column)["type"]
    if kind == "list":
        return pc.split_pattern(values, column.delimiter)
    if kind == "integer":
        return pc.cast(values, pa.int64())
    if kind == "date":
        return pc.cast(values, pa.date32())
    return values


def render(table: model.Table, csv_bytes: bytes | bytearray) -> bytes:
    # imported here: validation never writes Parquet, and pyarrow takes half a second to import
    import pyarrow as pa

    data = _made(table, csv_bytes)
    # pyarrow's allocator keeps what it freed for later: after the largest table (269 MB of CSV at 20,000 articles)
    # that was about 450 MB more held by the process while the JSON files were rendered next.
    pa.default_memory_pool().release_unused()
    return data


def _made(table: model.Table, csv_bytes: bytes | bytearray) -> bytes:
    """The Parquet file of a table's CSV, made one row group at a time: the largest table, parsed whole, held
    several times its CSV's size in pyarrow's memory at once. Written whole, a table is cut into groups of
    ROW_GROUP rows all the same, so the bytes do not change."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    sink = io.BytesIO()
    writer = None
    for group in _row_groups(_csv_reader(table, csv_bytes)):
        typed = pa.table({c.name: _typed(c, group.column(c.name)) for c in table.columns})
        if writer is None:  # the first group's types are the table's
            writer = pq.ParquetWriter(sink, typed.schema, compression="zstd", use_dictionary=True,
                                      write_statistics=True)
        writer.write_table(typed, row_group_size=ROW_GROUP)
    if writer is not None:
        writer.close()
    return sink.getvalue()


def _csv_reader(table: model.Table, csv_bytes: bytes | bytearray):
    import pyarrow as pa
    import pyarrow.csv as pa_csv

    names = [c.name for c in table.columns]
    return pa_csv.open_csv(
        pa.BufferReader(csv_bytes),  # read in place: io.BytesIO would copy a bytearray
        read_options=pa_csv.ReadOptions(use_threads=True),
        parse_options=pa_csv.ParseOptions(newlines_in_values=True),
        convert_options=pa_csv.ConvertOptions(column_types={n: pa.string() for n in names}, null_values=[""],
                                              strings_can_be_null=True, quoted_strings_can_be_null=True))


def _row_groups(reader) -> Iterator[pa.Table]:
    """The CSV's rows as tables of ROW_GROUP rows (the last one shorter, and one empty table for no rows)."""
    import pyarrow as pa

    pending, count, given = [], 0, False
    for batch in reader:
        pending.append(batch)
        count += batch.num_rows
        while count >= ROW_GROUP:
            held = pa.Table.from_batches(pending, schema=reader.schema)
            yield held.slice(0, ROW_GROUP)
            given, rest = True, held.slice(ROW_GROUP)
            pending, count = rest.to_batches(), rest.num_rows
    if count or not given:
        yield pa.Table.from_batches(pending, schema=reader.schema)
