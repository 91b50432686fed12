"""People, organizations and places named in an article: the dataset's known names first (their ids are
reused), then capitalised names, classified by keywords, cues and ISO 3166 place names."""

import re
from dataclasses import dataclass, field

from factpack.draft import gazetteer
from factpack.draft.known import Known
from factpack.scaffold import slugify

_WORD = r"(?:[A-Z][\w’'.\-]*\w|[A-Z])"  # a capitalised word, with inner hyphens, apostrophes or dots ("U.S.")
_CONNECTOR = "|".join(sorted(gazetteer.CONNECTORS, key=len, reverse=True))
_NAME = re.compile(rf"{_WORD}(?:(?:\s+(?:{_CONNECTOR})\s+|[ ]){_WORD})*")
_POSSESSIVE = re.compile(r"['’]s$")


@dataclass
class Entity:
    table: str  # actors, organizations or places
    id: str
    name: str
    known: bool  # in the dataset already, under this spelling or another
    kind: str = ""  # organization or place kind
    country: str = ""
    mentions: list = field(default_factory=list)  # (start, end) of each mention in the article


def find(text: str, known: list[Known]) -> list[Entity]:
    entities: dict[tuple[str, str], Entity] = {}
    taken: list[tuple[int, int]] = []
    for item in sorted(known, key=lambda k: -len(k.name)):
        for match in re.finditer(rf"(?<![\w-]){re.escape(item.name)}(?![\w-])", text):
            if not _overlaps(taken, match.span()):
                taken.append(match.span())
                entity = entities.setdefault((item.table, item.id), Entity(item.table, item.id, item.name, True,
                                                                            item.kind, item.country))
                entity.mentions.append(match.span())
    headlines = _headlines(text)
    for match in _NAME.finditer(text):
        for start, end, name in _names_in(text, match):
            if not _overlaps(taken, (start, end)) and not _overlaps(headlines, (start, end)):
                _add(entities, taken, text, start, end, name)
    _attach_surnames(entities, taken, text)
    for entity in entities.values():
        entity.mentions.sort()
    return sorted(entities.values(), key=lambda e: e.mentions[0])


def _headlines(text: str) -> list[tuple[int, int]]:
    """Lines in title case without a full stop (headlines, captions of sections): every word is capitalised
    there, so capitals say nothing about names."""
    out = []
    for line in re.finditer(r"[^\n]+", text):
        words = [w for w in re.findall(r"[A-Za-z]{4,}", line.group())]
        capitalised = sum(w[0].isupper() for w in words)
        if words and capitalised >= 0.6 * len(words) and not line.group().rstrip().endswith((".", "!", "?", '"', "”")):
            out.append(line.span())
    return out


def _overlaps(taken, span) -> bool:
    return any(a < span[1] and span[0] < b for a, b in taken)


def _names_in(text: str, match: re.Match) -> list[tuple[int, int, str]]:
    """The candidate names in one run of capitalised words, without leading stop words and titles."""
    words = [(m.start() + match.start(), m.end() + match.start(), m.group()) for m in re.finditer(r"\S+", match.group())]
    words = [(s, e - (len(w) - len(_POSSESSIVE.sub("", w))), _POSSESSIVE.sub("", w)) for s, e, w in words]
    while words and (words[0][2] in gazetteer.STOP or words[0][2] in gazetteer.ORGANIZATION_CUES
                     or words[0][2].lower() in gazetteer.CONNECTORS):
        words.pop(0)
    while words and (words[-1][2] in gazetteer.STOP or words[-1][2].lower() in gazetteer.CONNECTORS):
        words.pop()
    if not words or all(w in gazetteer.STOP for _, _, w in words):
        return []
    return [(words[0][0], words[-1][1], text[words[0][0]:words[-1][1]])]


def _add(entities: dict, taken: list, text: str, start: int, end: int, name: str) -> None:
    start, name = _without_leading_noun(start, name)
    words = name.split()
    kind = gazetteer.organization_kind(words) or _cued_organization(text, start, end) or _acronym(words)
    where = gazetteer.place(name)
    if kind and not where:
        entity = _entity(entities, "organizations", name, kind=kind)
    elif where:
        entity = _entity(entities, "places", name, kind=where[0], country=where[1])
    else:
        person = _person(words)
        if not person:
            return
        offset = name.index(person)
        start, end, name = start + offset, start + offset + len(person), person
        entity = _entity(entities, "actors", name)
    entity.mentions.append((start, end))
    taken.append((start, end))


def _without_leading_noun(start: int, name: str) -> tuple[int, str]:
    """"Officers of the Committee for National Security" names the committee: what comes before the first
    connector is dropped when only the rest has an organization's keyword."""
    match = re.search(rf"\s(?:{_CONNECTOR})\s", name)
    if match:
        head, rest = name[:match.start()], name[match.end():]
        if not gazetteer.organization_kind(head.split()) and gazetteer.organization_kind(rest.split()):
            return start + match.end(), rest
    return start, name


def _cued_organization(text: str, start: int, end: int) -> str | None:
    """"the group Qorgau", "Atajurt, a group that …": a cue word just before or after the name."""
    before = re.findall(r"[\w']+", text[max(0, start - 30):start])  # "the NGO Atajurt": NGO is a cue, not the name
    after = re.match(r",? (?:a|an|the) ([\w']+)", text[end:end + 30])
    cued = (before and before[-1] in gazetteer.ORGANIZATION_CUES) or (after and after.group(1) in gazetteer.ORGANIZATION_CUES)
    return "ngo" if cued else None


def _acronym(words: list[str]) -> str | None:
    """A word of two to six capitals ("APA", "KNB") names an organization more often than anything else."""
    return "other" if len(words) == 1 and words[0].isalpha() and words[0].isupper() and 2 <= len(words[0]) <= 6 else None


def _person(words: list[str]) -> str | None:
    """The trailing run of two to four plain capitalised words: a person's name ("U.S. Secretary of State
    Mike Pompeo" → "Mike Pompeo")."""
    run: list[str] = []
    for word in reversed(words):
        if word in gazetteer.GEOGRAPHIC:
            return None
        if word in gazetteer.TITLES or word in gazetteer.STOP or word.lower() in gazetteer.CONNECTORS or word.isupper():
            break
        run.insert(0, word)
    return " ".join(run) if 2 <= len(run) <= 4 else None


def _entity(entities: dict, table: str, name: str, **details) -> Entity:
    key = (table, slugify(name))
    if key not in entities:
        entities[key] = Entity(table, key[1], name, False, **details)
    return entities[key]


def _attach_surnames(entities: dict, taken: list, text: str) -> None:
    """A person named in full is later called by surname ("Bilash"): those mentions are theirs."""
    for entity in [e for e in entities.values() if e.table == "actors" and " " in e.name]:
        surname = entity.name.split()[-1]
        for match in re.finditer(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", text):
            if not _overlaps(taken, match.span()):
                entity.mentions.append(match.span())
                taken.append(match.span())
