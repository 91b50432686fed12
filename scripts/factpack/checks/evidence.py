"""Evidence: every quote is found in the source's archived article."""

from factpack.quotes import evidence_of, normalise


def _archive_text(context, fact):
    """(normalised archive text or None, finding or None)."""
    # The file name is the source id (FP304 checks they agree), and it is a safe slug.
    path = context.layout.archive_for(fact.stem)
    where = ("source", "id") if fact.source else ()
    if not path.is_file():
        return None, fact.finding("FP602", f"no archived article at {context.layout.relative(path)}", where,
                                  "save the article's plain text there (factpack new does this for you)")
    try:
        return normalise(path.read_bytes().decode("utf-8")), None
    except UnicodeDecodeError as error:
        return None, fact.finding("FP603", f"{context.layout.relative(path)} is not UTF-8 (byte offset {error.start})",
                                  where, "re-save the archive as UTF-8 text")


def _quote_path(record, index, count):
    if record.table == "names" and not record.quotes():
        return "name"
    return ("evidence", index) if count > 1 or isinstance(record.get("evidence"), list) else "evidence"


def check(context):
    for fact in context.files:
        if not fact.loaded:
            continue
        archive, problem = _archive_text(context, fact)
        if problem:
            yield problem
            continue
        for record in fact.records:
            if record.broken:
                continue
            quotes = evidence_of(record)
            for index, quote in enumerate(quotes):
                if normalise(quote) not in archive:
                    key = _quote_path(record, index, len(quotes))
                    path = record.path + (key if isinstance(key, tuple) else (key,))
                    short = quote if len(quote) <= 60 else quote[:57] + "..."
                    yield fact.finding("FP601", f"quote not found in the archived article: \"{short}\"", path,
                                       "copy the words exactly as they appear in "
                                       f"datasets/archive/{fact.stem}.txt")
