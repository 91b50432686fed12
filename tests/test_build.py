"""The build: valid data gives a valid, deterministic package; invalid data changes nothing."""

import hashlib
import json
import re
import subprocess
import sys

import pytest
from frictionless import Package

from conftest import MINI_FACTS, REPO, run_cli
from factpack import model, outputs

PUBLISHED = ("datapackage.json", "datasets/SHA256SUMS", "datasets/csv", "datasets/json", "datasets/parquet",
             "datasets/codelists")


def published_files() -> set:
    """Every table in CSV, JSON and Parquet, every codelist, the descriptor and the checksums: what the model says
    a build writes."""
    return {outputs.table_path(t.name, fmt) for t in model.tables() for fmt in ("csv", "json")} | {
        f"datasets/parquet/{t.name}.parquet" for t in model.tables()} | {
        f"datasets/codelists/{name}.csv" for name in model.codelist_names()} | {"datapackage.json", "datasets/SHA256SUMS"}


def snapshot(root) -> dict:
    files = {}
    for name in PUBLISHED:
        path = root / name
        for item in ([path] if path.is_file() else sorted(path.rglob("*")) if path.exists() else []):
            files[item.relative_to(root).as_posix()] = item.read_bytes()
    return files


def checksums_hold(root) -> bool:
    """Every file listed in datasets/SHA256SUMS exists and has that digest."""
    for line in (root / "datasets/SHA256SUMS").read_text(encoding="utf-8").splitlines():
        digest, name = line.split("  ")
        path = root / outputs.listed_name(name)
        if not path.is_file() or hashlib.sha256(path.read_bytes()).hexdigest() != digest:
            return False
    return True


def test_the_repository_package_is_up_to_date():
    result = run_cli("--root", REPO, "build", "--check")
    assert result.code == 0, result.err


def test_build_twice_gives_byte_identical_outputs(mini):
    assert run_cli("--root", mini, "build").code == 0
    first = snapshot(mini)
    assert run_cli("--root", mini, "build").code == 0
    assert snapshot(mini) == first
    assert set(first) == published_files()


def test_a_rebuild_replaces_only_the_files_whose_bytes_change(mini):
    assert run_cli("--root", mini, "build").code == 0
    identity = lambda: {n: ((mini / n).stat().st_ino, (mini / n).stat().st_mtime_ns) for n in published_files()}  # noqa: E731
    before, old_bytes = identity(), snapshot(mini)
    path = mini / MINI_FACTS
    path.write_text(path.read_text(encoding="utf-8").replace("Seitkali called", "Seitkali, the lawyer, called"),
                    encoding="utf-8")
    assert run_cli("--root", mini, "build").code == 0
    after, new_bytes = identity(), snapshot(mini)
    changed = {name for name in published_files() if new_bytes[name] != old_bytes[name]}
    assert "datasets/csv/events.csv" in changed
    assert {name for name in published_files() if after[name] != before[name]} == changed
    assert run_cli("--root", mini, "build", "--check").code == 0


def test_stock_frictionless_validates_the_built_package(mini):
    assert run_cli("--root", mini, "build").code == 0
    done = subprocess.run([sys.executable, "-m", "frictionless", "validate", "--json", "datapackage.json"],
                          cwd=mini, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-2000:]
    assert json.loads(done.stdout)["valid"] is True


def test_a_table_without_rows_passes_stock_frictionless_and_factpack_alike(mini):
    facts = mini / MINI_FACTS
    facts.write_text(re.sub(r"(?ms)^relationships:.*?(?=^\S|\Z)", "", facts.read_text(encoding="utf-8")), encoding="utf-8")
    assert run_cli("--root", mini, "build").code == 0
    assert json.loads((mini / "datasets/json/relationships.json").read_text(encoding="utf-8")) == []
    done = subprocess.run([sys.executable, "-m", "frictionless", "validate", "--json", "datapackage.json"],
                          cwd=mini, capture_output=True, text=True)
    assert json.loads(done.stdout)["valid"] is True, done.stdout[-2000:]
    assert run_cli("validate", mini / "datapackage.json").code == 0


def test_stock_frictionless_validates_the_repository_package():
    report = Package(str(REPO / "datapackage.json")).validate()
    assert report.valid, report.flatten(["resourcePath", "rowNumber", "fieldName", "type", "note"])


def test_descriptor_hashes_and_sizes_match_the_files(mini):
    run_cli("--root", mini, "build")
    package = json.loads((mini / "datapackage.json").read_text(encoding="utf-8"))
    for resource in package["resources"]:
        data = (mini / resource["path"]).read_bytes()
        if "hash" in resource:
            assert resource["hash"] == "sha256:" + hashlib.sha256(data).hexdigest()
            assert resource["bytes"] == len(data)
    assert checksums_hold(mini)
    listed = {line.split("  ", 1)[1] for line in (mini / "datasets/SHA256SUMS").read_text(encoding="utf-8").splitlines()}
    assert {outputs.listed_name(name) for name in listed} == published_files() - {"datasets/SHA256SUMS"}


