"""The row store: kept blocks render the bytes rendering the whole table gives, and a damaged store is not used."""

import shutil

from conftest import FIXTURES
from factpack import incremental, model, outputs, pipeline, row_store
from factpack.cache import Cache
from factpack.layout import Layout


def _rows(table: model.Table, ids: list) -> list:
    rows = [{column.name: None for column in table.columns} | {table.primary_key[0]: row_id} for row_id in ids]
    for row in rows:  # text a CSV writer must quote, over two lines
        row[table.columns[1].name] = 'He said "no",\nthen left'
    return _sorted(table, rows)


def _sorted(table: model.Table, rows: list) -> list:
    return sorted(rows, key=lambda row: row[table.primary_key[0]])


def test_blocks_render_what_rendering_the_whole_table_gives():
    # ids one of which starts another: the blocks must sort as their rows do ("a-b" < "a", but "a" < "a-b")
    for name, ids in (("names", ["a/x/1", "a/y/2", "a-b/x/1", "b/x/3"]), ("actors", ["a", "a-b", "b"])):
        table = model.table(name)
        rows = _rows(table, ids)
        blocks = row_store.blocks_of(table, rows)
        assert len(blocks) == 3
        kept = row_store.rendered(list(blocks.values()))
        assert outputs.render_csv(table, kept) == outputs.render_csv(table, rows)
        assert outputs.render_json(kept) == outputs.render_json(rows)


def _edited(root, summary: str) -> None:
    path = root / "datasets/facts/mini-article.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("summary: ", f"summary: {summary} ", 1), encoding="utf-8")


def _files(root, use_cache: bool = True) -> dict:
    return dict(pipeline.run(Layout(root), use_cache=use_cache).files.items())


def test_a_build_whose_kept_rows_are_damaged_builds_whole_and_writes_the_same(tmp_path, monkeypatch):
    root = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", root)
    _files(root)
    store = Cache(root)
    shards = sorted(store._path(row_store._key()).parent.parent.glob(f"*/{row_store._key()}-*"))
    assert shards, "a build keeps its rows"
    shards[0].write_bytes(b"damaged")
    _edited(root, "Edited.")
    monkeypatch.setattr(incremental, "AT_MOST_AFFECTED", 1.0)  # one file of one: take the shortcut anyway
    patched, patch = [], row_store.patch
    monkeypatch.setattr(row_store, "patch", lambda *args: patched.append(patch(*args)) or patched[-1])
    assert _files(root) == _files(root, use_cache=False)
    assert patched == [None]
