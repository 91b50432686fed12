"""Stock frictionless in a child process: whatever the package does to it, the child is bounded and reports."""

import resource
import shutil

from factpack import package_stock
from package_mutations import describe, nested_json_cell


def test_a_memory_bomb_is_stopped_by_the_memory_limit(built_mini, tmp_path):
    # 200 KB of lists nested 100,000 deep made frictionless grow to 24 GB before the kernel killed it
    root = tmp_path / "package"
    shutil.copytree(built_mini, root)
    describe(lambda d, r: None, nested_json_cell(100_000))(root)
    limit = 512 * 1024 ** 2
    errors = package_stock.start(root / "datapackage.json", package_stock.PACKAGE, time_limit=60, memory_limit=limit).errors()
    assert resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024 <= limit
    assert errors and all(e["resource"] in ("", "actors-json") for e in errors)
    assert {e["type"] for e in errors} <= {"exception", "source-error"}
