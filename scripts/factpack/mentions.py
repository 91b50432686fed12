"""What one fact file mentions, as far as the cross-file checks are concerned: the index that lets a
validation after an edit recompute only the files the edit can affect (incremental.py, affected.py).

Each list is plain data (cached with the file's result and kept in the validation state). The rules
for what counts mirror the checks that read it: ids are those Context.ids holds (broken records too),
names and participants those merge keeps (records without schema errors).
"""

import functools

from factpack import model
from factpack.context import id_tables, reference_fields
from factpack.name_folding import keys

SCALARS = (str, int, float, bool)
NOTHING: dict = {"defines": [], "refers": [], "merged": [], "names": [], "participants": [], "parents": [], "source": ""}


def _scalar(value):
    """A value as an index key: the value itself when marshal keeps it exactly, else its repr."""
    return value if isinstance(value, SCALARS) else repr(value)


def of(fact) -> dict:
    """{defines: [(table, id)], refers: [id], merged: [(table, id)] of the records merge keeps,
    names: [(table, id, fold)], participants: [(event id, who)], parents: [parent], source: its id or ""}
    of one fact file's records."""
    tables, named, references = set(id_tables()), set(model.named_tables()), _references()
    found: dict = {**{part: [] for part in NOTHING if part != "source"},
                   "source": fact.source.id if fact.source and fact.source.id else ""}
    for record in fact.records:
        if record.table in tables and record.id:
            found["defines"].append((record.table, record.id))
        found["refers"] += [record.get(key) for key in references.get(record.table, ())
                            if isinstance(record.get(key), str)]
        if record.broken or not record.id or record.table not in tables:
            continue
        found["merged"].append((record.table, record.id))
        if record.table in named:
            found["names"] += [(record.table, record.id, fold) for fold in _folds(record)]
        if record.table == "events":
            found["participants"] += [(record.id, _scalar(who)) for who in _who(record)]
        if record.table == "organizations" and record.get("parent") is not None:
            found["parents"].append(_scalar(record.get("parent")))
    return found


@functools.cache
def _references() -> dict:
    """table → the fact keys of its records that refer to an id."""
    found: dict = {}
    for table, key, _ in reference_fields():
        found.setdefault(table, []).append(key)
    return found


def _folds(record) -> list:
    names = [record.get("name")] + [child.get("name") for child in record.children("names")]
    return sorted({fold for name in names if isinstance(name, str) for fold in keys(name)})


def _who(record) -> list:
    return [child.get("actor") or child.get("organization") for child in record.children("participants")
            if child.get("actor") or child.get("organization")]
