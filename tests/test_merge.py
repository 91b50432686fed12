"""The same id in several fact files is one entity; where files disagree, each keeps its claim."""

import json
import shutil

from conftest import UNQUOTED, MINI_FACTS, run_cli

SECOND = """source:
  id: second-article
  title: Second Report On Nurlanova
  publisher: Example Daily
  published: 2019-04-07
  language: en
actors:
  - id: aigerim-nurlanova
    name: {name}
    names:
      - {{name: Aigerim Nurlanova, kind: primary, lang: en, script: Latn}}
      - {{name: Aygerim Nurlanova, kind: transliteration, lang: en, script: Latn}}
    evidence: Aygerim Nurlanova, the activist
events:
  - id: nurlanova-detained
    date: {date}
    type: arrest
    summary: Police in Almaty detained Aigerim Nurlanova.
    location: Almaty
    country: KZ
    participants:
      - {{actor: aigerim-nurlanova, role: target}}
    evidence: was detained on April 4
"""


def add_second(root, name="Aigerim Nurlanova", date="2019-04-04"):
    (root / "datasets/facts/second-article.yaml").write_text(SECOND.format(name=name, date=date), encoding="utf-8")
    (root / "datasets/archive/second-article.txt").write_text(
        "Aygerim Nurlanova, the activist, was detained on April 4. Her name is also written Aigerim Nurlanova.\n" + UNQUOTED,
        encoding="utf-8")


def test_records_with_one_id_merge_and_count_their_sources(mini):
    add_second(mini)
    assert run_cli("--root", mini, "build").code == 0
    actors = json.loads((mini / "datasets/json/actors.json").read_text(encoding="utf-8"))
    nurlanova = next(a for a in actors if a["actor_id"] == "aigerim-nurlanova")
    assert nurlanova["source_count"] == 2
    names = json.loads((mini / "datasets/json/names.json").read_text(encoding="utf-8"))
    spellings = sorted(n["name"] for n in names if n["record_id"] == "aigerim-nurlanova")
    assert spellings == ["Aigerim Nurlanova", "Aygerim Nurlanova", "Айгерім Нұрланова"]
    citations = json.loads((mini / "datasets/json/citations.json").read_text(encoding="utf-8"))
    sources = {c["source_id"] for c in citations if c["record_id"] == "nurlanova-detained"}
    assert sources == {"mini-article", "second-article"}


def test_a_disagreement_is_a_warning_naming_both_places_and_both_claims_are_kept(mini):
    add_second(mini, date="2019-04-03")
    result = run_cli("--root", mini, "build", "--format", "json")
    assert result.code == 0
    [finding] = [f for f in result.findings() if f["code"] == "FP905" and f["file"].endswith("second-article.yaml")]
    assert (finding["file"], finding["line"], finding["column"]) == ("datasets/facts/second-article.yaml", 16, 11)
    assert finding["severity"] == "warning"
    assert finding["message"] == ("sources disagree on 'date' of 'nurlanova-detained': '2019-04-03' here, '2019-04-04' "
                                  "in datasets/facts/mini-article.yaml:45; both are kept as claims and "
                                  "'[2019-04-03,2019-04-04]' is published")
    statements = json.loads((mini / "datasets/json/statements.json").read_text(encoding="utf-8"))
    dates = {(s["source_id"], s["value"]) for s in statements
             if (s["record_id"], s["field"]) == ("nurlanova-detained", "date")}
    assert dates == {("mini-article", "2019-04-04"), ("second-article", "2019-04-03")}


def test_references_resolve_across_fact_files(mini):
    add_second(mini)
    path = mini / "datasets/facts/second-article.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "      - {actor: aigerim-nurlanova, role: target}",
        "      - {actor: aigerim-nurlanova, role: target}\n      - {organization: qorgau, role: subject}"),
        encoding="utf-8")
    assert run_cli("--root", mini, "validate").code == 0


def test_a_missing_archive_is_reported_at_the_source(mini):
    (mini / "datasets/archive/mini-article.txt").unlink()
    [finding] = run_cli("--root", mini, "validate", "--format", "json").findings()
    assert (finding["code"], finding["line"], finding["column"]) == ("FP602", 2, 7)
    assert finding["message"] == "no archived article at datasets/archive/mini-article.txt"


def test_an_archive_that_is_not_utf8_is_reported(mini):
    (mini / "datasets/archive/mini-article.txt").write_bytes(b"caf\xe9")
    [finding] = run_cli("--root", mini, "validate", "--format", "json").findings()
    assert (finding["code"], finding["line"], finding["column"]) == ("FP603", 2, 7)
    assert finding["message"] == "datasets/archive/mini-article.txt is not UTF-8 (byte offset 3)"


def test_an_oversized_fact_file_is_refused(mini):
    (mini / MINI_FACTS).write_bytes(b"# " + b"x" * (3 * 1024 * 1024))
    [finding] = run_cli("--root", mini, "validate", "--format", "json").findings()
    assert (finding["code"], finding["line"], finding["column"]) == ("FP108", 1, 1)
    assert finding["message"] == "file is 3,145,730 bytes; the limit is 2,097,152"


def test_a_second_source_removes_the_single_source_warning_for_shared_records(mini):
    add_second(mini)
    findings = run_cli("--root", mini, "validate", "--format", "json").report["findings"]
    single = [f for f in findings if f["code"] == "FP902"]
    # every record of the second article is also in the first, so only the first file is warned about
    assert [f["file"] for f in single] == ["datasets/facts/mini-article.yaml"]
    assert single[0]["message"].startswith("6 record(s)")  # nurlanova and her detention now have two sources
    assert (single[0]["line"], single[0]["column"]) == (2, 7)


def test_invalid_fixture_dataset_is_untouched(mini, tmp_path):
    shutil.rmtree(mini / "datasets/facts")
    (mini / "datasets/facts").mkdir()
    result = run_cli("--root", mini, "build")
    assert result.code == 0  # an empty dataset is valid and publishes empty tables
