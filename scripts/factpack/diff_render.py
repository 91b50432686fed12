"""A package diff (package_diff.PackageDiff) as text for the terminal, JSON for programs, or Markdown for the changelog."""

import dataclasses
import json

SHOWN = 20  # ids listed per kind of change in text and Markdown; JSON lists them all


def _ids(keys, limit: int = SHOWN) -> str:
    keys = list(keys)
    shown = ", ".join(f"`{k}`" for k in keys[:limit])
    return shown + (f" and {len(keys) - limit} more" if len(keys) > limit else "")


def _table_lines(name: str, diff) -> list:
    lines = [f"{name}: {len(diff.added)} added, {len(diff.removed)} removed, {len(diff.changed)} changed"]
    if diff.fields_added:
        lines.append(f"  fields added: {', '.join(diff.fields_added)}")
    if diff.fields_removed:
        lines.append(f"  fields removed: {', '.join(diff.fields_removed)}")
    for label, keys in (("added", diff.added), ("removed", diff.removed)):
        if keys:
            lines.append(f"  {label}: {_ids(keys).replace('`', '')}")
    for key, fields in list(diff.changed.items())[:SHOWN]:
        lines.append(f"  changed: {key} ({', '.join(fields)})")
    if len(diff.changed) > SHOWN:
        lines.append(f"  changed: and {len(diff.changed) - SHOWN} more")
    return lines


def text(result) -> str:
    lines = [f"factpack diff: version {result.old_version} → {result.new_version}"]
    lines += [f"table added: {n} ({rows} rows)" for n, rows in result.tables_added.items()]
    lines += [f"table removed: {n} ({rows} rows)" for n, rows in result.tables_removed.items()]
    for name, diff in result.tables.items():
        lines += _table_lines(name, diff)
    if len(lines) == 1:
        lines.append("no differences")
    return "\n".join(lines) + "\n"


def as_json(result) -> str:
    return json.dumps(dataclasses.asdict(result), ensure_ascii=False, indent=2) + "\n"


def markdown(result) -> str:
    out = [f"Compared with version {result.old_version}.", ""]
    out += [f"- Table `{n}` added ({rows:,} rows)." for n, rows in result.tables_added.items()]
    out += [f"- Table `{n}` removed ({rows:,} rows)." for n, rows in result.tables_removed.items()]
    if result.tables:
        out += ["", "| table | added | removed | changed | fields added | fields removed |", "|---|---|---|---|---|---|"]
        out += [f"| `{n}` | {len(d.added)} | {len(d.removed)} | {len(d.changed)} | {', '.join(d.fields_added)} | "
                f"{', '.join(d.fields_removed)} |" for n, d in result.tables.items()]
        for name, diff in result.tables.items():
            if diff.removed:
                out += ["", f"Removed from `{name}`: {_ids(diff.removed)}."]
    if not (result.tables_added or result.tables_removed or result.tables):
        out.append("No differences.")
    return "\n".join(out) + "\n"


RENDERERS = {"text": text, "json": as_json, "markdown": markdown}
