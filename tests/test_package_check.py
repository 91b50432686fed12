"""`factpack validate datapackage.json` reports exactly what stock frictionless reports, on a corpus of broken packages."""

import csv
import io
import shutil

import pytest
from frictionless import Package

from conftest import REPO, run_cli
from factpack.package_validation import errors as validate_package


def edit_csv(root, table, change):
    path = root / f"datasets/csv/{table}.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    change(rows)
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")


def set_cell(table, row, column, value):
    def change(rows):
        rows[row][rows[0].index(column)] = value
    return lambda root: edit_csv(root, table, change)


def raw(table, transform):
    def mutate(root):
        path = root / f"datasets/csv/{table}.csv"
        path.write_bytes(transform(path.read_bytes()))
    return mutate


def raw_json(table, text):
    def mutate(root):
        (root / f"datasets/json/{table}.json").write_text(text, encoding="utf-8")
    return mutate


MUTATIONS = {
    "broken-foreign-key": set_cell("participants", 1, "organization_id", "almaty-polic"),
    "broken-self-reference": set_cell("events", 2, "responds_to", "no-such-event"),
    "duplicate-primary-key": lambda root: edit_csv(root, "events", lambda rows: rows.append(list(rows[1]))),
    "wrong-type-integer": set_cell("events", 1, "source_count", "abc"),
    "wrong-type-date": set_cell("events", 1, "date_start", "2019-13-01"),
    "enum-violation": set_cell("events", 1, "type", "arest"),
    "pattern-violation": set_cell("actors", 1, "actor_id", "Bad Id"),
    "missing-required-value": set_cell("events", 1, "summary", ""),
    "missing-primary-key-value": set_cell("actors", 2, "actor_id", ""),
    "same-size-other-hash": raw("actors", lambda data: data.replace(b"Activist", b"Activism", 1)),
    "truncated-file": raw("citations", lambda data: data[: len(data) // 2].rsplit(b"\n", 1)[0] + b"\n"),
    "missing-column": lambda root: edit_csv(root, "relationships", lambda rows: [r.pop() for r in rows]),
    "extra-column": lambda root: edit_csv(root, "names", lambda rows: [r.append("x") for r in rows[:2]]),
    "renamed-column": lambda root: edit_csv(root, "sources", lambda rows: rows[0].__setitem__(1, "link")),
    "extra-cell": lambda root: edit_csv(root, "affiliations", lambda rows: rows[1].append("surplus")),
    "blank-row": lambda root: edit_csv(root, "organizations", lambda rows: rows.insert(2, [""] * len(rows[0]))),
    "missing-file": lambda root: (root / "datasets/csv/relationships.csv").unlink(),
    "json-not-valid": raw_json("events", '[{"event_id": "x"'),
    "json-not-an-array-of-objects": raw_json("actors", "[1, 2]"),
    "json-an-object": raw_json("names", '{"name_id": "x"}'),
    "cell-over-128-kib": set_cell("citations", 1, "quote", "x" * 200_000),
}


@pytest.fixture
def built(built_mini):
    return built_mini


def frictionless_errors(descriptor):
    report = Package(str(descriptor)).validate()
    return {(task.name, error.type, getattr(error, "row_number", None), getattr(error, "field_number", None))
            for task in report.tasks for error in task.errors}


def factpack_errors(descriptor):
    return {(e.resource, e.type, e.row, e.field_number) for e in validate_package(descriptor)}


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_reports_exactly_what_frictionless_reports(built, tmp_path, name):
    root = tmp_path / "package"
    shutil.copytree(built, root)
    MUTATIONS[name](root)
    expected = frictionless_errors(root / "datapackage.json")
    assert expected, f"{name}: the mutation should break the package"
    assert factpack_errors(root / "datapackage.json") == expected


def test_valid_packages_have_no_errors(built):
    assert factpack_errors(built / "datapackage.json") == set() == frictionless_errors(built / "datapackage.json")
    assert validate_package(REPO / "datapackage.json") == []


def test_cli_reports_package_errors_with_row_and_field(built, tmp_path):
    root = tmp_path / "package"
    shutil.copytree(built, root)
    MUTATIONS["wrong-type-integer"](root)
    result = run_cli("validate", root / "datapackage.json", "--format", "json")
    assert result.code == 1
    found = {(f["code"], f["file"], f["line"], f["column"], f["path"]) for f in result.report["findings"]}
    assert ("FP955", "datasets/csv/events.csv", 2, 13, "source_count") in found
    assert {"FP951", "FP952"} <= {f["code"] for f in result.report["findings"]}


@pytest.mark.parametrize("mutation, code, line, column, message", [
    ("missing-column", "FP953", 0, 7, "missing-label: "),
    ("extra-cell", "FP954", 2, 8, "extra-cell: "),
    ("enum-violation", "FP956", 2, 8, 'constraint-error: constraint "enum" fails'),
    ("duplicate-primary-key", "FP957", 4, 0, "primary-key: the same as in the row at position 2"),
    ("broken-foreign-key", "FP958", 2, 0, 'foreign-key: for "organization_id": values "almaty-polic" not found in the lookup table "organizations"'),
    ("missing-file", "FP959", 0, 0, "scheme-error: "),
])
def test_each_package_error_has_its_code_and_place(built, tmp_path, mutation, code, line, column, message):
    root = tmp_path / "package"
    shutil.copytree(built, root)
    MUTATIONS[mutation](root)
    findings = run_cli("validate", root / "datapackage.json", "--format", "json").report["findings"]
    ours = [f for f in findings if f["code"] == code]
    assert ours, findings
    assert (ours[0]["line"], ours[0]["column"]) == (line, column)
    assert ours[0]["message"].startswith(message)


def test_a_hash_algorithm_outside_the_spec_is_an_error_not_a_crash(built, tmp_path):
    root = tmp_path / "package"
    shutil.copytree(built, root)
    path = root / "datapackage.json"
    path.write_text(path.read_text(encoding="utf-8").replace('"hash": "sha256:', '"hash": "whirl:', 1), encoding="utf-8")
    result = run_cli("validate", path, "--format", "json")
    assert result.code == 1
    assert [f["code"] for f in result.report["findings"]] == ["FP952"]
    assert "not a hash algorithm" in result.report["findings"][0]["message"]
