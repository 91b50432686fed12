"""Two articles on one case disagree: each source's account is kept, a value is resolved, disputes are shown."""

import json
import re

import pytest

from conftest import UNQUOTED, run_cli
from site_support import build_site

SECOND = """source:
  id: second-account
  title: Nurlanova Held After Protest
  publisher: Other Daily
  published: 2019-04-09
  language: en
actors:
  - id: aigerim-nurlanova
    name: Nurlanova
    evidence: the activist Nurlanova
places:
  - id: almaty
    name: Almaty
    kind: city
    country: KZ
    names:
      - {name: Almaty, kind: primary, lang: en, script: Latn, start: "1993"}
      - {name: Alma-Ata, kind: former, lang: en, script: Latn, end: "1993"}
    evidence: Alma-Ata, as the older reporters still call Almaty
events:
  - id: nurlanova-detained
    date: 2019-04-03
    type: arrest
    summary: Nurlanova was detained after a protest organised by Qorgau.
    location: Alma-Ata
    place: almaty
    participants:
      - {actor: aigerim-nurlanova, role: target}
      - {organization: qorgau, role: subject}
    evidence: the activist Nurlanova was detained on April 3
  - id: seitkali-calls-detention-unlawful
    date: 2019-04
    type: criticism
    summary: Her lawyer criticised the detention.
    participants:
      - {actor: marat-seitkali, role: speaker}
    evidence: Her lawyer, Marat Seitkali, criticised the detention in April.
"""
ARCHIVE = ("After a protest organised by Qorgau, the activist Nurlanova was detained on April 3 in Alma-Ata, as the "
           "older reporters still call Almaty. Her lawyer, Marat Seitkali, criticised the detention in April. "
           "A court fined Qorgau 252,000 tenge ($670).\n")
THIRD = """source:
  id: third-account
  title: Qorgau Pays Its Fine
  publisher: Third Weekly
  published: 2019-05-20
  language: en
events:
  - id: qorgau-fined
    date: 2019-05
    type: fine
    summary: A court fined Qorgau.
    participants:
      - {organization: qorgau, role: target}
      - {description: two plainclothes men, count: "2", organization: almaty-police, role: agent}
    amounts:
      - {kind: fine, value: "110000", unit: KZT, qualifier: approximate, evidence: nearly 110000 tenge}
    evidence: Two plainclothes men delivered the court's demand that Qorgau pay a fine of nearly 110000 tenge in May.
"""
THIRD_ARCHIVE = "Two plainclothes men delivered the court's demand that Qorgau pay a fine of nearly 110000 tenge in May.\n"
FINE = """  - id: qorgau-fined
    date: 2019-04
    type: fine
    summary: A court fined Qorgau.
    participants:
      - {organization: qorgau, role: target}
    amounts:
      - {kind: fine, value: "252000", unit: KZT, evidence: "252,000 tenge"}
      - {kind: fine, value: "670", unit: USD, evidence: "($670)"}
    evidence: A court fined Qorgau 252,000 tenge ($670).
"""


@pytest.fixture
def built(mini):
    (mini / "datasets/facts/second-account.yaml").write_text(SECOND + FINE, encoding="utf-8")
    (mini / "datasets/archive/second-account.txt").write_text(ARCHIVE + UNQUOTED, encoding="utf-8")
    (mini / "datasets/facts/third-account.yaml").write_text(THIRD, encoding="utf-8")
    (mini / "datasets/archive/third-account.txt").write_text(THIRD_ARCHIVE + UNQUOTED, encoding="utf-8")
    result = run_cli("--root", mini, "build", "--format", "json")
    assert result.code == 0, result.out[-2000:]
    table = lambda name: json.loads((mini / f"datasets/json/{name}.json").read_text(encoding="utf-8"))  # noqa: E731
    return result, table


def test_the_fullest_name_is_displayed_and_the_name_is_disputed(built):
    _, table = built
    nurlanova = next(a for a in table("actors") if a["actor_id"] == "aigerim-nurlanova")
    assert (nurlanova["name"], nurlanova["disputed"], nurlanova["source_count"]) == ("Aigerim Nurlanova", ["name"], 2)


def test_dates_that_cannot_both_be_true_become_one_of_them(built):
    _, table = built
    detained = next(e for e in table("events") if e["event_id"] == "nurlanova-detained")
    assert (detained["date"], detained["date_start"], detained["date_end"]) == (
        "[2019-04-03,2019-04-04]",
        "2019-04-03",
        "2019-04-04",
    )
    assert (detained["date_type"], detained["date_precision"], detained["date_certainty"]) == ("one-of", "month", "uncertain")
    assert "date" in detained["disputed"]


def test_a_date_inside_another_is_no_dispute(built):
    _, table = built
    criticism = next(e for e in table("events") if e["event_id"] == "seitkali-calls-detention-unlawful")
    assert (criticism["date"], criticism["disputed"]) == ("2019-04-05/2019-04-06", None)


