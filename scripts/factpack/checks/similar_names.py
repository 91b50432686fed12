"""Warnings for probable duplicates: two ids whose names fold to the same key."""

from factpack import model
from factpack.name_folding import keys


def _names(entity):
    names = []
    for origin in entity.origins:
        if isinstance(origin.get("name"), str):
            names.append((origin.get("name"), origin, ("name",)))
        for child in origin.children("names"):
            if isinstance(child.get("name"), str):
                names.append((child.get("name"), child, ("name",)))
    return names


def check(entities):
    for table in (t.name for t in model.record_tables() if model.table("names") in model.nested_in(t.name)):
        seen = {}  # key → (entity id, name)
        for entity_id in sorted(entities[table]):
            entity, reported = entities[table][entity_id], set()
            for name, record, key in _names(entity):
                for fold in keys(name):
                    other = seen.setdefault(fold, (entity_id, name))
                    if other[0] != entity_id and other[0] not in reported:
                        reported.add(other[0])
                        yield record.finding(
                            "FP901", f"'{name}' ({entity_id}) looks like '{other[1]}' ({other[0]})", key[0],
                            f"if they are the same, use one id ('{other[0]}') and list '{name}' under its names")
