"""The fact files a contributor changed: those that differ from a git revision, for `validate --changed`.

A fact file counts as changed when it, or its archived article, differs from the revision or is new
(untracked). Deleted files are not reported on: there is nothing left to point at.
"""

import subprocess
from pathlib import Path

from factpack.errors import UsageError


def _git(layout, *args: str) -> list[str]:
    try:
        done = subprocess.run(["git", "-C", str(layout.root), *args], capture_output=True, text=True, check=False)
    except OSError as error:
        raise UsageError(f"cannot run git: {error}", "install git, or name the files: factpack validate PATH…") from None
    if done.returncode != 0:
        raise UsageError(f"git {' '.join(args[:2])} failed: {done.stderr.strip()}",
                         "give a revision git knows, e.g. --changed origin/main (fetch it first in CI)")
    return [line for line in done.stdout.splitlines() if line]


def fact_files(layout, revision: str) -> list[Path]:
    """The fact files (absolute) that differ from `revision`, in name order."""
    if revision.startswith("-"):
        raise UsageError(f"'{revision}' is not a revision", "e.g. --changed origin/main")
    listed = _git(layout, "diff", "--name-only", "--no-renames", revision, "--", "datasets")
    listed += _git(layout, "ls-files", "--others", "--exclude-standard", "--", "datasets")
    top = Path(_git(layout, "rev-parse", "--show-toplevel")[0])
    facts = layout.facts.resolve()
    out = set()
    for name in listed:
        path = (top / name).resolve()
        if path.parent == facts and path.suffix == ".yaml":
            out.add(path)
        elif path.parent == layout.archive.resolve() and path.suffix == ".txt":
            out.add(facts / f"{path.stem}.yaml")
    return sorted(p for p in out if p.is_file())
