"""Tables curated by hand rather than drawn from fact files, such as the retired ids: a table whose
`x-table.curated` names the CSV file that holds its rows.

Read strictly, like a fact file: the header must be the table's columns in order, and every cell must fit the
data dictionary (required cells filled, codes from the allowed list, ids and versions well formed). Every
problem is a finding at its line; nothing is dropped or changed. Empty cells are missing values.
"""

import csv
import io

from factpack import model
from factpack.findings import Finding
from factpack.rule_codes import Code
from factpack.safe_paths import read_inside

MAX_BYTES = 16 * 1024 * 1024
HINT = "compare the row with the table's page in the data dictionary"


def tables() -> list:
    return [t for t in model.tables() if t.meta.get("curated")]


def _cell_problems(table: model.Table, row: dict) -> list:
    import jsonschema  # imported here: every command reads the curated tables, and most have no rows

    problems = []
    for column in table.columns:
        value = row.get(column.name)
        if value is None:
            if column.required:
                problems.append((column.name, "is required"))
            continue
        error = next(jsonschema.Draft202012Validator(column.spec).iter_errors(value), None)
        if error is not None:
            problems.append((column.name, error.message))
    return problems


def _read(layout, table: model.Table) -> tuple:
    where = table.meta["curated"]
    data, refused = read_inside(layout.root, where, MAX_BYTES)
    if refused:
        return [], [
            Finding(
                Code.MALFORMED_CURATED_ROW,
                f"{refused.reason}; it was not read",
                where,
                1,
                1,
                hint="make it an ordinary CSV file",
            )
        ]
    if data is None:
        return [], []  # no file: nothing curated yet
    lines = list(csv.reader(io.StringIO(data.decode("utf-8", errors="replace"), newline="")))
    header = [c.name for c in table.columns]
    if not lines or lines[0] != header:
        return [], [Finding(Code.MALFORMED_CURATED_ROW, f"the header must be: {','.join(header)}", where, 1, 1, hint=HINT)]
    rows, findings = [], []
    for number, cells in enumerate(lines[1:], start=2):
        if len(cells) != len(header):
            findings.append(
                Finding(
                    Code.MALFORMED_CURATED_ROW,
                    f"{len(cells)} cells where the table has {len(header)} columns",
                    where,
                    number,
                    1,
                    hint=HINT,
                )
            )
            continue
        row = {name: (cell if cell != "" else None) for name, cell in zip(header, cells)}
        problems = _cell_problems(table, row)
        findings += [Finding(Code.MALFORMED_CURATED_ROW, f"'{name}' {message}", where, number, 1, name, HINT)
                     for name, message in problems]
        if not problems:
            rows.append({**row, "_line": number})
    return rows, findings


def read(layout) -> tuple:
    """(table name → rows with their line numbers, findings)."""
    found, findings = {}, []
    for table in tables():
        found[table.name], problems = _read(layout, table)
        findings += problems
    return found, findings


def published_rows(rows: list) -> list:
    return [{k: v for k, v in row.items() if k != "_line"} for row in rows]
