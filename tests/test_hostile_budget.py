"""Every hostile fact file is dealt with quickly and in little memory (generous bounds; see docs for benchmarks)."""

import json
import subprocess
import sys

from conftest import FIXTURES

PROBE = r"""
import json, shutil, sys, time, tempfile
from pathlib import Path
from factpack.layout import Layout
from factpack import pipeline
mini, cases = Path(sys.argv[1]), sorted(Path(sys.argv[2]).glob("*.yaml"))
out = {}
with tempfile.TemporaryDirectory() as tmp:
    root = Path(tmp) / "mini"
    shutil.copytree(mini, root)
    for case in cases:
        (root / "datasets/facts/mini-article.yaml").write_bytes(case.read_bytes())
        started = time.perf_counter()
        findings, _, _ = pipeline.check(Layout(root), Layout(root).fact_files())
        out[case.stem] = [time.perf_counter() - started, len(findings)]
# VmHWM, not getrusage: Linux carries ru_maxrss over exec, so a child of a large pytest process would report
# its parent's size at fork; the peak of this process's own memory is reset at exec.
peak = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print(json.dumps({"cases": out, "max_rss_mb": peak / 1024}))
"""


def test_each_hostile_case_takes_under_two_seconds_and_the_run_under_300_mb():
    done = subprocess.run([sys.executable, "-c", PROBE, str(FIXTURES / "mini"), str(FIXTURES / "invalid")],
                          capture_output=True, text=True, check=True)
    result = json.loads(done.stdout)
    assert len(result["cases"]) >= 50
    for name, (seconds, count) in result["cases"].items():
        assert seconds < 2, f"{name} took {seconds:.2f} s"
        assert count >= 1, f"{name} produced no finding"
    assert result["max_rss_mb"] < 300
