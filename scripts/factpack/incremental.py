"""Validation after an edit: the previous run's findings, with those the edit can affect recomputed.

A validation remembers, in the cache (so: outside the dataset, authenticated), what it found: every
file's cache key, what it mentions (mentions.py), its own findings, and the cross-file findings counted
with their repeats. The next validation reads every file's key as before; if a few files changed, it
runs the cross-file stage twice on the files the change can affect (affected.py), once as they were and
once as they are, and takes the first run's findings out and the second's in:

    across(now) = across(before) − across(affected files before) + across(affected files now)

Findings about owners the edit cannot affect come out the same in both runs and cancel, even when a
subset lacks what they depend on; those it can affect come out exactly, because the subset holds all
they depend on. A count that would go below zero means the remembered state does not match the data:
the validation then runs whole, as it does when there is no state, when the settings differ, or when
the edit touches too much for the shortcut to pay.
"""

import datetime
import hashlib
import time
from collections import Counter
from dataclasses import dataclass, replace

from factpack import affected, file_signatures, file_stage, kept_parts, pipeline, report_blocks, validation_state
from factpack.cache import Cache, code_version
from factpack.context import Context
from factpack.findings import Finding

FORMAT = 1
AT_MOST_AFFECTED = 1 / 2


class StateGone(LookupError):
    """Part of what the state needs is no longer in the cache: the validation runs whole. Never leaves this module."""


@dataclass(frozen=True)
class Settings:
    """What the findings depend on besides the files: a state made under other settings is not reused."""

    focus: frozenset
    today: datetime.date
    curated: dict
    jobs: int = 1
    rows: bool = False  # a build's: the files read again are rendered too (pipeline.load_results)
    texts: bool = False  # the findings are wanted as a plain text report only: given as report_blocks.Shown

    @staticmethod
    def key() -> str:
        """One state per version of factpack, whatever the settings: a validation with other settings replaces
        it, so that the cache does not gain a state for each set of files a contributor names."""
        return "validation-state-" + hashlib.sha256(f"{FORMAT}\0{code_version()}".encode()).hexdigest()

    def fingerprint(self) -> str:
        return hashlib.sha256(repr((sorted(self.focus), str(self.today), sorted(self.curated.items()))).encode()).hexdigest()


def remember(layout, store: Cache, settings: Settings, entries: list, crossed: list, since: int) -> None:
    """Keep what a whole validation that started at `since` found, for the next one."""
    results = {name: result for _, name, _, result in entries}
    if not all("mentions" in result for result in results.values()):
        return  # a result made without its mentions cannot say what an edit affects: keep no state
    signatures = file_signatures.Signatures(layout.root)
    own, across = {name: result["findings"] for name, result in results.items()}, _grouped(crossed)
    files = {"keys": pipeline.keys_of(entries),
             "stats": {name: _signature(layout, signatures, path, name) for path, name, _, _ in entries},
             "own": own, "across": across,
             "shown": report_blocks.blocks(own, across) if report_blocks.owned(own) else None}
    index = affected.Index(affected.Mentions(list(results), lambda name: results[name]["mentions"]))
    validation_state.save_whole(store, settings.key(), settings.fingerprint(), list(results), since, files,
                                index.kept())


def _signature(layout, signatures, path, name: str) -> tuple:
    return signatures.of(name), signatures.of(pipeline.archive_name(layout, path))


def _keyed(layout, paths, state: validation_state.State) -> tuple:
    """(entries as pipeline.keyed gives them, signatures): a file whose signature is the one recorded, long
    enough after its last change, keeps its recorded key without being read (file_signatures)."""
    signatures, since = file_signatures.Signatures(layout.root), state.since
    kept_keys, kept_stats = state.parts["keys"], state.parts["stats"]
    entries: list = []
    stats, unsure = {}, []
    for path in paths:
        name = layout.relative(path)
        stats[name] = seen = _signature(layout, signatures, path, name)
        if file_signatures.judged_unchanged(seen, kept_stats.get(name), since) and kept_keys.get(name):
            entries.append([path, name, kept_keys[name], None])
        else:
            entries.append(None)
            unsure.append((len(entries) - 1, path))
    for (index, _), entry in zip(unsure, pipeline.keyed(layout, [path for _, path in unsure])):
        entries[index] = entry
    return entries, stats


