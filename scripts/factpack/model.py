"""The model: schema/ read once. Every other stage asks it about tables, fields and codes.

schema/tables/<table>.json declares each published table once, as a JSON Schema of
one row with a few `x-` annotations:

- `x-table`: order, primary key, foreign keys, and where the records sit in a fact file;
- `x-factKey`: the key a column has in the fact file when it differs (`id` for `actor_id`);
- `x-fact: false`: the column is derived by the build and absent from the fact file;
- `x-factOnly`: keys of the fact file that are not columns (evidence, names, participants);
- `x-factRequired`: the keys a fact-file record must have;
- `x-codelist`: the codelist in schema/codelists/ whose codes the column takes;
- `x-delimiter`: a list column, joined with this delimiter in CSV.
"""

import copy
import csv
import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from factpack.layout import schema_dir


@dataclass
class Column:
    name: str
    spec: dict  # the property with its $ref resolved
    required: bool
    fact_key: str | None  # None when derived by the build

    @property
    def codelist(self):
        return self.spec.get("x-codelist")

    @property
    def delimiter(self):
        return self.spec.get("x-delimiter")


@dataclass
class Table:
    name: str
    schema: dict
    columns: list = field(default_factory=list)

    @property
    def meta(self) -> dict:
        return self.schema["x-table"]

    @property
    def title(self) -> str:
        return self.schema["title"]

    @property
    def description(self) -> str:
        return self.schema["description"]

    @property
    def primary_key(self) -> list:
        return self.meta["primaryKey"]

    @property
    def foreign_keys(self) -> list:
        return self.meta.get("foreignKeys", [])

    @property
    def fact_file(self) -> dict | None:
        return self.meta.get("factFile")

    @property
    def fact_only(self) -> dict:
        return {k: resolve(v) for k, v in self.schema.get("x-factOnly", {}).items()}

    @property
    def fact_required(self) -> list:
        return self.schema.get("x-factRequired", [])

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)

    def fact_columns(self) -> list:
        return [c for c in self.columns if c.fact_key]

    def column_for_fact_key(self, key: str):
        return next((c for c in self.columns if c.fact_key == key), None)


def _read_json(path: Path) -> dict:
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


@lru_cache(maxsize=None)
def definitions() -> dict:
    return _read_json(schema_dir() / "definitions.json")["$defs"]


def resolve(spec: dict) -> dict:
    """Inline a `$ref` to definitions.json, letting the field's own keys win."""
    spec = copy.deepcopy(spec)
    ref = spec.pop("$ref", None)
    if ref:
        base = copy.deepcopy(definitions()[ref.rsplit("/", 1)[-1]])
        base.update(spec)
        spec = base
    if "items" in spec and isinstance(spec["items"], dict):
        spec["items"] = resolve(spec["items"])
    return spec


def _column(name: str, raw: dict, required: list) -> Column:
    fact_key = None if raw.get("x-fact") is False else raw.get("x-factKey", name)
    return Column(name=name, spec=resolve(raw), required=name in required, fact_key=fact_key)


@lru_cache(maxsize=None)
def tables() -> tuple:
    """Every table, in publication order."""
    found = []
    for path in sorted((schema_dir() / "tables").glob("*.json")):
        schema = _read_json(path)
        table = Table(name=path.stem, schema=schema)
        required = schema.get("required", [])
        table.columns = [_column(n, p, required) for n, p in schema["properties"].items()]
        found.append(table)
    return tuple(sorted(found, key=lambda t: t.meta["order"]))


@lru_cache(maxsize=None)
def record_tables() -> tuple:
    """Tables whose records a fact file lists at its top level, each with its own id (the single `source` first)."""
    return tuple(t for t in tables() if t.fact_file and "nestedIn" not in t.fact_file)


@lru_cache(maxsize=1)
def named_tables() -> tuple:
    """Names of the record tables whose records have names of their own (people, organizations, places)."""
    return tuple(t.name for t in record_tables() if table("names") in nested_in(t.name))


@lru_cache(maxsize=None)
def nested_in(parent: str) -> tuple:
    """Tables whose records a fact file nests inside a record of `parent` (names in actors, participants in events)."""
    def parents(t):
        where = t.fact_file["nestedIn"]
        return [where] if isinstance(where, str) else where
    return tuple(t for t in tables() if t.fact_file and "nestedIn" in t.fact_file and parent in parents(t))


@lru_cache(maxsize=None)
def table(name: str) -> Table:
    return next(t for t in tables() if t.name == name)


@lru_cache(maxsize=None)
def codelist(name: str) -> tuple:
    """Rows of schema/codelists/<name>.csv as dicts, in file order."""
    with (schema_dir() / "codelists" / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return tuple(csv.DictReader(handle))


def codes(name: str) -> list:
    return [row["code"] for row in codelist(name)]


def codelist_names() -> list:
    return sorted(p.stem for p in (schema_dir() / "codelists").glob("*.csv"))


@lru_cache(maxsize=1)
def codelist_columns() -> dict:
    """column name → {title, description}, for the columns of every codelist (schema/codelist-columns.json)."""
    described = json.loads((schema_dir() / "codelist-columns.json").read_text(encoding="utf-8"))
    return {name: spec for name, spec in described.items() if not name.startswith("$")}


def codelist_header(name: str) -> list:
    with (schema_dir() / "codelists" / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return next(csv.reader(handle))
