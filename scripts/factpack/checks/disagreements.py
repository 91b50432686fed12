"""Where sources disagree: a warning in every file whose claim differs from another file's, never an error.

Both claims are kept (statements table) and the published value is resolved by the column's rule.
Each file involved is told, naming the first file that says otherwise: whichever of them a
contributor is adding, the warning is in their own file.
"""

from factpack import model
from factpack.checks.contract import Check, Stage
from factpack.rule_codes import Code


def _where(claim, key: str) -> str:
    record = claim.record
    return f"{record.file.name}:{record.file.loaded.where(record.path + (key,))[0]}"


def _shown(value) -> str:
    return ";".join(map(str, value)) if isinstance(value, list) else str(value)


def check(context, entities):
    for table_name, by_id in entities.items():
        table = model.table(table_name)
        for entity in by_id.values():
            for column_name in entity.disputed:
                key = table.column(column_name).fact_key or column_name
                claims, warned = entity.claims[key], set()
                for claim in claims:
                    first = next((c for c in claims if c.value != claim.value and c.record.file is not claim.record.file), None)
                    if first is None or claim.record.file in warned:
                        continue
                    warned.add(claim.record.file)
                    yield claim.record.finding(
                        Code.SOURCES_DISAGREE, f"sources disagree on '{key}' of '{entity.id}': '{_shown(claim.value)}' here, "
                        f"'{_shown(first.value)}' in {_where(first, key)}; both are kept as claims and "
                        f"'{_shown(entity.values[key])}' is published", key,
                        "nothing to fix if both articles describe the same thing; if they do not, give your record another id",
                        related=(_where(first, key),))


CHECK = Check("disagreements", Stage.MERGED, frozenset({Code.SOURCES_DISAGREE}), check)
