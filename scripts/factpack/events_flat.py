"""The events_flat table: one row per event, with what a first look needs, from the other tables' rows.

Who took part is given per role (the roles of the participant-roles codelist, one pair of columns each);
the type's CAMEO and ACLED equivalents come from the event-types codelist.
"""

from dataclasses import dataclass

from factpack import model


def _by(rows: list, key: str, value: str) -> dict:
    return {row[key]: row[value] for row in rows}


@dataclass(frozen=True)
class Lookups:
    """What an events_flat row takes from the other tables besides its event's own rows."""

    names: dict  # actor or organization id → its name
    places: dict  # place id → its name
    urls: dict  # source id → its URL, if it has one

    @classmethod
    def of(cls, rows: dict) -> "Lookups":
        return cls(names_of(rows), _by(rows["places"], "place_id", "name"), _by(rows["sources"], "source_id", "url"))


def names_of(rows: dict) -> dict:
    """Actor and organization id → name, from those tables' rows."""
    return _by(rows["actors"], "actor_id", "name") | _by(rows["organizations"], "organization_id", "name")


def _roles(participants: list, names: dict) -> dict:
    """role → (ids, names) of one event's participants (in primary-key order): named people and organizations by
    id, then unnamed ones by description."""
    found: dict = {}
    for row in sorted(participants, key=lambda r: (r["actor_id"] or r["organization_id"] or "~", r["description"] or "")):
        who = row["actor_id"] or (row["organization_id"] if not row["description"] else None)
        ids, labels = found.setdefault(row["role"], ([], []))
        if who:
            ids.append(who)
            labels.append(names[who])
        else:
            labels.append(row["description"])
    return found


def _sources(event_sources: list, urls: dict) -> dict:
    ordered = sorted(event_sources)
    return {"source_ids": ordered, "source_urls": [urls[s] for s in ordered if urls[s]]}


def depends_on(event: dict, participants: list) -> set:
    """The ids of the other records whose rows an event's events_flat row restates (besides its sources)."""
    found = {row["actor_id"] or row["organization_id"] for row in participants} - {None}
    return found | ({event["place_id"]} if event["place_id"] else set())


class Flattener:
    """Makes events_flat rows; the codelist and column lookups are made once, not per event (at 100,000 events
    they cost more than the rows)."""

    def __init__(self, lookups: Lookups):
        self.lookups = lookups
        self.crosswalk = {row["code"]: row for row in model.codelist("event-types")}
        self.columns = [column.name for column in model.table("events_flat").columns]
        self.role_columns = [(role, f"{role.replace('-', '_')}_ids", f"{role.replace('-', '_')}_names")
                             for role in model.codes("participant-roles")]

    def row(self, event: dict, participants: list, event_sources: list) -> dict:
        """One event's row, from its row, its participants' rows (in primary-key order) and its source ids."""
        code, places = self.crosswalk.get(event["type"], {}), self.lookups.places
        flat = {name: event.get(name) for name in self.columns}
        flat.update({"type_label": code.get("label"), "cameo": code.get("cameo") or None,
                     "acled_event_type": code.get("acled_event_type") or None,
                     "acled_sub_event_type": code.get("acled_sub_event_type") or None,
                     "place_name": places[event["place_id"]] if event["place_id"] else None})
        taking_part = _roles(participants, self.lookups.names)
        for role, ids_column, names_column in self.role_columns:
            ids, labels = taking_part.get(role, ((), ()))
            flat[ids_column], flat[names_column] = ids or None, labels or None
        flat.update(_sources(event_sources, self.lookups.urls))
        return flat


def by_event(participants: list) -> dict:
    """event id → its participants' rows, in the order given."""
    found: dict = {}
    for row in participants:
        found.setdefault(row["event_id"], []).append(row)
    return found


def build(rows: dict, event_sources: dict) -> list:
    """events_flat rows from the built rows of the other tables; `event_sources`: event id → its source ids."""
    flatten, taking_part = Flattener(Lookups.of(rows)), by_event(rows["participants"])
    return [flatten.row(event, taking_part.get(event["event_id"], []), event_sources[event["event_id"]])
            for event in rows["events"]]
