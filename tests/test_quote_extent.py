"""How much may be quoted: one quote at most 200 characters, one article's quotes at most half its text."""

from conftest import MINI_FACTS, run_cli

# A long sentence added to the mini article, so that a long quote of it leaves the article's share low.
LONG = ("The court, which sat for most of the day and heard from the activist, her lawyer, two police officers and a "
        "neighbour who had seen the arrest from a window across the street, adjourned the hearing until the following "
        "week without giving a reason for the delay.")


def _lengthened(mini):
    archive = mini / "datasets/archive/mini-article.txt"
    archive.write_text(archive.read_text(encoding="utf-8") + "\n" + (LONG + "\n") + ("Filler sentence. " * 80) + "\n",
                       encoding="utf-8")


def test_a_quote_over_200_characters_is_refused_where_it_is(mini):
    _lengthened(mini)
    facts = mini / MINI_FACTS
    text = facts.read_text(encoding="utf-8")
    facts.write_text(text.replace('    evidence: \'"This detention was unlawful," Seitkali told reporters.\'',
                                  f"    evidence: '{LONG}'"), encoding="utf-8")
    result = run_cli("--root", mini, "validate", "--format", "json")
    found = [(f["code"], f["path"], f["message"]) for f in result.findings() if f["severity"] == "error"]
    assert found == [("FP607", "events[1].evidence", f"a quote of {len(LONG)} characters; at most 200 may be quoted at once")]


def test_quotes_within_the_limits_pass(mini):
    _lengthened(mini)
    assert run_cli("--root", mini, "validate").code == 0
