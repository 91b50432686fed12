"""One set of findings, three renderings: compiler-style text, a JSON report, GitHub annotations."""

import json

from jsonschema import Draft202012Validator

from conftest import FIXTURES, MINI_FACTS, REPO, run_cli


def broken(mini):
    (mini / MINI_FACTS).write_bytes((FIXTURES / "invalid" / "unknown-reference.yaml").read_bytes())
    return mini


def test_text_is_compiler_style_with_a_hint_line(mini):
    result = run_cli("--root", broken(mini), "validate")
    lines = result.out.splitlines()
    at = next(i for i, line in enumerate(lines) if " FP302: " in line)
    assert lines[at] == ("datasets/facts/mini-article.yaml:66:12: error FP302: 'actor' refers to 'aigerim-nurlanov', "
                         "which is not defined in any fact file [affiliations[0].actor]")
    assert lines[at + 1] == "    hint: did you mean 'aigerim-nurlanova'?"
    assert " warning FP902: " in result.out  # warnings are reported beside the errors, not after they are fixed
    assert lines[-1] == "1 error(s), 1 warning(s) in 1 file(s)"
    assert "\033[" not in result.out  # no colour when not on a terminal


def test_json_report_follows_its_published_schema(mini):
    schema = json.loads((REPO / "schema/report.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    for root in (broken(mini), REPO):
        report = run_cli("--root", root, "validate", "--format", "json").report
        errors = list(Draft202012Validator(schema).iter_errors(report))
        assert not errors, errors[0].message
    assert report["valid"] is True


def test_github_format_annotates_the_line(mini):
    result = run_cli("--root", broken(mini), "validate", "--format", "github")
    first = next(line for line in result.out.splitlines() if line.startswith("::error"))
    assert first.startswith("::error file=datasets/facts/mini-article.yaml,line=66,col=12,title=FP302 Unknown reference::")
    assert "Hint: did you mean 'aigerim-nurlanova'?" in first


def test_github_format_escapes_newlines_and_percent():
    from factpack.findings import Finding
    from factpack.render import render_github

    text = render_github([Finding("FP601", "50% of\nthe quote", "a,b.yaml", 3, 4)])
    assert (
        text.splitlines()[0]
        == "::error file=a%2Cb.yaml,line=3,col=4,title=FP601 Quote not found in the archived article::50%25 of%0Athe quote"
    )


def test_strict_turns_warnings_into_errors(mini):
    assert run_cli("--root", mini, "validate").code == 0
    result = run_cli("--root", mini, "validate", "--strict", "--format", "json")
    assert result.code == 1
    assert result.report["findings"][0]["severity"] == "error"


def test_a_file_name_cannot_forge_terminal_output(mini):
    """A name with a line break and ESC[8m (hidden text) would otherwise print a fake summary and hide the rest."""
    name = "x\n0 error(s), 0 warning(s)\033[8m.yaml"
    (mini / "datasets/facts" / name).write_text("source: [", encoding="utf-8")
    result = run_cli("--root", mini, "validate")
    assert result.code == 1
    assert "\033" not in result.out
    assert not any(line.startswith("0 error(s)") for line in result.out.splitlines())
    assert "x\\n0 error(s), 0 warning(s)\\x1b[8m.yaml" in result.out
    annotations = run_cli("--root", mini, "validate", "--format", "github").out
    assert "\033" not in annotations and "x%0A0 error(s)" in annotations


def test_every_contributed_part_of_a_finding_is_shown_escaped_with_or_without_colour():
    from factpack.findings import Finding
    from factpack.render import render_text

    found = Finding("FP302", "refers to 'a\033[2Jb'", "x\ty.yaml", 3, 4, "events[0].\u200bactor", "did you mean '\a'?")
    for colour in (False, True):
        text = render_text([found], colour)
        ours = text.replace("\033[31m", "").replace("\033[0m", "")  # the colours factpack adds itself
        assert all(character.isprintable() for character in ours.replace("\n", ""))
        assert "x\\ty.yaml:3:4: " in text and "'a\\x1b[2Jb' [events[0].\\u200bactor]" in text
        assert "    hint: did you mean '\\x07'?" in text
    assert render_text([found]).splitlines()[0].startswith("x\\ty.yaml:3:4: error FP302: refers to")
