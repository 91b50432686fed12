"""A quote must prove something: a quote found in the article can still say nothing about the record.

A person, organization or place is established only by a quote that names it: one of the names the
record gives, or a word of four letters or more from one of them ("Bilash", "police"), as articles
name people by surname and bodies in part. An event needs a quote of at least a few words, since one or two words
("the", "police") are found in almost any article. Runs per file, with the quotes.
"""

import re

from factpack import model
from factpack.quotes import normalise
from factpack.checks.contract import Check, Stage
from factpack.rule_codes import Code

MIN_EVENT_WORDS = 3


def _names(record) -> list:
    names = [record.get("name")] + [child.get("name") for child in record.children("names")]
    return [normalise(n).casefold() for n in names if isinstance(n, str) and n.strip()]


def _names_it(quote: str, names: list) -> bool:
    text = normalise(quote).casefold()
    words = set(re.findall(r"\w+", text))
    return any(name in text or any(len(w) >= 4 and w in words for w in re.findall(r"\w+", name)) for name in names)


def check_file(fact, archive=None):  # names and lengths only: the archive is the evidence check's
    named = model.named_tables()
    for record in fact.records:
        quotes = record.quotes()
        if record.broken or not quotes:
            continue
        if record.table in named:
            names = _names(record)
            if names and not any(_names_it(q, names) for q in quotes):
                yield record.finding(
                    Code.QUOTE_DOES_NOT_NAME,
                    f"no quote for '{record.id}' contains any of its names ({', '.join(sorted(set(names)))})",
                    "evidence",
                    "quote the words of the article that name it, or add the name it is called there under names:",
                )
        elif record.table == "events":
            for index, quote in enumerate(quotes):
                if len(normalise(quote).split()) < MIN_EVENT_WORDS:
                    path = record.path + (("evidence", index) if isinstance(record.get("evidence"), list) else ("evidence",))
                    yield fact.finding(
                        Code.EVENT_QUOTE_TOO_SHORT,
                        f'the quote "{quote}" is too short to establish an event',
                        path,
                        f"quote at least {MIN_EVENT_WORDS} words: the sentence that says what happened",
                    )


CHECK = Check("quote_relevance", Stage.FILE, frozenset({Code.QUOTE_DOES_NOT_NAME, Code.EVENT_QUOTE_TOO_SHORT}), check_file)
