"""Merged entities → the rows of each published table.

Column order comes from the model (schema/tables/); rows are sorted by primary key.
"""

from decimal import Decimal

from factpack import curated_tables, derived_ids, edtf_dates, event_counts, events_flat, model, outputs


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


def _children(entities, owners, child: str) -> dict:
    """row id (derived_ids) → (owner table, owner id, [the records giving it, in file order])."""
    found: dict = {}
    for owner in owners:
        for entity in entities[owner].values():
            for origin in entity.origins:
                for record in origin.children(child):
                    found.setdefault(derived_ids.of(record), (owner, entity.id, []))[2].append(record)
    return found


def _name_rows(entities) -> list:
    table = model.table("names")
    owners = [t.name for t in model.record_tables() if table in model.nested_in(t.name)]
    return [_row(table, records[0].values, {"name_id": name_id, "record_type": owner, "record_id": owner_id})
            for name_id, (owner, owner_id, records) in _children(entities, owners, "names").items()]


def _amount_rows(entities) -> list:
    table = model.table("amounts")
    groups: dict = {}
    amounts = _children(entities, ["events"], "amounts")
    for _, event_id, records in amounts.values():
        v = records[0].values
        groups.setdefault((event_id, v.get("kind"), v.get("unit")), []).append(v.get("value"))
    rows = []
    for amount_id, (_, event_id, records) in amounts.items():
        v = records[0].values
        values = sorted(groups[(event_id, v.get("kind"), v.get("unit"))], key=Decimal)
        rows.append(_row(table, v, {"amount_id": amount_id, "event_id": event_id, "source_id": records[0].file.source.id,
                                    "qualifier": v.get("qualifier") or "exact", "low": values[0],
                                    "best": values[(len(values) - 1) // 2], "high": values[-1]}))
    return rows


def _participant_rows(entities) -> list:
    table = model.table("participants")
    return [_row(table, records[0].values, {"participant_id": pid, "event_id": event_id,
                                            "source_count": len({r.file.source.id for r in records})})
            for pid, (_, event_id, records) in _children(entities, ["events"], "participants").items()]


def _counted(entity) -> dict:
    return {"source_count": len(entity.sources), "disputed": entity.disputed or None}


def file_tables(parts) -> dict:
    """The tables each file renders itself (file_rows), joined in source order. parts: (source id, the file's
    rendered tables) of every file."""
    joined: dict = {}
    # Every id in a file's part starts with "<source id>/", so ordering the parts by that prefix orders the rows.
    for _, rendered in sorted(parts, key=lambda part: part[0] + "/"):
        for name, (csv_text, json_text, count) in rendered.items():
            joined.setdefault(name, outputs.Rendered()).add(csv_text, json_text, count)
    return joined


def merged_rows(entities, files: list) -> dict:
    """table → the rows made from merged entities (each entity table, names, participants, amounts), unsorted.
    `files` must hold the file of every source among the entities (for its archive hash and citation count)."""
    archive_digests = {fact.source.id: fact.archive_sha256 for fact in files}
    citation_counts = {fact.source.id: fact.rendered["citations"][2] for fact in files if fact.rendered}
    derive = {"events": _event_derived, "sources": lambda e: {
        "archive_sha256": archive_digests[e.id], "citation_count": citation_counts.get(e.id, 0)}}
    rows = {name: _entity_rows(name, entities, derive.get(name, _counted)) for name in entities}
    rows.update({"participants": _participant_rows(entities), "amounts": _amount_rows(entities),
                 "names": _name_rows(entities)})
    return rows


def sort_rows(table: model.Table, rows: list) -> list:
    key = table.primary_key
    rows.sort(key=lambda row: tuple(row[k] for k in key))
    return rows


def completed(rows: dict, parts, curated: dict | None) -> dict:
    """The rows with the tables each file renders itself (parts: see file_tables), the curated ones, and every
    other table of the model empty; each table given as a list sorted by primary key."""
    rows.update({
        **file_tables(parts),
        **{name: curated_tables.published_rows(table_rows) for name, table_rows in (curated or {}).items()},
    })
    for table in model.tables():
        rows.setdefault(table.name, outputs.Rendered())
        if isinstance(rows[table.name], list):
            sort_rows(table, rows[table.name])
    return rows


def build_rows(entities, files: list, curated: dict | None = None) -> dict:
    """table name → rows (dicts in column order, or outputs.Rendered parts), sorted by primary key.

    Every table with ids gets one row per merged entity, with `source_count` and `disputed`; a table
    with columns of its own to derive (events' dates, sources' archive hashes) says so here. The
    tables one file alone decides (file_rows) come rendered from the per-file stage.
    """
    rows = completed(merged_rows(entities, files), ((fact.source.id, fact.rendered) for fact in files), curated)
    # tables restating the others' rows (already sorted, so they are too)
    rows["events_flat"] = events_flat.build(rows, {i: e.sources for i, e in entities["events"].items()})
    rows["event_counts"] = event_counts.build(rows["events"])
    return rows
