"""Integrity of the published package: atomic replacement, a lock, byte-identical output in any environment."""

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from filelock import FileLock
from frictionless import Package

from conftest import FIXTURES, MINI_FACTS, run_cli
from factpack import local_state, publish
from factpack.layout import Layout
from test_build import checksums_hold, snapshot

FACTPACK = [sys.executable, "-m", "factpack"]


def test_sigkill_at_random_moments_never_leaves_a_broken_package(mini):
    facts = mini / MINI_FACTS
    states = [facts.read_text(encoding="utf-8"),
              facts.read_text(encoding="utf-8").replace("Seitkali called", "The lawyer Seitkali called")]
    assert run_cli("--root", mini, "build").code == 0
    packages = {bytes(snapshot(mini)["datapackage.json"])}
    started = time.perf_counter()
    subprocess.run(FACTPACK + ["--root", str(mini), "build"], capture_output=True, check=True)
    duration = time.perf_counter() - started  # kills spread over 0–140 % of a build, on any machine
    rng = random.Random(20190310)
    for attempt in range(25):
        facts.write_text(states[attempt % 2], encoding="utf-8")
        process = subprocess.Popen(FACTPACK + ["--root", str(mini), "build"],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # every fifth build (of alternating fact states) is let finish, so both packages are published
        time.sleep(3 * duration if attempt % 5 == 4 else rng.uniform(0.0, 1.4 * duration))
        process.send_signal(signal.SIGKILL)
        process.wait()
        pending = (mini / ".factpack-pending").exists()
        # Before recovery: either a whole package is published, or a committed one is waiting to be applied.
        assert pending or checksums_hold(mini), f"attempt {attempt}: mixed package without a pending commit"
        recovered = run_cli("--root", mini, "build")
        assert recovered.code == 0, recovered.out[-1500:]  # a build finishes a committed publication first
        assert not (mini / ".factpack-pending").exists()
        assert not list(mini.glob(".factpack-staging-*"))
        assert checksums_hold(mini), f"attempt {attempt}: package broken after recovery"
        packages.add(bytes(snapshot(mini)["datapackage.json"]))
    assert len(packages) == 2, "the kills should have landed both before and after publication"
    report = Package(str(mini / "datapackage.json")).validate()
    assert report.valid


def test_a_second_build_is_refused_while_one_holds_the_lock(mini):
    with FileLock(str(local_state.folder(mini) / "lock"), timeout=0):
        result = run_cli("--root", mini, "build")
    assert result.code == 2
    assert "another factpack build is writing this dataset" in result.err
    assert "wait for it to finish" in result.err
    assert run_cli("--root", mini, "build").code == 0


def _build_in(root, env_changes):
    env = {**os.environ, **env_changes}
    done = subprocess.run(FACTPACK + ["--root", str(root), "build"], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return snapshot(root)


def test_output_is_identical_whatever_the_environment_and_file_order(mini, tmp_path):
    second = FIXTURES.parent.parent  # tests/ → repository
    shutil.copy(second / "datasets/facts/rferl-2019-03-bilash-lawyer-pressure.yaml", mini / "datasets/facts/")
    shutil.copy(second / "datasets/archive/rferl-2019-03-bilash-lawyer-pressure.txt", mini / "datasets/archive/")
    first = _build_in(mini, {"PYTHONHASHSEED": "1", "TZ": "UTC", "LC_ALL": "C"})
    # the same files created in the opposite order, in another folder
    other = tmp_path / "other"
    (other / "datasets/facts").mkdir(parents=True)
    (other / "datasets/archive").mkdir()
    for folder in ("datasets/facts", "datasets/archive"):
        for path in sorted((mini / folder).iterdir(), reverse=True):
            shutil.copy(path, other / folder / path.name)
    shutil.copy(mini / "datasets/package.json", other / "datasets/package.json")
    again = _build_in(other, {"PYTHONHASHSEED": "987", "TZ": "Asia/Almaty", "LC_ALL": "C.UTF-8",
                              "SOURCE_DATE_EPOCH": "0"})
    assert again == first


def test_no_wall_clock_time_enters_the_package(mini):
    assert not (mini / "datapackage.json").exists()
    run_cli("--root", mini, "build")
    descriptor = (mini / "datapackage.json").read_text(encoding="utf-8")
    assert "created" not in descriptor
    assert str(time.gmtime().tm_year) not in descriptor.replace("2026 The factpack", "")


def test_recovery_finishes_a_committed_publication_and_discards_an_uncommitted_one(mini):
    """The two crash states a SIGKILL can leave, produced on purpose rather than by chance."""
    assert run_cli("--root", mini, "build").code == 0
    old = snapshot(mini)
    facts = mini / MINI_FACTS
    facts.write_text(facts.read_text(encoding="utf-8").replace("Seitkali called", "The lawyer called"), encoding="utf-8")
    from factpack import pipeline

    layout = Layout(mini)
    new_files = dict(pipeline.run(layout).files.items())
    # killed while replacing: committed, two files already moved, the rest still pending
    pending = publish.commit(layout, new_files)
    for name in ("datasets/csv/events.csv", "datasets/json/events.json"):
        os.replace(pending / name, mini / name)
    assert not checksums_hold(mini)
    assert run_cli("--root", mini, "validate").code == 0
    assert run_cli("--root", mini, "build", "--check").code == 1
    assert pending.exists(), "validate and build --check never publish"
    assert run_cli("--root", mini, "build").code == 0
    assert not pending.exists()
    assert checksums_hold(mini)
    assert snapshot(mini) == new_files
    # killed while staging: the staging folder of the recorded publication, and nothing pending
    facts.write_text(facts.read_text(encoding="utf-8").replace("The lawyer called", "Seitkali called"), encoding="utf-8")
    staging = mini / (publish.STAGING_PREFIX + "0" * 32)
    (staging / "datasets/csv").mkdir(parents=True)
    (staging / "datasets/csv/events.csv").write_bytes(b"half")
    local_state.record(local_state.folder(mini), "publication", "0" * 32)
    assert run_cli("--root", mini, "build").code == 0
    assert not staging.exists()
    assert snapshot(mini) == old


class Killed(Exception):
    pass


def test_a_build_killed_while_deleting_its_finished_publication_leaves_nothing_to_refuse(mini, monkeypatch):
    """The third crash state: every file moved, the emptied folder half deleted (its token first)."""
    assert run_cli("--root", mini, "build").code == 0
    facts = mini / MINI_FACTS
    facts.write_text(facts.read_text(encoding="utf-8").replace("Seitkali called", "The lawyer called"), encoding="utf-8")
    from factpack import pipeline

    def killed_while_deleting(path, *args, **kwargs):
        (Path(path) / publish.TOKEN_FILE).unlink(missing_ok=True)
        raise Killed

    layout = Layout(mini)
    monkeypatch.setattr(publish.shutil, "rmtree", killed_while_deleting)
    with publish.locked(layout), pytest.raises(Killed):
        publish.publish(layout, pipeline.run(layout).files)
    monkeypatch.undo()
    assert checksums_hold(mini)
    assert run_cli("--root", mini, "build").code == 0
    assert not (mini / publish.PENDING).exists()
    assert not list(mini.glob(publish.STAGING_PREFIX + "*"))
