"""Kept shards: read back as written, refused when one is another run's, rewritten only when changed."""

import copy

import pytest

from factpack import kept_parts
from factpack.cache import Cache
from factpack.kept_parts import Kept

PREFIX = "row-store-test"
BLOCKS = {"a": ["a", "a,1\n", '{"id": "a"}', 1], "b": ["b", "b,2\n", '{"id": "b"}', 1]}
NAMES = ["actors", kept_parts.FILES]
FILES = {"art-1": {"statements": (b"x\n", b"{}", 1)}}


def _written(tmp_path) -> tuple:
    store = Cache(tmp_path)
    return store, Kept({"actors": BLOCKS, kept_parts.FILES: FILES}).write(store, PREFIX)


def test_shards_are_read_back_as_written(tmp_path):
    store, tokens = _written(tmp_path)
    kept = Kept.read(store, PREFIX, tokens, NAMES)
    assert kept is not None
    assert sorted(kept.blocks("actors")) == sorted(BLOCKS.values())
    assert kept.block("actors", "a") == BLOCKS["a"]
    assert kept.files() == list(FILES.items())


def test_a_mapping_held_otherwise_is_written_as_its_plain_values(tmp_path):
    store = Cache(tmp_path)
    set_aside = {"art-1": {"statements": ("a piece", 1)}, "art-2": {"statements": ("another piece", 2)}}
    tokens = Kept({kept_parts.FILES: set_aside}).write(
        store, PREFIX, stored={kept_parts.FILES: lambda shard: {source: f"plain {source}" for source in shard}})
    kept = Kept.read(store, PREFIX, tokens, [kept_parts.FILES])
    assert kept is not None
    assert sorted(kept.files()) == [("art-1", "plain art-1"), ("art-2", "plain art-2")]


def test_a_shard_written_by_another_build_makes_the_store_unusable(tmp_path):
    store, tokens = _written(tmp_path)
    index = kept_parts.shard_of("a")
    Kept({"actors": {"a": BLOCKS["b"]}, kept_parts.FILES: {}}).write(store, PREFIX)  # another build's shards, under other tokens
    assert Kept.read(store, PREFIX, tokens, NAMES) is None
    assert Kept.read(store, PREFIX, {**tokens, f"actors/{index}": "forged"}, NAMES) is None


def test_only_the_shards_whose_blocks_change_are_written_again(tmp_path, monkeypatch):
    store, tokens = _written(tmp_path)
    kept = Kept.read(store, PREFIX, tokens, NAMES)
    assert kept is not None
    written, put = [], store.put
    monkeypatch.setattr(store, "put", lambda key, value: written.append(key) or put(key, value))
    kept.replace("actors", {"a"}, {"a": BLOCKS["a"]})  # the same block again
    kept.replace_files(["art-1"], dict(FILES))
    assert kept.write(store, PREFIX, tokens) == tokens and written == []
    kept.replace("actors", {"a"}, {})
    new_tokens = kept.write(store, PREFIX, tokens)
    assert written == [f"{PREFIX}-actors-{kept_parts.shard_of('a')}"]
    assert Kept.read(store, PREFIX, new_tokens, NAMES).block("actors", "a") is None


def test_shards_read_on_demand_are_read_when_needed_and_refused_if_gone(tmp_path):
    store, tokens = _written(tmp_path)
    store._path(f"{PREFIX}-actors-{kept_parts.shard_of('b')}").unlink()
    assert Kept.read(store, PREFIX, tokens, NAMES) is None
    kept = Kept.read(store, PREFIX, tokens, NAMES, on_demand=["actors"])
    assert kept is not None
    if kept_parts.shard_of("a") != kept_parts.shard_of("b"):
        assert kept.block("actors", "a") == BLOCKS["a"]
    with pytest.raises(kept_parts.Gone):
        kept.block("actors", "b")


def test_a_mapping_read_on_demand_holds_its_changes_aside(tmp_path):
    store, tokens = _written(tmp_path)
    kept = Kept.read(store, PREFIX, tokens, NAMES, on_demand=["actors"])
    assert kept is not None
    view = kept_parts.OnDemand(kept, "actors")
    assert view.get("a") == BLOCKS["a"] and view.get("c") is None and "b" in view
    view["c"] = ["c"]
    del view["a"]
    with pytest.raises(KeyError):
        del view["a"]
    assert sorted(view) == ["b", "c"] and view.get("a", ()) == () and len(view) == 2
    assert view.pop("b") == BLOCKS["b"] and "b" not in view
    assert kept.block("actors", "a") == BLOCKS["a"] and kept.block("actors", "c") is None  # the kept shards as read


@pytest.mark.parametrize("owner", ["a", ("actors", "a"), ("amounts", 1), ("names", ("x", None))])
def test_an_owner_is_a_text_or_a_tuple_of_plain_values_and_always_falls_in_the_same_shard(owner):
    assert 0 <= kept_parts.shard_of(owner) < kept_parts.SHARDS
    assert kept_parts.shard_of(owner) == kept_parts.shard_of(copy.deepcopy(owner))


def test_a_value_read_on_demand_is_looked_up_in_its_shard_once_and_a_change_still_comes_first(tmp_path, monkeypatch):
    store, tokens = _written(tmp_path)
    kept = Kept.read(store, PREFIX, tokens, NAMES, on_demand=["actors"])
    assert kept is not None
    looked_up, block = [], kept.block
    monkeypatch.setattr(kept, "block", lambda name, owner: looked_up.append(owner) or block(name, owner))
    view = kept_parts.OnDemand(kept, "actors")
    assert [view.get("a"), view.get("a"), view.get("c"), view.get("c")] == [BLOCKS["a"], BLOCKS["a"], None, None]
    assert looked_up == ["a", "c"]
    view["a"] = ["changed"]
    kept.replace("actors", {"a"}, {"a": ["changed"]})
    assert view.get("a") == ["changed"] and view["a"] == ["changed"]
