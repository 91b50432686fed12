"""What a validation keeps for the next one (incremental.py): a main cache entry and the large parts in shards.

The state of 20,000 articles is about 37 MB: every file's cache key, signature and own findings, the cross-file
findings, and the index of what the files mention (affected.Index). An edit changes a few files' parts, so the
large parts are kept in shards (kept_parts) and a validation after an edit rewrites only the shards it changes.
The main entry records the shards' tokens: the state is read as one validation left it, or not at all. The index
is a third of the state, and an edit needs only the entries of the ids it touches: its shards are read on demand,
and a shard that is gone by then raises kept_parts.Gone.
"""

import functools
from collections import defaultdict
from dataclasses import dataclass

from factpack import affected
from factpack.cache import Cache
from factpack.kept_parts import Kept, OnDemand

FILE_PARTS = ("keys", "stats", "own", "across")  # by file: its key, its signature, its own and cross-file findings
PARTS = FILE_PARTS + affected.LOOKUPS
MAIN = frozenset({"settings", "order", "since", "tokens", affected.PARENTS})


@dataclass
class State:
    settings: str  # the fingerprint of the settings the state was made under
    order: list  # the files, in the order the validation read them
    since: int  # when that validation started (file_signatures.settled)
    parts: dict  # name (FILE_PARTS) → file → value; "across" as file → its cross-file findings' fields
    index: dict  # the lookups to give affected.Index, each a kept_parts.OnDemand
    kept: Kept
    tokens: dict

    @functools.cached_property
    def across(self) -> list:
        """The cross-file findings' fields, repeats included."""
        return [fields for listed in self.parts["across"].values() for fields in listed]


def _shards(key: str) -> str:
    return key + "-part"


def load(store: Cache, key: str, fingerprint: str) -> State | None:
    """The state kept under `key`, if it was made under settings of that fingerprint and all its shards are there."""
    main = store.get(key)
    if not isinstance(main, dict) or not MAIN <= main.keys() or main["settings"] != fingerprint:
        return None
    kept = Kept.read(store, _shards(key), main["tokens"], PARTS, on_demand=affected.LOOKUPS)
    if kept is None:
        return None
    parts = {name: kept.mapping(name) for name in FILE_PARTS}
    index = {name: OnDemand(kept, name) for name in affected.LOOKUPS} | {affected.PARENTS: main[affected.PARENTS]}
    return State(main["settings"], main["order"], main["since"], parts, index, kept, main["tokens"])


def save_whole(store: Cache, key: str, fingerprint: str, order: list, since: int, files: dict, index: dict) -> None:
    """Keep a whole validation's state. files: FILE_PARTS name → file → value, with "across" a list of fields;
    index: affected.Index.kept()."""
    parts = {**files, "across": _by_file(files["across"])} | {name: index[name] for name in affected.LOOKUPS}
    kept = Kept(parts)
    _save_main(store, key, fingerprint, order, since, kept.write(store, _shards(key)), index[affected.PARENTS])


def save_change(store: Cache, key: str, state: State, order: list, since: int, files: dict, index: dict) -> None:
    """Keep the state after an edit. files: FILE_PARTS name → file → value, whole ("across" a list of fields);
    index: affected.Index.edits(), the lookups' changed keys only."""
    grouped = _by_file(files["across"])
    owners = state.parts["across"].keys() | grouped.keys()
    for name in FILE_PARTS:
        now = grouped if name == "across" else files[name]
        _replace(state.kept, name, state.parts[name], now, owners if name == "across" else now.keys())
    for name in affected.LOOKUPS:
        changed = index[name]
        state.kept.replace(name, set(changed), {k: v for k, v in changed.items() if v is not None})
    tokens = state.kept.write(store, _shards(key), state.tokens)
    _save_main(store, key, state.settings, order, since, tokens, index[affected.PARENTS])


def _replace(kept: Kept, name: str, before: dict, now: dict, owners) -> None:
    """Replace the values that differ from those kept; those of files gone are taken out."""
    differing = {owner: now[owner] for owner in owners if owner in now and before.get(owner) != now[owner]}
    gone = before.keys() - now.keys()
    if differing or gone:
        kept.replace(name, set(differing) | gone, differing)


def _by_file(across: list) -> dict:
    """file → its cross-file findings' fields, sorted, so that a file's findings compare equal whatever their order."""
    grouped: dict = defaultdict(list)
    for fields in across:
        grouped[fields[2]].append(fields)
    return {name: sorted(listed) for name, listed in grouped.items()}


def _save_main(store: Cache, key: str, fingerprint: str, order: list, since: int, tokens: dict, parents) -> None:
    store.put(key, {"settings": fingerprint, "order": order, "since": since, "tokens": tokens,
                    affected.PARENTS: tuple(parents)})
