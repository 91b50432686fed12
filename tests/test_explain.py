"""`factpack explain CODE` prints every rule of the registry; an unknown code is a usage error."""

import pytest

from conftest import run_cli
from factpack.cli import parser
from factpack.rules import RULES


@pytest.mark.parametrize("code", sorted(RULES))
def test_every_code_is_explained_with_an_example_and_the_fix(code):
    rule = RULES[code]
    result = run_cli("explain", code.lower())
    assert result.code == 0
    assert result.out.startswith(f"{code}: {rule.title} ({rule.severity})\n")
    assert "Example that breaks it:" in result.out and "\nFix: " in result.out
    for line in rule.example.strip().splitlines():
        assert f"    {line}" in result.out
    assert ("Retired:" in result.out) == bool(rule.retired)


def test_an_unknown_code_exits_2_and_suggests_the_nearest():
    result = run_cli("explain", "FP61")
    assert result.code == 2 and result.out == ""
    assert "no rule has the code 'FP61'" in result.err and "'FP601'" in result.err


def test_help_and_every_text_report_point_at_explain(mini):
    assert "factpack explain" in parser().format_help()
    (mini / "datasets/facts/mini-article.yaml").write_text("- a list\n", encoding="utf-8")
    report = run_cli("--root", mini, "validate").out
    assert "FP109" in report and "`factpack explain CODE`" in report
