"""`factpack validate PATH…` and `--changed REF`: findings between two files go to the file the contributor
changed, name the other one, and the summary counts both."""

import subprocess

from conftest import MINI_FACTS, UNQUOTED, run_cli

EARLIER = """source:
  id: earlier-article
  title: Nurlanova Spoke Earlier
  publisher: Other Daily
  published: 2019-01-01
  language: en
actors:
  - id: ai-nurlanova
    name: Aygerim Nurlanova
    evidence: Aygerim Nurlanova said
"""
NEW = "datasets/facts/earlier-article.yaml"


def add_earlier_article(root):
    (root / NEW).write_text(EARLIER, encoding="utf-8")
    (root / "datasets/archive/earlier-article.txt").write_text("Aygerim Nurlanova said so.\n" + UNQUOTED, encoding="utf-8")


def similar(result) -> list:
    return [f for f in result.findings() if f["code"] == "FP901"]


def test_a_duplicate_goes_to_the_file_named_even_when_it_is_the_older_article(mini):
    add_earlier_article(mini)
    # unfocused, the established id is the one more sources use or published first: the earlier article's
    [unfocused] = similar(run_cli("--root", mini, "validate", "--format", "json"))
    assert unfocused["file"] == MINI_FACTS
    focused = run_cli("--root", mini, "validate", mini / NEW, "--format", "json")
    [finding] = similar(focused)
    assert finding["file"] == NEW and "keep the existing id: write id: aigerim-nurlanova" in finding["hint"]
    [other] = finding["related"]
    assert other.startswith(f"{MINI_FACTS}:") and f"defined in {other}" in finding["message"]
    assert focused.report["summary"]["files"] == 1 and focused.report["summary"]["files_involved"] == 2
    text = run_cli("--root", mini, "validate", mini / NEW).out
    assert text.splitlines()[-1].endswith("in 1 file(s), involving 2 file(s)")


def git(root, *args):
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True)


def test_changed_reports_on_the_files_that_differ_from_a_revision(mini):
    git(mini, "init", "-q")
    git(mini, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "base", "--allow-empty")
    git(mini, "add", ".")
    git(mini, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "the mini dataset")
    quiet = run_cli("--root", mini, "validate", "--changed")
    assert quiet.code == 0 and "no fact file differs from HEAD" in quiet.err
    add_earlier_article(mini)  # untracked: a pull request's new file
    result = run_cli("--root", mini, "validate", "--changed", "HEAD", "--format", "json")
    assert {f["file"] for f in result.findings()} == {NEW}
    assert similar(result)[0]["file"] == NEW
    everything = run_cli("--root", mini, "validate", "--changed", "HEAD~1", "--format", "json")
    assert {f["file"] for f in everything.report["findings"]} == {NEW, MINI_FACTS}


def test_changed_with_a_revision_git_does_not_know_is_a_usage_error(mini):
    git(mini, "init", "-q")
    result = run_cli("--root", mini, "validate", "--changed", "no-such-branch")
    assert result.code == 2 and "git diff" in result.err and "--changed origin/main" in result.err


def test_an_id_taken_by_another_kind_is_reported_in_the_file_named(mini):
    (mini / NEW).write_text(EARLIER.replace("actors:\n  - id: ai-nurlanova", "actors:\n  - id: qorgau"), encoding="utf-8")
    (mini / "datasets/archive/earlier-article.txt").write_text("Aygerim Nurlanova said so.\n" + UNQUOTED, encoding="utf-8")
    # unfocused, the alphabetically first kind keeps the id; named, the file's own record is the newcomer
    [finding] = [f for f in run_cli("--root", mini, "validate", mini / NEW, "--format", "json").findings()
                 if f["code"] == "FP301"]
    assert finding["file"] == NEW and "is also used for organizations" in finding["message"]
    assert finding["related"][0].startswith(f"{MINI_FACTS}:")
