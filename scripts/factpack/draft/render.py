"""The draft as fact-file YAML: every value quoted, every item preceded by its review note."""

import json

from factpack import model
from factpack.draft.compose import Item

HEADER = """# A DRAFT made by `factpack draft` from the article's text. Nothing here is checked by a person yet.
# Every item is a proposal found by simple rules: keep it, correct it or delete it ("review:" says what to check).
# Quotes are copied from the article; add what the rules cannot see (descriptions, relations, amounts).
"""


def _value(value) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)  # JSON strings are YAML strings, read back exactly


def _record(record: dict) -> list[str]:
    lines = []
    for key, value in record.items():
        if key == "participants":
            lines.append("participants:")
            lines += ["  - {" + ", ".join(f"{k}: {_value(v)}" for k, v in p.items()) + "}" for p in value]
        else:
            lines.append(f"{key}: {_value(value)}")
    return ["  - " + lines[0]] + ["    " + line for line in lines[1:]]


def render(source: dict, items: list[Item]) -> str:
    out = [HEADER.rstrip("\n"), "source:"]
    out += [f"  {key}: {_value(value)}" for key, value in source.items() if value is not None]
    if source.get("publisher") is None:
        out.append("  # publisher: the outlet that published the article (required; give --publisher)")
    for table in model.record_tables():
        where = table.fact_file
        if where.get("single") or "nestedIn" in where:
            continue
        mine = [item for item in items if item.table == table.name]
        out += ["", f"{where['key']}:" + ("" if mine else " []")]
        for item in mine:
            out += [f"  # review: {item.review}"] + _record(item.record)
    return "\n".join(out) + "\n"
