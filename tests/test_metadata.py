"""datasets/package.json is checked against schema/package.schema.json: its values reach datapackage.json and the site."""

import json

import pytest

from conftest import run_cli


def edit(mini, change):
    path = mini / "datasets/package.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


@pytest.mark.parametrize("change, path", [
    (lambda d: d.__setitem__("version", "0.1.0<img src=x onerror=alert(document.domain)>"), "version"),
    (lambda d: d.__setitem__("version", "0.1.0\n"), "version"),
    (lambda d: d["licenses"][0].__setitem__("path", "https://example.org/[x](onmouseover=alert(1)//)"), "licenses[0].path"),
    (lambda d: d["licenses"][0].__setitem__("path", "javascript:alert(1)"), "licenses[0].path"),
    (lambda d: d.__setitem__("homepage", "https://example.org/\n"), "homepage"),
    (lambda d: d.__setitem__("title", "factpack\u202e"), "title"),
    (lambda d: d.__setitem__("flavour", "extra"), ""),
])
def test_a_hostile_value_is_a_finding_and_nothing_is_written(mini, change, path):
    edit(mini, change)
    result = run_cli("--root", mini, "build", "--format", "json")
    assert result.code == 1
    found = [f for f in result.report["findings"] if f["code"] == "FP120"]
    assert [(f["file"], f["path"]) for f in found] == [("datasets/package.json", path)]
    assert found[0]["hint"]
    assert not (mini / "datapackage.json").exists()


def test_duplicate_keys_and_a_linked_file_are_findings(mini, tmp_path):
    path = mini / "datasets/package.json"
    path.write_text(path.read_text(encoding="utf-8").replace('"version": "0.1.0",', '"version": "0.1.0", "version": "0.2.0",'),
                    encoding="utf-8")
    result = run_cli("--root", mini, "build", "--format", "json")
    assert result.code == 1
    assert [f["message"] for f in result.report["findings"] if f["code"] == "FP120"] == [
        "not valid JSON: duplicate key(s): version"]
    (tmp_path / "elsewhere.json").write_bytes(path.read_bytes())
    path.unlink()
    path.symlink_to(tmp_path / "elsewhere.json")
    result = run_cli("--root", mini, "build", "--format", "json")
    assert result.code == 1
    assert ["symbolic link" in f["message"] for f in result.report["findings"] if f["code"] == "FP120"] == [True]
