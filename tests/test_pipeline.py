"""The build as a pipeline: a large build lets go of what its checks built before it writes, and writes the same."""

import gc
import weakref

from factpack import pipeline
from factpack.layout import Layout


def _build(root, monkeypatch, let_go_from: int) -> tuple:
    """(every published file, whether any of the build's files (with their records) is still alive once the build
    has returned)."""
    monkeypatch.setattr(pipeline, "LET_GO_FROM", let_go_from)
    facts: list = []
    made = pipeline.fact_file

    def watched(*args):
        fact = made(*args)
        facts.append(weakref.ref(fact))
        return fact

    monkeypatch.setattr(pipeline, "fact_file", watched)
    was_enabled = gc.isenabled()
    gc.disable()  # as the command line does: only the build's own collection may free the records
    try:
        result = pipeline.run(Layout(root), use_cache=False)
        alive = any(fact() is not None for fact in facts)
        return dict(result.files.items()), alive
    finally:
        if was_enabled:
            gc.enable()


def test_a_large_build_lets_go_of_its_records_before_writing_and_writes_the_same_files(mini, monkeypatch):
    files_kept_whole, _ = _build(mini, monkeypatch, let_go_from=10**9)
    files, alive = _build(mini, monkeypatch, let_go_from=0)
    assert not alive
    assert files == files_kept_whole
