"""events_flat: one row per event, restating the other tables without losing or inventing anything."""

import csv

from factpack import model


def _rows(root, table):
    with open(root / f"datasets/csv/{table}.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _split(cell: str) -> list:
    return cell.split(";") if cell else []


def test_every_role_of_the_codelist_has_its_ids_and_names_columns():
    columns = {c.name for c in model.table("events_flat").columns}
    for role in model.codes("participant-roles"):
        assert {f"{role.replace('-', '_')}_ids", f"{role.replace('-', '_')}_names"} <= columns, role


def test_one_row_per_event_with_its_participants_by_role_and_its_sources(built_mini):
    flat = {row["event_id"]: row for row in _rows(built_mini, "events_flat")}
    events = _rows(built_mini, "events")
    assert set(flat) == {e["event_id"] for e in events}
    for event in events:
        for column in ("date", "date_start", "date_end", "type", "summary", "country", "source_count", "disputed"):
            assert flat[event["event_id"]][column] == event[column], (event["event_id"], column)
    names = {r["actor_id"]: r["name"] for r in _rows(built_mini, "actors")}
    names |= {r["organization_id"]: r["name"] for r in _rows(built_mini, "organizations")}
    for participant in _rows(built_mini, "participants"):
        row, role = flat[participant["event_id"]], participant["role"].replace("-", "_")
        who = participant["actor_id"] or participant["organization_id"]
        ids, labels = _split(row[f"{role}_ids"]), _split(row[f"{role}_names"])
        assert who in ids and labels[ids.index(who)] == names[who]
    urls = {r["source_id"]: r["url"] for r in _rows(built_mini, "sources")}
    for row in flat.values():
        assert _split(row["source_urls"]) == [urls[s] for s in _split(row["source_ids"]) if urls[s]]
        assert len(_split(row["source_ids"])) == int(row["source_count"])


def test_the_type_carries_its_cameo_and_acled_equivalents(built_mini):
    crosswalk = {row["code"]: row for row in model.codelist("event-types")}
    for row in _rows(built_mini, "events_flat"):
        code = crosswalk[row["type"]]
        assert (row["type_label"], row["cameo"], row["acled_event_type"]) == (
            code["label"],
            code["cameo"],
            code["acled_event_type"],
        )
