"""The validation state: read back as kept, refused when a shard is missing, rewritten only where an edit changes it."""

from factpack import affected, kept_parts, validation_state
from factpack.cache import Cache

KEY, FINGERPRINT = "validation-state-test", "settings"
FINDING = ("FP905", "sources disagree", "b.yaml", 3, 1, "actors[0].name", "", "warning", ("a.yaml:3",))
FILES = {"keys": {"a.yaml": "ka", "b.yaml": "kb"}, "stats": {"a.yaml": (1, 2, 3, 4, 5), "b.yaml": (1, 3, 3, 4, 5)},
         "own": {"a.yaml": [], "b.yaml": []}, "across": [FINDING, FINDING]}
INDEX = {name: {} for name in affected.LOOKUPS} | {"defined_by": {("actors", "x"): ("a.yaml", "b.yaml")},
                                                   "sources": {"a.yaml": "s-a", "b.yaml": "s-b"},
                                                   affected.PARENTS: ("b.yaml",)}
NO_EDITS = {name: {} for name in affected.LOOKUPS} | {affected.PARENTS: ("b.yaml",)}


def _kept(tmp_path) -> tuple:
    store = Cache(tmp_path)
    validation_state.save_whole(store, KEY, FINGERPRINT, ["a.yaml", "b.yaml"], 7, FILES, INDEX)
    state = validation_state.load(store, KEY, FINGERPRINT)
    assert state is not None
    return store, state


def test_a_state_is_read_back_as_it_was_kept(tmp_path):
    _, state = _kept(tmp_path)
    assert (state.order, state.since) == (["a.yaml", "b.yaml"], 7)
    assert {name: state.parts[name] for name in ("keys", "stats", "own")} == {
        name: FILES[name] for name in ("keys", "stats", "own")}
    assert state.across == [FINDING, FINDING]  # repeats are kept: incremental.py counts them
    assert state.index == INDEX


def test_a_state_made_under_other_settings_or_missing_a_shard_is_not_used(tmp_path):
    store, _ = _kept(tmp_path)
    assert validation_state.load(store, KEY, "other settings") is None
    store._path(f"{KEY}-part-own-{kept_parts.shard_of('a.yaml')}").unlink()
    assert validation_state.load(store, KEY, FINGERPRINT) is None


def test_an_edit_rewrites_only_the_shards_it_changes(tmp_path, monkeypatch):
    store, state = _kept(tmp_path)
    written, put = [], store.put
    monkeypatch.setattr(store, "put", lambda key, value: written.append(key) or put(key, value))
    edited = {**FILES, "keys": {**FILES["keys"], "a.yaml": "ka2"}}
    edits = {**NO_EDITS, "referred_by": {"x": ("a.yaml",)}}
    validation_state.save_change(store, KEY, state, state.order, 8, edited, edits)
    assert sorted(written) == sorted([KEY, f"{KEY}-part-keys-{kept_parts.shard_of('a.yaml')}",
                                      f"{KEY}-part-referred_by-{kept_parts.shard_of('x')}"])
    again = validation_state.load(store, KEY, FINGERPRINT)
    assert again is not None and again.parts["keys"] == edited["keys"] and again.since == 8
    assert again.index["referred_by"] == {"x": ("a.yaml",)} and again.across == [FINDING, FINDING]


def test_the_parts_of_a_removed_file_are_taken_out(tmp_path):
    store, state = _kept(tmp_path)
    left = {name: {"a.yaml": FILES[name]["a.yaml"]} for name in ("keys", "stats", "own")} | {"across": []}
    edits = {**NO_EDITS, "sources": {"b.yaml": None}, affected.PARENTS: ()}
    validation_state.save_change(store, KEY, state, ["a.yaml"], 8, left, edits)
    again = validation_state.load(store, KEY, FINGERPRINT)
    assert again is not None
    assert {name: again.parts[name] for name in ("keys", "stats", "own")} == {
        name: left[name] for name in ("keys", "stats", "own")}
    assert again.across == [] and again.index["sources"] == {"a.yaml": "s-a"} and again.index["parents"] == ()
