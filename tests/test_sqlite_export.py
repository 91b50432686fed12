"""`factpack sqlite`: the package as a SQLite database, browsed through Datasette's JSON API."""

import csv
import json
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import run_cli
from factpack import model


@pytest.fixture(scope="module")
def database(built_mini, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("sqlite") / "factpack.sqlite"
    result = run_cli("--root", built_mini, "sqlite", "--output", str(out))
    assert result.code == 0, result.err
    return out


def test_every_table_holds_the_csv_rows(database, built_mini):
    connection = sqlite3.connect(database)
    connection.row_factory = sqlite3.Row
    for table in model.tables():
        with open(built_mini / f"datasets/csv/{table.name}.csv", encoding="utf-8", newline="") as handle:
            expected = list(csv.DictReader(handle))
        rows = connection.execute(f'SELECT * FROM "{table.name}" ORDER BY rowid').fetchall()
        assert len(rows) == len(expected), table.name
        for row, want in zip(rows, expected):
            for column in table.columns:
                value = row[column.name]
                cell = "" if value is None else (column.delimiter.join(json.loads(value)) if column.delimiter else str(value))
                assert cell == want[column.name], (table.name, column.name)


def test_keys_are_declared_and_indexed(database):
    connection = sqlite3.connect(database)
    keys = connection.execute("SELECT \"table\", \"from\" FROM pragma_foreign_key_list('participants')").fetchall()
    assert {("actors", "actor_id"), ("events", "event_id")} <= set(keys)
    indexes = {row[1] for row in connection.execute("PRAGMA index_list('participants')")}
    assert "participants_actor_id" in indexes
    assert connection.execute("PRAGMA foreign_key_check").fetchall() == []


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(port: int, path: str) -> dict:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10) as response:
        return json.loads(response.read())


@pytest.fixture(scope="module")
def datasette(database):
    port = _free_port()
    metadata = database.with_name("factpack.datasette.json")
    server = subprocess.Popen([str(Path(sys.executable).parent / "datasette"), "serve", str(database), "-m", str(metadata),
                               "--host", "127.0.0.1", "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        for _ in range(100):
            try:
                _get(port, "/-/versions.json")
                break
            except OSError:
                time.sleep(0.2)
        else:
            raise AssertionError(server.stderr.read().decode() if server.poll() is not None else "datasette did not start")
        yield port
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_datasette_facets_searches_and_labels_by_name(datasette):
    facets = _get(datasette, "/factpack/events.json?_facet=type&_shape=objects")["facet_results"]
    facets = facets.get("results", facets)  # the shape of facet_results differs between Datasette versions
    assert {item["value"] for item in facets["type"]["results"]} >= {"arrest", "criticism"}
    found = _get(datasette, "/factpack/actors.json?_search=Nurlanova&_shape=objects")["rows"]
    assert [row["actor_id"] for row in found] == ["aigerim-nurlanova"]
    rows = _get(datasette, "/factpack/participants.json?_labels=on&_shape=objects&event_id=nurlanova-detained")["rows"]
    labels = {row["actor_id"]["label"] for row in rows if isinstance(row["actor_id"], dict)}
    assert labels == {"Aigerim Nurlanova"}
    described = _get(datasette, "/-/metadata.json")
    assert described["databases"]["factpack"]["tables"]["events"]["label_column"] == "summary"
