"""The names the dataset already knows, read from its published tables: every spelling in the names
table, with its record's id, kind and country, so that a draft reuses the ids."""

import csv
import io
from dataclasses import dataclass

from factpack import model
from factpack.layout import Layout, table_path
from factpack.safe_paths import read_inside



@dataclass(frozen=True)
class Known:
    table: str
    id: str
    name: str
    kind: str = ""
    country: str = ""


def _rows(layout: Layout, table: str) -> list[dict]:
    data, refused = read_inside(layout.root, table_path(table, "csv"), 256 * 1024 * 1024)
    if data is None or refused:
        return []
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"))))


def read(layout: Layout) -> list[Known]:
    details, out = {}, []
    for table in model.named_tables():
        key = model.table(table).primary_key[0]
        for row in _rows(layout, table):
            details[(table, row[key])] = (row.get("kind", ""), row.get("country", ""))
            if row["name"][:1].isupper():
                out.append(Known(table, row[key], row["name"], *details[(table, row[key])]))
    for row in _rows(layout, "names"):
        found = details.get((row["record_type"], row["record_id"]))
        # a proper name only: a spelling such as "police" would claim every police force an article names
        if found is not None and len(row["name"]) >= 3 and row["name"][0].isupper():
            out.append(Known(row["record_type"], row["record_id"], row["name"], *found))
    return out


def ids(layout: Layout, table: str) -> set[str]:
    """The ids a table of the dataset has already (so that a draft's new ids do not take them)."""
    key = model.table(table).primary_key[0]
    return {row[key] for row in _rows(layout, table)}
