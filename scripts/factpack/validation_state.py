"""What a validation keeps for the next one (incremental.py): a main cache entry and the large parts in shards.

The state of 20,000 articles is about 80 MB: every file's cache key, signature, own findings and block of the
text report (report_blocks), the cross-file findings by file, and the index of what the files mention
(affected.Index). An edit changes a few files' parts, so the large parts are kept in shards (kept_parts) and a
validation after an edit rewrites only the shards it changes. The main entry records the shards' tokens: the
state is read as one validation left it, or not at all. The keys, signatures and blocks are read whole; the
findings and the index only where an edit needs them, on demand, and a shard that is gone by then raises
kept_parts.Gone.
"""

from dataclasses import dataclass

from factpack import affected
from factpack.cache import Cache
from factpack.kept_parts import Kept, OnDemand
from factpack.rule_codes import Code

UNKNOWN = str(Code.UNKNOWN_REFERENCE)

FILE_PARTS = ("keys", "stats", "own", "across", "shown")  # by file: its key, signature, own and cross-file findings,
# and its block of the text report (report_blocks; "shown" is empty when blocks cannot be kept)
WHOLE = ("keys", "stats", "shown")  # read whole when the state is read; the others as an edit needs them
PARTS = FILE_PARTS + affected.LOOKUPS
MAIN = frozenset({"settings", "order", "since", "tokens", affected.PARENTS, "hinted", "shown"})


@dataclass
class State:
    settings: str  # the fingerprint of the settings the state was made under
    order: list  # the files, in the order the validation read them
    since: int  # when that validation started (file_signatures.settled)
    parts: dict  # name (FILE_PARTS) → file → value, the WHOLE ones as dicts, the others as kept_parts.OnDemand
    index: dict  # the lookups to give affected.Index, each a kept_parts.OnDemand
    kept: Kept
    tokens: dict
    hinted: frozenset  # the files with a cross-file finding of an unknown reference (affected.files)
    shown: bool  # whether the blocks of the text report are kept

    def whole(self, name: str) -> dict:
        """A part read whole (with what an edit replaced in it)."""
        return self.kept.mapping(name)


def _shards(key: str) -> str:
    return key + "-part"


def load(store: Cache, key: str, fingerprint: str) -> State | None:
    """The state kept under `key`, if it was made under settings of that fingerprint and the shards read whole are
    there (those read on demand raise kept_parts.Gone when they are not)."""
    main = store.get(key)
    if not isinstance(main, dict) or not MAIN <= main.keys() or main["settings"] != fingerprint:
        return None
    on_demand = [name for name in PARTS if name not in WHOLE]
    kept = Kept.read(store, _shards(key), main["tokens"], PARTS, on_demand=on_demand)
    if kept is None:
        return None
    parts = {name: kept.mapping(name) if name in WHOLE else OnDemand(kept, name) for name in FILE_PARTS}
    index = {name: OnDemand(kept, name) for name in affected.LOOKUPS} | {affected.PARENTS: main[affected.PARENTS]}
    return State(main["settings"], main["order"], main["since"], parts, index, kept, main["tokens"],
                 frozenset(main["hinted"]), main["shown"])


def save_whole(store: Cache, key: str, fingerprint: str, order: list, since: int, files: dict, index: dict) -> None:
    """Keep a whole validation's state. files: FILE_PARTS name → file → value, with "shown" None when blocks cannot
    be kept; index: affected.Index.kept()."""
    # sorted, so that a file's findings compare equal whatever their order
    across = {name: sorted(listed) for name, listed in files["across"].items()}
    own = {name: listed for name, listed in files["own"].items() if listed}  # a file without findings has none kept
    parts = {**files, "own": own, "across": across, "shown": files["shown"] or {}} | {
        name: index[name] for name in affected.LOOKUPS}
    kept = Kept(parts)
    tokens = kept.write(store, _shards(key))
    _save_main(store, key, {"settings": fingerprint, "order": order, "since": since, "tokens": tokens,
                            affected.PARENTS: index[affected.PARENTS], "hinted": hinted(across),
                            "shown": files["shown"] is not None})


def save_change(store: Cache, key: str, state: State, order: list, since: int, files: dict, index: dict) -> None:
    """Keep the state after an edit. files: "keys" and "stats" whole; "own", "across" and "shown" for the files
    whose values changed only (file → value, None for none: "across" and "shown" name files without findings,
    "own" removed files), and "shown" None when blocks can no longer be kept; index: affected.Index.edits(), the
    lookups' changed keys only."""
    for name in ("keys", "stats"):
        _replace(state.kept, name, state.parts[name], files[name])
    shown = state.shown and files["shown"] is not None
    by_file = {"own": files["own"], "across": files["across"], "shown": files["shown"] if shown else {}}
    for name, changed in by_file.items():  # a file whose value is None or empty has none kept
        state.kept.replace(name, set(changed), {owner: value for owner, value in changed.items() if value})
    for name in affected.LOOKUPS:
        changed = index[name]
        state.kept.replace(name, set(changed), {k: v for k, v in changed.items() if v is not None})
    tokens = state.kept.write(store, _shards(key), state.tokens)
    now_hinted = (state.hinted - files["across"].keys()) | hinted(files["across"])
    _save_main(store, key, {"settings": state.settings, "order": order, "since": since, "tokens": tokens,
                            affected.PARENTS: index[affected.PARENTS], "hinted": now_hinted, "shown": shown})


def _replace(kept: Kept, name: str, before: dict, now: dict) -> None:
    """Replace the values that differ from those kept; those of files gone are taken out."""
    differing = {owner: value for owner, value in now.items() if before.get(owner) != value}
    gone = before.keys() - now.keys()
    if differing or gone:
        kept.replace(name, set(differing) | gone, differing)


def hinted(across: dict) -> set:
    """Of file → cross-file findings' fields (or None), the files with a finding of an unknown reference."""
    return {name for name, listed in across.items() if listed and any(fields[0] == UNKNOWN for fields in listed)}


def _save_main(store: Cache, key: str, main: dict) -> None:
    store.put(key, {**main, affected.PARENTS: tuple(main[affected.PARENTS]), "hinted": tuple(sorted(main["hinted"]))})
