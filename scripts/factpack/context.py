"""What every check sees: the dataset's fact files and the records in them."""

import datetime
from dataclasses import dataclass, field
from functools import cached_property

from factpack import model
from factpack.layout import Layout

# Tables whose records carry their own id in a fact file.
ID_TABLES = ("sources", "actors", "organizations", "events", "affiliations", "relationships")


@dataclass
class Context:
    layout: Layout
    files: list
    today: datetime.date = field(default_factory=datetime.date.today)

    def records(self, table: str | None = None, include_broken: bool = False):
        for fact in self.files:
            for record in fact.records:
                if (table is None or record.table == table) and (include_broken or not record.broken):
                    yield record

    @cached_property
    def ids(self) -> dict:
        """id → {table: [records]} over every file, broken records included (they still define ids)."""
        found = {}
        for record in self.records(include_broken=True):
            if record.table in ID_TABLES and record.id:
                found.setdefault(record.id, {}).setdefault(record.table, []).append(record)
        return found

    def ids_of(self, table: str) -> list:
        return sorted(i for i, tables in self.ids.items() if table in tables)


def fact_keys_with(annotation: str) -> dict:
    """table → {fact key: annotation value} for fact-file fields whose spec carries the annotation."""
    out = {}
    for table in model.tables():
        for column in table.fact_columns():
            spec = column.spec.get("items", column.spec) if column.delimiter else column.spec
            if annotation in spec:
                out.setdefault(table.name, {})[column.fact_key] = spec[annotation]
    return out


def reference_fields() -> list:
    """(table, fact key, target table) for every single-column foreign key a fact file fills in."""
    refs = []
    for table in model.tables():
        for fk in table.foreign_keys:
            column = table.column(fk["fields"][0])
            if column.fact_key:
                refs.append((table.name, column.fact_key, fk["reference"]["resource"]))
    return refs
