"""How much of what a contributor keeps `factpack draft` finds, on articles its tests do not use.

For each key in benchmarks/draft_keys/ (made by hand from the archived article's text), the draft is made
with an empty dataset, so that no name is found because the dataset knows it already, and compared:
recall of people, organizations, places and dates, the share of proposed items that the key keeps, and how
many of the draft's quotes are character for character in the article.
The table is written into docs/drafting.md between its markers.

    python benchmarks/draft_recall.py
"""

import sys
from pathlib import Path

import yaml

from factpack.draft import dates
from factpack.draft.compose import compose
from factpack.edtf_dates import parse

REPO = Path(__file__).resolve().parent.parent
KEYS = Path(__file__).resolve().parent / "draft_keys"
PAGE = REPO / "docs/drafting.md"
BEGIN, END = "<!-- draft-recall:begin -->", "<!-- draft-recall:end -->"


def _recall(wanted: list, found: set) -> tuple[int, int]:
    return sum(w in found for w in wanted), len(wanted)


def measure(key_path: Path) -> dict:
    key = yaml.safe_load(key_path.read_text(encoding="utf-8"))
    text = (REPO / "datasets/archive" / f"{key_path.stem}.txt").read_text(encoding="utf-8")
    published = parse(key["published"]).end
    items = compose(text, {"id": key_path.stem, "published": key["published"]}, [], set())
    names = {table: {i.record["name"] for i in items if i.table == table} for table in ("actors", "organizations", "places")}
    events = [(i.record["type"], i.record["date"]) for i in items if i.table == "events"]
    kept_names = set(key["people"]) | set(key["organizations"]) | set(key["places"])
    kept = sum(i.record["name"] in kept_names for i in items if i.table != "events")
    kept += sum(list(e) in key["events"] for e in events)
    quotes = [i.record["evidence"] for i in items]
    return {"article": key_path.stem, "people": _recall(key["people"], names["actors"]),
            "organizations": _recall(key["organizations"], names["organizations"]),
            "places": _recall(key["places"], names["places"]),
            "dates": _recall(key["dates"], {d.edtf for d in dates.find(text, published)}),
            "kept": (kept, len(items)), "verbatim": (sum(q in text for q in quotes), len(quotes))}


def table(results: list) -> str:
    columns = ["people", "organizations", "places", "dates", "kept", "verbatim"]
    rows = ["| article | people found | organizations found | places found | dates found | proposed items kept "
            "| quotes verbatim |", "|---|---|---|---|---|---|---|"]
    totals = {c: [0, 0] for c in columns}
    for result in results:
        cells = []
        for column in columns:
            got, of = result[column]
            totals[column][0] += got
            totals[column][1] += of
            cells.append(f"{got} of {of}")
        rows.append(f"| `{result['article']}` | " + " | ".join(cells) + " |")
    rows.append("| **both** | " + " | ".join(f"**{g} of {o} ({g / o:.0%})**" for g, o in totals.values()) + " |")
    return "\n".join(rows)


def main() -> int:
    results = [measure(path) for path in sorted(KEYS.glob("*.yaml"))]
    text = table(results)
    print(text)
    page = PAGE.read_text(encoding="utf-8")
    before, rest = page.split(BEGIN)
    after = rest.split(END)[1]
    stamp = "Measured with `python benchmarks/draft_recall.py`.\n\n"
    PAGE.write_text(before + BEGIN + "\n" + stamp + text + "\n" + END + after, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
