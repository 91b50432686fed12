"""validate datapackage.json on packages outside the modelled subset: stock frictionless's verdict, bounded."""

import hashlib
import json
import shutil

import pytest

from conftest import run_cli


def package(built, tmp_path, change):
    root = tmp_path / "package"
    shutil.copytree(built, root)
    path = root / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    change(descriptor, root)
    path.write_text(json.dumps(descriptor), encoding="utf-8")
    return path


def actor_id(descriptor):
    return next(r for r in descriptor["resources"] if r["name"] == "actors")["schema"]["fields"][0]


def codes(result):
    return {f["code"] for f in result.report["findings"]}


def test_an_unsafe_path_is_refused_as_frictionless_refuses_it(built_mini, tmp_path):
    path = package(built_mini, tmp_path, lambda d, r: d["resources"][1].__setitem__("path", "/etc/passwd"))
    result = run_cli("validate", path, "--format", "json")
    assert result.code == 1 and "FP962" in codes(result)
    assert "root:" not in result.out


def test_a_pattern_frictionless_raises_on_is_a_finding_not_a_crash(built_mini, tmp_path):
    path = package(built_mini, tmp_path, lambda d, r: actor_id(d)["constraints"].__setitem__("pattern", "a**"))
    result = run_cli("validate", path, "--format", "json")
    assert result.code == 1 and codes(result) == {"FP960"}


def test_a_backtracking_pattern_is_stopped_at_the_time_limit(built_mini, tmp_path):
    def change(d, root):
        field = actor_id(d)
        field["constraints"]["pattern"] = "(?:a|a)+b"
        field.pop("example", None)
    path = package(built_mini, tmp_path, change)
    csv_path = path.parent / "datasets/csv/actors.csv"
    lines = csv_path.read_text(encoding="utf-8").split("\n")
    lines[1] = "a" * 40 + lines[1][lines[1].index(","):]
    csv_path.write_text("\n".join(lines), encoding="utf-8")
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    for r in descriptor["resources"]:
        data = (path.parent / r["path"]).read_bytes()
        if "bytes" in r:
            r["bytes"], r["hash"] = len(data), "sha256:" + hashlib.sha256(data).hexdigest()
    path.write_text(json.dumps(descriptor), encoding="utf-8")
    result = run_cli("validate", path, "--format", "json", "--time-limit", "5")
    assert result.code == 1 and "FP960" in codes(result)


def test_a_byte_order_mark_is_a_warning_and_exit_0(built_mini, tmp_path):
    def change(d, root):
        csv_path = root / "datasets/csv/actors.csv"
        data = b"\xef\xbb\xbf" + csv_path.read_bytes()
        csv_path.write_bytes(data)
        resource = next(r for r in d["resources"] if r["name"] == "actors")
        resource["bytes"], resource["hash"] = len(data), "sha256:" + hashlib.sha256(data).hexdigest()
    result = run_cli("validate", package(built_mini, tmp_path, change), "--format", "json")
    assert result.code == 0 and codes(result) == {"FP961"}



def test_a_constraint_outside_the_model_is_checked_by_frictionless(built_mini, tmp_path):
    def change(d, root):
        fields = next(r for r in d["resources"] if r["name"] == "events")["schema"]["fields"]
        next(f for f in fields if f["name"] == "source_count")["constraints"]["unique"] = True
    result = run_cli("validate", package(built_mini, tmp_path, change), "--format", "json")
    assert result.code == 1
    assert [f["message"].split(":")[0] for f in result.report["findings"]] == ["unique-error"]


def test_a_resource_that_links_outside_is_refused_unread(built_mini, tmp_path):
    secret = tmp_path / "secret.csv"
    secret.write_text("actor_id,name\nsecret-outside-the-package,x\n", encoding="utf-8")

    def change(d, root):
        (root / "datasets/csv/actors.csv").unlink()
        (root / "datasets/csv/actors.csv").symlink_to(secret)
    result = run_cli("validate", package(built_mini, tmp_path, change), "--format", "json")
    assert result.code == 1 and codes(result) == {"FP959"}
    assert "link" in result.report["findings"][0]["message"]
    assert "secret-outside-the-package" not in result.out


@pytest.mark.parametrize("how", ["link", "path"])
def test_a_resource_that_is_a_device_is_refused_unread(built_mini, tmp_path, how):
    def change(d, root):
        if how == "link":
            (root / "datasets/csv/actors.csv").unlink()
            (root / "datasets/csv/actors.csv").symlink_to("/dev/zero")
        else:
            next(r for r in d["resources"] if r["name"] == "actors")["path"] = "/dev/zero"
    result = run_cli("validate", package(built_mini, tmp_path, change), "--format", "json", "--time-limit", "20")
    assert result.code == 1
    assert codes(result) == {"FP959" if how == "link" else "FP962"}, result.out
    assert not any("time" in f["message"] for f in result.report["findings"])


def test_a_remote_resource_is_refused_not_downloaded(built_mini, tmp_path):
    path = package(built_mini, tmp_path, lambda d, r: d["resources"][1].__setitem__("path", "https://example.org/a.csv"))
    result = run_cli("validate", path, "--format", "json")
    assert result.code == 1 and codes(result) == {"FP959"}
    assert "remote URL" in result.report["findings"][0]["message"]
