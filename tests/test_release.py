"""`factpack release VERSION`: the number follows the changes; the changelog, citation and version are written,
the package rebuilt, committed and tagged."""

import shutil
import subprocess

import yaml

from conftest import MINI_FACTS, REPO, run_cli
from factpack import package_diff, release


def _repository(built_mini, tmp_path):
    root = tmp_path / "repo"
    shutil.copytree(built_mini, root)
    shutil.copy(REPO / "CITATION.cff", root)
    (root / "CITATION.cff").write_text((root / "CITATION.cff").read_text(encoding="utf-8").replace('version: "0.2.0"',
                                                                                                 'version: "0.1.0"'),
                                       encoding="utf-8")
    (root / "CHANGELOG.md").write_text("# Changelog\n\n## Unreleased\n\n- A fix.\n\n## 0.1.0 — first\n\nFirst.\n",
                                       encoding="utf-8")
    git = ["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run(git[:3] + ["init", "-q"], check=True)
    subprocess.run(git + ["add", "-A"], check=True)
    subprocess.run(git + ["commit", "-qm", "first"], check=True)
    subprocess.run(git + ["tag", "-a", "v0.1.0", "-m", "0.1.0"], check=True)
    path = root / MINI_FACTS
    path.write_text(path.read_text(encoding="utf-8").replace("Seitkali called the detention unlawful.",
                                                             "Seitkali called the detention of Nurlanova unlawful."),
                    encoding="utf-8")
    assert run_cli("--root", root, "build").code == 0
    subprocess.run(git + ["commit", "-qam", "a fix"], check=True)
    return root, git


def test_a_data_only_change_is_a_patch_and_a_skipped_number_is_refused(built_mini, tmp_path):
    root, _ = _repository(built_mini, tmp_path)
    refused = run_cli("--root", root, "release", "0.1.5")
    assert refused.code == 2
    assert "a patch change, so the next version is 0.1.1 or 0.2.0 or 1.0.0" in refused.err
    assert run_cli("--root", root, "release", "0.1.1", "--dry-run").code == 0


def test_a_release_writes_the_entry_the_citation_and_the_version_then_commits_and_tags(built_mini, tmp_path):
    root, git = _repository(built_mini, tmp_path)
    result = run_cli("--root", root, "release", "0.1.1")
    assert result.code == 0, result.err
    changelog = (root / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "## 0.1.1 — " in changelog and "- A fix." in changelog and "| `events` | 0 | 0 | 1 |" in changelog
    assert yaml.safe_load((root / "CITATION.cff").read_text(encoding="utf-8"))["version"] == "0.1.1"
    assert '"version": "0.1.1"' in (root / "datapackage.json").read_text(encoding="utf-8")
    assert subprocess.run(git + ["tag", "--list", "v0.1.1"], capture_output=True, text=True).stdout.strip() == "v0.1.1"
    assert subprocess.run(git + ["status", "--porcelain", "--untracked-files=no"], capture_output=True, text=True).stdout == ""
    assert run_cli("--root", root, "build", "--check").code == 0


def test_the_rules_for_each_kind_of_change():
    diff = package_diff.PackageDiff("1.0.0", "x", {}, {}, {"events": package_diff.TableDiff(fields_removed=["x"])})
    assert release.required_level(diff) == "major"
    diff.tables = {"events": package_diff.TableDiff(fields_added=["x"])}
    assert release.required_level(diff) == "minor"
    diff.tables = {"codelist-event-types": package_diff.TableDiff(added=["new-code"])}
    assert release.required_level(diff) == "minor"
    diff.tables = {"events": package_diff.TableDiff(changed={"e": ["summary"]})}
    assert release.required_level(diff) == "patch"
    assert release.check("2.0.0", "1.0.0", diff) == "major"  # a change of meaning cannot be seen: major is allowed
