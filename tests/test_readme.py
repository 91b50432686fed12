"""The README's promises point at tests that exist: a renamed test must not leave a guarantee unproved."""

import re

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
