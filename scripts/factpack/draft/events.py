"""Candidate events: the sentences that say something happened, found by keywords, with a proposed type,
date and participants. Types are codes of schema/codelists/event-types.csv."""

import re
from dataclasses import dataclass

from factpack.draft.dates import FoundDate
from factpack.draft.mentions import Entity
from factpack.draft.sentences import Sentence

# keyword pattern → event type; the first that matches a sentence gives its type
KEYWORDS = [
    (r"\bhouse arrest\b", "house-arrest"),
    (r"\b(?:detain(?:ed|s)?|arrest(?:ed|s)?|taken into custody)\b", "arrest"),
    (r"\b(?:transferred|moved to)\b", "custody-transfer"),
    (r"\b(?:charged|indicted|charges? of|accused (?:him|her|them) of)\b", "charge"),
    (r"\b(?:searched|raided|seized)\b", "search"),
    (r"\b(?:convicted|found guilty|sentenced)\b", "conviction"),
    (r"\b(?:fined|fine of)\b", "fine"),
    (r"\b(?:forced|pressured|coerced|threatened)\b", "coercion"),
    (r"\b(?:followed by|surveillance|obstruct(?:ed|s)?)\b", "surveillance"),
    (r"\b(?:released|freed|set free)\b", "release"),
    (r"\b(?:hearing|trial|plea (?:bargain|deal|agreement))\b", "hearing"),
    (r"\bappeal(?:ed|s)?\b", "appeal"),
    (r"\b(?:founded|set up|established)\b", "founding"),
    (r"\b(?:called on|urged|demanded|petition(?:ed)?)\b", "advocacy"),
    (r"\b(?:denied|rejected|dismissed)\b", "denial"),
    (r"\b(?:criticized|criticised|condemned|denounc(?:ed|ing))\b", "criticism"),
    (r"\b(?:praised|welcomed)\b", "praise"),
]
_AUTHORITY = {"police", "court", "security-service", "ministry", "government-office", "state"}
_ACTED_ON = {"arrest", "house-arrest", "custody-transfer", "charge", "search", "conviction", "fine", "coercion",
             "surveillance", "release", "hearing"}


@dataclass
class Event:
    type: str
    keyword: tuple[int, int]  # where the keyword is in the article
    sentence: Sentence
    date: FoundDate | None
    participants: list  # (entity, role)


def find(text: str, sentences: list[Sentence], dates: list[FoundDate], entities: list[Entity]) -> list[Event]:
    out = []
    for sentence in sentences:
        for pattern, event_type in KEYWORDS:
            match = re.search(pattern, sentence.text)
            if match:
                at = (sentence.start + match.start(), sentence.start + match.end())
                participants = _participants(event_type, sentence, entities)
                out.append(Event(event_type, at, sentence, _date(sentence, dates, text), participants))
                break
    return out


def _date(sentence: Sentence, dates: list[FoundDate], text: str) -> FoundDate | None:
    """The sentence's first date; else the last date earlier in its paragraph, which news writing lets run on
    ("In a hearing late on Friday, … Under the deal, Bilash was fined …")."""
    own = next((d for d in dates if sentence.start <= d.start < sentence.end), None)
    if own:
        return own
    paragraph = text.rfind("\n", 0, sentence.start) + 1
    earlier = [d for d in dates if paragraph <= d.start < sentence.start]
    if not earlier:
        return None
    last = earlier[-1]
    return FoundDate(last.start, last.end, last.text, last.edtf,
                     f"the sentence gives no date; the paragraph's last one does: {last.note}; check that it applies")


def _participants(event_type: str, sentence: Sentence, entities: list[Entity]) -> list:
    found = [e for e in entities if e.table in ("actors", "organizations")
             and any(sentence.start <= start < sentence.end for start, _ in e.mentions)]
    out = []
    for index, entity in enumerate(found):
        if event_type in _ACTED_ON:
            role = "agent" if entity.table == "organizations" and entity.kind in _AUTHORITY else "target"
        else:
            role = "speaker" if index == 0 else "subject"
        out.append((entity, role))
    return out
