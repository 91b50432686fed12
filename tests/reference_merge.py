"""A small reference for the cross-file stage: merging every source's claims and resolving the published values.

Written straight from the rules stated in scripts/factpack/resolution.py's docstring, over the fact files'
plain data, without the engine's records, entities or rows. A property test (test_merge_reference.py)
builds random datasets with both and compares the published tables, so that a faster engine (a store,
SQL, another order of work) is held to the same results. Slow and simple on purpose.
"""

from collections import Counter

from factpack import edtf_dates, model
from factpack.resolution import rule_of


def _recency(document: dict) -> tuple:
    return edtf_dates.parse(document["source"]["published"]).end, document["source"]["id"]


def _distinct(values: list) -> list:
    return [v for i, v in enumerate(values) if v not in values[:i]]


def _majority(claims):
    votes = Counter(str(value) for value, _ in claims)
    newest = {text: max(r for v, r in claims if str(v) == text) for text in votes}
    best = max(votes, key=lambda text: (votes[text], newest[text], text))
    return next(v for v, _ in claims if str(v) == best), len(votes) > 1


def _fullest(claims):
    values = _distinct([v for v, _ in claims])
    return max(values, key=lambda v: (len(v.split()), len(v), v)), len(values) > 1


def _union(claims):
    return _distinct([item for value, _ in claims for item in value]), False


def _fullest_text(claims):
    return max(claims, key=lambda c: (len(str(c[0])), c[1], str(c[0])))[0], False


def _latest(claims):
    return max(claims, key=lambda c: (c[1], str(c[0])))[0], False


def _date(claims):
    texts = _distinct([v for v, _ in claims])
    if len(texts) == 1:
        return texts[0], False
    dates = [edtf_dates.parse(t) for t in texts]
    within_all = [d for d in dates if all(o.earliest <= d.earliest and d.end <= o.end for o in dates)]
    if within_all:
        return min(within_all, key=lambda d: (d.certainty != "exact", d.end - d.earliest, d.text)).text, False
    members = sorted({d.text.rstrip("?~%") for d in dates}, key=lambda t: (edtf_dates.parse(t).earliest, t))
    return "[" + ",".join(members) + "]", True  # the generated dates are plain days, months and years


RULES = {"majority": _majority, "fullest": _fullest, "union": _union, "fullest-text": _fullest_text,
         "latest": _latest, "date": _date}


def _cell(column, value) -> str:
    if value is None:
        return ""
    return column.delimiter.join(value) if isinstance(value, list) else str(value)


def _records(documents: dict, table: str) -> dict:
    """id → [(record, recency)] in file order (files by name)."""
    found: dict = {}
    for name in sorted(documents):
        for record in documents[name].get(table) or []:
            found.setdefault(record["id"], []).append((record, _recency(documents[name])))
    return found


def _row(table, given: list) -> dict:
    row, disputed = {}, []
    for column in table.fact_columns():
        if column.name in table.primary_key:
            continue
        claims = [(record[column.fact_key], recency) for record, recency in given if record.get(column.fact_key) is not None]
        value, differs = RULES[rule_of(column.spec)](claims) if claims else (None, False)
        row[column.name] = _cell(column, value)
        if differs:
            disputed.append(column.name)
    row["source_count"] = str(len({recency[1] for _, recency in given}))
    row["disputed"] = ";".join(disputed)
    return row


def published(documents: dict, tables: tuple) -> dict:
    """table → id → {column: CSV cell} for the merged columns, source_count and disputed.
    `documents`: file name → the fact file's data."""
    return {name: {record_id: _row(model.table(name), given) for record_id, given in _records(documents, name).items()}
            for name in tables}


def statements(documents: dict, tables: tuple) -> set:
    """(record type, record id, field, value, source id) for every claim of the given tables."""
    found = set()
    for name in tables:
        table = model.table(name)
        for document in documents.values():
            for record in document.get(name) or []:
                for column in table.fact_columns():
                    value = record.get(column.fact_key)
                    if column.name in table.primary_key or value is None:
                        continue
                    for item in value if isinstance(value, list) else [value]:
                        found.add((name, record["id"], column.name, str(item), document["source"]["id"]))
    return found
