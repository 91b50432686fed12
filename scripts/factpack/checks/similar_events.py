"""Warnings for probable duplicate events: two ids from different articles, of the same type, with dates
that overlap and a participant in common, are probably one event reported by two articles.

As for names (similar_names), the warning goes to the newcomer's records and advises keeping the
established id. Events are compared only within one participant and type, in date order, so the
work grows with the number of overlapping pairs, not with the square of the dataset.
"""

from factpack import edtf_dates
from factpack.checks.similar_names import established, where
from factpack.checks.contract import Check, Stage
from factpack.rule_codes import Code


def _bounds(entity):
    try:
        date = edtf_dates.parse(entity.values.get("date"))
    except (TypeError, ValueError):
        return None
    return date.earliest, date.end


def _who(entity) -> set:
    return {r.get("actor") or r.get("organization") for origin in entity.origins
            for r in origin.children("participants") if r.get("actor") or r.get("organization")}


def _groups(events) -> dict:
    """(participant, type) → [(start, end, event)], sorted by start."""
    groups: dict = {}
    for event in events.values():
        bounds = _bounds(event)
        if bounds:
            for who in _who(event):
                groups.setdefault((who, event.values.get("type")), []).append((*bounds, event.id, event))
    return {key: sorted(items, key=lambda item: item[:3]) for key, items in groups.items()}


def _overlapping(items):
    """Pairs of events whose date ranges overlap, by a sweep in start order."""
    active: list = []
    for start, end, _, event in items:
        active = [(e, other) for e, other in active if e >= start]
        yield from ((other, event) for _, other in active)
        active.append((end, event))


def _apart(a, b) -> bool:
    """Reported by different articles only: two events one article lists are two events to its contributor."""
    return not {o.file.name for o in a.origins} & {o.file.name for o in b.origins}


def check(context, entities):
    pairs: set = set()
    for items in _groups(entities["events"]).values():
        pairs.update((a.id, b.id) if a.id < b.id else (b.id, a.id) for a, b in _overlapping(items) if _apart(a, b))
    events = entities["events"]
    for a_id, b_id in sorted(pairs):
        kept, newcomer = established(events[a_id], events[b_id], context.focus)
        for origin in newcomer.origins:
            yield origin.finding(
                Code.SIMILAR_EVENTS, f"event '{newcomer.id}' looks like '{kept.id}', defined in {where(kept)}: the same type, "
                f"overlapping dates and a participant in common", "id",
                f"if it is the same event, keep the existing id: write id: {kept.id} here and give this article's "
                "account of it; if not, ignore this warning", related=(where(kept),))


CHECK = Check("similar_events", Stage.MERGED, frozenset({Code.SIMILAR_EVENTS}), check)
