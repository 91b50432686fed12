"""The merged tables of the last build, kept by record, so that a build after an edit makes only the rows it touches.

Each row of a table made from merged entities (tables.merged_rows: the entity tables and the names, participants
and amounts nested in them; and events_flat) belongs to one record: the row's id is the record's, or starts with
it and a "/" (derived_ids; an id holds no "/"). A build keeps each such table as blocks of rendered rows (CSV
text, JSON objects), one block per record, which sort as their rows do. After an edit, the records whose rows can
change are those the changed files define, as they were and as they are: they are merged again from every file
that defines them now (affected.Index knows which), and their blocks replaced. An events_flat row also restates
its participants' names and its place's name, so it is made again when one of those records changes.

The store is one cache entry (authenticated, like every entry) per version of factpack. It describes the build
made from one set of files (their cache keys), which a build compares with its own to know what changed. When the
store is missing, damaged or too far behind, the build makes every row and keeps them again. The files written
are the same either way (tests/test_incremental.py holds the two to each other).
"""

import functools
import hashlib
import json

from factpack import affected, event_counts, events_flat, model, outputs, pipeline, progress, row_spool, tables
from factpack.cache import Cache, code_version
from factpack.context import Context, id_tables
from factpack.kept_parts import FILES, Gone, Kept
from factpack.merge import merge

FORMAT = 1
PARTS = frozenset({"keys", "tokens", "counted", "depends", "names", "places", "sources"})


def _key() -> str:
    return "row-store-" + hashlib.sha256(f"{FORMAT}\0{code_version()}".encode()).hexdigest()


@functools.cache
def kept_tables() -> tuple:
    """The tables made from merged entities, and events_flat which restates them."""
    return tuple(sorted(tables.merged_rows({name: {} for name in id_tables()}, []))) + ("events_flat",)


def owner_of(row_id: str) -> str:
    return row_id.split("/", 1)[0]


def blocks_of(table: model.Table, rows: list) -> dict:
    """owner → [sort key, CSV text, JSON objects, row count] of a table's rows (sorted by primary key). An owner's
    rows are next to each other; its block sorts by its id, or by its id and "/" when its rows' ids are longer."""
    (column,) = table.primary_key
    found: dict = {}
    for row, line, text in zip(rows, outputs.csv_lines(table, rows), outputs.json_texts(rows)):
        owner = owner_of(row[column])
        block = found.get(owner)
        if block is None:
            found[owner] = [owner if row[column] == owner else owner + "/", line, text, 1]
        else:
            block[1], block[2], block[3] = block[1] + line, block[2] + ",\n" + text, block[3] + 1
    return found


def rendered(blocks) -> outputs.Rendered:
    ordered = sorted(blocks)
    out = outputs.Rendered()
    out.add("".join(block[1] for block in ordered).encode("utf-8"),
            ",\n".join(block[2] for block in ordered).encode("utf-8"), sum(block[3] for block in ordered))
    return out


def _lookups(rows: dict) -> dict:
    """What the store keeps besides the blocks, from (some of) the merged tables' rows: what each event's count
    reads, the records its events_flat row restates, names of actors, organizations and places, and what the
    descriptor lists of each source."""
    taking_part = events_flat.by_event(rows["participants"])
    return {
        "counted": {e["event_id"]: [e[name] for name in event_counts.FIELDS] for e in rows["events"]},
        "depends": {e["event_id"]: sorted(events_flat.depends_on(e, taking_part.get(e["event_id"], [])))
                    for e in rows["events"]},
        "names": events_flat.names_of(rows), "places": {r["place_id"]: r["name"] for r in rows["places"]},
        "sources": {r["source_id"]: {key: r[key] for key in ("publisher", "title", "url")} for r in rows["sources"]},
    }


def keep(store: Cache, keys: dict, rows: dict, parts: list) -> tuple:
    """Keep a whole build's merged tables (rows sorted, from tables.build_rows) and each file's own rows (parts:
    (source id, the file's rendered tables)) for the next build, made from the files whose cache keys are `keys`
    (name → key); (the rows with the merged tables rendered from the kept blocks, the sources' rows)."""
    kept = Kept({**{name: blocks_of(model.table(name), rows[name]) for name in kept_tables()}, FILES: dict(parts)})
    tokens = kept.write(store, _key(), stored={FILES: _plain_files})  # a shard's set-aside rows read back at a time
    store.put(_key(), {"keys": keys, "tokens": tokens, **_lookups(rows)})
    return {**rows, **{name: rendered(kept.blocks(name)) for name in kept_tables()}}, rows["sources"]


