"""The type checker runs over the package as part of the test suite (configured in pyproject.toml)."""

import os

from conftest import REPO
from mypy import api


def test_mypy_finds_no_type_errors(monkeypatch):
    monkeypatch.chdir(REPO)
    report, errors, status = api.run(["--config-file", "pyproject.toml", "--no-incremental", "--cache-dir", os.devnull])
    assert status == 0, report + errors