def test_sha256sum_checks_the_download_from_the_checksums_folder(mini):
    """The file names its files relative to itself: `cd datasets && sha256sum -c SHA256SUMS`."""
    assert run_cli("--root", mini, "build").code == 0
    done = subprocess.run(["sha256sum", "--check", "--strict", "SHA256SUMS"], cwd=mini / "datasets",
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "../datapackage.json: OK" in done.stdout
    (mini / "datasets/csv/events.csv").write_bytes(b"tampered\n")
    assert subprocess.run(["sha256sum", "--check", "SHA256SUMS"], cwd=mini / "datasets", capture_output=True).returncode == 1


def test_csv_read_back_by_frictionless_equals_the_json_table(mini):
    path = mini / MINI_FACTS
    text = path.read_text(encoding="utf-8")
    tricky = 'Quote "this", a comma,\n\ta tab, emoji 🙂 and Қазақ letters; 007'
    text = text.replace("    description: Activist who leads the group Qorgau.",
                        "    description: " + json.dumps(tricky, ensure_ascii=False))
    path.write_text(text, encoding="utf-8")
    assert run_cli("--root", mini, "build").code == 0
    package = Package(str(mini / "datapackage.json"))
    for resource in package.resources:
        if resource.name.endswith("-json") or resource.name.startswith("codelist-"):
            continue  # the JSON copies are read from the CSV's side; codelists have no JSON copy
        csv_rows = [row.to_dict() for row in resource.read_rows()]
        json_rows = json.loads((mini / f"datasets/json/{resource.name}.json").read_text(encoding="utf-8"))
        for row in csv_rows:  # frictionless parses dates and integers; compare as published text
            for key, value in row.items():
                if hasattr(value, "isoformat"):
                    row[key] = value.isoformat()
        assert csv_rows == json_rows, resource.name
    actors = json.loads((mini / "datasets/json/actors.json").read_text(encoding="utf-8"))
    assert tricky in [a["description"] for a in actors]


def test_invalid_data_writes_nothing(mini):
    assert run_cli("--root", mini, "build").code == 0
    before = snapshot(mini)
    path = mini / MINI_FACTS
    path.write_text(path.read_text(encoding="utf-8").replace("type: arrest", "type: arest"), encoding="utf-8")
    result = run_cli("--root", mini, "build")
    assert result.code == 1
    assert "nothing written" in result.err
    assert snapshot(mini) == before


def test_build_check_names_stale_files_and_the_fix(mini):
    assert run_cli("--root", mini, "build").code == 0
    path = mini / MINI_FACTS
    path.write_text(path.read_text(encoding="utf-8").replace("Seitkali called", "Seitkali, the lawyer, called"),
                    encoding="utf-8")
    before = snapshot(mini)
    result = run_cli("--root", mini, "build", "--check")
    assert result.code == 1
    assert "stale: datasets/csv/events.csv" in result.err
    assert "stale: datapackage.json" in result.err
    assert "run `factpack build`" in result.err
    assert snapshot(mini) == before


def test_exit_code_2_for_a_folder_that_is_not_a_dataset(tmp_path):
    result = run_cli("--root", tmp_path, "validate")
    assert result.code == 2
    assert "no datasets/facts/ folder" in result.err
    assert "Traceback" not in result.err


def test_exit_code_2_for_bad_arguments(capsys):
    with pytest.raises(SystemExit) as exited:
        run_cli("validate", "--format", "xml")
    assert exited.value.code == 2


def test_validate_named_files_reports_only_those(mini):
    other = mini / "datasets/facts/other.yaml"
    other.write_text("source: [\n", encoding="utf-8")
    result = run_cli("--root", mini, "validate", "--format", "json", mini / MINI_FACTS)
    assert result.code == 0
    result = run_cli("--root", mini, "validate", "--format", "json")
    assert [f["file"] for f in result.findings()] == ["datasets/facts/other.yaml"]


def test_seed_package_contents():
    rows = {name: json.loads((REPO / f"datasets/json/{name}.json").read_text(encoding="utf-8"))
            for name in ("events", "participants", "actors", "citations")}
    detention = next(e for e in rows["events"] if e["event_id"] == "bilash-detained-in-almaty")
    assert (detention["date"], detention["type"], detention["country"]) == (
        "2019-03-10?",
        "arrest",
        "KZ",
    )  # the year is inferred, so marked uncertain
    roles = {(p["actor_id"] or p["organization_id"], p["role"]) for p in rows["participants"]
             if p["event_id"] == "bilash-detained-in-almaty"}
    assert roles == {("serikzhan-bilash", "target"), ("kazakhstan-police", "agent")}
    denial = next(e for e in rows["events"] if e["event_id"] == "lu-kang-rejects-pompeo-criticism")
    assert denial["responds_to"] == "pompeo-criticizes-china"
    cited = {(c["record_type"], c["record_id"]) for c in rows["citations"]}
    for table in ("actors", "events"):
        for row in rows[table]:
            assert (table, row[table[:-1] + "_id"]) in cited


def test_codelists_travel_with_the_package_as_typed_resources(built_mini):
    """The crosswalk to CAMEO and ACLED is part of the download, and CAMEO codes stay strings (010, not 10)."""
    package = Package(str(built_mini / "datapackage.json"))
    event_types = package.get_resource("codelist-event-types")
    rows = event_types.read_rows()
    assert {field.type for field in event_types.schema.fields} == {"string"}
    published = {row["code"]: row["cameo"] for row in rows}
    assert published == {row["code"]: row["cameo"] or None for row in model.codelist("event-types")}
    assert published["praise"] == "051"


def test_every_resource_states_its_licence_and_quotes_their_basis(built_mini):
    package = json.loads((built_mini / "datapackage.json").read_text(encoding="utf-8"))
    data_licence = package["licenses"][0]
    for resource in package["resources"]:
        assert resource["licenses"][0] == data_licence, resource["name"]
        quoting = resource["name"].removesuffix("-json") == "citations"
        assert (len(resource["licenses"]) == 2) == quoting, resource["name"]
        if quoting:
            assert "not licensed by factpack" in resource["licenses"][1]["title"]
