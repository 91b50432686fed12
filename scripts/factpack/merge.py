"""Merging: the same id in several fact files is one entity, and each file's values are that source's claims.

Files may disagree on any field (within one file, a second record with the same id is an error,
FP301). Each field keeps every claim, in file order; the value published in the entity tables is
resolved from them by the column's rule (resolution.py). Names, participants and evidence are
kept per record and published with the source they came from.
"""

import datetime
from dataclasses import dataclass, field
from functools import cached_property

from factpack import edtf_dates, model
from factpack.context import id_tables
from factpack.resolution import Claim, resolve


@dataclass
class Entity:
    table: str
    id: str
    values: dict = field(default_factory=dict)  # fact key → resolved value
    origins: list = field(default_factory=list)  # the records merged, in file order
    claims: dict = field(default_factory=dict)  # fact key → [Claim], in file order
    disputed: list = field(default_factory=list)  # column names whose claims disagree, in column order

    @cached_property
    def sources(self) -> list:
        """Ids of the sources of its records; read only once merging is done."""
        return sorted({r.file.source.id for r in self.origins if r.file.source and r.file.source.id})


def recency(record) -> tuple:
    """How recent the record's source is: the latest day it can have been published, then its id."""
    source = record.file.source
    try:
        latest = edtf_dates.parse(source.get("published")).end
    except (AttributeError, TypeError, ValueError):
        latest = datetime.date.min
    return latest, (source.id or "") if source else ""


def _add_claims(entity: Entity, record, columns: list):
    source = record.file.source
    source_id = source.id if source and source.id else record.file.stem
    when = recency(record)
    for column in columns:
        value = record.values.get(column.fact_key)
        if value is not None:
            entity.claims.setdefault(column.fact_key, []).append(Claim(value, source_id, when, record))
    entity.origins.append(record)


def _resolve(entity: Entity, columns: list):
    for column in columns:
        claims = entity.claims.get(column.fact_key)
        if claims:
            resolved = resolve(column.spec, claims)
            entity.values[column.fact_key] = resolved.value
            if resolved.disputed:
                entity.disputed.append(column.name)


def merge(context) -> dict:
    """entities by table → {id: Entity}."""
    entities: dict = {table: {} for table in id_tables()}
    columns = {table: model.table(table).fact_columns() for table in entities}
    for fact in context.files:
        for record in fact.records:
            if record.broken or record.table not in entities or not record.id:
                continue
            entity = entities[record.table].get(record.id)
            if entity is None:
                entity = entities[record.table][record.id] = Entity(record.table, record.id)
            _add_claims(entity, record, columns[record.table])
    for table, by_id in entities.items():
        for entity in by_id.values():
            _resolve(entity, columns[table])
    return entities
