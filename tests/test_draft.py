"""`factpack draft`: a fact file proposed from an article's text, valid, verbatim and marked for review."""

import re

import yaml
from hypothesis import given
from hypothesis import strategies as st

from conftest import FIXTURES, run_cli
from factpack.draft import sentences
from factpack.quotes import normalise

ARTICLE = FIXTURES / "walkthrough/article.txt"
SOURCE = ["--published", "2019-05-03", "--url", "https://example.org/court-fines-qorgau", "--publisher", "Example News",
          "--title", "Court Fines Rights Group In Almaty"]
FACTS = "datasets/facts/court-fines-rights-group-in-almaty.yaml"


def quotes(data) -> list[str]:
    found = []
    for records in (v for k, v in data.items() if k != "source"):
        for record in records:
            evidence = record.get("evidence", [])
            found += [evidence] if isinstance(evidence, str) else evidence
    return found


def test_a_draft_written_into_the_dataset_is_valid_and_every_quote_is_the_articles(seed):
    result = run_cli("--root", seed, "draft", ARTICLE, *SOURCE, "--write")
    assert result.code == 0, result.err
    assert (seed / "datasets/archive/court-fines-rights-group-in-almaty.txt").read_bytes() == ARTICLE.read_bytes()
    report = run_cli("--root", seed, "validate", seed / FACTS, "--format", "json").report
    assert report["summary"]["errors"] == 0, report["findings"]
    data = yaml.safe_load((seed / FACTS).read_text(encoding="utf-8"))
    article = normalise(ARTICLE.read_text(encoding="utf-8"))
    assert quotes(data) and all(normalise(q) in article for q in quotes(data))


def test_the_draft_reuses_known_ids_and_resolves_dates(seed):
    drafted = run_cli("--root", seed, "draft", ARTICLE, *SOURCE).out
    data = yaml.safe_load(drafted)
    assert "serikzhan-bilash" in {a["id"] for a in data["actors"]}  # in the dataset already
    assert "almaty" in {p["id"] for p in data["places"]}
    fine = next(e for e in data["events"] if e["type"] == "fine")
    assert fine["date"] == "2019-05-02" and "'May 2'" in fine["date_note"]
    assert {"organization": "qorgau", "role": "target"} in fine["participants"]


def test_every_proposed_item_is_marked_for_review(seed):
    lines = run_cli("--root", seed, "draft", ARTICLE, *SOURCE).out.splitlines()
    items = [i for i, line in enumerate(lines) if re.match(r"  - id: ", line)]
    assert items and all(lines[i - 1].startswith("  # review: ") for i in items)


def test_without_a_publisher_the_draft_says_it_is_missing(seed, tmp_path):
    out = tmp_path / "draft.yaml"
    assert run_cli("--root", seed, "draft", ARTICLE, "--published", "2019-05-03", "-o", out).code == 0
    text = out.read_text(encoding="utf-8")
    assert "# publisher: the outlet that published the article (required; give --publisher)" in text
    assert "title: \"Test fixture" in text  # the title defaults to the article's first line
    refused = run_cli("--root", seed, "draft", ARTICLE, "--published", "2019-05-03", "-o", out)
    assert refused.code == 2 and "already exists" in refused.err


def test_a_bad_publication_date_is_a_usage_error(seed):
    result = run_cli("--root", seed, "draft", ARTICLE, "--published", "May 3")
    assert result.code == 2 and "--published" in result.err


@given(st.text(st.sampled_from("Ab c.,\n"), max_size=300), st.integers(0, 299), st.integers(1, 20),
       st.integers(0, 200))
def test_a_quote_window_is_a_slice_of_the_sentence_around_the_mention(text, at, length, limit):
    split = sentences.split(text)
    sentence = next((s for s in split if s.start <= at and at + length <= s.end), None)
    if sentence is None:
        return
    quote = sentences.window(text, at, at + length, sentence, limit)
    assert quote in sentence.text
    assert len(quote) <= max(limit, length) or quote == sentence.text
