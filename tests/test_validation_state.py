"""The validation state: read back as kept, refused when a shard is missing, rewritten only where an edit changes it."""

import pytest

from factpack import affected, kept_parts, report_blocks, validation_state
from factpack.cache import Cache

KEY, FINGERPRINT = "validation-state-test", "settings"
FINDING = ("FP905", "sources disagree", "b.yaml", 3, 1, "actors[0].name", "", "warning", ("a.yaml:3",))
OWN = ("FP101", "unknown key", "b.yaml", 2, 1, "source.x", "", "error", ())
UNKNOWN = ("FP302", "no record has the id 'p-kimm'", "a.yaml", 4, 3, "events[0].actor", "", "error", ())
OWN_FINDINGS = {"a.yaml": [], "b.yaml": [OWN]}
ACROSS = {"a.yaml": [UNKNOWN], "b.yaml": [FINDING, FINDING]}
FILES = {"keys": {"a.yaml": "ka", "b.yaml": "kb"}, "stats": {"a.yaml": (1, 2, 3, 4, 5), "b.yaml": (1, 3, 3, 4, 5)},
         "own": OWN_FINDINGS, "across": ACROSS,
         "shown": report_blocks.blocks(OWN_FINDINGS, ACROSS)}
INDEX = {name: {} for name in affected.LOOKUPS} | {"defined_by": {("actors", "x"): ("a.yaml", "b.yaml")},
                                                   "sources": {"a.yaml": "s-a", "b.yaml": "s-b"},
                                                   affected.PARENTS: ("b.yaml",)}
NO_EDITS = {name: {} for name in affected.LOOKUPS} | {affected.PARENTS: ("b.yaml",)}
NO_FINDINGS_CHANGED = {"own": {}, "across": {}, "shown": {}}


def _kept(tmp_path) -> tuple:
    store = Cache(tmp_path)
    validation_state.save_whole(store, KEY, FINGERPRINT, ["a.yaml", "b.yaml"], 7, FILES, INDEX)
    state = validation_state.load(store, KEY, FINGERPRINT)
    assert state is not None
    return store, state


def test_a_state_is_read_back_as_it_was_kept(tmp_path):
    _, state = _kept(tmp_path)
    assert (state.order, state.since) == (["a.yaml", "b.yaml"], 7)
    assert {name: state.parts[name] for name in ("keys", "stats", "shown")} == {
        name: FILES[name] for name in ("keys", "stats", "shown")}
    assert state.whole("own") == {"b.yaml": [OWN]}  # a file without findings has none kept
    assert state.whole("across") == ACROSS  # repeats are kept: incremental.py counts them
    assert state.hinted == {"a.yaml"} and state.shown
    assert state.index == INDEX


def test_a_state_without_blocks_says_so(tmp_path):
    store = Cache(tmp_path)
    validation_state.save_whole(store, KEY, FINGERPRINT, ["a.yaml", "b.yaml"], 7, {**FILES, "shown": None}, INDEX)
    state = validation_state.load(store, KEY, FINGERPRINT)
    assert state is not None and not state.shown and state.parts["shown"] == {}


def test_a_state_made_under_other_settings_or_missing_a_shard_is_not_used(tmp_path):
    store, _ = _kept(tmp_path)
    assert validation_state.load(store, KEY, "other settings") is None
    store._path(f"{KEY}-part-own-{kept_parts.shard_of('b.yaml')}").unlink()
    state = validation_state.load(store, KEY, FINGERPRINT)
    assert state is not None  # a part read on demand is missed when it is read
    with pytest.raises(kept_parts.Gone):
        state.parts["own"].get("b.yaml")
    store._path(f"{KEY}-part-keys-{kept_parts.shard_of('a.yaml')}").unlink()
    assert validation_state.load(store, KEY, FINGERPRINT) is None


def test_an_edit_rewrites_only_the_shards_it_changes(tmp_path, monkeypatch):
    store, state = _kept(tmp_path)
    written, put = [], store.put
    monkeypatch.setattr(store, "put", lambda key, value: written.append(key) or put(key, value))
    edited = {**FILES, "keys": {**FILES["keys"], "a.yaml": "ka2"}, **NO_FINDINGS_CHANGED}
    edits = {**NO_EDITS, "referred_by": {"x": ("a.yaml",)}}
    validation_state.save_change(store, KEY, state, state.order, 8, edited, edits)
    assert sorted(written) == sorted([KEY, f"{KEY}-part-keys-{kept_parts.shard_of('a.yaml')}",
                                      f"{KEY}-part-referred_by-{kept_parts.shard_of('x')}"])
    again = validation_state.load(store, KEY, FINGERPRINT)
    assert again is not None and again.parts["keys"] == edited["keys"] and again.since == 8
    assert again.index["referred_by"] == {"x": ("a.yaml",)} and again.whole("across") == ACROSS
    assert again.hinted == {"a.yaml"} and again.parts["shown"] == FILES["shown"]


def test_an_edit_replaces_the_findings_and_blocks_of_the_files_it_names(tmp_path):
    store, state = _kept(tmp_path)
    across = {"a.yaml": [], "b.yaml": [FINDING]}  # the unknown reference is gone; one disagreement is left
    shown = {"a.yaml": None, "b.yaml": report_blocks.block_of([OWN, FINDING])}
    validation_state.save_change(store, KEY, state, state.order, 8, {**FILES, "own": {}, "across": across,
                                                                     "shown": shown}, NO_EDITS)
    again = validation_state.load(store, KEY, FINGERPRINT)
    assert again is not None and again.whole("across") == {"b.yaml": [FINDING]} and again.hinted == frozenset()
    assert again.parts["shown"] == {"b.yaml": shown["b.yaml"]} and again.whole("own") == {"b.yaml": [OWN]}


def test_the_parts_of_a_removed_file_are_taken_out(tmp_path):
    store, state = _kept(tmp_path)
    left = {name: {"a.yaml": FILES[name]["a.yaml"]} for name in ("keys", "stats")} | {
        "own": {"b.yaml": None}, "across": {"b.yaml": None}, "shown": {"b.yaml": None}}
    edits = {**NO_EDITS, "sources": {"b.yaml": None}, affected.PARENTS: ()}
    validation_state.save_change(store, KEY, state, ["a.yaml"], 8, left, edits)
    again = validation_state.load(store, KEY, FINGERPRINT)
    assert again is not None
    assert {name: again.parts[name] for name in ("keys", "stats")} == {name: left[name] for name in ("keys", "stats")}
    assert again.whole("own") == {} and again.whole("across") == {"a.yaml": [UNKNOWN]}
    assert set(again.parts["shown"]) == {"a.yaml"}
    assert again.index["sources"] == {"a.yaml": "s-a"} and again.index["parents"] == ()
