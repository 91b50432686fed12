"""The Parquet tables: the CSV's rows, value for value, with real types."""

import csv
import subprocess
import sys
import datetime

import pyarrow as pa
import pyarrow.parquet as pq

from factpack import model, parquet_outputs, schema_outputs


def _csv_values(column, cell: str):
    """What a CSV cell means under the table's schema: empty is null; lists, integers and dates are typed."""
    if cell == "":
        return None
    kind = schema_outputs.table_field(column)["type"]
    if kind == "list":
        return cell.split(column.delimiter)
    if kind == "integer":
        return int(cell)
    if kind == "date":
        return datetime.date.fromisoformat(cell)
    return cell


def test_every_table_holds_the_csv_rows_with_real_types(built_mini):
    for table in model.tables():
        parquet = pq.read_table(built_mini / f"datasets/parquet/{table.name}.parquet")
        assert parquet.column_names == [c.name for c in table.columns], table.name
        with open(built_mini / f"datasets/csv/{table.name}.csv", encoding="utf-8", newline="") as handle:
            expected = [{c.name: _csv_values(c, row[c.name]) for c in table.columns} for row in csv.DictReader(handle)]
        assert parquet.to_pylist() == expected, table.name
        for column in table.columns:
            kind = schema_outputs.table_field(column)["type"]
            wanted = {"list": pa.list_(pa.string()), "integer": pa.int64(), "date": pa.date32()}.get(kind, pa.string())
            assert parquet.schema.field(column.name).type == wanted, (table.name, column.name)


def test_codes_stay_text(built_mini):
    flat = pq.read_table(built_mini / "datasets/parquet/events_flat.parquet").to_pylist()
    assert all(isinstance(row["cameo"], str) for row in flat if row["cameo"] is not None)


def test_validation_does_not_load_the_parquet_writer(mini):
    """pyarrow takes half a second to import; only a build writes Parquet."""
    script = ("import sys; from factpack.cli import main; "
              f"code = main(['--root', {str(mini)!r}, 'validate']); "
              "print(code, 'pyarrow' in sys.modules, file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert done.stderr.strip().endswith("0 False"), done.stderr[-2000:]


def _whole(table, csv_bytes: bytes, row_group: int) -> bytes:
    """The file as pyarrow writes a whole table at once, in groups of `row_group` rows."""
    import io
    import pyarrow.csv as pa_csv

    names = [c.name for c in table.columns]
    parsed = pa_csv.read_csv(pa.BufferReader(csv_bytes), parse_options=pa_csv.ParseOptions(newlines_in_values=True),
                             convert_options=pa_csv.ConvertOptions(column_types={n: pa.string() for n in names},
                                                                   null_values=[""], strings_can_be_null=True,
                                                                   quoted_strings_can_be_null=True))
    typed = pa.table({c.name: parquet_outputs._typed(c, parsed.column(c.name)) for c in table.columns})
    sink = io.BytesIO()
    pq.write_table(typed, sink, compression="zstd", use_dictionary=True, write_statistics=True, row_group_size=row_group)
    return sink.getvalue()


def test_a_table_made_a_row_group_at_a_time_is_the_table_written_whole(built_mini, monkeypatch):
    """A table is read from its CSV one row group at a time, so that the largest is never held whole; the file is
    the one pyarrow writes from the whole table. Groups of 3 rows cut the tables many times, most with a shorter
    last group; the tables with no rows are written too."""
    monkeypatch.setattr(parquet_outputs, "ROW_GROUP", 3)
    for table in model.tables():
        csv_bytes = (built_mini / f"datasets/csv/{table.name}.csv").read_bytes()
        made = parquet_outputs.render(table, bytearray(csv_bytes))
        assert made == _whole(table, csv_bytes, 3), table.name
        rows = pq.read_table(pa.BufferReader(made)).num_rows
        assert pq.ParquetFile(pa.BufferReader(made)).metadata.num_row_groups == max(1, -(-rows // 3)), table.name
