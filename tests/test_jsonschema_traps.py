"""Checks that look strict in jsonschema but are not, and how factpack closes each gap."""

import re

from jsonschema import Draft202012Validator, FormatChecker

from factpack import model
from factpack.checks.schema import validator

URI = {"type": "string", "format": "uri"}


def test_format_is_ignored_without_a_format_checker():
    assert Draft202012Validator(URI).is_valid("not a uri at all")
    assert not Draft202012Validator(URI, format_checker=FormatChecker()).is_valid("not a uri at all")


def test_format_uri_accepts_javascript_urls_so_factpack_also_requires_http():
    assert Draft202012Validator(URI, format_checker=FormatChecker()).is_valid("javascript:alert(1)")
    errors = list(validator().iter_errors({"source": {"id": "x", "title": "t", "publisher": "p", "published": "2019",
                                                     "language": "en", "url": "javascript:alert(1)"}}))
    assert [e.validator for e in errors] == ["pattern"]


def test_the_uri_format_is_really_checked_here():
    assert "uri" in FormatChecker().checkers, "install jsonschema[format-nongpl] so that format: uri is checked"


def test_a_dollar_anchored_pattern_accepts_a_trailing_newline():
    id_pattern = model.definitions()["id"]["pattern"]
    assert re.search(id_pattern, "serikzhan-bilash\n")  # the trap, as JSON Schema evaluates it
    assert not re.fullmatch(id_pattern.strip("^$"), "serikzhan-bilash\n")


def test_factpack_refuses_an_id_with_a_trailing_newline(mini):
    from conftest import MINI_FACTS, run_cli

    path = mini / MINI_FACTS
    path.write_text(path.read_text(encoding="utf-8").replace("  - id: qorgau", '  - id: "qorgau\\n"'), encoding="utf-8")
    findings = run_cli("--root", mini, "validate", "--format", "json").findings()
    assert ("FP501", "'id' contains a line break (U+000A) in a one-line field") in [(f["code"], f["message"]) for f in findings]


def test_digits_in_patterns_are_ascii_only():
    for spec in model.definitions().values():
        assert "\\d" not in spec.get("pattern", ""), "\\d also matches Arabic-Indic and other digits"
