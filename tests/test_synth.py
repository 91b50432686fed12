"""`factpack synth` writes a deterministic dataset that validates and builds cleanly, with every date form."""

import hashlib
import json

from conftest import run_cli
from factpack import local_state
from test_build import snapshot


def digest(root) -> str:
    files = sorted((root / "datasets").rglob("*"))
    return hashlib.sha256(b"".join(p.read_bytes() for p in files if p.is_file())).hexdigest()


def test_synthetic_dataset_is_deterministic_valid_and_builds(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    assert run_cli("synth", "--articles", "60", first).code == 0
    assert run_cli("synth", "--articles", "60", second).code == 0
    assert digest(first) == digest(second)
    result = run_cli("--root", first, "build", "--format", "json")
    assert result.code == 0, result.out[:2000]
    assert result.report["summary"]["errors"] == 0
    events = (first / "datasets/csv/events.csv").read_text(encoding="utf-8")
    for precision in (",day,", ",month,", ",season,", ",year,"):
        assert precision in events
    for certainty in (",uncertain,", ",approximate,"):
        assert certainty in events
    actors = json.loads((first / "datasets/json/actors.json").read_text(encoding="utf-8"))
    assert any(actor["source_count"] > 1 for actor in actors), "entities should recur across articles"
    events = json.loads((first / "datasets/json/events.json").read_text(encoding="utf-8"))
    assert any(event["source_count"] > 1 for event in events), "some events should have a second account"
    assert any(row["disputed"] for row in actors + events), "sources should sometimes disagree"
    names = (first / "datasets/csv/names.csv").read_text(encoding="utf-8")
    assert "Cyrl" in names and any(ch in names for ch in "ұқңәғөүі")


def test_jobs_and_cache_do_not_change_the_output(tmp_path):
    root = tmp_path / "s"
    run_cli("synth", "--articles", "40", root)
    assert run_cli("--root", root, "build", "--jobs", "1", "--no-cache").code == 0
    cold = snapshot(root)
    assert run_cli("--root", root, "build", "--jobs", "2", "--no-cache").code == 0
    assert snapshot(root) == cold
    assert run_cli("--root", root, "build").code == 0  # fills the cache
    assert run_cli("--root", root, "build").code == 0  # reads it
    assert snapshot(root) == cold


def test_a_validation_s_cache_without_rows_serves_a_later_build(tmp_path):
    root = tmp_path / "s"
    run_cli("synth", "--articles", "20", root)
    assert run_cli("--root", root, "build", "--no-cache").code == 0
    cold = snapshot(root)
    for path in (root / "datasets/csv").iterdir():
        path.write_text("stale\n", encoding="utf-8")
    assert run_cli("--root", root, "validate").code == 0  # caches each file's findings, without rows
    assert run_cli("--root", root, "build").code == 0
    assert snapshot(root) == cold
    assert run_cli("--root", root, "validate").code == 0  # and a build's entries serve validation
    assert run_cli("--root", root, "build", "--check").code == 0


def test_a_corrupted_cache_changes_nothing(tmp_path):
    root = tmp_path / "s"
    run_cli("synth", "--articles", "20", root)
    assert run_cli("--root", root, "build").code == 0
    built = snapshot(root)
    entries = sorted((local_state.folder(root) / "results").rglob("*"))
    entries = [p for p in entries if p.is_file()]
    assert entries
    for index, path in enumerate(entries):
        path.write_bytes(b"\x00garbage" if index % 2 else path.read_bytes()[:7])
    assert run_cli("--root", root, "build").code == 0
    assert snapshot(root) == built


def test_a_cached_result_is_not_reused_for_changed_content(tmp_path):
    root = tmp_path / "s"
    run_cli("synth", "--articles", "5", root)
    assert run_cli("--root", root, "validate").code == 0
    path = root / "datasets/facts/synthetic-0000003.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace('kind: "primary"', 'kind: "primry"', 1), encoding="utf-8")
    result = run_cli("--root", root, "validate", "--format", "json")
    assert result.code == 1
    assert [f["code"] for f in result.findings() if f["severity"] == "error"] == ["FP207"]


def test_a_cached_result_is_not_reused_when_the_archived_article_changes(tmp_path):
    """Evidence is checked in the per-file stage, so its cache entry depends on the archive too."""
    root = tmp_path / "s"
    run_cli("synth", "--articles", "5", root)
    assert run_cli("--root", root, "validate").code == 0
    archive = root / "datasets/archive/synthetic-0000003.txt"
    archive.write_text("Nothing of the article is left.\n", encoding="utf-8")
    result = run_cli("--root", root, "validate", "--format", "json")
    assert result.code == 1
    assert {f["code"] for f in result.findings() if f["severity"] == "error"} == {"FP601"}
    archive.unlink()
    result = run_cli("--root", root, "validate", "--format", "json")
    assert [f["code"] for f in result.findings() if f["severity"] == "error"] == ["FP602"]
