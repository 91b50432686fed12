"""The README's promises point at tests that exist: a renamed test must not leave a guarantee unproved."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import REPO


def test_every_test_the_readme_names_exists():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`(tests/[\w/]+\.py)(?:::(\w+))?`", readme))
    assert named, "the README's Guarantees table names no test"
    missing = []
    for path, test in sorted(named):
        source = (REPO / path).read_text(encoding="utf-8") if (REPO / path).is_file() else None
        if source is None or (test and not re.search(rf"^def {test}\(", source, re.MULTILINE)):
            missing.append(f"{path}::{test}" if test else path)
    assert not missing, f"README.md names tests that do not exist: {missing}"


def _snippets(section: str) -> list:
    """(language, code) of every fenced block in the README section with this heading."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    body = readme.split(f"\n{section}\n", 1)[1]
    body = re.split(r"\n#{2,3} ", body, maxsplit=1)[0]
    return re.findall(r"```(\w+)\n(.*?)```", body, re.DOTALL)


def _published_copy(tmp_path):
    """The repository's package as a user downloads it: the descriptor and the datasets folder, nothing else."""
    root = tmp_path / "download"
    (root / "datasets").mkdir(parents=True)
    shutil.copy(REPO / "datapackage.json", root)
    shutil.copy(REPO / "datasets/SHA256SUMS", root / "datasets")
    for folder in ("csv", "json", "parquet", "codelists"):
        shutil.copytree(REPO / "datasets" / folder, root / "datasets" / folder)
    return root


def test_every_snippet_for_data_users_runs_on_a_download(tmp_path):
    snippets = _snippets("### Read the tables")
    assert {language for language, _ in snippets} == {"sh", "python"}
    root = _published_copy(tmp_path)
    environment = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    for language, code in snippets:
        command = ["bash", "-euo", "pipefail", "-c", code] if language == "sh" else [sys.executable, "-c", code]
        done = subprocess.run(command, cwd=root, env=environment, capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, f"{language} snippet failed:\n{code}\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"
