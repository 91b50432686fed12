"""The model in schema/ is the single source: generated files match it, and it is well formed."""

import csv
import json

from jsonschema import Draft202012Validator

from conftest import REPO
from factpack import model, schema_outputs

ALLOWED_PROPERTY_KEYS = {
    "$ref", "type", "items", "title", "description", "examples", "enum", "pattern", "format", "minItems",
    "uniqueItems", "minLength", "maxLength", "minimum", "x-fact", "x-factKey", "x-codelist", "x-delimiter",
    "x-factRecord", "x-edtf", "x-standard", "x-multiline", "x-resolve", "oneOf",
}


def test_committed_fact_file_schema_is_up_to_date():
    committed = (REPO / "schema" / "facts.schema.json").read_text(encoding="utf-8")
    assert committed == schema_outputs.dumps(schema_outputs.facts_schema()), (
        "schema/facts.schema.json is stale: run `factpack schema` and commit it")


def test_fact_file_schema_is_a_valid_draft_2020_12_schema():
    Draft202012Validator.check_schema(schema_outputs.facts_schema())


def test_table_schemas_in_datapackage_are_generated_from_the_model():
    package = json.loads((REPO / "datapackage.json").read_text(encoding="utf-8"))
    by_name = {r["name"]: r for r in package["resources"]}
    for table in model.tables():
        assert by_name[table.name]["schema"] == schema_outputs.table_schema(table), (
            f"{table.name}: datapackage.json is stale: run `factpack build` and commit it")


def test_every_field_has_title_description_and_example():
    for table in model.tables():
        assert table.title and table.description
        for column in table.columns:
            for key in ("title", "description", "examples"):
                assert column.spec.get(key), f"{table.name}.{column.name} has no {key}"
        for name, spec in table.fact_only.items():
            assert spec.get("title") and spec.get("description"), f"{table.name}.{name}"


def test_no_misspelt_keywords_in_the_model():
    # jsonschema silently ignores unknown keywords (`requried`), even in check_schema.
    for table in model.tables():
        top = set(table.schema) - {"$schema", "$id", "title", "description", "type", "required", "properties",
                                   "x-table", "x-factRequired", "x-factOnly"}
        assert not top, f"{table.name}: unknown top-level keys {top}"
        for name, spec in {**table.schema["properties"], **table.schema.get("x-factOnly", {})}.items():
            assert set(spec) <= ALLOWED_PROPERTY_KEYS, f"{table.name}.{name}: {set(spec) - ALLOWED_PROPERTY_KEYS}"
        for key in table.schema.get("required", []) + table.primary_key:
            assert key in table.schema["properties"], f"{table.name}: unknown column {key}"


def test_fact_required_keys_exist():
    for table in model.tables():
        keys = {c.fact_key for c in table.fact_columns()} | set(table.fact_only)
        assert set(table.fact_required) <= keys, table.name


def test_codelists_have_code_label_description_and_unique_codes():
    for name in model.codelist_names():
        path = REPO / "schema" / "codelists" / f"{name}.csv"
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        assert rows, name
        assert list(rows[0])[:3] == ["code", "label", "description"], name
        codes = [r["code"] for r in rows]
        assert len(codes) == len(set(codes)), f"{name} repeats a code"
        assert all(r["label"] and r["description"] for r in rows), name


def test_every_codelist_is_used_and_every_used_codelist_exists():
    used = {c.codelist for t in model.tables() for c in t.columns if c.codelist}
    assert used == set(model.codelist_names())


def test_event_types_carry_a_crosswalk():
    rows = model.codelist("event-types")
    assert {"cameo", "acled_event_type", "acled_sub_event_type"} <= set(rows[0])
    assert {r["code"]: r["cameo"] for r in rows}["arrest"] == "173"


def test_foreign_keys_point_at_real_columns():
    for table in model.tables():
        for fk in table.foreign_keys:
            target = model.table(fk["reference"]["resource"])
            assert fk["reference"]["fields"] == target.primary_key
            for field in fk["fields"]:
                table.column(field)
