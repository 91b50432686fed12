"""Large kept mappings split into shards that are cache entries of their own, so that an edit rewrites the few
shards it changes rather than everything: the row store's tables (row_store.py) and the validation state
(validation_state.py).

A kept mapping is named (a table, or a part of the state) and maps owners (a record, a file, an id) to values.
A shard holds the values of one mapping whose owners hash to it. Each shard is written with a new token, which
the owner's main entry records: a shard whose token is not the recorded one (left by another run, or never
written) makes the whole kept set unusable, so that it is read as one run left it or not at all.
"""

import secrets
import zlib
from collections.abc import MutableMapping

SHARDS = 32
FILES = "files"  # the row store's shards of the files' own rows, beside those named by their table


def shard_of(owner: str | tuple) -> int:
    """An owner is a text, or a tuple of plain values (a table and an id, a table and a folded name)."""
    if isinstance(owner, str):
        text = owner
    else:
        try:  # a tuple of texts, as almost all are: joined, three times faster than its repr
            text = "\x1f".join(owner)
        except TypeError:
            text = repr(owner)
    return zlib.crc32(text.encode("utf-8")) % SHARDS


def _split(mapping: dict) -> list:
    shards: list = [{} for _ in range(SHARDS)]
    for owner, value in mapping.items():
        shards[shard_of(owner)][owner] = value
    return shards


def _entry(prefix: str, name: str, index: int) -> str:
    return f"{prefix}-{name}-{index}"


class Gone(LookupError):
    """A shard read on demand is missing or another run's: nothing read from the kept set can be trusted."""


class Kept:
    """Named mappings (owner → value), in shards."""

    def __init__(self, mappings: dict):
        """mappings: name → {owner: value}; the row store's: table → {owner: block}, and FILES: source id → the
        file's rendered tables."""
        self._shards: dict = {name: _split(values) for name, values in mappings.items()}
        self._dirty = {(name, index) for name in self._shards for index in range(SHARDS)}
        self._source: tuple = ()  # (store, prefix, tokens) of the shards not read yet

    @classmethod
    def read(cls, store, prefix: str, tokens: dict, names, on_demand=()) -> "Kept | None":
        """The shards of the named mappings that the tokens name, or None if one of them is missing or another
        run's. The shards of the mappings named `on_demand` are read when first needed (and raise Gone then)."""
        kept = cls({})
        kept._source, kept._dirty = (store, prefix, tokens), set()
        try:
            for name in names:
                kept._shards[name] = [None] * SHARDS
                if name not in on_demand:
                    for index in range(SHARDS):
                        kept._shard(name, index)
        except Gone:
            return None
        return kept

    def _shard(self, name: str, index: int) -> dict:
        shard = self._shards[name][index]
        if shard is None:
            store, prefix, tokens = self._source
            entry = store.get(_entry(prefix, name, index))
            if not isinstance(entry, list) or len(entry) != 2 or entry[0] != tokens.get(f"{name}/{index}"):
                raise Gone(f"{name}/{index}")
            shard = self._shards[name][index] = entry[1]
        return shard

    def write(self, store, prefix: str, tokens: dict | None = None, stored: dict | None = None) -> dict:
        """Write the shards that changed; the tokens of every shard. stored: name → what a shard of that mapping is
        written as (shard → plain values), for a mapping whose values are held otherwise (row_spool's pieces)."""
        tokens, stored = dict(tokens or {}), stored or {}
        for name, index in sorted(self._dirty):
            tokens[f"{name}/{index}"] = token = secrets.token_hex(16)
            shard = self._shards[name][index]
            store.put(_entry(prefix, name, index), [token, stored[name](shard) if name in stored else shard])
        self._dirty = set()
        return tokens

    def blocks(self, name: str) -> list:
        return [block for index in range(SHARDS) for block in self._shard(name, index).values()]

    def mapping(self, name: str) -> dict:
        """The whole mapping, in no particular order."""
        whole: dict = {}
        for index in range(SHARDS):
            whole.update(self._shard(name, index))
        return whole

    def block(self, name: str, owner):
        return self._shard(name, shard_of(owner)).get(owner)

    def files(self) -> list:
        """(source id, the file's rendered tables) of every file."""
        return [part for index in range(SHARDS) for part in self._shard(FILES, index).items()]

    def replace(self, name: str, owners: set, blocks: dict) -> None:
        """Take the owners' values out of a mapping and put `blocks` (owner → value) in."""
        for owner in owners | blocks.keys():
            index, new = shard_of(owner), blocks.get(owner)
            shard = self._shard(name, index)
            if shard.get(owner) != new:
                self._dirty.add((name, index))
                if new is None:
                    del shard[owner]
                else:
                    shard[owner] = new

    def replace_files(self, gone: list, now: dict) -> None:
        """Take out the rows of the sources `gone` and put those of `now` (source id → rendered tables) in."""
        self.replace(FILES, set(gone), now)


_TAKEN, _ABSENT = object(), object()


class OnDemand(MutableMapping):
    """One kept mapping as a dict whose shards are read when first needed (Kept.read's on_demand). Changes are held
    aside (`changed`), so that the kept values stay as they were read and Kept.replace can tell what differs."""

    def __init__(self, kept: Kept, name: str):
        self._kept, self._name = kept, name
        self.changed: dict = {}
        # kept values already read: the cross-file stage of an edit runs twice (on the data as it was and as it
        # is) and asks the same owners both times. Kept.replace only replaces owners in `changed`, which is asked
        # first, so what is read here stays what is kept.
        self._read: dict = {}

    def __getitem__(self, key):
        value = self.get(key, _TAKEN)
        if value is _TAKEN:
            raise KeyError(key)
        return value

    def get(self, key, default=None):
        """As a dict's, without the detour through __getitem__ that Mapping takes: tens of thousands of calls."""
        value = self.changed.get(key, _ABSENT)
        if value is _ABSENT:
            value = self._read.get(key, _ABSENT)
            if value is _ABSENT:
                value = self._read[key] = self._kept.block(self._name, key)  # a kept value is never None
        return default if value is None or value is _TAKEN else value

    def __setitem__(self, key, value) -> None:
        self.changed[key] = value

    def __delitem__(self, key) -> None:
        self[key]  # noqa: B018 - a KeyError if there is none, as a dict would
        self.changed[key] = _TAKEN

    def __iter__(self):
        whole = self._kept.mapping(self._name) | self.changed
        return iter([key for key, value in whole.items() if value is not _TAKEN])

    def __len__(self) -> int:
        return len(list(iter(self)))
