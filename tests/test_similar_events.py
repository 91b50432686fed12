"""Near-duplicate events: same type, overlapping dates, a participant in common, two ids."""

from conftest import UNQUOTED, MINI_FACTS, run_cli

LATER = """source:
  id: later-article
  title: Activist Held
  publisher: Other Daily
  published: 2019-06-01
  language: en
events:
  - id: {event_id}
    date: 2019-04
    type: {event_type}
    summary: Aigerim Nurlanova was held by police in April.
    participants:
      - {{actor: aigerim-nurlanova, role: target}}
    evidence: Aigerim Nurlanova was held by police in April
"""


def validate(mini, event_id="nurlanova-held", event_type="arrest"):
    (mini / "datasets/facts/later-article.yaml").write_text(LATER.format(event_id=event_id, event_type=event_type),
                                                            encoding="utf-8")
    (mini / "datasets/archive/later-article.txt").write_text("Aigerim Nurlanova was held by police in April.\n" + UNQUOTED,
                                                             encoding="utf-8")
    result = run_cli("--root", mini, "validate", "--format", "json")
    return [f for f in result.findings() if f["code"] == "FP906"]


def test_the_newcomer_is_told_it_is_probably_a_known_event(mini):
    [finding] = validate(mini)
    assert (finding["file"], finding["path"]) == ("datasets/facts/later-article.yaml", "events[0].id")
    assert "keep the existing id: write id: nurlanova-detained here" in finding["hint"]


def test_another_type_or_the_same_id_is_no_duplicate(mini):
    assert validate(mini, event_type="search") == []
    assert validate(mini, event_id="nurlanova-detained") == []  # the same id: a second account, not a duplicate


def test_two_events_of_one_article_are_two_events(mini):
    facts = mini / MINI_FACTS
    second = ("  - id: nurlanova-detained-again\n    date: 2019-04-04\n    type: arrest\n"
              "    summary: Police in Almaty detained Aigerim Nurlanova again.\n    participants:\n"
              "      - {actor: aigerim-nurlanova, role: target}\n"
              "    evidence: Police in Almaty detained the activist Aigerim Nurlanova on April 4\n")
    facts.write_text(facts.read_text(encoding="utf-8").replace("\naffiliations:", second + "\naffiliations:"), encoding="utf-8")
    result = run_cli("--root", mini, "validate", "--format", "json")
    assert result.code == 0 and not [f for f in result.findings() if f["code"] == "FP906"]
