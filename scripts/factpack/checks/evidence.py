"""Evidence: every quote is found in the source's archived article.

A check of one fact file and its archive, so it runs in the per-file stage (file_stage)
and its result is cached with the bytes of both.
"""

from factpack.checks.contract import Archive, Check, Stage
from factpack.quotes import evidence_of, normalise
from factpack.rule_codes import Code
from factpack.safe_paths import RefusedPath


def _unusable(fact, archive: Archive):
    """The finding that says why the archive gives no text (Archive.text is None), else None."""
    where: tuple = ("source", "id") if fact.source else ()
    content = archive.content
    if content is None:
        return fact.finding(Code.ARCHIVE_MISSING, f"no archived article at {archive.name}", where,
                            "save the article's plain text there (factpack new does this for you)")
    if isinstance(content, RefusedPath):
        return fact.finding(Code.ARCHIVE_REFUSED, f"the archived article {content.reason}; it was not read", where,
                            "save the article's plain text as an ordinary file there (not a link), "
                            "at most a few megabytes")
    if archive.text is None:
        try:
            content.decode("utf-8")
        except UnicodeDecodeError as error:  # decoded again only to say where: the text is normally decoded once
            return fact.finding(Code.ARCHIVE_NOT_UTF8, f"{archive.name} is not UTF-8 (byte offset {error.start})",
                                where, "re-save the archive as UTF-8 text")
    return None


def _quote_path(record, index, count):
    if record.table == "names" and not record.quotes():
        return "name"
    return ("evidence", index) if count > 1 or isinstance(record.get("evidence"), list) else "evidence"


def check_file(fact, archive: Archive):
    """Findings for the quotes of one fact file against its archived article."""
    archive_name, archive_text = archive.name, archive.text
    if archive_text is None:
        problem = _unusable(fact, archive)
        if problem:
            yield problem
        return
    for record in fact.records:
        if record.broken:
            continue
        quotes = evidence_of(record)
        for index, quote in enumerate(quotes):
            if normalise(quote) not in archive_text:
                key = _quote_path(record, index, len(quotes))
                path = record.path + (key if isinstance(key, tuple) else (key,))
                short = quote if len(quote) <= 60 else quote[:57] + "..."
                yield fact.finding(Code.QUOTE_NOT_FOUND, f"quote not found in the archived article: \"{short}\"", path,
                                   f"copy the words exactly as they appear in {archive_name}")


CHECK = Check("evidence", Stage.FILE, frozenset({Code.ARCHIVE_MISSING, Code.ARCHIVE_REFUSED, Code.ARCHIVE_NOT_UTF8,
                                                 Code.QUOTE_NOT_FOUND}), check_file)
