"""The program ends with os._exit (see factpack/lifetime.py): its output must still arrive whole,
with the command's exit code."""

import json
import subprocess
import sys

from conftest import MINI_FACTS


def run_program(*args):
    return subprocess.run([sys.executable, "-m", "factpack", *map(str, args)], capture_output=True, text=True,
                          timeout=120)


def test_a_valid_dataset_exits_0_with_its_whole_report(mini):
    done = run_program("--root", mini, "validate", "--format", "json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["summary"]["errors"] == 0


def test_errors_exit_1_with_every_finding_flushed(mini):
    path = mini / MINI_FACTS
    path.write_text(path.read_text(encoding="utf-8").replace("role: agent", "role: agnt"), encoding="utf-8")
    done = run_program("--root", mini, "validate", "--format", "json")
    assert done.returncode == 1, done.stderr
    report = json.loads(done.stdout)
    assert report["summary"]["errors"] == len([f for f in report["findings"] if f["severity"] == "error"]) > 0


def test_a_build_exits_0_and_says_what_it_wrote(mini):
    done = run_program("--root", mini, "build")
    assert done.returncode == 0, done.stderr
    assert done.stderr.rstrip().splitlines()[-1].startswith("factpack: wrote ")