def _load(store: Cache, settings: Settings) -> validation_state.State | None:
    return validation_state.load(store, settings.key(), settings.fingerprint())


def run(layout, paths, store: Cache, settings: Settings):
    """(findings, files, entities, entries, index) of the given files: the files and entities those of the affected
    files only, the entries (as pipeline.keyed gives them) every file's, with the results read so far, the index
    (affected.Index) what every file mentions now; None when the previous state cannot be used (the caller then
    validates whole)."""
    state, started = _load(store, settings), time.time_ns()
    if state is None:
        return None
    entries, stats = _keyed(layout, paths, state)
    keys = pipeline.keys_of(entries)
    changed = affected.edited(keys, state.parts["keys"])
    if changed is None:
        return None
    before = _results_before(store, state, changed)
    if before is None:
        return None
    now = {entry[1]: entry[3] for entry in pipeline.load_results(
        layout, [entry for entry in entries if entry[1] in changed], settings.jobs, store, settings.rows)}
    index = affected.Index(affected.Mentions([name for name in keys if name not in changed],
                                             lambda name: _mentions(store, keys[name])), state.index)
    try:
        index.change({name: [results[name]["mentions"] for results in (before, now) if name in results]
                      for name in changed})
        touched = affected.files(index, state.hinted)
        if len(touched & keys.keys()) > len(entries) * AT_MOST_AFFECTED:
            return None
        return _recompute(layout, store, settings, state, entries, (before, now), index, touched, (stats, started))
    except (StateGone, kept_parts.Gone):
        return None


def reuse(layout, paths, store: Cache, settings: Settings, curated_findings: list):
    """As `run`; findings given as the text report's blocks (report_blocks.Shown) come with the findings made
    outside the state (the curated tables') in them."""
    reused = run(layout, paths, store, settings)
    if reused is None or not isinstance(reused[0], report_blocks.Shown):
        return reused
    shown = reused[0].with_more(curated_findings)
    if shown is None:  # a curated table's finding about a fact file (never so today): from the state just kept
        return run(layout, paths, store, replace(settings, texts=False))
    return (shown, *reused[1:])


def _mentions(store: Cache, key: str) -> dict:
    """What an unchanged file mentions, from the cache entry beside its result, else from its result."""
    found = store.get(key + pipeline.MENTIONS)
    if not isinstance(found, dict):
        result = store.get(key)
        found = result.get("mentions") if isinstance(result, dict) else None
    if not isinstance(found, dict):
        raise StateGone(key)
    return found


def _results_before(store: Cache, state: validation_state.State, changed: set) -> dict | None:
    """The changed files' results as the state saw them; None if one is no longer in the cache."""
    results = {}
    for name in changed:
        key = state.parts["keys"].get(name)
        if key is None:
            continue  # a new file
        result = store.get(key) if key else file_stage.nothing_read()
        if not isinstance(result, dict) or "mentions" not in result:
            return None
        results[name] = result
    return results


def _recompute(layout, store: Cache, settings: Settings, state: validation_state.State, entries: list, versions: tuple,
               index: affected.Index, touched: set, stats: tuple):
    """The whole dataset's findings from the state and the cross-file stage run on the touched files, before and
    after the change; the new state is kept for the next run."""
    keys, (before, now), changed = pipeline.keys_of(entries), versions, set(index.changed)
    unchanged = pipeline.load_results(layout, [entry for entry in entries if entry[1] in touched - changed],
                                      settings.jobs, store, settings.rows)
    shared = {name: pipeline.fact_file(layout, store, path, name, key, result) for path, name, key, result in unchanged}
    paths = {name: path for path, name, _, _ in entries}
    files_now = {**shared, **{name: pipeline.fact_file(layout, store, paths[name], name, keys[name], result)
                              for name, result in now.items()}}
    files_before = {**shared, **{name: _fact_file_before(layout, store, state, name, result)
                                 for name, result in before.items()}}
    crossed, entities = pipeline.across(_context(layout, settings, index, list(keys), now, files_now, touched),
                                        "Checking the files the edit affects, as they are")
    crossed_before, _ = pipeline.across(_context(layout, settings, index, state.order, before, files_before,
                                                 touched), "Checking the files the edit affects, as they were")
    across = _across_after(state, changed, crossed, crossed_before)
    if across is None:
        return None  # the state does not describe the data as it was: validate whole
    own = {name: now[name]["findings"] if name in now else None for name in changed}
    shown = _shown(state, keys, own, across) if state.shown and report_blocks.owned(own) else None
    findings: list | report_blocks.Shown
    if settings.texts and shown is not None:
        findings = report_blocks.Shown({name: block for name, block in (state.parts["shown"] | shown).items() if block})
    else:
        findings = _every_finding(state, own, across)
    index.settle({name: result["mentions"] for name, result in now.items()})
    files = {"keys": keys, "stats": stats[0], "own": own, "across": across, "shown": shown}
    validation_state.save_change(store, settings.key(), state, list(keys), stats[1], files, index.edits())
    return findings, files_now, entities, entries, index


