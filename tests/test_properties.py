"""Property-based: generated valid fact files build; mutated ones fail cleanly, located inside the file."""

import shutil

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import UNQUOTED, FIXTURES, run_cli
from factpack import pipeline
from factpack.layout import Layout

SLUG = st.from_regex(r"\A[a-z][a-z0-9]{2,8}(-[a-z0-9]{2,6}){0,2}\Z")
WORDS = st.lists(st.sampled_from(["police", "court", "activist", "Almaty", "lawyer", "said", "Қазақ", "detained",
                                  "«group»", "O'Brien", "100%", "a, b", 'the "camp"']), min_size=1, max_size=6)
TEXT = WORDS.map(" ".join)
KEYS = ["source", "actors", "organizations", "events", "affiliations", "relationships"]


@st.composite
def fact_files(draw):
    ids = draw(st.lists(SLUG, min_size=3, max_size=3, unique=True))
    actor_name, org_name = draw(TEXT), draw(TEXT)
    # a quote names the person or organization it proves (FP605) and an event's has three words or more (FP606)
    quotes = [f"{actor_name} {draw(TEXT)}", f"{draw(TEXT)} {org_name}", draw(WORDS.filter(lambda w: len(w) >= 3).map(" ".join))]
    actor = {"id": ids[0], "name": actor_name, "names": [{"name": draw(TEXT), "kind": "alias", "lang": "en",
                                                           "script": "Latn", "evidence": quotes[0]}],
             "evidence": quotes[0]}
    org = {"id": ids[1], "name": org_name, "kind": draw(st.sampled_from(["ngo", "police", "court"])),
           "country": draw(st.sampled_from(["KZ", "CN", "US"])), "evidence": quotes[1]}
    date = draw(st.sampled_from(["2019-03-10", "2019-03", "2019", "2017-21", "2019-03-10?", "2019-03~",
                                 "2019-03-11/2019-03-14", "201X"]))
    event = {"id": ids[2], "date": date, "type": "arrest", "summary": draw(TEXT),
             "participants": [{"actor": ids[0], "role": "target"}, {"organization": ids[1], "role": "agent"}],
             "evidence": [quotes[2]]}
    source = {"id": "gen-article", "title": draw(TEXT), "publisher": "Generated", "published": "2019-04-01",
              "language": "en"}
    document = {"source": source, "actors": [actor], "organizations": [org], "events": [event]}
    return document, "\n".join(quotes) + "\n"


def write(root, text: str, archive: str):
    (root / "datasets/facts").mkdir(parents=True, exist_ok=True)
    (root / "datasets/archive").mkdir(parents=True, exist_ok=True)
    shutil.copy(FIXTURES / "mini/datasets/package.json", root / "datasets/package.json")
    (root / "datasets/facts/gen-article.yaml").write_text(text, encoding="utf-8")
    (root / "datasets/archive/gen-article.txt").write_text(archive + UNQUOTED, encoding="utf-8")


def dump(document) -> str:
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False)


SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(fact_files())
def test_generated_valid_files_build(tmp_path_factory, generated):
    document, archive = generated
    root = tmp_path_factory.mktemp("valid")
    write(root, dump(document), archive)
    result = run_cli("--root", root, "build")
    assert result.code == 0, result.out


def _mutate(draw, text: str) -> str:
    lines = text.splitlines()
    index = draw(st.integers(0, len(lines) - 1))
    kind = draw(st.sampled_from(["delete", "garble", "insert", "truncate", "indent", "swap-value"]))
    if kind == "delete":
        del lines[index]
    elif kind == "garble":
        junk = draw(st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=8))
        position = draw(st.integers(0, len(lines[index])))
        lines[index] = lines[index][:position] + junk + lines[index][position:]
    elif kind == "insert":
        lines.insert(index, draw(st.sampled_from(["bogus: 1", "- x", "  extra: [", "&a b", "? k", "\t", "'"])))
    elif kind == "truncate":
        lines = lines[:index]
    elif kind == "indent":
        lines[index] = "   " + lines[index]
    else:
        key = lines[index].split(":")[0]
        lines[index] = key + ": " + draw(st.sampled_from(["NO", "014", "2099-01-01", "=1+1", "", "[]", "{}", "~"]))
    return "\n".join(lines) + "\n"


@SETTINGS
@given(fact_files(), st.data())
def test_mutated_files_never_crash_and_errors_point_inside_the_file(tmp_path_factory, generated, data):
    document, archive = generated
    original = dump(document)
    mutated = _mutate(data.draw, original)
    root = tmp_path_factory.mktemp("mutated")
    write(root, mutated, archive)
    layout = Layout(root)
    findings, _, _ = pipeline.check(layout, layout.fact_files())  # must not raise
    errors = [f for f in findings if f.severity == "error"]
    result = run_cli("--root", root, "build")
    assert result.code == (1 if errors else 0)
    line_count = max(1, len(mutated.splitlines()))
    for finding in errors:
        assert finding.file == "datasets/facts/gen-article.yaml"
        assert 1 <= finding.line <= line_count + 1, finding
