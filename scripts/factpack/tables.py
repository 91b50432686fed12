"""Merged entities → the rows of each published table.

Column order comes from the model (schema/tables/); rows are sorted by primary key.
"""

from factpack import edtf_dates, model, statements
from factpack.quotes import evidence_of
from factpack.statements import digest as _digest


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
        "date_start": date.start.isoformat(), "date_end": date.end.isoformat(),
        "date_precision": date.precision, "date_certainty": date.certainty,
        **_counted(entity),
    }


def _name_rows(entities):
    table, rows = model.table("names"), {}
    for owner in ("actors", "organizations"):
        for entity in entities[owner].values():
            for origin in entity.origins:
                for record in origin.children("names"):
                    v = record.values
                    name_id = f"{entity.id}/{v.get('kind')}/{_digest(v.get('name'), v.get('lang'), v.get('script'), length=10)}"
                    rows.setdefault(name_id, (_row(table, v, {"name_id": name_id, "record_type": owner,
                                                               "record_id": entity.id}), []))[1].append(record)
    return rows


def _participants(entities) -> dict:
    """participant id → (event id, [the records naming it, one per source that does])."""
    found: dict = {}
    for event in entities["events"].values():
        for origin in event.origins:
            for record in origin.children("participants"):
                who = record.get("actor") or record.get("organization")
                found.setdefault(f"{event.id}/{who}/{record.get('role')}", (event.id, []))[1].append(record)
    return found


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


def _citation_rows(entities, names):
    rows = {}
    for table in ("actors", "organizations", "events", "affiliations", "relationships"):
        for entity in entities[table].values():
            for origin in entity.origins:
                for quote in evidence_of(origin):
                    row = _citation(table, entity.id, origin, quote)
                    rows[row["citation_id"]] = row
    for name_id, (_, records) in names.items():
        for record in records:
            for quote in evidence_of(record):
                row = _citation("names", name_id, record, quote)
                rows[row["citation_id"]] = row
    return list(rows.values())


def _counted(entity) -> dict:
    return {"source_count": len(entity.sources), "disputed": entity.disputed or None}


def build_rows(entities, archive_digests: dict) -> dict:
    """table name → rows (dicts in column order), sorted by primary key."""
    names = _name_rows(entities)
    participants = _participants(entities)
    citations = _citation_rows(entities, names)
    per_source = {}
    for row in citations:
        per_source[row["source_id"]] = per_source.get(row["source_id"], 0) + 1
    rows = {
        "sources": _entity_rows("sources", entities, lambda e: {
            "archive_sha256": archive_digests[e.id], "citation_count": per_source.get(e.id, 0)}),
        "actors": _entity_rows("actors", entities, _counted),
        "organizations": _entity_rows("organizations", entities, _counted),
        "events": _entity_rows("events", entities, _event_derived),
        "participants": _participant_rows(participants),
        "names": [row for row, _ in names.values()],
        "affiliations": _entity_rows("affiliations", entities, _counted),
        "relationships": _entity_rows("relationships", entities, _counted),
        "citations": citations,
        "statements": statements.build(entities, names, participants, citations),
    }
    for table in model.tables():
        key = table.primary_key
        rows[table.name].sort(key=lambda row: tuple(row[k] for k in key))
    return rows
