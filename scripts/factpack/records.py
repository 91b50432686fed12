"""Fact files and the records in them, each remembering where it was written."""

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from factpack import model
from factpack.findings import Finding, format_path
from factpack.yaml_strict import Loaded


@dataclass(eq=False)
class FactFile:
    path: Path
    name: str  # as shown to the contributor: datasets/facts/x.yaml
    loaded: Loaded | None = None
    records: list = field(default_factory=list)
    broken_paths: set = field(default_factory=set)
    archive_sha256: str | None = None  # of datasets/archive/<stem>.txt, when it exists
    rendered: dict | None = None  # table → (CSV, JSON, count) of the rows it alone decides (file_rows), if valid

    @property
    def stem(self) -> str:
        return self.path.stem

    @property
    def source(self):
        # collect_records puts the source record first
        first = self.records[0] if self.records else None
        return first if first is not None and first.table == "sources" else None

    def finding(self, code, message, path=(), hint="", key=False, related=()) -> Finding:
        line, column = self.loaded.where(path, key=key) if self.loaded else (0, 0)
        return Finding(code=code, message=message, file=self.name, line=line,
                       column=column, path=format_path(path), hint=hint, related=tuple(related))


@dataclass(eq=False)
class Record:
    table: str  # the table it becomes rows of: actors, events, names …
    values: dict  # as written in the fact file
    path: tuple  # where in the fact file, e.g. ("events", 2)
    file: FactFile
    parent: "Record | None" = None
    broken: bool = False  # has schema errors: later checks leave it alone
    id: str | None = field(init=False)  # read millions of times by the checks: taken once
    nested: dict | None = field(init=False, default=None)  # child table → records, set by collect_records

    def __post_init__(self):
        value = self.values.get("id")
        self.id = value if isinstance(value, str) else None

    def get(self, key, default=None):
        return self.values.get(key, default)

    def finding(self, code, message, key=None, hint="", on_key=False, related=()) -> Finding:
        path = self.path + ((key,) if key is not None else ())
        return self.file.finding(code, message, path, hint, key=on_key, related=related)

    def quotes(self) -> list:
        evidence = self.values.get("evidence")
        if isinstance(evidence, str):
            return [evidence]
        if isinstance(evidence, list):
            return [q for q in evidence if isinstance(q, str)]
        return []

    def children(self, table: str) -> list:
        return self.nested.get(table, []) if self.nested else []


def digest(*parts, length: int) -> str:
    """A short, stable hex digest of text parts: the derived ids of names, participants, citations and statements."""
    return hashlib.sha256("\x1f".join(p or "" for p in parts).encode("utf-8")).hexdigest()[:length]


def participant_who(values: dict) -> str:
    """The part of a participant's id that says who: the actor or organization id, and for people the
    source does not name, `unnamed` (or the organization) plus a digest of their description."""
    who = values.get("actor") or values.get("organization") or "unnamed"
    description = values.get("description")
    if isinstance(description, str):
        who += "/" + digest(description, length=10)
    return str(who)


def collect_records(fact: FactFile) -> list:
    """Every record of a loaded fact file, in the model's table order, nested ones after their parent."""
    data = fact.loaded.data if fact.loaded else None
    if not isinstance(data, dict):
        return []
    out = []
    for table in model.record_tables():
        key = table.fact_file["key"]
        if table.fact_file.get("single"):
            found: list = [((key,), data[key])] if isinstance(data.get(key), dict) else []
        else:
            listed = data.get(key)
            items = listed if isinstance(listed, list) else []
            found = [((key, i), item) for i, item in enumerate(items) if isinstance(item, dict)]
        for path, item in found:
            record = Record(table.name, item, path, fact)
            out.append(record)
            out.extend(_nested(record))
    return out


def _nested(record: Record) -> list:
    record.nested = {}
    for child in model.nested_in(record.table):
        key = child.fact_file["key"]
        items = record.values.get(key)
        if isinstance(items, list):
            record.nested[child.name] = [Record(child.name, item, record.path + (key, i), record.file, parent=record)
                                         for i, item in enumerate(items) if isinstance(item, dict)]
    return [r for records in record.nested.values() for r in records]


def mark_broken(fact: FactFile):
    """Flag each record that holds a path with a schema or text error: later checks leave it alone."""
    by_path = {r.path: r for r in fact.records}
    for broken in fact.broken_paths:
        for length in range(len(broken), 0, -1):
            record = by_path.get(broken[:length])
            if record:
                record.broken = True
                break
