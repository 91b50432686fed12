"""event_counts: events per month (or year), type and country, each event dated within a year counted once."""

import csv


def _rows(root, table):
    with open(root / f"datasets/csv/{table}.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_event_counts_count_each_event_dated_within_a_year_once(built_mini):
    counted = sum(int(row["events"]) for row in _rows(built_mini, "event_counts"))
    dated = [e for e in _rows(built_mini, "events") if e["date_start"] and e["date_start"][:4] == e["date_end"][:4]]
    assert counted == len(dated)
    for row in _rows(built_mini, "event_counts"):
        same = [e for e in dated if e["type"] == row["type"] and e["country"] == row["country"]
                and (e["date_start"][:7] if e["date_start"][:7] == e["date_end"][:7] else e["date_start"][:4]) == row["period"]]
        assert len(same) == int(row["events"]), row["count_id"]
