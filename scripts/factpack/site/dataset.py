"""The built package as the site sees it: descriptor, rows of every table, and lookups between them."""

import json
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from factpack import model
from factpack.outputs import table_path


@dataclass
class Dataset:
    root: Path
    descriptor: dict = field(default_factory=dict)
    rows: dict = field(default_factory=dict)

    @classmethod
    def load(cls, root: Path) -> "Dataset":
        descriptor = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
        rows, tables = {}, {t.name for t in model.tables()}
        for resource in descriptor["resources"]:
            # every table has a CSV resource (an empty one has no JSON resource); codelists are not tables
            if resource["format"] == "csv" and resource["name"] in tables:
                rows[resource["name"]] = json.loads(
                    (root / table_path(resource["name"], "json")).read_text(encoding="utf-8"))
        return cls(root, descriptor, rows)

    def by_id(self, table: str) -> dict:
        return self._by_id[table]

    @cached_property
    def _by_id(self) -> dict:
        return {t.name: {row[t.primary_key[0]]: row for row in self.rows[t.name]} for t in model.record_tables()}

    def _grouped(self, table: str, *columns: str) -> dict:
        """The table's rows by the value of one column, or by the tuple of several."""
        out: dict = {}
        for row in self.rows[table]:
            key = row[columns[0]] if len(columns) == 1 else tuple(row[c] for c in columns)
            out.setdefault(key, []).append(row)
        return out

    @staticmethod
    def key_of(table: str) -> str:
        return model.table(table).primary_key[0]

    @cached_property
    def statements_of(self) -> dict:
        """(record_type, record_id) → statement rows: every source's claims on the record."""
        return self._grouped("statements", "record_type", "record_id")

    @cached_property
    def _citations_by_id(self) -> dict:
        return {row["citation_id"]: row for row in self.rows["citations"]}

    def citation(self, citation_id: str) -> dict:
        return self._citations_by_id[citation_id]

    @cached_property
    def participants_of(self) -> dict:
        """event id → participant rows."""
        return self._grouped("participants", "event_id")

    @cached_property
    def citations_of(self) -> dict:
        """(record_type, record_id) → citation rows."""
        return self._grouped("citations", "record_type", "record_id")

    @cached_property
    def names_of(self) -> dict:
        """(record_type, record_id) → name rows."""
        return self._grouped("names", "record_type", "record_id")

    @cached_property
    def events_of(self) -> dict:
        """actor or organization id → the events it took part in."""
        events = self.by_id("events")
        out: dict = {}
        for row in self.rows["participants"]:
            who = row.get("actor_id") or row.get("organization_id")
            bucket = out.setdefault(who, [])
            if not bucket or bucket[-1]["event_id"] != row["event_id"]:
                bucket.append(events[row["event_id"]])
        return out

    @cached_property
    def affiliations_of(self) -> dict:
        out: dict = {}
        for row in self.rows["affiliations"]:
            out.setdefault(row["actor_id"], []).append(row)
            out.setdefault(row["organization_id"], []).append(row)
        return out

    @cached_property
    def citations_from(self) -> dict:
        return self._grouped("citations", "source_id")

    def sources_of(self, table: str, record_id: str) -> list:
        return sorted({c["source_id"] for c in self.citations_of.get((table, record_id), [])})
