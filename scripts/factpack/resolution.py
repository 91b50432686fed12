"""Resolution: from every source's claims on one field of one record, the value the entity tables publish.

Each column follows one rule, named by its `x-resolve` annotation in schema/tables/ or implied by its kind:

- `date` (EDTF columns): claims where one contains the others resolve to the most precise
  (`2017` + `2017-21` → `2017-21`; `2019-03-10?` + `2019-03-10` → `2019-03-10`). Claims that cannot all
  be true (9 and 10 March) resolve to the EDTF set "one of" them (`[2019-03-09,2019-03-10]`): disputed.
- `fullest` (display names): the form with the most words, then the longest ("Aiman Umarova" over
  "Omarova"); different forms are disputed.
- `union` (list columns): every item any source gives, in the order first given; never disputed.
- `fullest-text` (curators' prose: descriptions, summaries, notes): the longest text, the one that
  says most, then the most recently published source's. Prose differs between files by nature, so
  it is never disputed.
- `latest` (a source's own wording of something structured elsewhere, such as an event's
  `location` beside its `place_id`): the most recently published source's; never disputed.
- `majority` (everything else: codes, places, references): the value most sources give, then the one
  from the most recently published source; different values are disputed.

Ties that remain are broken by the value itself, so the result never depends on file order.
Every claim stays in the statements table, whichever value is published.
"""

import re
from collections import Counter
from dataclasses import dataclass

from factpack import edtf_dates


@dataclass(frozen=True)
class Claim:
    """One source's value for one field of one record."""
    value: object
    source_id: str
    recency: tuple  # (latest day the source can have been published, source id): larger is more recent
    record: object  # the fact-file record it was read from, for findings


@dataclass(frozen=True)
class Resolved:
    value: object
    disputed: bool


def _distinct(claims: list) -> list:
    seen = []
    for claim in claims:
        if claim.value not in seen:
            seen.append(claim.value)
    return seen


def _parsed(value):
    try:
        return edtf_dates.parse(value)
    except (TypeError, ValueError):
        return None


def _dates(claims: list) -> Resolved:
    values = _distinct(claims)  # at least two: resolve() takes agreeing claims itself
    parsed = [date for date in map(_parsed, values) if date is not None]
    if len(parsed) < len(values):  # a claim that is not EDTF is an error (checks/dates.py): no release resolves it
        return Resolved(parsed[0].text if parsed else values[0], True)
    inside = [p for p in parsed if all(o.earliest <= p.earliest and p.end <= o.end for o in parsed)]
    if inside:
        best = min(inside, key=lambda p: (p.certainty != "exact", p.end - p.earliest, p.text))
        return Resolved(best.text, False)
    return Resolved(_one_of(parsed), True)


_PLAIN = re.compile(r"[0-9]{4}(-(0[1-9]|1[0-2])(-[0-9]{2})?)?")


def _one_of(parsed: list) -> str:
    """The EDTF set of the claimed dates. A set may list plain days, months and years only: when a claim is
    a season, an interval or already a set, the set is the range of days that holds every claim."""
    if any(p.start is None for p in parsed):
        return f"../{max(p.end for p in parsed).isoformat()}"
    members = sorted({p.text.rstrip("?~%") for p in parsed}, key=lambda t: (edtf_dates.parse(t).earliest, t))
    if all(_PLAIN.fullmatch(m) for m in members):
        return "[" + ",".join(members) + "]"
    return f"[{min(p.earliest for p in parsed).isoformat()}..{max(p.end for p in parsed).isoformat()}]"


def _fullest(claims: list) -> Resolved:
    values = _distinct(claims)
    best = max(values, key=lambda v: (len(v.split()), len(v), v))
    return Resolved(best, len(values) > 1)


def _union(claims: list) -> Resolved:
    merged = []
    for claim in claims:
        merged += [item for item in claim.value if item not in merged]
    return Resolved(merged, False)


def _latest(claims: list) -> Resolved:
    newest = max(claims, key=lambda c: (c.recency, str(c.value)))
    return Resolved(newest.value, False)


def _fullest_text(claims: list) -> Resolved:
    best = max(claims, key=lambda c: (len(str(c.value)), c.recency, str(c.value)))
    return Resolved(best.value, False)


def _majority(claims: list) -> Resolved:
    votes = Counter(str(c.value) for c in claims)
    newest: dict = {}
    for claim in claims:
        newest[str(claim.value)] = max(newest.get(str(claim.value), claim.recency), claim.recency)
    best = max(votes, key=lambda v: (votes[v], newest[v], v))
    return Resolved(next(c.value for c in claims if str(c.value) == best), len(votes) > 1)


RULES = {"date": _dates, "fullest": _fullest, "union": _union, "fullest-text": _fullest_text, "latest": _latest,
         "majority": _majority}


# How each rule reads in the data dictionary.
RULE_LABELS = {"date": "the most precise of compatible dates, else one of them", "fullest": "the fullest name",
               "union": "every item any source gives", "fullest-text": "the longest text",
               "latest": "the most recent source's", "majority": "the majority, then the most recent source"}


def rule_of(spec: dict) -> str:
    """The rule of a column, from its resolved spec."""
    if "x-resolve" in spec:
        return spec["x-resolve"]
    if spec.get("x-edtf"):
        return "date"
    if spec.get("x-delimiter"):
        return "union"
    return "fullest-text" if spec.get("x-multiline") else "majority"


def resolve(spec: dict, claims: list) -> Resolved:
    """The published value of a field from its claims (at least one)."""
    first = claims[0].value
    if all(c.value == first for c in claims):  # one source, or sources that agree: most fields of most records
        return Resolved(first, False)
    return RULES[rule_of(spec)](claims)
