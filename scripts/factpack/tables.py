"""Merged entities → the rows of each published table.

Column order comes from the model (schema/tables/); rows are sorted by primary key.
"""

from decimal import Decimal

from factpack import edtf_dates, model, statements
from factpack.quotes import evidence_of
from factpack.records import digest as _digest
from factpack.records import participant_who


def _row(table: model.Table, values: dict, derived: dict) -> dict:
    row = {}
    for column in table.columns:
        row[column.name] = derived[column.name] if column.name in derived else values.get(column.fact_key)
    return row


def _entity_rows(name, entities, derive):
    table = model.table(name)
    return [_row(table, e.values, derive(e)) for e in entities[name].values()]


def _event_derived(entity) -> dict:
    date = edtf_dates.parse(entity.values["date"])
    return {
        "date_start": date.start.isoformat() if date.start else None, "date_end": date.end.isoformat(),
        "date_type": date.kind, "date_precision": date.precision, "date_certainty": date.certainty,
        **_counted(entity),
    }


def _name_rows(entities):
    table, rows = model.table("names"), {}
    for owner in (t.name for t in model.record_tables() if table in model.nested_in(t.name)):
        for entity in entities[owner].values():
            for origin in entity.origins:
                for record in origin.children("names"):
                    v = record.values
                    name_id = f"{entity.id}/{v.get('kind')}/{_digest(v.get('name'), v.get('lang'), v.get('script'), length=10)}"
                    rows.setdefault(name_id, (_row(table, v, {"name_id": name_id, "record_type": owner,
                                                               "record_id": entity.id}), []))[1].append(record)
    return rows


def _children_of_events(entities, child: str, local_id) -> dict:
    """`<event id>/<local_id(record)>` → (event id, [the records giving it, one per source that does])."""
    found: dict = {}
    for event in entities["events"].values():
        for origin in event.origins:
            for record in origin.children(child):
                found.setdefault(f"{event.id}/{local_id(record)}", (event.id, []))[1].append(record)
    return found


def _participants(entities) -> dict:
    return _children_of_events(entities, "participants", lambda r: f"{participant_who(r.values)}/{r.get('role')}")


def _amounts(entities) -> dict:
    """One amount per event, kind, unit and source."""
    return _children_of_events(entities, "amounts", lambda r: f"{r.get('kind')}/{r.get('unit')}/{r.file.source.id}")


def _amount_rows(amounts: dict) -> list:
    table, groups = model.table("amounts"), {}
    for event_id, records in amounts.values():
        v = records[0].values
        groups.setdefault((event_id, v.get("kind"), v.get("unit")), []).append(v.get("value"))
    rows = []
    for amount_id, (event_id, records) in amounts.items():
        v = records[0].values
        values = sorted(groups[(event_id, v.get("kind"), v.get("unit"))], key=Decimal)
        rows.append(_row(table, v, {"amount_id": amount_id, "event_id": event_id, "source_id": records[0].file.source.id,
                                    "qualifier": v.get("qualifier") or "exact", "low": values[0],
                                    "best": values[(len(values) - 1) // 2], "high": values[-1]}))
    return rows


def _participant_rows(participants: dict) -> list:
    table = model.table("participants")
    return [_row(table, records[0].values, {"participant_id": pid, "event_id": event_id,
                                            "source_count": len({r.file.source.id for r in records})})
            for pid, (event_id, records) in participants.items()]


def _citation(record_type, record_id, origin, quote) -> dict:
    source_id = origin.file.source.id
    cid = f"{source_id}/{_digest(record_type, record_id, quote, length=12)}"
    return {"citation_id": cid, "record_type": record_type, "record_id": record_id,
            "source_id": source_id, "quote": quote}


def _citation_rows(entities, names, amounts):
    rows = {}
    for table in entities:
        for entity in entities[table].values():
            for origin in entity.origins:
                for quote in evidence_of(origin):
                    row = _citation(table, entity.id, origin, quote)
                    rows[row["citation_id"]] = row
    nested = [("names", name_id, records) for name_id, (_, records) in names.items()]
    nested += [("amounts", amount_id, records) for amount_id, (_, records) in amounts.items()]
    for record_type, record_id, records in nested:
        for record in records:
            for quote in evidence_of(record):
                row = _citation(record_type, record_id, record, quote)
                rows[row["citation_id"]] = row
    return list(rows.values())


def _counted(entity) -> dict:
    return {"source_count": len(entity.sources), "disputed": entity.disputed or None}


def build_rows(entities, archive_digests: dict) -> dict:
    """table name → rows (dicts in column order), sorted by primary key.

    Every table with ids gets one row per merged entity, with `source_count` and `disputed`; a table
    with columns of its own to derive (events' dates, sources' archive hashes) says so here.
    """
    names, participants, amounts = _name_rows(entities), _participants(entities), _amounts(entities)
    citations = _citation_rows(entities, names, amounts)
    per_source = {}
    for row in citations:
        per_source[row["source_id"]] = per_source.get(row["source_id"], 0) + 1
    derive = {"events": _event_derived, "sources": lambda e: {
        "archive_sha256": archive_digests[e.id], "citation_count": per_source.get(e.id, 0)}}
    rows = {name: _entity_rows(name, entities, derive.get(name, _counted)) for name in entities}
    rows.update({
        "participants": _participant_rows(participants),
        "amounts": _amount_rows(amounts),
        "names": [row for row, _ in names.values()],
        "citations": citations,
        "statements": statements.build(entities, {
            "names": {i: (row["record_type"], row["record_id"], records) for i, (row, records) in names.items()},
            "participants": {i: ("events", event_id, records) for i, (event_id, records) in participants.items()},
            "amounts": {i: ("events", event_id, records) for i, (event_id, records) in amounts.items()},
        }, citations),
    })
    for table in model.tables():
        key = table.primary_key
        rows[table.name].sort(key=lambda row: tuple(row[k] for k in key))
    return rows
