"""The events_flat table: one row per event, with what a first look needs, from the other tables' rows.

Who took part is given per role (the roles of the participant-roles codelist, one pair of columns each);
the type's CAMEO and ACLED equivalents come from the event-types codelist.
"""

from factpack import model


def _by(rows: list, key: str) -> dict:
    return {row[key]: row for row in rows}


def _roles(participants: list, names: dict) -> dict:
    """event id → {role: (ids, names)}: named people and organizations by id, then unnamed ones by description."""
    found: dict = {}
    for row in sorted(participants, key=lambda r: (r["actor_id"] or r["organization_id"] or "~", r["description"] or "")):
        who = row["actor_id"] or (row["organization_id"] if not row["description"] else None)
        ids, labels = found.setdefault(row["event_id"], {}).setdefault(row["role"], ([], []))
        if who:
            ids.append(who)
            labels.append(names[who])
        else:
            labels.append(row["description"])
    return found


def _sources(event_sources: list, sources: dict) -> dict:
    ordered = sorted(event_sources)
    return {"source_ids": ordered, "source_urls": [sources[s]["url"] for s in ordered if sources[s]["url"]]}


def build(rows: dict, event_sources: dict) -> list:
    """events_flat rows from the built rows of the other tables; `event_sources`: event id → its source ids."""
    crosswalk = {row["code"]: row for row in model.codelist("event-types")}
    names = {r["actor_id"]: r["name"] for r in rows["actors"]} | {r["organization_id"]: r["name"] for r in rows["organizations"]}
    places, sources = _by(rows["places"], "place_id"), _by(rows["sources"], "source_id")
    roles, out = _roles(rows["participants"], names), []
    # Looked up once, not per event: at 100,000 events the lookups cost more than the rows.
    columns = [column.name for column in model.table("events_flat").columns]
    role_columns = [(role, f"{role.replace('-', '_')}_ids", f"{role.replace('-', '_')}_names")
                    for role in model.codes("participant-roles")]
    nobody: dict = {}
    for event in rows["events"]:
        code = crosswalk.get(event["type"], {})
        flat = {name: event.get(name) for name in columns}
        flat.update({"type_label": code.get("label"), "cameo": code.get("cameo") or None,
                     "acled_event_type": code.get("acled_event_type") or None,
                     "acled_sub_event_type": code.get("acled_sub_event_type") or None,
                     "place_name": places[event["place_id"]]["name"] if event["place_id"] else None})
        taking_part = roles.get(event["event_id"], nobody)
        for role, ids_column, names_column in role_columns:
            ids, labels = taking_part.get(role, ((), ()))
            flat[ids_column], flat[names_column] = ids or None, labels or None
        flat.update(_sources(event_sources[event["event_id"]], sources))
        out.append(flat)
    return out