def test_participants_keep_the_sources_that_name_them(built):
    _, table = built
    counts = {p["participant_id"]: p["source_count"] for p in table("participants") if p["event_id"] == "nurlanova-detained"}
    assert counts == {"nurlanova-detained/almaty-police/agent": 1, "nurlanova-detained/aigerim-nurlanova/target": 2,
                      "nurlanova-detained/qorgau/subject": 1}


def test_every_claim_is_a_statement_with_its_source_and_quotes(built):
    _, table = built
    statements, citations = table("statements"), {c["citation_id"]: c for c in table("citations")}
    about = {(s["source_id"], s["field"], s["value"]) for s in statements if s["record_id"] == "nurlanova-detained"}
    assert about == {
        ("mini-article", "date", "2019-04-04"), ("second-account", "date", "2019-04-03"),
        ("mini-article", "type", "arrest"), ("second-account", "type", "arrest"),
        ("mini-article", "summary", "Police in Almaty detained Aigerim Nurlanova."),
        ("second-account", "summary", "Nurlanova was detained after a protest organised by Qorgau."),
        ("mini-article", "location", "Almaty"), ("second-account", "location", "Alma-Ata"),
        ("second-account", "place_id", "almaty"), ("mini-article", "country", "KZ"),
    }
    named = {(s["source_id"], s["record_id"]) for s in statements if s["record_type"] == "participants" and s["field"] == "role"
             and s["record_id"].startswith("nurlanova-detained/")}
    assert ("second-account", "nurlanova-detained/qorgau/subject") in named
    assert ("mini-article", "nurlanova-detained/qorgau/subject") not in named
    for statement in statements:
        for citation_id in statement["citation_ids"] or []:
            assert citations[citation_id]["source_id"] == statement["source_id"]
    second_date = next(s for s in statements if (s["record_id"], s["source_id"], s["field"]) ==
                       ("nurlanova-detained", "second-account", "date"))
    assert [citations[c]["quote"] for c in second_date["citation_ids"]] == ["the activist Nurlanova was detained on April 3"]


def test_each_file_involved_is_told_where_the_other_account_is(built):
    result, _ = built
    disagreements = [f for f in result.findings() if f["code"] == "FP905"]
    assert {(f["file"], f["path"]) for f in disagreements} >= {
        ("datasets/facts/second-account.yaml", "actors[0].name"), ("datasets/facts/mini-article.yaml", "actors[0].name"),
        ("datasets/facts/second-account.yaml", "events[0].date"), ("datasets/facts/mini-article.yaml", "events[0].date"),
        ("datasets/facts/third-account.yaml", "events[0].date")}
    assert not any(f["path"].endswith(".location") for f in disagreements), "wording differs; the place is the claim"
    for finding in disagreements:
        other = re.search(r"in (datasets/facts/[a-z-]+\.yaml):[0-9]+;", finding["message"])
        assert other and other.group(1) != finding["file"]


def test_the_site_shows_the_claims_side_by_side(built, mini, tmp_path):
    site = build_site(mini, tmp_path / "site")
    page = (site / "browse/actors/aigerim-nurlanova/index.html").read_text(encoding="utf-8")
    section = page[page.index("What each source says"):page.index(">Names<")]
    assert "Example News" in section and "Other Daily" in section
    assert "the activist Nurlanova" in section and "Police in Almaty detained the activist Aigerim Nurlanova" in section
    timeline = (site / "browse/timeline/2019/index.html").read_text(encoding="utf-8")
    assert "disputed date" in timeline and "2019-04-03" in timeline


def test_a_place_under_its_former_name_is_one_place_and_the_wording_is_kept(built):
    _, table = built
    detained = next(e for e in table("events") if e["event_id"] == "nurlanova-detained")
    assert (detained["place_id"], detained["location"]) == ("almaty", "Alma-Ata")  # the most recent source's wording
    assert "location" not in detained["disputed"] and "place_id" not in detained["disputed"]
    names = {(n["name"], n["start"], n["end"]) for n in table("names") if n["record_id"] == "almaty"}
    assert names == {("Almaty", "1993", None), ("Alma-Ata", None, "1993")}


def test_amounts_keep_each_sources_value_and_unit_with_low_best_and_high(built):
    _, table = built
    fines = {(a["source_id"], a["unit"]): (a["value"], a["qualifier"], a["low"], a["best"], a["high"])
             for a in table("amounts") if a["event_id"] == "qorgau-fined"}
    assert fines == {("second-account", "KZT"): ("252000", "exact", "110000", "110000", "252000"),
                     ("second-account", "USD"): ("670", "exact", "670", "670", "670"),
                     ("third-account", "KZT"): ("110000", "approximate", "110000", "110000", "252000")}


def test_an_unnamed_participant_is_described_and_counted(built):
    _, table = built
    [unnamed] = [p for p in table("participants") if p["event_id"] == "qorgau-fined" and p["description"]]
    assert (unnamed["description"], unnamed["count"], unnamed["organization_id"], unnamed["actor_id"], unnamed["role"]) == (
        "two plainclothes men", "2", "almaty-police", None, "agent")
