"""Validation after an edit (incremental.py) against a validation from scratch, on random datasets whose
articles share ids, give look-alike names to different ids, report overlapping events, name organizations'
parents, refer to ids nobody defines and break the schema, before and after a random edit."""

import datetime
import time
import shutil

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FIXTURES, UNQUOTED, run_cli
from factpack import (affected, curated_tables, file_signatures, incremental, kept_parts, pipeline, report_blocks,
                      row_store, validation_state)
from factpack.cache import Cache
from factpack.layout import Layout
from factpack.render import render_text
from factpack.rule_codes import Code

TODAY = datetime.date(2026, 1, 1)
# Pools large enough that an edit leaves some files untouched, with look-alike names on different ids
PEOPLE = {"p-bilash": ["Serikzhan Bilash", "Bilash"], "p-bilash2": ["Serikjan Bilash", "Bilash"],
          "p-nurlanova": ["Aigerim Nurlanova"], "p-seitkali": ["Marat Seitkali", "Seitkali"],
          "p-omarova": ["Aiman Omarova"], "p-umarova": ["Aiman Umarova", "Umarova"], "p-kim": ["Kim"],
          "p-seitqali": ["Marat Seitqali"]}
BODIES = {"o-atajurt": ["Atajurt", "Atazhurt"], "o-atazhurt": ["Atazhurt Eriktileri"], "o-police": ["Almaty police"],
          "o-court": ["Almaty court"], "o-kgb": ["Almaty Police"]}
EVENTS = ("e-detained", "e-released", "e-fined", "e-charged", "e-tried", "e-freed")
DATES = ("2019-03-10", "2019-03-09", "2019-03", "2019", "2019-03-10/2019-03-12", "2019-03-10?", "2031-01-01", "2019-13")
PUBLISHED = ("2019-04-01", "2019-05-01", "2019-03-01")
WHO = sorted(PEOPLE) + sorted(BODIES) + ["p-unknown"]


def _quoted(record: dict, text: str) -> dict:
    return {**record, "evidence": text}


@st.composite
def _person(draw, person_id, clean=False):
    name = draw(st.sampled_from(PEOPLE[person_id]))
    person = {"id": person_id, "name": name, "names": [{"name": draw(st.sampled_from(PEOPLE[person_id])),
                                                          "kind": "primary"}]}
    country = draw(st.sampled_from([None, ["KZ"], ["CN"]] + ([] if clean else [["XX"]])))  # XX: not a country
    if not clean and draw(st.integers(0, 5)) == 0:
        person["nickname"] = name  # a key the schema does not have: the record is broken, and merge leaves it out
    return _quoted({**person, "citizenship": country} if country else person, f"{name} was named")


@st.composite
def _body(draw, body_id, clean=False):
    name = draw(st.sampled_from(BODIES[body_id]))
    body = {"id": body_id, "name": name, "kind": draw(st.sampled_from(["ngo", "police"]))}
    parent = None if clean else draw(st.sampled_from([None, None, *sorted(BODIES)]))
    return _quoted({**body, "parent": parent} if parent else body, f"{name} was named")


@st.composite
def _event(draw, event_id, who=tuple(WHO), clean=False):
    participants = draw(st.lists(st.sampled_from(who), min_size=0, max_size=2, unique=True)) if who else []
    event = {"id": event_id, "date": draw(st.sampled_from(DATES[:-2] if clean else DATES)),
             "type": draw(st.sampled_from(["arrest", "fine"])),
             "summary": draw(st.sampled_from(["Police detained him.", "He was detained."])),
             "participants": [{"organization" if who.startswith("o-") else "actor": who, "role": "target"}
                              for who in participants]}
    return _quoted(event, f"the police acted in {event_id}")


@st.composite
def _article(draw, number, clean=False):
    """An article; a `clean` one breaks no rule of its own and refers only to what it defines."""
    source_id = f"art-{number}" if clean else draw(st.sampled_from([f"art-{number}", f"art-{number}", "art-misnamed"]))
    document = {"source": {"id": source_id, "title": f"Report {number}", "publisher": "Generated",
                           "published": draw(st.sampled_from(PUBLISHED)), "language": "en"}}
    people = draw(st.lists(st.sampled_from(sorted(PEOPLE)), max_size=2, unique=True))
    bodies = draw(st.lists(st.sampled_from(sorted(BODIES)), max_size=1, unique=True))
    events = draw(st.lists(st.sampled_from(EVENTS), max_size=2, unique=True))
    who = tuple(people + bodies) if clean else tuple(WHO)
    for key, records in (("actors", [draw(_person(p, clean)) for p in people]),
                         ("organizations", [draw(_body(b, clean)) for b in bodies]),
                         ("events", [draw(_event(e, who, clean)) for e in events])):
        if records:
            document[key] = records
    return document


