"""The build as a pipeline: a large build lets go of what its checks built before it writes, sets each file's own
rows aside, and writes the same files either way."""

import weakref

from factpack import pipeline
from factpack.layout import Layout
from collector_support import paused


def _watching(patched, seen: list, keep) -> None:
    """Record keep(fact) of every fact file the build makes."""
    made = pipeline.fact_file

    def watched(*args):
        fact = made(*args)
        seen.append(keep(fact))
        return fact

    patched.setattr(pipeline, "fact_file", watched)


def _build(root, monkeypatch, let_go_from: int) -> tuple:
    """(every published file, whether any of the build's files (with their records) is still alive once the build
    has returned)."""
    facts: list = []
    with monkeypatch.context() as patched, paused():  # as on the command line: only the build's collection frees
        patched.setattr(pipeline, "LET_GO_FROM", let_go_from)
        _watching(patched, facts, weakref.ref)
        result = pipeline.run(Layout(root), use_cache=False)
        alive = any(fact() is not None for fact in facts)
        return dict(result.files.items()), alive


def test_a_large_build_lets_go_of_its_records_before_writing_and_writes_the_same_files(mini, monkeypatch):
    files_kept_whole, _ = _build(mini, monkeypatch, let_go_from=10**9)
    files, alive = _build(mini, monkeypatch, let_go_from=0)
    assert not alive
    assert files == files_kept_whole


def _built_holding(root, monkeypatch, set_aside: bool) -> tuple:
    """(every published file, each file's own rendered tables as the build held them)."""
    held: list = []
    with monkeypatch.context() as patched:
        _watching(patched, held, lambda fact: fact.rendered or {})
        if not set_aside:
            patched.setattr(pipeline.row_spool.Spool, "set_aside", lambda self, result: result)
        files = dict(pipeline.run(Layout(root), use_cache=False).files.items())
    return files, [part for own in held for csv, json, _ in own.values() for part in (csv, json)]


def test_a_build_sets_each_file_s_own_rows_aside_and_writes_the_same_files_as_with_them_held(mini, monkeypatch):
    files_held, parts_held = _built_holding(mini, monkeypatch, set_aside=False)
    files, parts = _built_holding(mini, monkeypatch, set_aside=True)
    assert files == files_held
    assert parts_held and all(isinstance(part, bytes) for part in parts_held)
    assert parts and all(isinstance(part, pipeline.row_spool.Piece) for part in parts)
