"""The built package as the site sees it: descriptor, rows of every table, and lookups between them."""

import json
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path


@dataclass
class Dataset:
    root: Path
    descriptor: dict = field(default_factory=dict)
    rows: dict = field(default_factory=dict)

    @classmethod
    def load(cls, root: Path) -> "Dataset":
        descriptor = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
        rows = {}
        for resource in descriptor["resources"]:
            if resource["format"] == "json":
                rows[resource["name"].removesuffix("-json")] = json.loads(
                    (root / resource["path"]).read_text(encoding="utf-8"))
        return cls(root, descriptor, rows)

    def by_id(self, table: str) -> dict:
        key = {"sources": "source_id", "actors": "actor_id", "organizations": "organization_id",
               "events": "event_id"}[table]
        return {row[key]: row for row in self.rows[table]}

    @cached_property
    def participants_of(self) -> dict:
        out = {}
        for row in self.rows["participants"]:
            out.setdefault(row["event_id"], []).append(row)
        return out

    @cached_property
    def citations_of(self) -> dict:
        out = {}
        for row in self.rows["citations"]:
            out.setdefault((row["record_type"], row["record_id"]), []).append(row)
        return out

    def sources_of(self, table: str, record_id: str) -> list:
        return sorted({c["source_id"] for c in self.citations_of.get((table, record_id), [])})
