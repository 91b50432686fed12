"""Every invalid fixture breaks exactly one rule and gets exactly the finding written at its end.

A fixture's last lines say what factpack must report, e.g.
`# expect: FP302 66:12 'actor' refers to 'aigerim-nurlanov', which is not defined in any fact file`
(`{today}` stands for the date the test runs).
"""

import datetime
import re

import pytest

from conftest import FIXTURES, MINI_FACTS, run_cli

EXPECT = re.compile(r"^# expect: (FP[0-9]{3}) ([0-9]+):([0-9]+) (.*)$")
CASES = sorted((FIXTURES / "invalid").glob("*.yaml"))


def expectations(path):
    today = datetime.date.today().isoformat()
    found = []
    for line in path.read_bytes().decode("utf-8", errors="replace").splitlines():
        match = EXPECT.match(line)
        if match:
            code, row, col, message = match.groups()
            found.append((code, int(row), int(col), message.replace("{today}", today)))
    return found


def test_there_are_fixtures():
    assert len(CASES) >= 40


@pytest.mark.parametrize("fixture", CASES, ids=lambda p: p.stem)
def test_fixture_gets_its_expected_finding(mini, fixture):
    expected = expectations(fixture)
    assert expected, f"{fixture.name} has no '# expect:' line"
    (mini / MINI_FACTS).write_bytes(fixture.read_bytes())
    result = run_cli("--root", mini, "validate", "--format", "json")
    got = [(f["code"], f["line"], f["column"], f["message"]) for f in result.findings()]
    assert got == expected
    errors = any(f["severity"] == "error" for f in result.findings())
    assert result.code == (1 if errors else 0)
    for finding in result.findings():
        assert finding["file"] == MINI_FACTS


def test_unknown_code_hint_suggests_the_closest_code(mini):
    (mini / MINI_FACTS).write_bytes((FIXTURES / "invalid" / "unknown-code.yaml").read_bytes())
    [finding] = run_cli("--root", mini, "validate", "--format", "json").findings()
    assert "did you mean 'arrest'?" in finding["hint"]
    assert finding["path"] == "events[0].type"


def test_unknown_reference_hint_suggests_the_closest_id(mini):
    (mini / MINI_FACTS).write_bytes((FIXTURES / "invalid" / "unknown-reference.yaml").read_bytes())
    [finding] = run_cli("--root", mini, "validate", "--format", "json").findings()
    assert finding["hint"] == "did you mean 'aigerim-nurlanova'?"
    assert finding["path"] == "affiliations[0].actor"


def test_all_findings_are_reported_not_only_the_first(mini):
    text = (mini / MINI_FACTS).read_text(encoding="utf-8")
    text = text.replace("    type: arrest", "    type: arest").replace("  language: en", "  language: xx")
    text = text.replace("relation: lawyer-of", "relation: lawyer")
    (mini / MINI_FACTS).write_text(text, encoding="utf-8")
    codes = [f["code"] for f in run_cli("--root", mini, "validate", "--format", "json").findings()]
    assert codes == ["FP702", "FP207", "FP207"]  # in line order


def test_the_valid_mini_dataset_only_warns_about_single_sources(mini):
    result = run_cli("--root", mini, "validate", "--format", "json")
    assert result.code == 0
    assert [f["code"] for f in result.report["findings"]] == ["FP902"]
    assert result.report["findings"][0]["message"].startswith("8 record(s) rest on this source alone")