def _plain_files(shard: dict) -> dict:
    return {source_id: row_spool.plain_tables(own) for source_id, own in shard.items()}


def patch(layout, store: Cache, entries: list, index, curated: dict, jobs: int = 1) -> tuple | None:
    """(rows of every table, the sources' rows) of a valid dataset, from the kept rows and the records the
    changed files define; None when the store cannot say (then the caller builds whole, and keeps the rows).
    entries: every file's, as pipeline.keyed gives them; index: affected.Index, of the files as they are."""
    state = store.get(_key())
    if not isinstance(state, dict) or not PARTS <= state.keys():
        return None
    keys = pipeline.keys_of(entries)
    changed = affected.edited(keys, state["keys"])
    if changed is None:
        return None
    before = [store.get(state["keys"][name]) for name in changed if name in state["keys"]]
    kept = Kept.read(store, _key(), state["tokens"], [*kept_tables(), FILES])
    if kept is None or not all(isinstance(result, dict) and "mentions" in result for result in before):
        return None
    now = [entry[3] for entry in
           pipeline.load_results(layout, [entry for entry in entries if entry[1] in changed], jobs, store, True)]
    owners = {record_id for result in before + now for _, record_id in result["mentions"]["defines"]}
    try:
        defining = index.defining(owners)
    except Gone:  # the validation state's index, read on demand, is no longer there
        return None
    shown = progress.stage("Merging the records the edit touches", 1)
    _replace(state, kept, layout, store, [entry for entry in entries if entry[1] in defining], owners, jobs)
    shown.done()
    kept.replace_files([result["mentions"]["source"] for result in before],
                       {result["mentions"]["source"]: result["rows"] for result in now})
    state["tokens"], state["keys"] = kept.write(store, _key(), state["tokens"]), keys
    store.put(_key(), state)
    return _published(state, kept, curated)


def _replace(state: dict, kept: "Kept", layout, store: Cache, defining: list, owners: set, jobs: int) -> None:
    """Merge the owners again from the files that define them now, and replace their blocks and lookups."""
    facts = [pipeline.fact_file(layout, store, *entry)
             for entry in pipeline.load_results(layout, defining, jobs, store, True)]
    entities = {table: {i: e for i, e in by_id.items() if i in owners}
                for table, by_id in merge(Context(layout, facts)).items()}
    made = {name: tables.sort_rows(model.table(name), rows) for name, rows in tables.merged_rows(entities, facts).items()}
    restating = _restating(state["depends"], owners)
    flat_sources = {event_id: _flat_sources(kept, event_id) for event_id in restating}
    flat_sources.update({event_id: entity.sources for event_id, entity in entities["events"].items()})
    for name in kept_tables():
        kept.replace(name, owners | (restating if name == "events_flat" else set()),
                     blocks_of(model.table(name), made[name]) if name in made else {})
    for part, found in _lookups(made).items():
        for owner in owners:
            state[part].pop(owner, None)
        state[part].update(found)
    flatten = events_flat.Flattener(events_flat.Lookups(state["names"], state["places"], {
        source_id: row["url"] for source_id, row in state["sources"].items()}))
    flat = [_flat(kept, flatten, event_id, flat_sources[event_id]) for event_id in sorted(flat_sources)
            if event_id in state["counted"]]
    kept.replace("events_flat", set(), blocks_of(model.table("events_flat"), flat))


def _restating(depends: dict, owners: set) -> set:
    """The events whose events_flat rows restate one of the owners, or are theirs."""
    return {event_id for event_id, ids in depends.items() if event_id in owners or owners.intersection(ids)}


def _flat_sources(kept: "Kept", event_id: str) -> list:
    block = kept.block("events_flat", event_id)
    return json.loads(block[2])["source_ids"] if block else []


def _flat(kept: "Kept", flatten: events_flat.Flattener, event_id: str, sources: list) -> dict:
    """An event's events_flat row, from its kept rows (read back from their JSON, which holds them exactly)."""
    event = json.loads(kept.block("events", event_id)[2])
    block = kept.block("participants", event_id)
    return flatten.row(event, json.loads(f"[{block[2]}]") if block else [], sources)


def _published(state: dict, kept: "Kept", curated: dict) -> tuple:
    rows: dict = {name: rendered(kept.blocks(name)) for name in kept_tables()}
    rows["event_counts"] = event_counts.build([dict(zip(event_counts.FIELDS, counted))
                                               for counted in state["counted"].values()])
    rows = tables.completed(rows, kept.files(), curated)
    return rows, [state["sources"][source_id] for source_id in sorted(state["sources"])]
