"""`factpack diff OLD NEW`: what changed between two packages, per table, by primary key."""

import json
import shutil
import subprocess
import sys

from conftest import MINI_FACTS, run_cli


def _edited(built_mini, tmp_path):
    """Two builds of the mini dataset: before and after an edit that changes, adds and removes records."""
    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(built_mini, old)
    shutil.copytree(built_mini, new)
    path = new / MINI_FACTS
    text = path.read_text(encoding="utf-8")
    text = text.replace("summary: Police in Almaty detained Aigerim Nurlanova.",
                        "summary: Police in Almaty detained the activist Aigerim Nurlanova.")
    start = text.index("relationships:")
    path.write_text(text[:start], encoding="utf-8")  # the relationship is gone
    assert run_cli("--root", new, "build").code == 0
    return old, new


def _diff(old, new, *options):
    return run_cli("diff", str(old / "datapackage.json"), str(new / "datapackage.json"), *options)


def test_changed_and_removed_records_are_listed_with_their_fields(built_mini, tmp_path):
    old, new = _edited(built_mini, tmp_path)
    result = _diff(old, new, "--format", "json")
    assert result.code == 0, result.err
    report = json.loads(result.out)
    assert report["tables"]["events"]["changed"] == {"nurlanova-detained": ["summary"]}
    assert report["tables"]["relationships"]["removed"] == ["seitkali-lawyer-of-nurlanova"]
    assert "actors" not in report["tables"]  # unchanged tables are left out


def test_text_and_markdown_say_the_same(built_mini, tmp_path):
    old, new = _edited(built_mini, tmp_path)
    text = _diff(old, new).out
    assert "changed: nurlanova-detained (summary)" in text
    assert "relationships: 0 added, 1 removed, 0 changed" in text
    markdown = _diff(old, new, "--format", "markdown").out
    assert "| `relationships` | 0 | 1 | 0 |" in markdown
    assert "Removed from `relationships`: `seitkali-lawyer-of-nurlanova`." in markdown


def test_a_package_compared_with_itself_has_no_differences(built_mini):
    assert "no differences" in _diff(built_mini, built_mini).out


def test_a_git_revision_is_read_from_the_repository(built_mini, tmp_path):
    repository = tmp_path / "repo"
    shutil.copytree(built_mini, repository)
    git = ["git", "-C", str(repository), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run(git + ["init", "-q"], check=True)
    subprocess.run(git + ["add", "-A"], check=True)
    subprocess.run(git + ["commit", "-qm", "first"], check=True)
    events = repository / "datasets/csv/events.csv"
    events.write_text(events.read_text(encoding="utf-8").replace("Police in Almaty detained", "Almaty police detained"),
                      encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "factpack", "diff", "HEAD:datapackage.json", "datapackage.json"],
                          cwd=repository, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "changed: nurlanova-detained (summary)" in done.stdout


def test_a_missing_package_is_a_usage_error_with_a_hint(tmp_path):
    result = run_cli("diff", str(tmp_path / "nothing.json"), str(tmp_path / "nothing.json"))
    assert result.code == 2
    assert "no such package" in result.err and "REV:datapackage.json" in result.err


def test_a_resource_path_outside_the_package_is_refused_unread(built_mini, tmp_path):
    hostile = tmp_path / "hostile"
    shutil.copytree(built_mini, hostile)
    descriptor = json.loads((hostile / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["resources"][0]["path"] = "../../etc/passwd"
    (hostile / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    result = _diff(built_mini, hostile)
    assert result.code == 2
    assert "leaves the package" in result.err and "root:" not in result.out
