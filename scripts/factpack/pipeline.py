"""The build as a pipeline: load → check each file → check across files → merge → rows → files.

Every stage reports findings; rows and files are produced only when there is no error.
"""

import datetime
import functools
import gc
import os
import time
from dataclasses import dataclass, field

from factpack import (curated_tables, file_stage, heap, metadata, outputs, parquet_reuse, progress, report_blocks, row_spool,
                      row_store, tables, worker_pool)
from factpack.cache import Cache
from factpack.cache import key as cache_key
from factpack.checks import registry
from factpack.checks.contract import Stage
from factpack.context import Context
from factpack.findings import has_errors, sort_findings
from factpack.merge import merge
from factpack.records import FactFile, collect_records, mark_broken
from factpack.safe_paths import RefusedPath

POSITIONS = "-positions"  # the cache entry beside a result, with the line and column of every node
MENTIONS = "-mentions"  # and the one with what it mentions (mentions.py), which incremental validation reads
AUTO_JOBS_FROM = 400  # below this many files to read, starting worker processes costs more than it saves
LET_GO_FROM = 2_000  # from this many files, what the checks built is freed before the tables are written (_let_go)


@dataclass
class Result:
    findings: list = field(default_factory=list)
    files: outputs.Published | None = None  # relative path → bytes, when the data is valid
    rows: dict | None = None
    # with errors, the checked files and merged entities, kept so that the process can end without freeing them (a
    # build that writes lets go of them before, see _let_go)
    built: tuple = ()


def _file_results(layout, paths, jobs: int, store: Cache, spool: row_spool.Spool | None) -> list:
    """(path, name, cache key, result) for every path, the result from the cache or computed in `jobs` processes;
    with a spool (a build), each result's rendered rows are set aside in it.

    Results are kept without their positions (see Loaded.reload): at 200,000 articles the
    positions alone would not fit the memory budget.
    """
    return load_results(layout, keyed(layout, paths), jobs, store, spool is not None, spool)


def keyed(layout, paths) -> list:
    """[path, name, cache key, None] for every path, or with its result already when it may not be read."""
    entries, shown = [], progress.stage("Reading the fact files", len(paths))
    for path in paths:
        name = layout.relative(path)
        raw = file_stage.read_fact_file(layout.root, name)
        if isinstance(raw, RefusedPath):  # never cached: nothing was read
            entries.append([path, name, "", file_stage.refused_result(name, raw)])
        else:
            archive = file_stage.read_archive(layout.root, archive_name(layout, path))
            entries.append([path, name, cache_key(name, raw, archive.reason if isinstance(archive, RefusedPath)
                                                  else archive), None])
        shown.advance()
    return entries


def keys_of(entries: list) -> dict:
    """name → cache key of every entry (as `keyed` gives them)."""
    return {name: key for _, name, key, _ in entries}


def load_results(layout, entries: list, jobs: int, store: Cache, with_rows: bool,
                 spool: row_spool.Spool | None = None) -> list:
    """The entries (from `keyed`) with their results, from the cache or computed in `jobs` processes; with a spool,
    each result's rendered rows are set aside in it as the result arrives."""
    set_aside = spool.set_aside if spool is not None else _as_it_is
    shown = progress.stage("Checking each fact file", len(entries))
    for entry in entries:
        if entry[3] is None:
            cached = store.get(entry[2])
            if with_rows and isinstance(cached, dict) and cached.get("rows") is False:
                cached = None  # a validation's result, without the rows a build needs: computed again, in parallel
            entry[3] = None if cached is None else set_aside(cached)
            shown.advance(entry[3] is not None)
        else:
            entry[3] = set_aside(entry[3])
            shown.advance()
    missing = [entry for entry in entries if entry[3] is None]
    tasks = [(_stage_args(layout, path, name, with_rows), key, store) for path, name, key, _ in missing]
    jobs = jobs or (min(os.cpu_count() or 1, 8) if len(missing) >= AUTO_JOBS_FROM else 1)
    if jobs > 1 and len(missing) > 1:
        with worker_pool.workers(jobs) as pool:
            chunk = worker_pool.chunk_size(len(missing), jobs)
            computed = list(_counted(pool.map(_compute, tasks, chunksize=chunk), shown, set_aside))
    else:
        computed = list(_counted(map(_compute, tasks), shown, set_aside))
    for entry, result in zip(missing, computed):
        entry[3] = result
    return entries


