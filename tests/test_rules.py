"""Every diagnostic code is documented and exercised by a test that asserts its message."""

import re
from pathlib import Path

from factpack.rules import RULES

TESTS = Path(__file__).resolve().parent


def test_every_rule_has_a_title_and_an_explanation():
    for rule in RULES.values():
        assert re.fullmatch(r"FP[1-9][0-9]{2}", rule.code)
        assert rule.title and rule.explanation.endswith((".", ")"))
        assert rule.severity in ("error", "warning")


def test_every_code_is_exercised_by_a_fixture_or_a_test():
    fixture_text = "\n".join(p.read_bytes().decode("utf-8", errors="replace") for p in (TESTS / "fixtures" / "invalid").glob("*.yaml"))
    test_text = "\n".join(p.read_text(encoding="utf-8") for p in TESTS.glob("test_*.py") if p.name != "test_rules.py")
    expected = set(re.findall(r"# expect: (FP[0-9]{3})", fixture_text)) | set(re.findall(r'"(FP[0-9]{3})"', test_text))
    missing = sorted(set(RULES) - expected)
    assert not missing, f"codes without a test: {missing}"
