"""`factpack synth`: a deterministic synthetic dataset shaped like real data, for benchmarks and scale tests.

Per article: about 5 events, 3 actors and 2 organizations drawn from shared pools (so
entities recur across articles and merge), about 15 participants and 10 quoted
sentences; names in Latin and in Kazakh Cyrillic; every EDTF form factpack supports.
Sources disagree at a realistic rate: a person is named by surname only in about one
mention in thirty, and half the articles give a second account of an event an earlier article reported
(mostly the same date, sometimes a more precise or a different day, other participants).
Everything derives from (article number, seed), so the same N gives the same bytes.
"""

import datetime
import json
import random
from pathlib import Path

from factpack import edtf_dates

_SYLLABLES = ["ai", "ber", "da", "gul", "kan", "mar", "nur", "sa", "tal", "zhan", "bek", "ra", "li", "na", "sul"]
_CYRILLIC = {"ai": "ай", "ber": "бер", "da": "да", "gul": "гүл", "kan": "қан", "mar": "мар", "nur": "нұр",
             "sa": "са", "tal": "тал", "zhan": "жан", "bek": "бек", "ra": "ра", "li": "лі", "na": "на", "sul": "сұл"}
_ORG_KINDS = ["ngo", "police", "court", "ministry", "security-service", "media"]
_EVENT_TYPES = ["arrest", "search", "statement", "criticism", "fine", "house-arrest", "denial", "report"]
_ROLES = ["agent", "target", "speaker", "subject"]
_COUNTRIES = ["KZ", "CN", "KG", "UZ", "RU"]


def _word(rng, parts=2):
    syllables = [rng.choice(_SYLLABLES) for _ in range(parts)]
    return "".join(syllables).capitalize(), "".join(_CYRILLIC[s] for s in syllables).capitalize()


def actor(index: int, seed: int) -> dict:
    rng = random.Random(f"actor-{seed}-{index}")
    (first, first_cy), (last, last_cy) = _word(rng), _word(rng, 3)
    return {"id": f"person-{index}", "name": f"{first} {last}", "cyrillic": f"{first_cy} {last_cy}",
            "country": rng.choice(_COUNTRIES)}


def organization(index: int, seed: int) -> dict:
    rng = random.Random(f"org-{seed}-{index}")
    word, word_cy = _word(rng, 3)
    return {"id": f"org-{index}", "name": f"{word} Group {index}", "cyrillic": f"{word_cy} тобы {index}",
            "kind": rng.choice(_ORG_KINDS), "country": rng.choice(_COUNTRIES)}


def _published(n: int, seed: int) -> datetime.date:
    return datetime.date(2012, 1, 1) + datetime.timedelta(days=random.Random(f"article-{seed}-{n}").randint(400, 4500))


def _event_day(n: int, k: int, seed: int) -> tuple:
    """(day, the rng it came from) of event k of article n: derivable without generating the article."""
    rng = random.Random(f"event-{seed}-{n}-{k}")
    return _published(n, seed) - datetime.timedelta(days=rng.randint(1, 400)), rng


def _event_date(n: int, k: int, seed: int) -> str:
    day, rng = _event_day(n, k, seed)
    forms = _dates(rng, day, _published(n, seed))
    return forms[(n + k) % len(forms)]


def _second_account_date(m: int, k: int, seed: int, rng) -> str:
    """Another source's date for event k of article m: usually the same, sometimes more precise or a day off."""
    day, _ = _event_day(m, k, seed)
    roll = rng.random()
    if roll < 0.7:
        return _event_date(m, k, seed)
    return (day if roll < 0.9 else day + datetime.timedelta(days=1)).isoformat()


def _dates(rng, day: datetime.date, published: datetime.date) -> list:
    later = min(day + datetime.timedelta(days=rng.randint(1, 20)), published)
    year, season = day.year, 21 + (day.month % 12) // 3
    forms = [day.isoformat(), day.isoformat()[:7], day.isoformat() + "?", day.isoformat()[:7] + "~",
             f"{day.isoformat()}/{later.isoformat()}", str(year), f"{year}-{season}"]
    if datetime.date(year, {21: 5, 22: 8, 23: 11, 24: 12}[season], 28) > published:
        forms[-1] = day.isoformat()
    if datetime.date(year, 12, 31) > published:
        forms[-2] = day.isoformat()[:7]
    return forms


def _sentence(text: str, sentences: list) -> str:
    sentences.append(text)
    return text


