"""Merging: the same id in several fact files is one entity.

Single-valued fields must agree (FP801 names both places); names, list values,
participants and evidence are unioned, each piece keeping the source it came from.
"""

from dataclasses import dataclass, field
from functools import cached_property

from factpack.context import ID_TABLES

_UNIONED = {"names", "participants", "evidence", "citizenship"}


@dataclass
class Entity:
    table: str
    id: str
    values: dict = field(default_factory=dict)
    origins: list = field(default_factory=list)  # the records merged, in file order
    origins_for: dict = field(default_factory=dict)  # field → the record its value came from

    @cached_property
    def sources(self) -> list:
        """Ids of the sources of its records; read only once merging is done."""
        return sorted({r.file.source.id for r in self.origins if r.file.source and r.file.source.id})


def _where(record, key) -> str:
    return f"{record.file.name}:{record.file.loaded.where(record.path + (key,))[0]}"


def _merge_into(entity: Entity, record):
    findings = []
    for key, value in record.values.items():
        if key in _UNIONED:
            continue
        if key not in entity.values:
            entity.values[key] = value
            entity.origins_for[key] = record
        elif entity.values[key] != value:
            first = entity.origins_for[key]
            findings.append(record.finding(
                "FP801", f"'{key}' of '{entity.id}' is '{value}' here but '{entity.values[key]}' in {_where(first, key)}",
                key, "make the two fact files agree, or give one of the records another id"))
    if isinstance(record.get("citizenship"), list):
        merged = entity.values.setdefault("citizenship", [])
        merged.extend(c for c in record.get("citizenship") if c not in merged)
    entity.origins.append(record)
    return findings


def merge(context):
    """(entities by table → {id: Entity}, findings)."""
    entities = {table: {} for table in ID_TABLES}
    findings = []
    for fact in context.files:
        for record in fact.records:
            if record.broken or record.table not in ID_TABLES or not record.id:
                continue
            entity = entities[record.table].get(record.id)
            if entity is None:
                entity = entities[record.table][record.id] = Entity(record.table, record.id)
            findings.extend(_merge_into(entity, record))
    return entities, findings
