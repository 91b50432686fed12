"""The cross-file stage against a small reference (reference_merge.py), on random datasets whose articles
disagree: names, descriptions, codes, dates and lists differ between sources that report the same ids."""

import csv
import shutil

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import reference_merge
from conftest import UNQUOTED, FIXTURES, run_cli

COMPARED = ("actors", "organizations", "events")
PEOPLE = {"p-nurlanova": ["Aigerim Nurlanova", "Nurlanova", "Aigerim Nurlanova Kyzy"],
          "p-seitkali": ["Marat Seitkali", "Seitkali"], "p-bilash": ["Serikzhan Bilash", "Bilash"]}
BODIES = {"o-qorgau": ["Qorgau", "Qorgau Group"], "o-police": ["Almaty police", "Police of Almaty"]}
EVENTS = ("e-detained", "e-released")
DATES = ("2019-03-10", "2019-03-09", "2019-03", "2019", "2019-03-10?", "2019-02")
PUBLISHED = ("2019-04-01", "2019-04-02", "2019-05-01")


@st.composite
def _person(draw, person_id):
    name = draw(st.sampled_from(PEOPLE[person_id]))
    person = {"id": person_id, "name": name, "evidence": f"{name} was named in the report"}
    description = draw(st.sampled_from([None, "Activist.", "An activist who leads a group.", "Lawyer."]))
    citizenship = draw(st.sampled_from([None, ["KZ"], ["CN"], ["KZ", "CN"], ["CN", "KZ"]]))
    person.update({k: v for k, v in (("description", description), ("citizenship", citizenship)) if v is not None})
    return person


@st.composite
def _body(draw, body_id):
    name = draw(st.sampled_from(BODIES[body_id]))
    return {"id": body_id, "name": name, "kind": draw(st.sampled_from(["ngo", "police"])),
            "country": draw(st.sampled_from(["KZ", "CN"])), "evidence": f"{name} was named in the report"}


@st.composite
def _event(draw, event_id, people):
    event = {"id": event_id, "date": draw(st.sampled_from(DATES)), "type": draw(st.sampled_from(["arrest", "release"])),
             "summary": draw(st.sampled_from(["Police detained the activist.", "The activist was detained by police.",
                                              "Detained."])),
             "participants": [{"actor": draw(st.sampled_from(people)), "role": "target"}],
             "evidence": "the police detained the activist on that day"}
    location = draw(st.sampled_from([None, "Almaty", "Astana"]))
    return {**event, "location": location} if location else event


@st.composite
def _article(draw, number):
    people = draw(st.lists(st.sampled_from(sorted(PEOPLE)), min_size=1, max_size=3, unique=True))
    bodies = draw(st.lists(st.sampled_from(sorted(BODIES)), max_size=2, unique=True))
    events = draw(st.lists(st.sampled_from(EVENTS), max_size=2, unique=True))
    source = {"id": f"art-{number}", "title": f"Report {number}", "publisher": "Generated",
              "published": draw(st.sampled_from(PUBLISHED)), "language": "en"}
    document = {"source": source, "actors": [draw(_person(p)) for p in people]}
    if bodies:
        document["organizations"] = [draw(_body(b)) for b in bodies]
    if events:
        document["events"] = [draw(_event(e, people)) for e in events]
    return document


DATASETS = st.integers(2, 4).flatmap(lambda n: st.tuples(*[_article(i) for i in range(n)]))


def _archive(document) -> str:
    return "\n".join(r["evidence"] for table in COMPARED for r in document.get(table) or []) + "\n" + UNQUOTED


def _write(root, documents: dict):
    for folder in ("datasets/facts", "datasets/archive"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    shutil.copy(FIXTURES / "mini/datasets/package.json", root / "datasets/package.json")
    for name, document in documents.items():
        (root / "datasets/facts" / name).write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False),
                                                    encoding="utf-8")
        (root / "datasets/archive" / (name[:-5] + ".txt")).write_text(_archive(document), encoding="utf-8")


def _published(root, table: str, key: str) -> dict:
    with open(root / f"datasets/csv/{table}.csv", encoding="utf-8", newline="") as handle:
        return {row.pop(key): row for row in csv.DictReader(handle)}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(DATASETS)
def test_published_tables_agree_with_the_reference(tmp_path_factory, articles):
    documents = {f"{a['source']['id']}.yaml": a for a in articles}
    root = tmp_path_factory.mktemp("claims")
    _write(root, documents)
    result = run_cli("--root", root, "build")
    assert result.code == 0, result.out + result.err
    expected = reference_merge.published(documents, COMPARED)
    for table in COMPARED:
        key = {"actors": "actor_id", "organizations": "organization_id", "events": "event_id"}[table]
        rows = _published(root, table, key)
        assert set(rows) == set(expected[table]), table
        for record_id, want in expected[table].items():
            got = {column: rows[record_id][column] for column in want}
            assert got == want, (table, record_id)
    claims = {(r["record_type"], r["record_id"], r["field"], r["value"], r["source_id"])
              for r in _published(root, "statements", "statement_id").values() if r["record_type"] in COMPARED}
    assert claims == reference_merge.statements(documents, COMPARED)
