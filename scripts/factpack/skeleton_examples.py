"""The skeleton's examples fit together: a reference shows the id of the example record it points at, so
that the skeleton's examples, uncommented, form a fact file that builds (tests/test_scaffold.py)."""

from functools import lru_cache

from factpack import model
from factpack.context import reference_fields


def own_id(table: model.Table) -> str:
    return table.column(table.primary_key[0]).spec["examples"][0]


def _example(table_name: str, key: str) -> str:
    return model.table(table_name).column_for_fact_key(key).spec["examples"][0]


@lru_cache(maxsize=1)
def references() -> tuple[dict, dict]:
    """((table, fact key) → example id, target table → the further example ids it must define).

    A reference takes its target's example id, unless another key of the same record already shows that id
    ("omarova lawyer-of serikzhan-bilash"): then it keeps its own example, which the target's section adds
    as a second, minimal record. References within one table (parent, responds_to) are optional and keep
    their examples: an example cannot refer to itself."""
    shown: dict = {}
    extra: dict = {}
    shown_ids = {t.name: own_id(t) for t in model.record_tables()}
    by_record: dict = {}
    for table, key, target in reference_fields():
        by_record.setdefault(table, []).append((key, target))
    for table, refs in by_record.items():
        used = {_example(table, key) for key, _ in refs}
        for key, target in refs:
            example = _example(table, key)
            if target == table or target not in shown_ids or example == shown_ids[target]:
                continue
            if shown_ids[target] in used:
                extra.setdefault(target, []).append(example)
            else:
                shown[(table, key)] = shown_ids[target]
                used.add(shown_ids[target])
    return shown, extra
