"""The files a release carries: a valid CITATION.cff, a changelog entry and licence information for every file,
all for the version the package declares."""

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import yaml

from conftest import FIXTURES, REPO


def _version() -> str:
    return json.loads((REPO / "datasets/package.json").read_text(encoding="utf-8"))["version"]


def test_citation_file_follows_cff_1_2_and_names_the_package_version():
    citation = yaml.safe_load((REPO / "CITATION.cff").read_text(encoding="utf-8"))
    schema = json.loads((FIXTURES / "cff-1.2.0.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker()).validate(citation)
    assert citation["version"] == _version()
    assert json.loads((REPO / "datapackage.json").read_text(encoding="utf-8"))["version"] == _version()


def test_the_changelog_has_an_entry_for_the_package_version():
    headings = [line for line in (REPO / "CHANGELOG.md").read_text(encoding="utf-8").splitlines() if line.startswith("## ")]
    # released (`## 0.2.0 — date`), or about to be (`## Unreleased (0.2.0)`, which `factpack release` dates)
    assert any(line.startswith((f"## {_version()} ", f"## Unreleased ({_version()})")) for line in headings), headings


def test_every_file_states_its_copyright_and_licence():
    reuse = Path(sys.executable).parent / "reuse"
    done = subprocess.run([str(reuse), "--root", str(REPO), "lint"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-3000:]