def _as_it_is(result: dict) -> dict:
    return result


def _counted(results, shown, set_aside):
    for result in results:
        shown.advance()
        yield set_aside(result)


def _compute(task) -> dict:
    """One file's result without its positions; both parts are cached (by the worker, in parallel)."""
    stage_args, key, store = task
    result = file_stage.run_path(stage_args)
    lean, positions = file_stage.split_positions(result)
    store.put(key, lean)
    store.put(key + POSITIONS, positions)
    store.put(key + MENTIONS, lean["mentions"])
    return lean


def archive_name(layout, path) -> str:
    return layout.archive_name(path.stem)


def _stage_args(layout, path, name, with_rows: bool = False) -> tuple:
    return str(layout.root), name, archive_name(layout, path), with_rows


def _positions(layout, path, name, key, store):
    cached = store.get(key + POSITIONS)
    if isinstance(cached, tuple) and len(cached) == 2 and all(isinstance(part, dict) for part in cached):
        return cached
    return file_stage.split_positions(file_stage.run_path(_stage_args(layout, path, name)))[1]


def fact_file(layout, store, path, name, key, result) -> FactFile:
    loaded = file_stage.loaded_of(result)
    if loaded is not None:
        loaded.reload = functools.partial(_positions, layout, path, name, key, store)
    fact = FactFile(path=path, name=name, loaded=loaded, archive_sha256=result["archive_sha256"],
                    rendered=result["rows"] or None)
    fact.broken_paths = set(result["broken"])
    fact.records = collect_records(fact)
    mark_broken(fact)
    return fact


@dataclass
class Checked:
    findings: "list | report_blocks.Shown"  # Shown only when asked for (check's `texts`)
    context: Context
    entities: dict
    entries: list | None = None  # every file's (path, name, cache key, result), when a build may keep its rows
    tables: tuple | None = None  # (rows, the sources' rows), when the kept rows gave them (row_store)


def check(layout, paths, today=None, jobs: int = 1, use_cache: bool = True, focus: frozenset = frozenset(),
          incremental: bool = False, texts: bool = False):
    """(findings, context, entities) for the given fact files; `focus` names the files a contributor works on.
    With `incremental`, an edit of a few files recomputes only the findings it can affect (incremental.py): the
    context and entities are then those of the affected files; with `texts` too, the findings are wanted as a
    plain text report only, and may come as its kept blocks (report_blocks.Shown)."""
    checked = _checked(layout, paths, today, jobs, use_cache, focus, with_rows=False, incremental=incremental,
                       texts=texts)
    return checked.findings, checked.context, checked.entities


def _checked(layout, paths, today, jobs: int, use_cache: bool, focus: frozenset, with_rows: bool,
             incremental: bool, texts: bool = False) -> Checked:
    """As `check`; with `with_rows` (a build), each valid file's rows are rendered too, and a build that can write
    its tables gets every file's records merged, or its tables from the kept rows."""
    store, since = Cache(layout.root, enabled=use_cache), time.time_ns()
    curated, curated_findings = curated_tables.read(layout)
    today = today or datetime.date.today()
    warm = _incremental() if incremental and use_cache else None
    settings = warm.Settings(focus, today, curated, jobs, with_rows, texts) if warm is not None else None
    if warm is not None:
        reused = warm.reuse(layout, paths, store, settings, curated_findings)
        if reused is not None:
            findings, subset, entities, entries, index = reused
            if isinstance(findings, report_blocks.Shown):
                return Checked(findings, subset, entities)
            findings = sort_findings(findings + curated_findings)
            if not with_rows or has_errors(findings):
                return Checked(findings, subset, entities)
            kept = row_store.patch(layout, store, entries, index, curated, jobs)
            if kept is not None:
                return Checked(findings, subset, entities, entries, kept)
            # the tables need every file's records merged
            context = _context(layout, store, load_results(layout, entries, jobs, store, with_rows, row_spool.Spool()),
                               curated, focus, today)
            return Checked(findings, context, _merged(context), entries)
    entries = _file_results(layout, paths, jobs, store, row_spool.Spool() if with_rows else None)
    context = _context(layout, store, entries, curated, focus, today)
    findings = [finding for *_, result in entries for finding in file_stage.findings_of(result)]
    crossed, entities = across(context)
    if warm is not None:
        warm.remember(layout, store, settings, entries, crossed, since)
    return Checked(sort_findings(findings + curated_findings + crossed), context, entities, entries)


