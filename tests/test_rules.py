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
    missing = sorted({code for code, rule in RULES.items() if not rule.retired} - expected)
    assert not missing, f"codes without a test: {missing}"


def test_a_retired_code_is_never_reported():
    package = Path(__file__).resolve().parent.parent / "scripts" / "factpack"
    code_text = "\n".join(p.read_text(encoding="utf-8") for p in package.rglob("*.py") if p.name != "rules.py")
    for code, rule in RULES.items():
        if rule.retired:
            assert f'"{code}"' not in code_text, f"{code} is retired but still reported"
