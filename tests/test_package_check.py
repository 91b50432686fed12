"""`factpack validate datapackage.json` reports exactly what stock frictionless reports, on a corpus of broken packages."""

import shutil

import frictionless
import pytest

from conftest import REPO, run_cli
from factpack import model
from factpack.package_validation import errors as validate_package
from package_mutations import BREAKING, SECRET, TRICKS


@pytest.fixture
def built(built_mini):
    return built_mini


def frictionless_errors(descriptor):
    """Stock frictionless's verdict; an exception is a verdict too (the package cannot be checked)."""
    try:
        report = frictionless.validate(str(descriptor))
    except Exception:  # noqa: BLE001
        return {("", "exception", None, None)}
    return {("", error.type, None, None) for error in report.errors} | {
        (task.name, error.type, getattr(error, "row_number", None), getattr(error, "field_number", None))
        for task in report.tasks for error in task.errors}


def factpack_errors(descriptor):
    return {(e.resource, e.type, e.row, e.field_number) for e in validate_package(descriptor)}


def mutated(built, tmp_path, mutation):
    root = tmp_path / "package"
    shutil.copytree(built, root)
    mutation(root)
    return root / "datapackage.json"


@pytest.mark.parametrize("name", sorted(BREAKING))
def test_reports_exactly_what_frictionless_reports(built, tmp_path, name):
    descriptor = mutated(built, tmp_path, BREAKING[name])
    expected = frictionless_errors(descriptor)
    assert expected, f"{name}: the mutation should break the package"
    assert factpack_errors(descriptor) == expected


@pytest.mark.filterwarnings("ignore::FutureWarning")  # frictionless warns on a POSIX class, then reports
@pytest.mark.parametrize("name", sorted(TRICKS))
def test_gives_frictionless_verdict_on_a_descriptor_trick(built, tmp_path, name):
    descriptor = mutated(built, tmp_path, TRICKS[name])
    assert factpack_errors(descriptor) == frictionless_errors(descriptor)


def test_reads_nothing_outside_the_package(built, tmp_path):
    result = run_cli("validate", mutated(built, tmp_path, TRICKS["parent-path"]), "--format", "json")
    assert result.code == 1 and "FP962" in {f["code"] for f in result.report["findings"]}
    assert SECRET not in result.out


def test_valid_packages_have_no_errors(built):
    assert factpack_errors(built / "datapackage.json") == set() == frictionless_errors(built / "datapackage.json")
    assert validate_package(REPO / "datapackage.json") == []


def test_cli_reports_package_errors_with_row_and_field(built, tmp_path):
    result = run_cli("validate", mutated(built, tmp_path, BREAKING["wrong-type-integer"]), "--format", "json")
    assert result.code == 1
    found = {(f["code"], f["file"], f["line"], f["column"], f["path"]) for f in result.report["findings"]}
    position = [c.name for c in model.table("events").columns].index("source_count") + 1
    assert ("FP955", "datasets/csv/events.csv", 2, position, "source_count") in found
    assert {"FP951", "FP952"} <= {f["code"] for f in result.report["findings"]}


def columns(table):
    return len(model.table(table).columns)


@pytest.mark.parametrize(
    "mutation, code, line, column, message",
    [
        ("missing-column", "FP953", 0, columns("relationships"), "missing-label: "),  # the last column removed
        ("extra-cell", "FP954", 2, columns("affiliations") + 1, "extra-cell: "),
        (
            "enum-violation",
            "FP956",
            2,
            [c.name for c in model.table("events").columns].index("type") + 1,
            'constraint-error: constraint "enum" fails',
        ),
        ("duplicate-primary-key", "FP957", 4, 0, "primary-key: the same as in the row at position 2"),
        (
            "broken-foreign-key",
            "FP958",
            2,
            0,
            'foreign-key: for "organization_id": values "almaty-polic" not found in the lookup table "organizations"',
        ),
        ("missing-file", "FP959", 0, 0, "scheme-error: "),
    ],
)
def test_each_package_error_has_its_code_and_place(built, tmp_path, mutation, code, line, column, message):
    findings = run_cli("validate", mutated(built, tmp_path, BREAKING[mutation]), "--format", "json").report["findings"]
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
