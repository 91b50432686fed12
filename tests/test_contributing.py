"""CONTRIBUTING.md's steps, run exactly as written, in a temporary copy of the repository."""

import json
import re
import shlex
import shutil
import subprocess
import sys

from conftest import FIXTURES, REPO

GUIDE = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
SKELETON = "datasets/facts/court-fines-rights-group-in-almaty.yaml"


def commands() -> list:
    """The factpack and frictionless commands of the guide's shell blocks, in order."""
    blocks = re.findall(r"```sh\n(.*?)```", GUIDE, flags=re.S)
    lines = [line.strip() for block in blocks for line in block.splitlines()]
    return [line for line in lines if line.startswith(("factpack ", "frictionless "))]


def run(root, line: str):
    argv = shlex.split(line)
    module = {"factpack": "factpack", "frictionless": "frictionless"}[argv[0]]
    return subprocess.run([sys.executable, "-m", module, *argv[1:]], cwd=root, capture_output=True, text=True)


def test_the_contributor_walkthrough(seed):
    steps = commands()
    assert [s.split()[:2] for s in steps] == [["factpack", "draft"], ["factpack", "validate"], ["factpack", "build"],
                                             ["factpack", "build"], ["frictionless", "validate"]]
    shutil.copy(FIXTURES / "walkthrough/article.txt", seed / "article.txt")

    created = run(seed, steps[0])
    assert created.returncode == 0, created.stderr
    drafted = (seed / SKELETON).read_text(encoding="utf-8")
    assert run(seed, steps[1]).returncode == 0, "the untouched draft must validate"
    assert "serikzhan-bilash-arrest-2019-03-10" in drafted and "FP906" in run(seed, steps[1]).stdout

    # the reviewed file: the draft's source block, then the records as the contributor corrected them
    filled = drafted[:drafted.index("\nactors:")] + "\n\n" + (FIXTURES / "walkthrough/filled.yaml").read_text(encoding="utf-8")
    (seed / SKELETON).write_text(filled, encoding="utf-8")
    failing = run(seed, steps[1])
    assert failing.returncode == 1
    example = re.search(r"```text\n(.*?)```", GUIDE, flags=re.S).group(1)
    assert example in failing.stdout, "CONTRIBUTING.md's example error must be what factpack prints"

    (seed / SKELETON).write_text(filled.replace("aigerim-nurlanov,", "aigerim-nurlanova,"), encoding="utf-8")
    assert run(seed, steps[1]).returncode == 0
    for step in steps[2:]:
        done = run(seed, step)
        assert done.returncode == 0, f"{step}: {done.stdout[-1500:]} {done.stderr[-1500:]}"
    events = (seed / "datasets/csv/events.csv").read_text(encoding="utf-8")
    assert "qorgau-fined,2019-05-02" in events
    statements = json.loads((seed / "datasets/json/statements.json").read_text(encoding="utf-8"))
    accounts = {s["source_id"] for s in statements if (s["record_id"], s["field"]) == ("bilash-detained-in-almaty", "summary")}
    assert "court-fines-rights-group-in-almaty" in accounts and len(accounts) > 1, "a second account of a known event"
