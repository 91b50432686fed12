"""Sentences of an article with their positions, and the short verbatim quotes the draft takes from them."""

import re
from dataclasses import dataclass

# A sentence ends at . ! ? (and a closing quote) before whitespace and a capital, digit or quote, except after
# an abbreviation or an initial ("U.S.", "Mr.", "J.").
_END = re.compile(r"[.!?][\"”’)]?(?=\s+[\"“‘(]?[A-Z0-9])")
_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt", "jan", "feb", "aug", "sept", "sep", "oct",
                  "nov", "dec", "no", "vs", "u.s", "u.n", "u.k", "e.g", "i.e", "inc", "ltd", "jr", "sr"}
MAX_QUOTE = 200  # the quote limit of a fact file (checks/quote_extent.py)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


def _abbreviation_before(text: str, dot: int) -> bool:
    word = re.search(r"([A-Za-z.]+)$", text[:dot])
    if not word:
        return False
    token = word.group(1).lower().rstrip(".")
    return token in _ABBREVIATIONS or len(token) == 1


def split(text: str) -> list[Sentence]:
    """The sentences of each paragraph (paragraphs are separated by line breaks)."""
    out = []
    for paragraph in re.finditer(r"[^\n]+", text):
        start = paragraph.start()
        for end in _END.finditer(paragraph.group()):
            cut = paragraph.start() + end.end()
            if _abbreviation_before(text, paragraph.start() + end.start()):
                continue
            out.append(_sentence(text, start, cut))
            start = cut
        out.append(_sentence(text, start, paragraph.end()))
    return [s for s in out if s.text]


def _sentence(text: str, start: int, end: int) -> Sentence:
    while start < end and text[start].isspace():
        start += 1
    return Sentence(start, end, text[start:end])


def window(text: str, start: int, end: int, sentence: Sentence, limit: int = MAX_QUOTE) -> str:
    """A verbatim quote of at most `limit` characters around text[start:end], within the sentence, cut at
    word boundaries: the whole sentence when it fits."""
    if len(sentence.text) <= limit:
        return sentence.text
    room = max(0, limit - (end - start)) // 2
    left, right = max(sentence.start, start - room), min(sentence.end, end + room)
    while left < start and left > sentence.start and not text[left - 1].isspace():
        left += 1
    while right > end and right < sentence.end and not text[right].isspace():
        right -= 1
    return text[left:right].strip(" ,;:")
