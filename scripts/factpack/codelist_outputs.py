"""The codelists as resources of the package: each one's codes, labels, descriptions and crosswalks
(CAMEO, ACLED) travel with the data, as `datasets/codelists/<name>.csv`.

Rendered from schema/codelists/ in the tables' CSV dialect; every field is a string, so a code such
as CAMEO's `010` keeps its leading zero in every reader that follows the schema.
"""

import csv
import hashlib
import io

from factpack import model

FOLDER = "datasets/codelists"


def path(name: str) -> str:
    return f"{FOLDER}/{name}.csv"


def render(name: str) -> bytes:
    header = model.codelist_header(name)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    writer.writerows([row[column] for column in header] for row in model.codelist(name))
    return buffer.getvalue().encode("utf-8")


def files() -> dict:
    """relative path → bytes of every codelist the package publishes."""
    return {path(name): render(name) for name in model.codelist_names()}


def _field(column: str) -> dict:
    described = model.codelist_columns()[column]
    # the primary key makes codes required and unique: no constraint of its own, so the package stays within
    # what `factpack validate datapackage.json` checks on its fast route
    return {"name": column, "title": described["title"], "description": described["description"], "type": "string"}


def resource(name: str, data: bytes, dialect: dict) -> dict:
    used_by = sorted({f"{t.name}.{c.name}" for t in model.tables() for c in t.columns if c.codelist == name})
    return {
        "name": f"codelist-{name}",
        "type": "table",
        "path": path(name),
        "title": f"Codelist: {name.replace('-', ' ')}",
        "description": f"The codes allowed in {', '.join(used_by) or 'the fact files'}, with what each means.",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "bytes": len(data),
        "hash": "sha256:" + hashlib.sha256(data).hexdigest(),
        "dialect": dialect,
        "schema": {"fields": [_field(c) for c in model.codelist_header(name)], "missingValues": [""],
                   "primaryKey": ["code"]},
    }