EDITS = st.sampled_from(["replace", "remove", "add", "garble"])


def _write(root, name: str, document) -> None:
    text = document if isinstance(document, str) else yaml.safe_dump(document, allow_unicode=True, sort_keys=False)
    (root / "datasets/facts" / name).write_text(text, encoding="utf-8")
    records = [] if isinstance(document, str) else [
        r for key in ("actors", "organizations", "places", "events") for r in document.get(key) or []]
    quotes = [r["evidence"] for r in records] + [n["name"] for r in records for n in r.get("names", [])]
    (root / "datasets/archive" / (name[:-5] + ".txt")).write_text("\n".join(quotes) + UNQUOTED, encoding="utf-8")


def _dataset(root, documents: list) -> Layout:
    for folder in ("datasets/facts", "datasets/archive"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    shutil.copy(FIXTURES / "mini/datasets/package.json", root / "datasets/package.json")
    for number, document in enumerate(documents):
        _write(root, f"art-{number}.yaml", document)
    return Layout(root)


def _edit(root, count: int, edit: str, which: int, document) -> str:
    present = sorted(path.name for path in (root / "datasets/facts").iterdir())
    name = present[which % len(present)] if present else ""
    if edit == "remove" and name:
        (root / "datasets/facts" / name).unlink()
    elif edit == "add" or not name:
        name = f"art-{count}.yaml"
        _write(root, name, document)
    else:
        _write(root, name, "source: [unclosed\n" if edit == "garble" else document)
    return name


def _settings(layout, focus, texts: bool = False) -> incremental.Settings:
    return incremental.Settings(focus, TODAY, curated_tables.read(layout)[0], texts=texts)


@pytest.fixture(autouse=True)
def _however_much_is_touched(monkeypatch):
    """Small datasets are mostly touched by any edit: take the shortcut anyway, to compare it. And files are
    judged by their signatures (file_signatures) as if they had been written long before each run."""
    monkeypatch.setattr(incremental, "AT_MOST_AFFECTED", 1.0)
    monkeypatch.setattr(affected, "AT_MOST_CHANGED", 1.0)
    clock = time.time_ns
    monkeypatch.setattr(time, "time_ns", lambda: clock() + 2 * file_signatures.SETTLE_NS)


def _reused(layout, focus, texts: bool = False):
    """The findings as a set; with `texts`, the text report joined from the kept blocks."""
    reused = incremental.run(layout, layout.fact_files(), Cache(layout.root), _settings(layout, focus, texts))
    assert reused is not None, "the previous validation's state was not used"
    if texts:
        assert isinstance(reused[0], report_blocks.Shown), "the report's blocks were not kept"
        return reused[0].with_more(curated_tables.read(layout)[1]).text()
    return set(reused[0] + curated_tables.read(layout)[1])


def _same_as_from_scratch(layout, focus=frozenset(), texts: bool = False) -> bool:
    from_scratch, _, _ = pipeline.check(layout, layout.fact_files(), TODAY, focus=focus, use_cache=False)
    return _reused(layout, focus, texts) == (render_text(from_scratch) if texts else set(from_scratch))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(st.integers(2, 8).flatmap(lambda n: st.tuples(*[_article(i) for i in range(n)])),
       st.lists(st.tuples(EDITS, st.integers(0, 4), _article(9), st.booleans()), min_size=1, max_size=3),
       st.booleans())
def test_an_edit_recomputed_incrementally_finds_what_a_run_from_scratch_finds(tmp_path_factory, monkeypatch,
                                                                               documents, edits, focused):
    """As findings, or as the text report joined from the blocks the state keeps (`texts`)."""
    root = tmp_path_factory.mktemp("incremental")
    layout = _dataset(root, list(documents))
    focus = frozenset({"datasets/facts/art-0.yaml"}) if focused else frozenset()
    pipeline.check(layout, layout.fact_files(), TODAY, focus=focus, incremental=True)  # remembers its findings
    count = len(documents)
    for edit, which, document, texts in edits:  # the second edit starts from the state the first one left
        _edit(root, count, edit, which, document)
        count += 1  # a name no file has had
        assert _same_as_from_scratch(layout, focus, texts)


def _article_of(number: int, actors=(), organizations=(), events=(), places=()) -> dict:
    document: dict = {"source": {"id": f"art-{number}", "title": f"Report {number}", "publisher": "Generated",
                                 "published": "2019-04-01", "language": "en"}}
    for key, records in (("actors", actors), ("organizations", organizations), ("places", places),
                         ("events", events)):
        if records:
            document[key] = [_quoted(record, f"{record.get('name', record['id'])} was named") for record in records]
    return document


def _arrest(event_id: str, *who: str) -> dict:
    return {"id": event_id, "date": "2019-03-10", "type": "arrest", "summary": "Police detained them.", "participants": [
        {"organization" if someone.startswith("o-") else "actor": someone, "role": "target"} for someone in who]}


def _org(org_id: str, parent: str | None = None) -> dict:
    return {"id": org_id, "name": f"Group {org_id[-1]}", "kind": "ngo", **({"parent": parent} if parent else {})}


# For each rule of affected.files and each answer of affected.Whole, an edit whose effect on another file only
# that rule or answer gets right (each case fails without it).
CASES = {
    "a file that refers to an id the edit removes": (
        [_article_of(0, actors=[{"id": "p-kim", "name": "Kim"}]), _article_of(1, events=[_arrest("e-1", "p-kim")])],
        ("art-0.yaml", None)),
    "organizations that are each other's parents through a third": (
        [_article_of(0, organizations=[_org("o-a", "o-b")]), _article_of(1, organizations=[_org("o-b", "o-c")]),
         _article_of(2, organizations=[_org("o-c", "o-a")])],
        ("art-2.yaml", _article_of(2, organizations=[_org("o-c")]))),
    "an event that now shares a participant with another article's event": (
        [_article_of(0, events=[_arrest("e-1", "p-y")]), _article_of(1, events=[_arrest("e-2", "p-x")]),
         _article_of(3, actors=[{"id": "p-x", "name": "Xan"}, {"id": "p-y", "name": "Yerlan"}])],
        ("art-2.yaml", _article_of(2, events=[_arrest("e-1", "p-x")]))),
    "a look-alike name that comes first in id order": (
        [_article_of(0, actors=[{"id": "p-a", "name": "Serikzhan Bilash"}]),
         _article_of(1, actors=[{"id": "p-b", "name": "Serikjan Bilash"}])],
        ("art-2.yaml", _article_of(2, actors=[{"id": "p-0", "name": "Serikzhan Bilash"}]))),
    "a record resting on one source beside a broken record of the same id": (
        [_article_of(0, actors=[{"id": "p-kim", "name": "Kim"}], events=[_arrest("e-1", "p-kim")]),
         _article_of(1, actors=[{"id": "p-kim", "name": "Kim", "nickname": "Kim"}])],
        ("art-2.yaml", _article_of(2, events=[_arrest("e-1")]))),
    "an unknown reference whose closest known id is new": (
        [_article_of(0, events=[_arrest("e-1", "p-kimm")]), _article_of(1, actors=[{"id": "p-lee", "name": "Lee"}])],
        ("art-2.yaml", _article_of(2, actors=[{"id": "p-kim", "name": "Kim"}]))),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_rule_of_what_an_edit_affects(tmp_path, case):
    documents, (name, document) = CASES[case]
    layout = _dataset(tmp_path, [])
    for before in documents:
        _write(tmp_path, f"art-{before['source']['id'][4:]}.yaml", before)
    pipeline.check(layout, layout.fact_files(), TODAY, incremental=True)
    if document is None:
        (tmp_path / "datasets/facts" / name).unlink()
    else:
        _write(tmp_path, name, document)
    assert _same_as_from_scratch(layout)


def _look_alikes(root) -> Layout:
    documents, (name, document) = CASES["a look-alike name that comes first in id order"]
    layout = _dataset(root, documents)
    pipeline.check(layout, layout.fact_files(), TODAY, incremental=True)
    _write(root, name, document)  # which touches both look-alikes
    return layout


def test_a_state_that_does_not_match_the_data_is_not_used(tmp_path):
    layout = _look_alikes(tmp_path)
    store, settings_ = Cache(tmp_path), _settings(layout, frozenset())
    state = validation_state.load(store, settings_.key(), settings_.fingerprint())
    assert state is not None
    across = state.whole("across")
    assert any(fields[0] == Code.SIMILAR_NAMES for listed in across.values() for fields in listed)
    files = {"keys": state.parts["keys"], "stats": state.parts["stats"], "own": {}, "across": dict.fromkeys(across),
             "shown": dict.fromkeys(across)}  # as if found nowhere
    unchanged = {name: {} for name in affected.LOOKUPS} | {affected.PARENTS: state.index[affected.PARENTS]}
    validation_state.save_change(store, settings_.key(), state, state.order, state.since, files, unchanged)
    assert incremental.run(layout, layout.fact_files(), store, settings_) is None
    from_scratch, _, _ = pipeline.check(layout, layout.fact_files(), TODAY, use_cache=False)
    assert pipeline.check(layout, layout.fact_files(), TODAY, incremental=True)[0] == from_scratch


def test_a_damaged_state_changes_nothing(tmp_path):
    layout = _look_alikes(tmp_path)
    store, settings_ = Cache(tmp_path), _settings(layout, frozenset())
    entry = store._path(settings_.key())
    entry.write_bytes(entry.read_bytes()[:-10])
    assert incremental.run(layout, layout.fact_files(), store, settings_) is None
    from_scratch, _, _ = pipeline.check(layout, layout.fact_files(), TODAY, use_cache=False)
    assert pipeline.check(layout, layout.fact_files(), TODAY, incremental=True)[0] == from_scratch
    assert _same_as_from_scratch(layout)  # and the state it wrote in its place is used


def test_an_edit_counts_new_removed_and_refused_files_and_is_too_large_beyond_its_share(monkeypatch):
    before, now = {"a": "1", "b": "2", "c": "", "d": "4"}, {"a": "1", "b": "2x", "c": "", "e": "5"}
    assert affected.edited(now, before) == {"b", "c", "d", "e"}  # share lifted by the fixture
    monkeypatch.setattr(affected, "AT_MOST_CHANGED", 1 / 4)
    assert affected.edited(now, before) is None  # 4 of 5 files
    assert affected.edited({"a": "1", "b": "3"}, {"a": "1", "b": "2"}) == {"b"}  # one file always may


def test_an_index_shard_gone_by_the_time_it_is_read_makes_the_validation_whole(tmp_path):
    layout = _look_alikes(tmp_path)
    store, settings_ = Cache(tmp_path), _settings(layout, frozenset())
    for entry in store._path(settings_.key()).parent.glob(f"{settings_.key()}-part-defined_by-*"):
        entry.unlink()  # read on demand, after the state's main entry said they were there
    assert validation_state.load(store, settings_.key(), settings_.fingerprint()) is not None
    assert incremental.run(layout, layout.fact_files(), store, settings_) is None
    from_scratch, _, _ = pipeline.check(layout, layout.fact_files(), TODAY, use_cache=False)
    assert pipeline.check(layout, layout.fact_files(), TODAY, incremental=True)[0] == from_scratch


def test_only_the_files_whose_signature_changed_are_read_again(tmp_path, monkeypatch):
    documents, _ = CASES["a look-alike name that comes first in id order"]
    layout = _dataset(tmp_path, documents)
    pipeline.check(layout, layout.fact_files(), TODAY, incremental=True)
    edited = tmp_path / "datasets/facts/art-1.yaml"
    edited.write_text(edited.read_text(encoding="utf-8").replace("Serikjan", "Serikjon"), encoding="utf-8")
    read, keyed = [], pipeline.keyed
    monkeypatch.setattr(pipeline, "keyed", lambda layout, paths: read.extend(p.name for p in paths) or keyed(layout, paths))
    assert _same_as_from_scratch(layout)
    assert read == [path.name for path in layout.fact_files()] + ["art-1.yaml"]  # from scratch, then incrementally


def test_one_state_is_kept_whatever_files_a_contributor_names(tmp_path):
    documents, _ = CASES["a look-alike name that comes first in id order"]
    layout = _dataset(tmp_path, documents)
    for focus in (frozenset(), frozenset({"datasets/facts/art-0.yaml"}), frozenset({"datasets/facts/art-1.yaml"})):
        pipeline.check(layout, layout.fact_files(), TODAY, focus=focus, incremental=True)
    store = Cache(tmp_path)
    kept = list(store._path(incremental.Settings.key()).parent.glob("validation-state-*"))
    assert len([path for path in kept if "-part-" not in path.name]) == 1
    assert len(kept) <= 1 + len(validation_state.PARTS) * kept_parts.SHARDS  # the shards are replaced, not added
    assert incremental._load(store, _settings(layout, frozenset({"datasets/facts/art-1.yaml"}))) is not None
    assert incremental._load(store, _settings(layout, frozenset())) is None  # made under other settings


def _built(layout, use_cache: bool = True) -> tuple:
    result = pipeline.run(layout, TODAY, use_cache=use_cache)
    return result.findings, None if result.files is None else dict(result.files.items())


def _same_build_as_from_scratch(layout, monkeypatch, kept: bool = True) -> bool:
    """Whether a build after an edit writes what a build from scratch writes; `kept`: the build before the edit
    wrote its tables, so the rows it kept must be used."""
    taken, run, patched, patch = [], incremental.run, [], row_store.patch
    monkeypatch.setattr(incremental, "run", lambda *args: taken.append(run(*args)) or taken[-1])
    monkeypatch.setattr(row_store, "patch", lambda *args: patched.append(patch(*args)) or patched[-1])
    built = _built(layout)
    monkeypatch.setattr(incremental, "run", run)
    monkeypatch.setattr(row_store, "patch", patch)
    assert taken and taken[-1] is not None, "the previous build's state was not used"
    if kept and built[1] is not None:
        assert patched and patched[-1] is not None, "the previous build's rows were not used"
    return built == _built(layout, use_cache=False)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(st.integers(2, 6).flatmap(lambda n: st.tuples(*[_article(i, clean=True) for i in range(n)])),
       st.lists(st.tuples(EDITS, st.integers(0, 4), st.booleans().flatmap(lambda clean: _article(9, clean))),
                min_size=1, max_size=3))
def test_a_build_after_an_edit_writes_what_a_build_from_scratch_writes(tmp_path_factory, monkeypatch, documents,
                                                                       edits):
    """Valid datasets (a build writes only those), edited into valid or invalid ones, one edit after another: each
    build starts from what the one before kept."""
    root = tmp_path_factory.mktemp("incremental-build")
    layout = _dataset(root, list(documents))
    assert _built(layout)[1] is not None, "a clean dataset is built"  # and its findings and rows are kept
    for count, edit in enumerate(edits):
        _edit(root, len(documents) + count, *edit)
        assert _same_build_as_from_scratch(layout, monkeypatch)


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_build_after_each_kind_of_edit_writes_what_a_build_from_scratch_writes(tmp_path, monkeypatch, case):
    documents, (name, document) = CASES[case]
    layout = _dataset(tmp_path, [])
    for before in documents:
        _write(tmp_path, f"art-{before['source']['id'][4:]}.yaml", before)
    kept = _built(layout)[1] is not None
    if document is None:
        (tmp_path / "datasets/facts" / name).unlink()
    else:
        _write(tmp_path, name, document)
    assert _same_build_as_from_scratch(layout, monkeypatch, kept)


# An event's events_flat row restates its participants' and its place's names, which other files may give
RENAMES = {
    "a participant's name": (
        [_article_of(0, actors=[{"id": "p-kim", "name": "Kim"}], events=[_arrest("e-1", "p-kim")]),
         _article_of(1, actors=[{"id": "p-kim", "name": "Kim"}])],
        ("art-1.yaml", _article_of(1, actors=[{"id": "p-kim", "name": "Kim Jong"}]))),
    "a place's name": (
        [_article_of(0, events=[{**_arrest("e-1"), "place": "almaty"}]),
         _article_of(1, places=[{"id": "almaty", "name": "Almaty", "kind": "city", "country": "KZ"}])],
        ("art-1.yaml", _article_of(1, places=[{"id": "almaty", "name": "Almaty city", "kind": "city",
                                                "country": "KZ"}]))),
}


@pytest.mark.parametrize("case", sorted(RENAMES))
def test_a_build_after_a_rename_in_another_file_restates_the_new_name(tmp_path, monkeypatch, case):
    documents, (name, document) = RENAMES[case]
    layout = _dataset(tmp_path, documents)
    assert _built(layout)[1] is not None
    _write(tmp_path, name, document)
    assert _same_build_as_from_scratch(layout, monkeypatch)


def test_each_build_after_successive_edits_writes_what_a_build_from_scratch_writes(tmp_path, monkeypatch):
    """Each build starts from the rows the one before kept, not from the last whole build's."""
    kim = {"id": "p-kim", "name": "Kim"}
    layout = _dataset(tmp_path, [_article_of(0, actors=[kim], events=[_arrest("e-1", "p-kim")]),
                                 _article_of(1, actors=[kim]), _article_of(2, organizations=[_org("o-a")])])
    assert _built(layout)[1] is not None
    for name, document in (("art-2.yaml", _article_of(2, organizations=[_org("o-b")])),
                           ("art-1.yaml", _article_of(1, actors=[{**kim, "name": "Kim Jong"}])),
                           ("art-0.yaml", _article_of(0, actors=[kim], events=[{**_arrest("e-1", "p-kim"),
                                                                                "date": "2019-03-11"}]))):
        _write(tmp_path, name, document)
        assert _same_build_as_from_scratch(layout, monkeypatch)


def test_a_build_after_every_file_is_removed_starts_from_the_kept_rows(tmp_path, monkeypatch):
    """Removed files count among the files an edit is measured against, or removing all would never qualify."""
    layout = _dataset(tmp_path, [_article_of(0, actors=[{"id": "p-kim", "name": "Kim"}]), _article_of(1)])
    assert _built(layout)[1] is not None
    for path in (tmp_path / "datasets/facts").iterdir():
        path.unlink()
    assert _same_build_as_from_scratch(layout, monkeypatch)


def test_a_build_with_errors_after_an_edit_does_not_merge_every_file(tmp_path, monkeypatch):
    documents, _ = CASES["a look-alike name that comes first in id order"]
    layout = _dataset(tmp_path, documents)
    assert _built(layout)[1] is not None
    _write(tmp_path, "art-1.yaml", "source: [unclosed\n")
    merged, merge = [], pipeline._merged
    monkeypatch.setattr(pipeline, "_merged", lambda context: merged.append(context) or merge(context))
    assert _same_build_as_from_scratch(layout, monkeypatch)
    assert merged == []  # no tables will be written: the affected files' merge is enough for the findings


def test_a_validation_after_an_edit_prints_what_a_validation_from_scratch_prints(tmp_path, monkeypatch):
    """Joined from the blocks the state keeps (the output is not a terminal), with a curated table's own finding
    (a malformed row) and a cross-file one (a retired id defined again) about the same file; for named files too
    (whose state is another, the findings depending on the files named)."""
    documents, (name, document) = CASES["a look-alike name that comes first in id order"]
    _dataset(tmp_path, documents)
    (tmp_path / "datasets/retired-ids.csv").write_text(
        "record_type,record_id,fate,replaced_by,version,reason\nactors,p-a,withdrawn,,0.2.0,Misidentified\n"
        "actors,p-z,forgotten,,0.2.0,Reason\n", encoding="utf-8")
    joined = []
    text = report_blocks.Shown.text
    monkeypatch.setattr(report_blocks.Shown, "text", lambda self: joined.append(self) or text(self))
    for named in ((), (tmp_path / "datasets/facts" / name, tmp_path / "datasets/facts/art-0.yaml")):
        _write(tmp_path, name, documents[0] | {"source": {**documents[0]["source"], "id": name[:-5]}})
        run_cli("--root", tmp_path, "validate", *named)  # keeps the state
        _write(tmp_path, name, document)
        joined.clear()
        warm = run_cli("--root", tmp_path, "validate", *named)
        assert joined, "the report was not joined from the kept blocks"
        whole = run_cli("--root", tmp_path, "validate", "--no-cache", *named)
        assert (warm.code, warm.out) == (whole.code, whole.out)
        assert named or whole.out.count("datasets/retired-ids.csv:") == 2
