"""A checkout from a stranger's pull request can change findings and files only through the data it declares.

Each test plants what a pull request can commit (a pending publication, a cache entry,
symbolic links, devices, folders where files belong) and checks that it does not act:
a finding or a refusal (exit 2) instead.
"""

import os
import shutil
import subprocess

import pytest

from conftest import MINI_FACTS, run_cli
from factpack import local_state, publish
from factpack.cache import Cache, key
from factpack.layout import Layout
from test_build import snapshot

ARCHIVE = "datasets/archive/mini-article.txt"


def git(root, *args):
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True)


def codes(result) -> set:
    return {f["code"] for f in result.report["findings"]}


def test_a_committed_pending_folder_is_never_applied(mini, tmp_path):
    assert run_cli("--root", mini, "build").code == 0
    before = snapshot(mini)
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    pending = mini / publish.PENDING
    (pending / ".venv/lib").mkdir(parents=True)
    (pending / ".venv/lib/sitecustomize.py").write_text("raise SystemExit('pwned')\n")
    (pending / "datapackage.json").write_text("{}")
    (pending / publish.TOKEN_FILE).write_text("guessed")
    (pending / "hooks").symlink_to(hooks)
    (pending / "hooks/pre-commit").write_text("#!/bin/sh\necho pwned\n")
    for command in (["validate"], ["build", "--check"]):
        run_cli("--root", mini, *command, "--format", "json")
        assert pending.is_dir(), f"{command} must not touch a pending folder"
    result = run_cli("--root", mini, "build")
    assert result.code == 2
    assert "was not created by a build on this machine" in result.err and "remove it" in result.err
    assert not (mini / ".venv").exists()
    assert list(hooks.iterdir()) == [hooks / "pre-commit"]
    assert snapshot(mini) == before


def test_a_pending_folder_that_links_outside_is_refused_and_nothing_moves(mini, tmp_path):
    outside = tmp_path / "outside"
    (outside / "datasets/csv").mkdir(parents=True)
    (outside / "datasets/csv/events.csv").write_text("planted\n")
    (outside / "id_ed25519").write_text("secret\n")
    (mini / publish.PENDING).symlink_to(outside)
    result = run_cli("--root", mini, "build")
    assert result.code == 2
    assert "is not a real folder" in result.err
    assert sorted(p.name for p in outside.rglob("*")) == ["csv", "datasets", "events.csv", "id_ed25519"]
    assert not (mini / "datasets/csv/events.csv").exists()


def test_a_pending_folder_tracked_by_git_is_refused_even_with_the_right_token(mini):
    layout = Layout(mini)
    from factpack import pipeline

    git(mini, "init", "-q")
    publish.commit(layout, pipeline.run(layout).files)  # this machine's own token, then committed by someone
    git(mini, "add", "-f", publish.PENDING)
    result = run_cli("--root", mini, "build")
    assert result.code == 2
    assert "is tracked by git" in result.err


def test_a_planted_lock_folder_does_not_stop_the_build(mini):
    (mini / ".factpack.lock").mkdir()
    (mini / ".factpack.lock/x").write_text("planted")
    assert run_cli("--root", mini, "build").code == 0


@pytest.mark.parametrize("folder", ["datasets/csv", "datasets/json", "datasets"])
def test_a_linked_output_folder_is_refused_and_its_target_untouched(mini, tmp_path, folder):
    target = tmp_path / "victim"
    target.mkdir()
    (target / "keep.csv").write_text("mine\n")
    (target / "keep.json").write_text("[]\n")
    if folder == "datasets":
        shutil.copytree(mini / "datasets", target, dirs_exist_ok=True)
        shutil.rmtree(mini / "datasets")
    (mini / folder).symlink_to(target, target_is_directory=True)
    result = run_cli("--root", mini, "build")
    assert result.code == 2
    assert "is a symbolic link" in result.err and "real folders inside the dataset" in result.err
    assert (target / "keep.csv").read_text() == "mine\n" and (target / "keep.json").read_text() == "[]\n"
    assert not (target / "events.csv").exists() and not (target / "csv").exists()