def article(n: int, seed: int, actors_pool: int, orgs_pool: int) -> tuple:
    """(fact-file text, archive text) of synthetic article n."""
    rng = random.Random(f"article-{seed}-{n}")
    source_id = f"synthetic-{n:07d}"
    published = _published(n, seed)
    rng.randint(400, 4500)  # the draw _published made, so that the rest of the article keeps its values
    sentences = [f"Synthetic article {n} for factpack benchmarks. It reports no real events."]
    people = [actor(i, seed) for i in sorted(rng.sample(range(actors_pool), 3))]
    groups = [organization(i, seed) for i in sorted(rng.sample(range(orgs_pool), 2))]
    facts: dict = {"source": {"id": source_id, "url": f"https://example.org/synthetic/{n}",
                        "title": f"Synthetic report {n}", "publisher": "Synthetic News",
                        "published": published.isoformat(), "language": "en"},
             "actors": [], "organizations": [], "events": [], "affiliations": [], "relationships": []}
    for p in people:
        name = p["name"].split()[-1] if rng.random() < 0.03 else p["name"]  # a surname only: the name is disputed
        quote = _sentence(f"{name} (in Kazakh, {p['cyrillic']}) was named in report {n}.", sentences)
        facts["actors"].append({"id": p["id"], "name": name, "citizenship": [p["country"]],
                                "names": [{"name": name, "kind": "primary", "lang": "en", "script": "Latn"},
                                          {"name": p["cyrillic"], "kind": "transliteration", "lang": "kk", "script": "Cyrl"}],
                                "evidence": quote})
    for g in groups:
        quote = _sentence(f"The group {g['name']}, known as «{g['cyrillic']}», is based in {g['country']}.", sentences)
        facts["organizations"].append({"id": g["id"], "name": g["name"], "kind": g["kind"], "country": g["country"],
                                       "names": [{"name": g["cyrillic"], "kind": "translation", "lang": "kk", "script": "Cyrl"}],
                                       "evidence": quote})
    entities = [("actor", p["id"]) for p in people] + [("organization", g["id"]) for g in groups]
    for k in range(rng.choice([4, 5, 5, 6])):
        chosen = rng.sample(entities, 3)
        quote = _sentence(
            f'Event {k} of report {n}: "{rng.choice(_EVENT_TYPES)}", with commas, tabs\tand Қазақ letters.', sentences
        )
        event = {"id": f"{source_id}-e{k}", "date": _event_date(n, k, seed), "type": _EVENT_TYPES[(n + k) % len(_EVENT_TYPES)],
                 "summary": f"Synthetic event {k} of article {n}.", "country": rng.choice(_COUNTRIES),
                 "participants": [{kind: eid, "role": _ROLES[i]} for i, (kind, eid) in enumerate(chosen)],
                 "evidence": quote}
        if k and rng.random() < 0.3:
            event["responds_to"] = f"{source_id}-e{k - 1}"
        facts["events"].append(event)
    if n and rng.random() < 0.5:
        second = _second_account(n, seed, rng, entities, sentences)
        if edtf_dates.parse(second["date"]).earliest <= published:  # an article reports only what came before it
            facts["events"].append(second)
    quote = _sentence(f"{people[0]['name']} works with {groups[0]['name']}.", sentences)
    facts["affiliations"].append({"id": f"{source_id}-aff", "actor": people[0]["id"], "organization": groups[0]["id"],
                                  "role": "member", "evidence": quote})
    quote = _sentence(f"{people[1]['name']} is the lawyer of {people[2]['name']}.", sentences)
    facts["relationships"].append({"id": f"{source_id}-rel", "actor": people[1]["id"], "related_actor": people[2]["id"],
                                   "relation": "lawyer-of", "evidence": quote})
    # as in a real article, most of the text is not quoted (at most half may be: docs/quotes.md)
    quoted = sum(len(sentence) for sentence in sentences)
    context = f"Background to report {n}, which no record quotes. " * (quoted // 40 + 1)
    return _yaml(facts), "\n\n".join(sentences + [context.strip()]) + "\n"


def _second_account(n: int, seed: int, rng, entities: list, sentences: list) -> dict:
    """This article's account of an event an earlier article reported: its own date, words and participants."""
    m, k = rng.randrange(n), 0  # every article has an event 0
    quote = _sentence(f"Report {n} also tells of event {k} of report {m}, in its own words.", sentences)
    return {"id": f"synthetic-{m:07d}-e{k}", "date": _second_account_date(m, k, seed, rng),
            "type": _EVENT_TYPES[m % len(_EVENT_TYPES)], "summary": f"Article {n}'s account of event {k} of article {m}.",
            "participants": [{kind: eid, "role": _ROLES[i]} for i, (kind, eid) in enumerate(rng.sample(entities, 2))],
            "evidence": quote}


def _yaml(value, indent: str = "") -> str:
    """Block YAML in which every string is a JSON string, so it reads back exactly."""
    lines = []
    for key, item in value.items():
        if isinstance(item, dict):
            lines.append(f"{indent}{key}:\n" + _yaml(item, indent + "  "))
        elif isinstance(item, list) and item and isinstance(item[0], dict):
            lines.append(f"{indent}{key}:")
            for element in item:
                body = _yaml(element, indent + "    ")
                lines.append(indent + "  - " + body[len(indent) + 4:].rstrip("\n"))
        else:
            lines.append(f"{indent}{key}: {json.dumps(item, ensure_ascii=False)}")
    return "\n".join(lines) + "\n"


def write(root: Path, articles: int, seed: int = 1) -> None:
    """Write a complete dataset (fact files, archives, package metadata) for `articles` articles."""
    facts, archive = root / "datasets/facts", root / "datasets/archive"
    facts.mkdir(parents=True, exist_ok=True)
    archive.mkdir(parents=True, exist_ok=True)
    actors_pool, orgs_pool = max(6, articles * 3 // 5), max(4, articles * 3 // 10)
    for n in range(articles):
        fact_text, archive_text = article(n, seed, actors_pool, orgs_pool)
        (facts / f"synthetic-{n:07d}.yaml").write_text(fact_text, encoding="utf-8")
        (archive / f"synthetic-{n:07d}.txt").write_text(archive_text, encoding="utf-8")
    metadata = {"name": "factpack-synthetic", "title": f"Synthetic factpack dataset ({articles} articles)",
                "description": "Generated by factpack synth for benchmarks; it reports no real events.",
                "version": "0.0.0", "licenses": [{"name": "CC0-1.0", "path": "https://creativecommons.org/publicdomain/zero/1.0/",
                                                  "title": "Public domain dedication"}]}
    (root / "datasets/package.json").write_text(json.dumps(metadata, indent=2) + "\n", encoding="utf-8")
