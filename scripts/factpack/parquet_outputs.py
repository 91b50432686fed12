"""Every table as Parquet, with real types: dates as dates, counts as integers, lists as list columns and
codes as text (CAMEO `051` stays `051`).

Each file is made from the table's own CSV bytes, so it holds exactly the CSV's rows and values, with
empty cells as nulls. The bytes depend on the writer's version (it is named inside the file), which
pyproject.toml pins, so that `factpack build --check` stays exact. Parquet files are published beside
the CSV and JSON (and in SHA256SUMS) but not declared in datapackage.json: frictionless reads Parquet
only with an extra plugin, and the CSV resources already describe the same tables.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from factpack import model, schema_outputs

if TYPE_CHECKING:
    import pyarrow as pa

FOLDER = "datasets/parquet"


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
    import pyarrow as pa
    import pyarrow.csv as pa_csv
    import pyarrow.parquet as pq

    names = [c.name for c in table.columns]
    parsed = pa_csv.read_csv(
        pa.BufferReader(csv_bytes),  # read in place: io.BytesIO would copy a bytearray
        read_options=pa_csv.ReadOptions(use_threads=True),
        parse_options=pa_csv.ParseOptions(newlines_in_values=True),
        convert_options=pa_csv.ConvertOptions(column_types={n: pa.string() for n in names}, null_values=[""],
                                              strings_can_be_null=True, quoted_strings_can_be_null=True))
    typed = pa.table({c.name: _typed(c, parsed.column(c.name)) for c in table.columns})
    sink = io.BytesIO()
    pq.write_table(typed, sink, compression="zstd", use_dictionary=True, write_statistics=True)
    return sink.getvalue()
