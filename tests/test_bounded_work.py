"""Work per input is bounded: a hostile file cannot make a check do work that grows with the square of its size."""

from conftest import MINI_FACTS, run_cli
from factpack.suggest import HINTS_PER_FILE


def test_did_you_mean_hints_stop_after_a_bounded_number_per_file(mini):
    facts = mini / MINI_FACTS
    extra = "".join(f"  - id: typo-{i}\n    actor: aigerim-nurlanova{i}\n    organization: qorgau\n    role: leader\n"
                    f"    evidence: leads the group Qorgau\n" for i in range(HINTS_PER_FILE + 10))
    text = facts.read_text(encoding="utf-8").replace("\nrelationships:", extra + "\nrelationships:")
    facts.write_text(text, encoding="utf-8")
    result = run_cli("--root", mini, "validate", "--format", "json")
    unknown = [f for f in result.findings() if f["code"] == "FP302"]
    assert len(unknown) == HINTS_PER_FILE + 10, "every unknown reference is still reported"
    suggested = [f for f in unknown if "did you mean 'aigerim-nurlanova'" in f["hint"]]
    stopped = [f for f in unknown if f"first {HINTS_PER_FILE} unknown references" in f["hint"]]
    assert len(suggested) == HINTS_PER_FILE
    assert len(stopped) == 10
