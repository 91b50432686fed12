"""The statements table: every value every source gives, one row per record, field, value and source.

Entity fields come from the claims merging kept (merge.py); participants and names are claims of the
file they are written in. Primary keys are not restated: a record's id is where its claims hang.
"""

from functools import lru_cache

from factpack import model
from factpack.records import digest


def _rows(record_type: str, record_id: str, field: str, value, source_id: str, citation_ids: list) -> list:
    items = value if isinstance(value, list) else [value]
    return [{"statement_id": f"{source_id}/{digest(record_type, record_id, field, str(item), length=12)}",
             "record_type": record_type, "record_id": record_id, "field": field, "value": str(item),
             "source_id": source_id, "citation_ids": citation_ids} for item in items]


def _cited(citations: list) -> dict:
    """(record type, record id, source id) → the ids of its citations, sorted."""
    found: dict = {}
    for row in citations:
        found.setdefault((row["record_type"], row["record_id"], row["source_id"]), []).append(row["citation_id"])
    return {key: sorted(ids) for key, ids in found.items()}


def _entity_rows(entities, cited: dict) -> list:
    rows = []
    for table_name, by_id in entities.items():
        table = model.table(table_name)
        if table.name not in _record_types():
            continue
        for entity in by_id.values():
            for key, claims in entity.claims.items():
                column = table.column_for_fact_key(key)
                if column.name in table.primary_key:
                    continue
                for claim in claims:
                    rows += _rows(table.name, entity.id, column.name, claim.value, claim.source_id,
                                  cited.get((table.name, entity.id, claim.source_id), []))
    return rows


@lru_cache(maxsize=None)
def _fact_columns(record_type: str) -> tuple:
    return tuple(model.table(record_type).fact_columns())


def _child_rows(record_type: str, record_id: str, record, source_id: str, citation_ids: list) -> list:
    rows = []
    for column in _fact_columns(record_type):
        value = record.get(column.fact_key)
        if value is not None:
            rows += _rows(record_type, record_id, column.name, value, source_id, citation_ids)
    return rows


def _nested_rows(children: dict, cited: dict) -> list:
    """Claims of nested records (names, participants, amounts), backed by their own quotes or else their owner's."""
    rows = []
    for record_type, by_id in children.items():
        for record_id, (owner_type, owner_id, records) in by_id.items():
            for record in records:
                source_id = record.file.source.id
                quotes = cited.get((record_type, record_id, source_id)) or cited.get((owner_type, owner_id, source_id), [])
                rows += _child_rows(record_type, record_id, record, source_id, quotes)
    return rows


def _record_types() -> list:
    return model.table("statements").column("record_type").spec["enum"]


def build(entities, children: dict, citations: list) -> list:
    """Statement rows (unsorted). `children`: nested table → {id: (owner table, owner id, [records])}."""
    cited = _cited(citations)
    rows = _entity_rows(entities, cited) + _nested_rows(children, cited)
    return list({row["statement_id"]: row for row in rows}.values())
