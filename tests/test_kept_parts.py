"""The row store's shards: read back as written, refused when one is another build's, rewritten only when changed."""

from factpack import kept_parts
from factpack.cache import Cache
from factpack.kept_parts import Kept

PREFIX = "row-store-test"
BLOCKS = {"a": ["a", "a,1\n", '{"id": "a"}', 1], "b": ["b", "b,2\n", '{"id": "b"}', 1]}
FILES = {"art-1": {"statements": (b"x\n", b"{}", 1)}}


def _written(tmp_path) -> tuple:
    store = Cache(tmp_path)
    return store, Kept({"actors": BLOCKS}, FILES).write(store, PREFIX)


def test_shards_are_read_back_as_written(tmp_path):
    store, tokens = _written(tmp_path)
    kept = Kept.read(store, PREFIX, tokens, ["actors"])
    assert kept is not None
    assert sorted(kept.blocks("actors")) == sorted(BLOCKS.values())
    assert kept.block("actors", "a") == BLOCKS["a"]
    assert kept.files() == list(FILES.items())


def test_a_shard_written_by_another_build_makes_the_store_unusable(tmp_path):
    store, tokens = _written(tmp_path)
    index = kept_parts.shard_of("a")
    Kept({"actors": {"a": BLOCKS["b"]}}, {}).write(store, PREFIX)  # another build's shards, under other tokens
    assert Kept.read(store, PREFIX, tokens, ["actors"]) is None
    assert Kept.read(store, PREFIX, {**tokens, f"actors/{index}": "forged"}, ["actors"]) is None


def test_only_the_shards_whose_blocks_change_are_written_again(tmp_path, monkeypatch):
    store, tokens = _written(tmp_path)
    kept = Kept.read(store, PREFIX, tokens, ["actors"])
    assert kept is not None
    written, put = [], store.put
    monkeypatch.setattr(store, "put", lambda key, value: written.append(key) or put(key, value))
    kept.replace("actors", {"a"}, {"a": BLOCKS["a"]})  # the same block again
    kept.replace_files(["art-1"], dict(FILES))
    assert kept.write(store, PREFIX, tokens) == tokens and written == []
    kept.replace("actors", {"a"}, {})
    new_tokens = kept.write(store, PREFIX, tokens)
    assert written == [f"{PREFIX}-actors-{kept_parts.shard_of('a')}"]
    assert Kept.read(store, PREFIX, new_tokens, ["actors"]).block("actors", "a") is None
