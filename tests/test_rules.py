"""Every diagnostic code is documented and exercised by a test that asserts its message."""

import re
from pathlib import Path

import pytest

from conftest import REPO
from factpack import rules
from factpack.rules import RULES

TESTS = Path(__file__).resolve().parent


def test_every_rule_has_a_title_an_explanation_an_example_and_a_fix():
    for rule in RULES.values():
        assert re.fullmatch(r"FP[1-9][0-9]{2}", rule.code)
        assert rule.title and rule.explanation.endswith((".", ")")) and rule.fix.endswith((".", ")"))
        assert rule.example.strip() and rule.severity in ("error", "warning")
        assert re.fullmatch(r"[A-Z][A-Z0-9_]+", rule.name)


def test_the_registry_and_the_code_names_must_agree(tmp_path, monkeypatch):
    text = (REPO / "schema/rules.yaml").read_text(encoding="utf-8")
    (tmp_path / "rules.yaml").write_text(text.replace("name: QUOTE_NOT_FOUND", "name: QUOTE_MISSING"), encoding="utf-8")
    monkeypatch.setattr(rules, "schema_dir", lambda: tmp_path)
    with pytest.raises(rules.RegistryError, match="QUOTE_MISSING"):
        rules._load()


def test_the_registry_is_read_strictly(tmp_path, monkeypatch):
    text = (REPO / "schema/rules.yaml").read_text(encoding="utf-8")
    (tmp_path / "rules.yaml").write_text(text.replace("  title: Quote too long\n", "  title: Quote too long\n  titel: x\n"),
                                         encoding="utf-8")
    monkeypatch.setattr(rules, "schema_dir", lambda: tmp_path)
    with pytest.raises(rules.RegistryError, match="FP607"):
        rules._load()


def test_every_code_is_exercised_by_a_fixture_or_a_test():
    fixture_text = "\n".join(
        p.read_bytes().decode("utf-8", errors="replace") for p in (TESTS / "fixtures" / "invalid").glob("*.yaml")
    )
    test_text = "\n".join(p.read_text(encoding="utf-8") for p in TESTS.glob("test_*.py") if p.name != "test_rules.py")
    expected = set(re.findall(r"# expect: (FP[0-9]{3})", fixture_text)) | set(re.findall(r'"(FP[0-9]{3})"', test_text))
    missing = sorted({code for code, rule in RULES.items() if not rule.retired} - expected)
    assert not missing, f"codes without a test: {missing}"


def test_a_retired_code_is_never_reported():
    package = REPO / "scripts" / "factpack"
    code_text = "\n".join(p.read_text(encoding="utf-8") for p in package.rglob("*.py") if p.name != "rule_codes.py")
    for code, rule in RULES.items():
        if rule.retired:
            assert f"Code.{rule.name}" not in code_text and f'"{code}"' not in code_text, f"{code} is retired"


def test_the_checks_name_codes_rather_than_spell_them():
    package = REPO / "scripts" / "factpack"
    for path in package.rglob("*.py"):
        if path.name == "rule_codes.py":
            continue
        assert not re.search(r"[\"']FP[0-9]{3}[\"']", path.read_text(encoding="utf-8")), f"{path.name}: use Code.NAME"
