"""Near-duplicate names: the warning goes to the newcomer and advises keeping the id already in use."""

from conftest import UNQUOTED, run_cli

LATER = """source:
  id: later-article
  title: Nurlanova Speaks
  publisher: Other Daily
  published: 2019-06-01
  language: en
actors:
  - id: ai-nurlanova  # sorts before the established id, so the order of ids cannot decide
    name: Aygerim Nurlanova
    evidence: Aygerim Nurlanova said
"""


def test_the_newcomer_is_told_to_reuse_the_established_id(mini):
    (mini / "datasets/facts/later-article.yaml").write_text(LATER, encoding="utf-8")
    (mini / "datasets/archive/later-article.txt").write_text(
        "Aygerim Nurlanova said she would appeal.\n" + UNQUOTED, encoding="utf-8"
    )
    result = run_cli("--root", mini, "validate", "--format", "json")
    [finding] = [f for f in result.findings() if f["code"] == "FP901"]
    assert finding["file"] == "datasets/facts/later-article.yaml"
    assert "keep the existing id: write id: aigerim-nurlanova here" in finding["hint"]
    assert "defined in datasets/facts/mini-article.yaml:" in finding["message"]
