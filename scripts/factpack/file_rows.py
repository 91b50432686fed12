"""The rows one fact file alone decides: its quotes (citations) and every value it gives (statements).

Each such row's id starts with its source's id, and nothing in it comes from another file. So these
rows are made in the per-file stage (in parallel, and cached with the file's result), and each
published table is the files' blocks in source order: the cross-file stage only puts them together.
Entity fields are the claims that merging resolves (merge.py); names, participants and amounts are
claims of the file they are written in. Primary keys are not restated: a record's id is where its
claims hang.
"""

from functools import lru_cache

from factpack import derived_ids, model
from factpack.context import id_tables
from factpack.quotes import evidence_of
from factpack.records import digest


def _published_records(fact) -> list:
    """(record, its row's id) for every record that becomes a row: entities, then their nested records."""
    tables, found = set(id_tables()), []
    for record in fact.records:
        if record.broken:
            continue
        if record.parent is None and record.table in tables and record.id:
            found.append((record, record.id))
        elif record.parent is not None and not record.parent.broken and record.parent.id and record.parent.table in tables:
            found.append((record, derived_ids.of(record)))
    return found


def _citations(published: list, source_id: str) -> dict:
    rows = {}
    for record, record_id in published:
        for quote in evidence_of(record):
            citation_id = f"{source_id}/{digest(record.table, record_id, quote, length=12)}"
            rows[citation_id] = {"citation_id": citation_id, "record_type": record.table, "record_id": record_id,
                                 "source_id": source_id, "quote": quote}
    return rows


@lru_cache(maxsize=None)
def _claimed_columns(record_type: str) -> tuple:
    table = model.table(record_type)
    return tuple(c for c in table.fact_columns() if c.name not in table.primary_key)


@lru_cache(maxsize=1)
def _record_types() -> frozenset:
    return frozenset(model.table("statements").column("record_type").spec["enum"])


def _statements(published: list, source_id: str, cited: dict) -> dict:
    rows = {}
    for record, record_id in published:
        if record.table not in _record_types():
            continue
        # a nested record without quotes of its own rests on its owner's
        quotes = cited.get((record.table, record_id)) or (
            cited.get((record.parent.table, record.parent.id), []) if record.parent is not None else [])
        for column in _claimed_columns(record.table):
            value = record.get(column.fact_key)
            for item in (value if isinstance(value, list) else [value]) if value is not None else ():
                statement_id = f"{source_id}/{digest(record.table, record_id, column.name, str(item), length=12)}"
                rows[statement_id] = {"statement_id": statement_id, "record_type": record.table, "record_id": record_id,
                                      "field": column.name, "value": str(item), "source_id": source_id,
                                      "citation_ids": quotes}
    return rows


def build(fact) -> dict:
    """table → this file's rows of it, in primary-key order (for a file without errors)."""
    source_id = fact.source.id
    published = _published_records(fact)
    citations = _citations(published, source_id)
    cited: dict = {}
    for citation_id, row in sorted(citations.items()):
        cited.setdefault((row["record_type"], row["record_id"]), []).append(citation_id)
    statements = _statements(published, source_id, cited)
    return {"citations": [citations[k] for k in sorted(citations)], "statements": [statements[k] for k in sorted(statements)]}
