import io
import json
import os
import shutil
import tempfile
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from hypothesis import settings

from factpack.cli import main

# In CI the property tests try the same examples every run, so that a red build means a change
# broke something; a developer's run explores new examples (and hypothesis replays any failure).
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

# The cache, lock and publication tokens of every dataset the tests build, kept away from the user's own.
os.environ["FACTPACK_CACHE_DIR"] = tempfile.mkdtemp(prefix="factpack-test-state-")

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
MINI_FACTS = "datasets/facts/mini-article.yaml"
# Articles are mostly text that no record quotes: a fact file may quote at most half of its article (docs/quotes.md).
UNQUOTED = "\n" + "Background that no record of this test quotes. " * 20 + "\n"


class Run:
    def __init__(self, code, out, err):
        self.code, self.out, self.err = code, out, err

    @property
    def report(self) -> dict:
        return json.loads(self.out)

    def findings(self, *, drop=("FP902",)) -> list:
        return [f for f in self.report["findings"] if f["code"] not in drop]


def run_cli(*args) -> Run:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main([str(a) for a in args])
    return Run(code, out.getvalue(), err.getvalue())


@pytest.fixture
def mini(tmp_path) -> Path:
    """A copy of the small test dataset (one invented article) that a test may change."""
    root = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", root)
    return root


@pytest.fixture
def seed(tmp_path) -> Path:
    """A copy of the real dataset (fact files, archive, published files)."""
    root = tmp_path / "seed"
    (root / "datasets").mkdir(parents=True)
    for part in ("facts", "archive", "csv", "json", "parquet", "codelists"):
        shutil.copytree(REPO / "datasets" / part, root / "datasets" / part)
    for name in ("datasets/package.json", "datasets/SHA256SUMS", "datapackage.json"):
        shutil.copy(REPO / name, root / name)
    return root


@pytest.fixture(scope="session")
def built_mini(tmp_path_factory) -> Path:
    """The small test dataset, built once: a package for tests to copy, never to change."""
    root = tmp_path_factory.mktemp("built") / "mini"
    shutil.copytree(FIXTURES / "mini", root)
    assert run_cli("--root", root, "build").code == 0
    return root