def test_a_planted_cache_entry_does_not_vouch_for_a_broken_file(mini):
    layout = Layout(mini)
    facts = mini / MINI_FACTS
    assert run_cli("--root", mini, "validate").code == 0
    good_key = key(MINI_FACTS, facts.read_bytes(), (mini / ARCHIVE).read_bytes())
    good_entry = Cache(mini)._path(good_key).read_bytes()
    facts.write_text(
        facts.read_text(encoding="utf-8").replace("Seitkali told reporters", "Seitkali told no one"), encoding="utf-8"
    )
    bad_key = key(MINI_FACTS, facts.read_bytes(), (mini / ARCHIVE).read_bytes())
    # an attacker who can write the cache folder (but has no key) copies the good file's entry
    planted = Cache(layout.root)._path(bad_key)
    planted.parent.mkdir(parents=True, exist_ok=True)
    planted.write_bytes(good_entry)
    (planted.parent / (bad_key + "-positions")).write_bytes(Cache(mini)._path(good_key + "-positions").read_bytes())
    # and the old in-checkout cache folder, which a pull request can commit, is never read
    (mini / ".factpack-cache" / bad_key[:2]).mkdir(parents=True)
    (mini / ".factpack-cache" / bad_key[:2] / bad_key).write_bytes(good_entry)
    result = run_cli("--root", mini, "validate", "--format", "json")
    assert result.code == 1
    assert "FP601" in codes(result)


def test_the_cache_lives_outside_the_dataset_and_refuses_to_live_inside(mini, monkeypatch):
    assert not local_state.folder(mini).is_relative_to(mini.resolve())
    monkeypatch.setenv(local_state.ENVIRONMENT, str(mini / "cache"))
    result = run_cli("--root", mini, "validate")
    assert result.code == 2
    assert "inside the dataset" in result.err


def test_a_linked_archive_is_refused_unread(mini, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text((mini / ARCHIVE).read_text(encoding="utf-8"), encoding="utf-8")
    (mini / ARCHIVE).unlink()
    (mini / ARCHIVE).symlink_to(secret)
    result = run_cli("--root", mini, "validate", "--format", "json")
    assert result.code == 1
    assert codes(result) - {"FP902"} == {"FP604"}, "no quote is checked against a file the link points at"
    assert "symbolic link" in result.report["findings"][0]["message"]


def test_a_fact_file_linked_to_dev_zero_is_refused_unread(mini):
    (mini / "datasets/facts/zz.yaml").symlink_to("/dev/zero")
    result = run_cli("--root", mini, "validate", "--format", "json")
    assert result.code == 1
    refused = [f for f in result.report["findings"] if f["file"] == "datasets/facts/zz.yaml"]
    assert [f["code"] for f in refused] == ["FP111"]
    assert "symbolic link" in refused[0]["message"]


def test_a_folder_or_fifo_named_like_a_fact_file_is_a_finding(mini):
    (mini / "datasets/facts/zz.yaml").mkdir()
    os.mkfifo(mini / "datasets/facts/zy.yaml")
    result = run_cli("--root", mini, "validate", "--format", "json")
    assert result.code == 1
    found = {f["file"]: f for f in result.report["findings"] if f["code"] == "FP111"}
    assert set(found) == {"datasets/facts/zz.yaml", "datasets/facts/zy.yaml"}
    assert "is a folder" in found["datasets/facts/zz.yaml"]["message"]
    assert "is a FIFO" in found["datasets/facts/zy.yaml"]["message"]


def test_a_linked_facts_folder_is_refused(mini, tmp_path):
    shutil.move(mini / "datasets/facts", tmp_path / "facts")
    (mini / "datasets/facts").symlink_to(tmp_path / "facts", target_is_directory=True)
    result = run_cli("--root", mini, "validate")
    assert result.code == 2
    assert "datasets/facts is a symbolic link" in result.err


def test_an_oversized_fact_file_is_refused_before_it_is_read(mini):
    with open(mini / "datasets/facts/zz.yaml", "wb") as big:
        big.truncate(3 * 1024 * 1024)  # sparse: its size is known without reading it
    result = run_cli("--root", mini, "validate", "--format", "json")
    assert [f["code"] for f in result.report["findings"] if f["file"] == "datasets/facts/zz.yaml"] == ["FP108"]
