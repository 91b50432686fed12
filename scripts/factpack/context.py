"""What every check sees: the dataset's fact files and the records in them."""

import datetime
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from factpack import model
from factpack.layout import Layout

if TYPE_CHECKING:  # affected builds on this module
    from factpack.affected import Whole


def id_tables() -> tuple:
    """Tables whose records carry their own id in a fact file."""
    return tuple(t.name for t in model.record_tables())


@dataclass
class Context:
    layout: Layout
    files: list
    today: datetime.date = field(default_factory=datetime.date.today)
    curated: dict = field(default_factory=dict)  # rows of the tables curated by hand (curated_tables)
    focus: frozenset = frozenset()  # the files the contributor works on (validate PATH…, --changed); empty: all
    whole: "Whole | None" = None  # when the files are a subset of the dataset: what it holds

    def records(self, table: str | None = None, include_broken: bool = False):
        """Records in file order, of one table or of all; broken ones only if asked for."""
        chosen = self._all_records if table is None else self._by_table.get(table, [])
        return chosen if include_broken else [r for r in chosen if not r.broken]

    @cached_property
    def _all_records(self) -> list:
        return [record for fact in self.files for record in fact.records]

    @cached_property
    def _by_table(self) -> dict:
        """table → its records in file order: each check asks for a table or two, many times."""
        found: dict = {}
        for record in self._all_records:
            found.setdefault(record.table, []).append(record)
        return found

    @cached_property
    def ids(self) -> dict:
        """id → {table: [records]} over every file, broken records included (they still define ids)."""
        found: dict = {}
        tables = id_tables()
        for record in self.records(include_broken=True):
            if record.table in tables and record.id:
                found.setdefault(record.id, {}).setdefault(record.table, []).append(record)
        return found

    def kinds(self, record_id) -> tuple:
        """The tables that define `record_id`, in the whole dataset."""
        if self.whole is not None:
            return self.whole.kinds(record_id)
        return tuple(self.ids.get(record_id, ()))

    def ids_of(self, table: str) -> list:
        if self.whole is not None:
            return self.whole.ids_of(table)
        return sorted(i for i, tables in self.ids.items() if table in tables)

    def sources_of(self, entity) -> tuple:
        """(the file of the entity's first record, the number of its sources), in the whole dataset; the file
        is None when it is not among this context's files."""
        if self.whole is None:
            return entity.origins[0].file, len(entity.sources)
        first, count = self.whole.sources(entity.table, entity.id)
        return self._named.get(first), count

    @cached_property
    def _named(self) -> dict:
        return {fact.name: fact for fact in self.files}


def fact_keys_with(annotation: str) -> dict:
    """table → {fact key: annotation value} for fact-file fields whose spec carries the annotation."""
    out: dict = {}
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
