"""Parquet files a build made before, reused when the CSV they are made from has not changed.

A Parquet file is a function of its table's CSV bytes, factpack's code and the Parquet writer's version
(parquet_outputs), so the one kept for the same three is the one that rendering would make again. After an edit
most tables' CSV bytes are unchanged, and rendering their Parquet again was a tenth of a warm build. The last
file made for each table is kept in the cache (outside the dataset, authenticated), one entry per table,
replaced when the table changes: a missing or damaged entry only means rendering again.
"""

import hashlib
from collections.abc import Callable
from importlib import metadata

from factpack import model, parquet_outputs
from factpack.cache import Cache, code_version


def _entry(table: model.Table) -> str:
    version = f"{code_version()}\0{metadata.version('pyarrow')}\0{table.name}"
    return "parquet-" + hashlib.sha256(version.encode()).hexdigest()


def renderer(store: Cache) -> Callable[[model.Table, bytes | bytearray], bytes]:
    """parquet_outputs.render, reusing the file kept in `store` when the CSV bytes are the ones it was made from."""

    def render(table: model.Table, csv_bytes: bytes | bytearray) -> bytes:
        entry, made_from = _entry(table), hashlib.sha256(csv_bytes).hexdigest()
        kept = store.get(entry)
        if isinstance(kept, tuple) and len(kept) == 2 and kept[0] == made_from and isinstance(kept[1], bytes):
            return kept[1]
        data = parquet_outputs.render(table, csv_bytes)
        store.put(entry, (made_from, data))
        return data

    return render
