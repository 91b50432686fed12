"""How much of an article is quoted: quotes are the publisher's words, published as short attributed
quotations (docs/quotes.md), so each quote and the share of each article they cover are limited.

Runs in the per-file stage with the evidence check, on the archived text it has already read.
"""

from factpack.checks.contract import Archive, Check, Stage
from factpack.quotes import evidence_of, normalise
from factpack.rule_codes import Code

MAX_QUOTE = 200  # characters of one quote, after whitespace is normalised: a sentence, not a paragraph
MAX_SHARE = 0.50  # of the archived article's characters that the file's quotes may cover together


def covered(archive_text: str, quotes: set) -> int:
    marked = bytearray(len(archive_text))
    for quote in quotes:
        start = archive_text.find(quote)
        while start >= 0 and quote:
            marked[start:start + len(quote)] = b"\1" * len(quote)
            start = archive_text.find(quote, start + 1)
    return sum(marked)


def check_file(fact, archive: Archive):
    archive_text = archive.text
    if archive_text is None:  # reported by the evidence check
        return
    quotes = set()
    for record in fact.records:
        if record.broken:
            continue
        for index, quote in enumerate(evidence_of(record)):
            text = normalise(quote)
            quotes.add(text)
            if len(text) > MAX_QUOTE:
                key = ("evidence", index) if isinstance(record.get("evidence"), list) else ("evidence",)
                yield fact.finding(
                    Code.QUOTE_TOO_LONG,
                    f"a quote of {len(text)} characters; at most {MAX_QUOTE} may be quoted at once",
                    record.path + key,
                    "quote only the words that establish the fact: a clause, a name",
                )
    share = covered(archive_text, quotes)
    if archive_text and share > MAX_SHARE * len(archive_text):
        yield fact.finding(
            Code.ARTICLE_QUOTED_TOO_MUCH,
            f"the quotes cover {share / len(archive_text):.0%} of the archived article "
            f"({share:,} of {len(archive_text):,} characters); at most {MAX_SHARE:.0%} may be quoted",
            ("source", "id") if fact.source else (),
            "shorten the longest quotes to the words that establish each fact (docs/quotes.md)",
        )


CHECK = Check("quote_extent", Stage.FILE, frozenset({Code.QUOTE_TOO_LONG, Code.ARTICLE_QUOTED_TOO_MUCH}), check_file)
