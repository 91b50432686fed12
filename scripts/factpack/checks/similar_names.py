"""Warnings for probable duplicates: two ids whose names fold to the same key.

The advice agrees with CONTRIBUTING: keep the id already in use. Of the two, the established id is
the one more sources use, then the one whose earliest source was published first; the warning goes
to the other id's records, naming where the established one is defined.
"""

from factpack import model
from factpack.merge import recency
from factpack.name_folding import keys
from factpack.checks.contract import Check, Stage
from factpack.rule_codes import Code


def _names(entity):
    names = []
    for origin in entity.origins:
        if isinstance(origin.get("name"), str):
            names.append((origin.get("name"), origin))
        for child in origin.children("names"):
            if isinstance(child.get("name"), str):
                names.append((child.get("name"), child))
    return names


def established(a, b, focus=frozenset()):
    """(kept, newcomer) of two entities. When the contributor names the files they work on (`focus`) and only
    one of the two is in them, that one is the newcomer: a finding goes to the file that introduced it."""
    a_new, b_new = (any(o.file.name in focus for o in e.origins) for e in (a, b))
    if a_new != b_new:
        return (b, a) if a_new else (a, b)

    def weight(entity):
        return (-len(entity.sources), min(recency(o) for o in entity.origins), entity.id)
    return (a, b) if weight(a) <= weight(b) else (b, a)


def where(entity) -> str:
    origin = entity.origins[0]
    return f"{origin.file.name}:{origin.file.loaded.where(origin.path + ('id',))[0]}"


def firsts(by_id) -> dict:
    """folded name → the first id, in id order, with a name that folds to it."""
    found: dict = {}
    for entity_id in sorted(by_id):
        for name, _ in _names(by_id[entity_id]):
            for fold in keys(name):
                found.setdefault(fold, entity_id)
    return found


def _pairs(by_id, first: dict):
    """(entity, the first entity sharing one of its folded names) for each such pair, once per pair. Pairing
    with the first id only keeps the work linear when many ids share a name."""
    reported: set = set()
    for entity_id in sorted(by_id):
        for name, _ in _names(by_id[entity_id]):
            for fold in keys(name):
                other_id = first.get(fold, entity_id)
                if other_id != entity_id and other_id in by_id and (other_id, entity_id) not in reported:
                    reported.add((other_id, entity_id))
                    yield by_id[entity_id], by_id[other_id]


def _firsts(context, table: str, by_id) -> dict:
    """Of the whole dataset, also when the context holds a subset of its files (incremental.py)."""
    return firsts(by_id) if context.fold_firsts is None else context.fold_firsts.get(table, {})


def check(context, entities):
    for table in model.named_tables():
        for a, b in _pairs(entities[table], _firsts(context, table, entities[table])):
            kept, newcomer = established(a, b, context.focus)
            for origin in newcomer.origins:
                yield origin.finding(
                    Code.SIMILAR_NAMES,
                    f"'{newcomer.id}' ({origin.get('name')}) looks like '{kept.id}' ({kept.values.get('name')}), "
                    f"defined in {where(kept)}",
                    "name",
                    f"if they are the same, keep the existing id: write id: {kept.id} here and list "
                    f"'{origin.get('name')}' under its names",
                    related=(where(kept),),
                )


CHECK = Check("similar_names", Stage.MERGED, frozenset({Code.SIMILAR_NAMES}), check)
