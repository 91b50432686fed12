"""The draft as data: source, records and events proposed from one article, each with a review note."""

import bisect
import datetime
from dataclasses import dataclass

from factpack import edtf_dates, model
from factpack.checks import quote_extent
from factpack.draft import dates, events, mentions, sentences
from factpack.draft.known import Known
from factpack.draft.sentences import Sentence
from factpack.quotes import normalise

# (entity, event) quote lengths, tried in turn until the quotes cover at most QUOTED of the article: a fact file
# may quote at most half of it (checks/quote_extent.py), and a contributor adds quotes of their own.
QUOTE_LENGTHS = ((120, 200), (60, 120), (0, 60))
QUOTED = 0.4


@dataclass
class Item:
    table: str
    record: dict
    review: str  # why it is proposed: what the contributor checks


def compose(text: str, source: dict, known: list[Known], event_ids: set[str]) -> list[Item]:
    published = edtf_dates.parse(source["published"]).end
    split = sentences.split(text)
    entities = mentions.find(text, known)
    found = events.find(text, split, dates.find(text, published), entities)
    _unique_ids(entities, {source["id"]} | {k.id for k in known} | set(event_ids))
    for entity_quote, event_quote in QUOTE_LENGTHS:
        items = [_entity_item(text, split, entity, entity_quote) for entity in entities]
        taken = set(event_ids) | {item.record["id"] for item in items}
        items += [_event_item(text, event, published, taken, event_quote) for event in found]
        if _share_quoted(text, items) <= QUOTED:
            break
    return items


def _unique_ids(entities: list[mentions.Entity], taken: set[str]) -> None:
    """A new record's id must not be the source's or another record's: one id names one thing."""
    for entity in entities:
        if not entity.known:
            base, number = entity.id, 2
            while entity.id in taken:
                entity.id, number = f"{base}-{number}", number + 1
        taken.add(entity.id)


def _share_quoted(text: str, items: list[Item]) -> float:
    article = normalise(text)
    quotes = {normalise(item.record["evidence"]) for item in items}
    return quote_extent.covered(article, quotes) / max(len(article), 1)


def _sentence_of(split: list[Sentence], position: int) -> Sentence:
    index = bisect.bisect_right([s.start for s in split], position) - 1
    return split[max(index, 0)]


def _entity_item(text: str, split: list[Sentence], entity: mentions.Entity, limit: int) -> Item:
    start, end = entity.mentions[0]
    quote = sentences.window(text, start, end, _sentence_of(split, start), limit)
    record = {"id": entity.id, "name": text[start:end]}
    if entity.table != "actors":
        record["kind"] = entity.kind
    if entity.table == "places":
        record["country"] = entity.country
    record["evidence"] = quote
    count = f"named {len(entity.mentions)} time(s)"
    why = (f"already in the dataset as '{entity.id}' ({count}); keep what this article says of it" if entity.known else
           f"{_noun(entity)}, by the draft's rules ({count}); check that it is one, its spelling and its id")
    return Item(entity.table, record, why)


def _noun(entity: mentions.Entity) -> str:
    if entity.table == "actors":
        return "a person"
    return f"{'an organization' if entity.table == 'organizations' else 'a place'} of kind '{entity.kind}'"


def _event_item(text: str, event: events.Event, published: datetime.date, taken: set, limit: int) -> Item:
    keyword = text[event.keyword[0]:event.keyword[1]]
    date, note = (event.date.edtf, event.date.note) if event.date else (
        f"../{published}", f"the sentence gives no date: some time before publication ({published}); give the date "
        f"if the article says it elsewhere")
    who = [entity.name for entity, _ in event.participants]
    record: dict = {"id": _event_id(event, date, taken), "date": date, "date_note": note, "type": event.type,
                    "summary": _label(event.type) + (f": {', '.join(who)}" if who else "")}
    if event.participants:
        record["participants"] = [{("actor" if e.table == "actors" else "organization"): e.id, "role": role}
                                  for e, role in event.participants]
    record["evidence"] = sentences.window(text, event.keyword[0], event.keyword[1], event.sentence, limit)
    why = (f"'{event.type}' proposed from the word '{keyword}'; check the type, the date, the roles, and write the "
           f"summary in your own words")
    return Item("events", record, why)


def _label(event_type: str) -> str:
    return next(row["label"] for row in model.codelist("event-types") if row["code"] == event_type)


def _event_id(event: events.Event, date: str, taken: set) -> str:
    who = event.participants[0][0].id if event.participants else "event"
    base = f"{who}-{event.type}-{date.lstrip('./').split('/')[0]}"
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    taken.add(candidate)
    return candidate
