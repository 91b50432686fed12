"""Where sources disagree: each claim side by side, with its source and the quotes behind it."""

from factpack.site.markdown import anchor, html_table, plain


def claims_table(ds, record_type: str, row: dict, prefix: str = "../") -> str:
    """A table of every claim on the record's disputed fields, or "" when its sources agree."""
    disputed = row.get("disputed") or []
    record_id = row[ds.key_of(record_type)]
    claims = [s for s in ds.statements_of.get((record_type, record_id), []) if s["field"] in disputed]
    if not claims:
        return ""
    rows = []
    for claim in sorted(claims, key=lambda s: (disputed.index(s["field"]), s["source_id"], s["value"])):
        source = ds.by_id("sources")[claim["source_id"]]
        quotes = "<br>".join(plain(ds.citation(c)["quote"]) for c in claim["citation_ids"] or [])
        rows.append([plain(claim["field"]), plain(claim["value"]),
                     anchor(plain(source["publisher"]), f"{prefix}sources/{claim['source_id']}.md"), quotes])
    return ("The sources disagree. Each account is kept; the value shown above is resolved by the rules of the "
            "methodology.\n\n" + html_table(["field", "value", "source", "quote"], rows))


def _said(ds, statement: dict, prefix: str) -> str:
    source_id = statement["source_id"]
    publisher = plain(ds.by_id("sources")[source_id]["publisher"])
    return f"{plain(statement['value'])} ({anchor(publisher, f'{prefix}sources/{source_id}.md')})"


def disputed_note(ds, record_type: str, row: dict, prefix: str = "../") -> str:
    """One line per disputed field for a table cell: "disputed date: 2019-03-09 (AP); 2019-03-10 (RFE/RL)"."""
    record_id = row[ds.key_of(record_type)]
    lines = []
    for field in row.get("disputed") or []:
        claims = sorted((s for s in ds.statements_of.get((record_type, record_id), []) if s["field"] == field),
                        key=lambda s: (s["value"], s["source_id"]))
        lines.append(f"<em>disputed {plain(field)}:</em> " + "; ".join(_said(ds, s, prefix) for s in claims))
    return "<br>".join(lines)
