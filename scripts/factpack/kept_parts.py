"""The row store's contents (row_store.py), split into shards that are cache entries of their own, so that an
edit rewrites the few shards it changes rather than a gigabyte of tables.

A shard holds the blocks of one table whose owners hash to it, or the rows of the files whose sources hash to
it (the tables each file renders itself, file_rows). Each shard is written with a new token, which the store's
main entry records: a shard whose token is not the recorded one (left by another build, or never written) makes
the whole store unusable, so that it is read as one build left it or not at all.
"""

import secrets
import zlib

SHARDS = 32
FILES = "files"  # the shards of the files' own rows, beside those named by their table


def shard_of(owner: str) -> int:
    return zlib.crc32(owner.encode("utf-8")) % SHARDS


def _split(mapping: dict) -> list:
    shards: list = [{} for _ in range(SHARDS)]
    for owner, value in mapping.items():
        shards[shard_of(owner)][owner] = value
    return shards


def _entry(prefix: str, name: str, index: int) -> str:
    return f"{prefix}-{name}-{index}"


class Kept:
    """Blocks by table and owner, and each file's own rows by source id, in shards."""

    def __init__(self, tables: dict, files: dict):
        """tables: table → {owner: block}; files: source id → the file's rendered tables."""
        self._shards = {name: _split(blocks) for name, blocks in tables.items()} | {FILES: _split(files)}
        self._dirty = {(name, index) for name in self._shards for index in range(SHARDS)}

    @classmethod
    def read(cls, store, prefix: str, tokens: dict, table_names) -> "Kept | None":
        """The shards the tokens name, or None if one of them is missing or another build's."""
        kept = cls({}, {})
        for name in [*table_names, FILES]:
            kept._shards[name] = []
            for index in range(SHARDS):
                entry = store.get(_entry(prefix, name, index))
                if not isinstance(entry, list) or len(entry) != 2 or entry[0] != tokens.get(f"{name}/{index}"):
                    return None
                kept._shards[name].append(entry[1])
        kept._dirty = set()
        return kept

    def write(self, store, prefix: str, tokens: dict | None = None) -> dict:
        """Write the shards that changed; the tokens of every shard."""
        tokens = dict(tokens or {})
        for name, index in sorted(self._dirty):
            tokens[f"{name}/{index}"] = token = secrets.token_hex(16)
            store.put(_entry(prefix, name, index), [token, self._shards[name][index]])
        self._dirty = set()
        return tokens

    def blocks(self, name: str) -> list:
        return [block for shard in self._shards[name] for block in shard.values()]

    def block(self, name: str, owner: str):
        return self._shards[name][shard_of(owner)].get(owner)

    def files(self) -> list:
        """(source id, the file's rendered tables) of every file."""
        return [part for shard in self._shards[FILES] for part in shard.items()]

    def replace(self, name: str, owners: set, blocks: dict) -> None:
        """Take the owners' blocks out of a table and put `blocks` (owner → block) in."""
        shards = self._shards[name]
        for owner in owners | blocks.keys():
            index, new = shard_of(owner), blocks.get(owner)
            if shards[index].get(owner) != new:
                self._dirty.add((name, index))
                if new is None:
                    del shards[index][owner]
                else:
                    shards[index][owner] = new

    def replace_files(self, gone: list, now: dict) -> None:
        """Take out the rows of the sources `gone` and put those of `now` (source id → rendered tables) in."""
        self.replace(FILES, set(gone), now)
