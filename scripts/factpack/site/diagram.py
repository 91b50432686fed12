"""The entity-relationship diagram of the tables, as an inline SVG drawn from the model.

Drawn here rather than by Mermaid because the theme would fetch Mermaid from a CDN,
and the site must work offline. Solid lines are declared foreign keys; dashed lines
are the record_type + record_id references the build checks itself.
"""

import html

from factpack import model

_WIDTH, _LINE, _GAP_X, _GAP_Y, _COLUMNS = 230, 16, 70, 50, 3


def _polymorphic() -> dict:
    """table → the tables its `record_type` column may name (names, citations, statements)."""
    return {t.name: t.column("record_type").spec["enum"] for t in model.tables()
            if any(c.name == "record_type" for c in t.columns)}


def _box_lines(table) -> list:
    keys = set(table.primary_key) | {f for fk in table.foreign_keys for f in fk["fields"]}
    if table.name in _polymorphic():
        keys |= {"record_type", "record_id"}
    lines = []
    for column in table.columns:
        if column.name in keys:
            mark = "PK" if column.name in table.primary_key else "FK"
            lines.append(f"{mark}  {column.name}")
    return lines


def _layout(tables) -> dict:
    height = max(len(_box_lines(t)) for t in tables) * _LINE + 34
    boxes = {}
    for index, table in enumerate(tables):
        row, col = divmod(index, _COLUMNS)
        boxes[table.name] = (20 + col * (_WIDTH + _GAP_X), 20 + row * (height + _GAP_Y), height)
    return boxes


def _edges(tables) -> list:
    edges = [(t.name, fk["reference"]["resource"], False) for t in tables for fk in t.foreign_keys]
    edges += [(source, target, True) for source, targets in _polymorphic().items() for target in targets]
    return edges


def _centre(box):
    x, y, height = box
    return x + _WIDTH / 2, y + height / 2


def er_diagram() -> str:
    tables = list(model.tables())
    boxes = _layout(tables)
    width = max(x for x, _, _ in boxes.values()) + _WIDTH + 20
    height = max(y + h for _, y, h in boxes.values()) + 20
    parts = [f'<svg role="img" aria-label="Tables and the references between them" viewBox="0 0 {width} {height}" '
             f'width="100%" xmlns="http://www.w3.org/2000/svg" font-family="sans-serif" font-size="12">']
    for source, target, dashed in _edges(tables):
        (x1, y1), (x2, y2) = _centre(boxes[source]), _centre(boxes[target])
        if source == target:
            x, y, _ = boxes[source]
            parts.append(f'<path d="M{x + _WIDTH - 30},{y} q40,-30 30,20" fill="none" stroke="#3f51b5"/>')
            continue
        style = ' stroke-dasharray="5,4"' if dashed else ""
        parts.append(f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="#3f51b5"{style}/>')
    for table in tables:
        x, y, box_height = boxes[table.name]
        parts.append(f'<rect x="{x}" y="{y}" width="{_WIDTH}" height="{box_height}" rx="4" fill="#fff" stroke="#333"/>')
        parts.append(f'<text x="{x + 8}" y="{y + 18}" font-weight="bold">{html.escape(table.name)}</text>')
        for i, line in enumerate(_box_lines(table)):
            parts.append(f'<text x="{x + 8}" y="{y + 36 + i * _LINE}">{html.escape(line)}</text>')
    parts.append("</svg>")
    return "".join(parts) + "\n"


def relations_table() -> list:
    """The same references as rows (the diagram's text alternative)."""
    rows = []
    for table in model.tables():
        for fk in table.foreign_keys:
            rows.append([f"`{table.name}.{fk['fields'][0]}`", f"`{fk['reference']['resource']}.{fk['reference']['fields'][0]}`",
                         "foreign key in datapackage.json"])
    for source, targets in _polymorphic().items():
        rows.append([f"`{source}.record_type` + `record_id`", ", ".join(f"`{t}`" for t in targets), "checked by the build"])
    return rows
