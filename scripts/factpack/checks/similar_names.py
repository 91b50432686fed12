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


def _pairs(by_id):
    """(entity, other, name, other's name) for each pair of ids sharing a folded name, once per pair."""
    seen: dict = {}
    reported: set = set()
    for entity_id in sorted(by_id):
        for name, _ in _names(by_id[entity_id]):
            for fold in keys(name):
                other_id, other_name = seen.setdefault(fold, (entity_id, name))
                if other_id != entity_id and (other_id, entity_id) not in reported:
                    reported.add((other_id, entity_id))
                    yield by_id[entity_id], by_id[other_id]


def check(context, entities):
    for table in model.named_tables():
        for a, b in _pairs(entities[table]):
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
