"""Schemas derived from the model: the fact-file JSON Schema and the Table Schemas.

Neither is written by hand. schema/facts.schema.json is committed so contributors'
editors and other tools can use it; `factpack schema` regenerates it and a test
fails when the committed copy is stale.
"""

import json

from factpack import model

FACTS_SCHEMA_NAME = "facts.schema.json"
_DROP = ("x-", "$")


def _record_def_name(table_name: str) -> str:
    return table_name[:-1]  # actors → actor, names → name


def _clean(spec: dict) -> dict:
    """A raw property from the model as plain JSON Schema pointing at local $defs."""
    out = {}
    for key, value in spec.items():
        if key == "$ref":
            out[key] = "#/$defs/" + value.rsplit("/", 1)[-1]
        elif key == "x-codelist":
            out["enum"] = model.codes(value)
        elif key == "x-factRecord":
            out["$ref"] = "#/$defs/" + _record_def_name(value)
        elif key.startswith(_DROP):
            continue
        elif isinstance(value, dict):
            out[key] = _clean(value)
        else:
            out[key] = value
    return out


def fact_record_schema(table: model.Table) -> dict:
    properties = {}
    for name, raw in table.schema["properties"].items():
        if raw.get("x-fact") is False:
            continue
        properties[raw.get("x-factKey", name)] = _clean(raw)
    for name, raw in table.schema.get("x-factOnly", {}).items():
        properties[name] = _clean(raw)
    return {
        "title": table.title,
        "description": table.description,
        "type": "object",
        "additionalProperties": False,
        "required": table.fact_required,
        "properties": properties,
    }


def facts_schema() -> dict:
    defs = {name: dict(spec) for name, spec in model.definitions().items()}
    top = {}
    for table in model.tables():
        where = table.fact_file
        if not where:
            continue
        defs[_record_def_name(table.name)] = fact_record_schema(table)
        if "nestedIn" in where:
            continue
        ref = {"$ref": "#/$defs/" + _record_def_name(table.name)}
        top[where["key"]] = ref if where.get("single") else {"type": "array", "items": ref}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "facts.schema.json",
        "title": "factpack fact file",
        "description": "One YAML file per article: datasets/facts/<source id>.yaml. "
        "Generated from schema/tables/ by `factpack schema`; do not edit by hand.",
        "type": "object",
        "additionalProperties": False,
        "required": ["source"],
        "properties": top,
        "$defs": defs,
    }


def dumps(document) -> str:
    """The one JSON style of every file factpack writes: sorted nowhere, indented, UTF-8, LF."""
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _table_pattern(pattern: str) -> str:
    """JSON Schema patterns search; Table Schema patterns must match the whole value."""
    body = pattern[1:] if pattern.startswith("^") else ".*" + pattern
    return body[:-1] if body.endswith("$") else body + ".*"


def _constraints(column: model.Column) -> dict:
    spec = column.spec
    out: dict = {}
    if column.required:
        out["required"] = True
    if column.codelist:
        out["enum"] = model.codes(column.codelist)
    elif "enum" in spec:
        out["enum"] = spec["enum"]
    if "pattern" in spec:
        out["pattern"] = _table_pattern(spec["pattern"])
    for key in ("minLength", "maxLength", "minimum", "maximum"):
        if key in spec:
            out[key] = spec[key]
    return out


def _field_type(column: model.Column) -> dict:
    spec = column.spec
    if column.delimiter:
        return {"type": "list", "delimiter": column.delimiter, "itemType": "string"}
    if spec.get("type") == "integer":
        return {"type": "integer"}
    if spec.get("format") == "date":
        return {"type": "date"}
    return {"type": "string"}


def table_field(column: model.Column) -> dict:
    spec = column.spec
    out = {"name": column.name, "title": spec["title"], "description": spec["description"]}
    out.update(_field_type(column))
    if spec.get("examples"):
        example = spec["examples"][0]
        out["example"] = column.delimiter.join(example) if isinstance(example, list) else example
    constraints = _constraints(column)
    if constraints:
        out["constraints"] = constraints
    return out


def table_schema(table: model.Table, with_foreign_keys: bool = True) -> dict:
    schema = {
        "fields": [table_field(c) for c in table.columns],
        "missingValues": [""],
        "primaryKey": table.primary_key,
    }
    if with_foreign_keys and table.foreign_keys:
        schema["foreignKeys"] = table.foreign_keys
    return schema