def _context(layout, store, entries: list, curated: dict, focus: frozenset, today) -> Context:
    return Context(layout, [fact_file(layout, store, *entry) for entry in entries], curated=curated, focus=focus,
                   today=today)


def _merged(context) -> dict:
    shown = progress.stage("Merging the records", 1)
    entities = merge(context)
    shown.done()
    return entities


def _incremental():
    from factpack import incremental  # it builds on this module

    return incremental


def across(context, shown_as: str = "Checking across files") -> tuple:
    """(findings, entities) of the cross-file stage: the checks across files, the merge, the checks on its result.
    The findings are as the checks report them, repeats included (incremental.py counts them)."""
    findings: list = []
    dataset, merged = registry.of_stage(Stage.DATASET), registry.of_stage(Stage.MERGED)
    shown = progress.stage(shown_as, len(dataset) + 1 + len(merged))
    for check in dataset:
        findings += check(context)
        shown.advance()
    entities = merge(context)
    shown.advance()
    for check in merged:  # every finding is reported, whatever else fired on the same records
        findings += check(context, entities)
        shown.advance()
    return findings, entities


def run(layout, today: datetime.date | None = None, jobs: int = 1, use_cache: bool = True) -> Result:
    """Check every fact file and, if all is valid, render every output file in memory."""
    package_metadata, metadata_findings = metadata.read(layout)
    checked = _checked(layout, layout.fact_files(), today, jobs, use_cache, frozenset(), with_rows=True,
                       incremental=True)
    findings = checked.findings
    assert isinstance(findings, list)  # a build does not ask for the report's blocks (check's `texts`)
    # sorted already: sorting 57,000 findings again took a third of a second
    findings = sort_findings(findings + metadata_findings) if metadata_findings else findings
    if has_errors(findings):
        return Result(findings=findings, built=(checked.context, checked.entities))
    shown, store = progress.stage("Writing the tables", 2), Cache(layout.root, enabled=use_cache)
    result = Result(findings=findings)
    if checked.tables is not None:
        result.rows, sources = checked.tables
    else:
        made = _made_rows(checked)
        del checked  # the files' records and results, and the merged entities: see _let_go
        large = len(made.parts) >= LET_GO_FROM
        if large:
            _let_go()
        result.rows, sources = _kept_rows(made, store)
        del made  # the rows as made: the tables are written from the kept and the set-aside ones
        if large:
            heap.hand_back()
    shown.advance()
    # rendered as it is written or compared
    result.files = outputs.Published(package_metadata, result.rows, parquet_reuse.renderer(store), sources)
    shown.done()
    return result


@dataclass
class Made:
    """A whole build's rows, and what keeping them needs of the files: (source id, rendered tables) of each, and
    each file's cache key by name (None when the build keeps nothing)."""
    rows: dict
    parts: list
    keys: dict | None


def _made_rows(checked: Checked) -> Made:
    context = checked.context
    rows = tables.build_rows(checked.entities, context.files, context.curated)
    keys = None if checked.entries is None else keys_of(checked.entries)
    return Made(rows, [(fact.source.id, fact.rendered) for fact in context.files], keys)


def _let_go() -> None:
    """Free what only the checks and the merge needed, once the rows are made and before they are kept and written.
    The files' records refer to their file and back, and a build pauses the cycle collector (cli.py), so reference
    counting alone frees none of it: it is collected here, once. At 20,000 articles that was 4.7 million objects,
    in about 4 s, and the cold build's peak went from 4,251 to 3,590 and 3,619 MiB (two runs). Below LET_GO_FROM
    files the build is small, and the collection, which also walks everything else alive, is not worth it."""
    gc.collect()
    heap.hand_back()


def _kept_rows(made: Made, store: Cache) -> tuple:
    """(rows of every table, the sources' rows); kept for the next build when the cache is used."""
    if store.enabled and made.keys is not None:
        return row_store.keep(store, made.keys, made.rows, made.parts)
    return made.rows, made.rows["sources"]
