"""Parquet files reused by the CSV they were made from: the bytes rendering would make, and only then."""

from factpack import model, parquet_outputs, parquet_reuse
from factpack.cache import Cache


def _csv(built_mini, table) -> bytes:
    return (built_mini / f"datasets/csv/{table.name}.csv").read_bytes()


def _counting(monkeypatch) -> list:
    rendered, render = [], parquet_outputs.render
    monkeypatch.setattr(parquet_outputs, "render", lambda table, data: rendered.append(table.name) or render(table, data))
    return rendered


def test_an_unchanged_table_is_not_rendered_again_and_gives_the_same_bytes(tmp_path, built_mini, monkeypatch):
    rendered = _counting(monkeypatch)
    render = parquet_reuse.renderer(Cache(tmp_path))
    table = model.table("events")
    first = render(table, _csv(built_mini, table))
    assert render(table, _csv(built_mini, table)) == first == parquet_outputs.render(table, _csv(built_mini, table))
    assert rendered == ["events", "events"]  # the first call, and the comparison's own


def test_a_changed_table_is_rendered_again(tmp_path, built_mini, monkeypatch):
    rendered = _counting(monkeypatch)
    render = parquet_reuse.renderer(Cache(tmp_path))
    table = model.table("events")
    header, *rows = _csv(built_mini, table).splitlines(keepends=True)
    render(table, b"".join([header, *rows]))
    assert render(table, b"".join([header, *rows[1:]])) == parquet_outputs.render(table, b"".join([header, *rows[1:]]))
    assert rendered == ["events", "events", "events"]


def test_a_damaged_entry_is_rendered_again(tmp_path, built_mini, monkeypatch):
    store, table = Cache(tmp_path), model.table("events")
    render = parquet_reuse.renderer(store)
    first = render(table, _csv(built_mini, table))
    entry = store._path(parquet_reuse._entry(table))
    entry.write_bytes(entry.read_bytes()[:-1] + b"\0")
    rendered = _counting(monkeypatch)
    assert render(table, _csv(built_mini, table)) == first
    assert rendered == ["events"]


def test_each_table_keeps_its_own_file_even_for_the_same_bytes(tmp_path, monkeypatch):
    render = parquet_reuse.renderer(Cache(tmp_path))
    first, second = model.tables()[:2]
    same = b"x\n"
    monkeypatch.setattr(parquet_outputs, "render", lambda table, data: table.name.encode())
    assert (render(first, same), render(second, same)) == (first.name.encode(), second.name.encode())
    assert (render(first, same), render(second, same)) == (first.name.encode(), second.name.encode())