def _grouped(findings) -> dict:
    """file → the findings' fields (file_stage.as_fields)."""
    grouped: dict = {}
    for finding in findings:
        grouped.setdefault(finding.file, []).append(file_stage.as_fields(finding))
    return grouped


def _across_after(state: validation_state.State, changed: set, crossed: list, crossed_before: list) -> dict | None:
    """file → its cross-file findings' fields after the edit (sorted, [] for none), of every file whose findings the
    edit can change: the state's, less those found on the affected files as they were, plus those found on them as
    they are; a changed file's, those found now. Counted as plain fields, which hash faster than findings. None
    when a count would go below zero: the state does not describe the data as it was."""
    now, before = _grouped(crossed), _grouped(finding for finding in crossed_before if finding.file not in changed)
    after = {}
    for name in now.keys() | before.keys() | changed:
        counts = Counter(() if name in changed else state.parts["across"].get(name, ()))
        counts.update(now.get(name, ()))
        counts.subtract(before.get(name, ()))
        if any(count < 0 for count in counts.values()):
            return None
        after[name] = sorted(counts.elements())
    return after


def _shown(state: validation_state.State, keys: dict, own: dict, across: dict) -> dict:
    """file → its block of the text report (None for none), of every file whose findings the edit changed."""
    def after(part: str, changed: dict, name: str) -> list:
        return (changed[name] or []) if name in changed else state.parts[part].get(name) or []

    return {name: report_blocks.block_of([*after("own", own, name), *after("across", across, name)],
                                         keep_fields=name not in keys) for name in own.keys() | across.keys()}


def _every_finding(state: validation_state.State, own: dict, across: dict) -> list:
    """Every file's findings after the edit, repeats included."""
    listed = [*(state.whole("own") | own).values(), *(state.whole("across") | across).values()]
    return [Finding(*fields) for fields_of_file in listed if fields_of_file for fields in fields_of_file]


def _fact_file_before(layout, store: Cache, state: validation_state.State, name: str, result: dict):
    """A changed file as it was: its positions only from the cache, its bytes being gone."""
    key = state.parts["keys"][name]
    fact = pipeline.fact_file(layout, store, layout.root / name, name, key, result)
    if fact.loaded is not None:
        fact.loaded.reload = lambda: _positions_before(store, key)
    return fact


def _positions_before(store: Cache, key: str) -> tuple:
    cached = store.get(key + pipeline.POSITIONS) if key else None
    if isinstance(cached, tuple) and len(cached) == 2 and all(isinstance(part, dict) for part in cached):
        return cached
    return {}, {}  # then its findings differ from the state's and the counts tell (see `_recompute`)


def _context(layout, settings: Settings, index: affected.Index, order: list, results: dict, files: dict,
             touched: set) -> Context:
    """The touched files of one version of the dataset (as it was, or as it is), in its order."""
    whole = affected.Whole(index, {name: results[name]["mentions"] if name in results else None
                                   for name in index.changed}, {name: at for at, name in enumerate(order)})
    return Context(layout, [files[name] for name in order if name in touched and name in files],
                   today=settings.today, curated=settings.curated, focus=settings.focus, whole=whole)
