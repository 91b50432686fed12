"""`factpack new`: the archive copy and a fact-file skeleton for a new article.

The commented examples are generated from the model's `examples`, so the
skeleton always shows the keys the schema accepts.
"""

import json
import re

from unidecode import unidecode

from factpack import edtf_dates, model, skeleton_examples
from factpack.errors import UsageError

_SLUG_PART = re.compile(r"[^a-z0-9]+")
_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


def slugify(text: str, limit: int = 60) -> str:
    slug = _SLUG_PART.sub("-", unidecode(text).lower()).strip("-")
    return slug[:limit].rstrip("-")


def _scalar(value) -> str:
    """A value as YAML that reads back as the same string (JSON strings are valid YAML)."""
    if isinstance(value, list):
        return "[" + ", ".join(_scalar(v) for v in value) + "]"
    text = str(value)
    return (
        text
        if re.fullmatch(r"[A-Za-z][A-Za-z0-9 .,'()/-]*", text) and ": " not in text
        else json.dumps(text, ensure_ascii=False)
    )


def _example_record(table: model.Table, indent: str, owner: dict | None = None) -> list:
    """Commented example lines of one record; a nested record takes its owner's example values where the keys
    match, so that an organization's names example names the organization."""
    lines, examples = [], {}
    shown = skeleton_examples.references()[0]
    for column in table.fact_columns():
        example = (owner or {}).get(column.fact_key, shown.get((table.name, column.fact_key), column.spec["examples"][0]))
        examples[column.fact_key] = example
        required = "" if column.fact_key in table.fact_required else "   # optional"
        lines.append(f"{column.fact_key}: {_scalar(example)}{required}")
    for key, spec in table.fact_only.items():
        record = spec.get("items", {}).get("x-factRecord")
        if record:
            nested = _example_record(model.table(record), "", {"name": examples["name"]} if "name" in examples else None)
            lines.append(f"{key}:   # {spec['description']}")
            lines.extend("  " + line for line in nested)
        elif key == "evidence":
            lines.append(
                f"evidence: {_evidence_example(examples.get('name'))}"
                + (
                    "   # optional: the name itself when it appears in the article"
                    if key not in table.fact_required
                    else ""
                )
            )
    first, rest = lines[0], lines[1:]
    return [indent + "- " + first] + [indent + "  " + line for line in rest]


def _evidence_example(name: str | None) -> str:
    """A quote of the kind the record needs: one that names it (FP605), or at least three words (FP606)."""
    return f"words copied exactly from the article that name {name}" if name else "words copied exactly from the article"


def _second_record(table: model.Table, record_id: str) -> list:
    """A minimal second example of a table (its required keys), for a reference that needs two of them."""
    name = record_id.replace("-", " ").title()
    lines = [f"- id: {record_id}", f"  name: {name}"]
    lines += [f"  {c.fact_key}: {_scalar(c.spec['examples'][0])}" for c in table.fact_columns()
              if c.fact_key in table.fact_required and c.fact_key not in ("id", "name")]
    return lines + [f"  evidence: {_evidence_example(name)}"]


def skeleton(source: dict) -> str:
    out = [f"# Facts from: {source['title']}",
           f"# Quotes must appear verbatim in datasets/archive/{source['id']}.txt.",
           "# Uncomment and fill in the examples below; delete what the article does not say.",
           "# Already in the dataset (another article's person, place or event)? Reuse its id and write what THIS",
           "# article says; where the articles differ, both accounts are kept as claims (see CONTRIBUTING.md).",
           "source:"]
    out += [f"  {key}: {_scalar(value)}" for key, value in source.items() if value is not None]
    # the source's optional keys, so that a contributor sees them too (e.g. published_note for an inferred date)
    out += [f"  # {c.fact_key}: {_scalar(c.spec['examples'][0])}   # optional" for c in model.table("sources").fact_columns()
            if c.fact_key not in source and c.fact_key not in model.table("sources").fact_required]
    for table in model.tables():
        where = table.fact_file
        if not where or where.get("single") or "nestedIn" in where:
            continue
        out += ["", f"{where['key']}: []", f"# {where['key']}:"]
        out += ["# " + line for line in _example_record(table, "  ")]
        for record_id in skeleton_examples.references()[1].get(table.name, []):
            out += ["#   " + line for line in _second_record(table, record_id)]
    return "\n".join(out) + "\n"


def check_source(source: dict, url_required: bool = True):
    if not _ID.fullmatch(source["id"] or ""):
        raise UsageError(f"'{source['id']}' is not a valid source id", "use lowercase letters, digits and hyphens")
    if (url_required or source["url"] is not None) and not re.match(r"https?://[^\s]+$", source["url"] or ""):
        raise UsageError(f"--url '{source['url']}' is not an http(s) URL", "give the article's address")
    try:
        edtf_dates.parse(source["published"])
    except ValueError as error:
        raise UsageError(f"--published: {error}", "e.g. 2019-03-14, or 2019-03-14? when inferred") from None


def read_article(path) -> str:
    """An article's text, or a usage error that says how to save it."""
    try:
        return path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(f"cannot read {path} as UTF-8 text: {error}", "save the article as UTF-8 plain text") from None


def create(layout, article_path, source: dict, render=None) -> tuple:
    """Write the archive copy and the fact file (the skeleton, or render(source, text)); return their paths."""
    check_source(source, url_required=render is None)
    text = read_article(article_path)
    archive = layout.archive_for(source["id"])
    facts = layout.facts / f"{source['id']}.yaml"
    for path in (archive, facts):
        if path.exists():
            raise UsageError(f"{layout.relative(path)} already exists", "choose another --id, or edit the existing file")
    archive.parent.mkdir(parents=True, exist_ok=True)
    facts.parent.mkdir(parents=True, exist_ok=True)
    archive.write_text(text, encoding="utf-8", newline="")
    facts.write_text(render(source, text) if render else skeleton(source), encoding="utf-8", newline="\n")
    return archive, facts
