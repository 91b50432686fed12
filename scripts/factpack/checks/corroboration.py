"""Warnings about how well records are supported: one source, no participants, dated after publication."""

from factpack import edtf_dates, model
from factpack.checks.contract import Check, Stage
from factpack.rule_codes import Code


def _published_end(record):
    source = record.file.source
    try:
        return edtf_dates.parse(source.get("published")).end
    except (ValueError, TypeError, AttributeError):
        return None


def _single_source(context, entities):
    """One warning per fact file, listing the records that rest on it alone."""
    alone: dict = {}
    for table in (t.name for t in model.record_tables() if not t.fact_file.get("single")):
        for entity in entities[table].values():
            first, count = context.sources_of(entity)
            if count == 1 and first is not None:
                alone.setdefault(first, []).append(entity.id)
    for fact, ids in alone.items():
        shown = ", ".join(ids[:5]) + (f" and {len(ids) - 5} more" if len(ids) > 5 else "")
        yield fact.finding(Code.SINGLE_SOURCE, f"{len(ids)} record(s) rest on this source alone: {shown}",
                           ("source", "id"), "corroborate them from another article when you can")


def check(context, entities):
    yield from _single_source(context, entities)
    for event in entities["events"].values():
        if not any(origin.children("participants") for origin in event.origins):
            yield event.origins[0].finding(Code.NO_PARTICIPANTS, f"event '{event.id}' has no participants", "id",
                                           "add participants: with actor: or organization: and a role")
        for origin in event.origins:
            published = _published_end(origin)
            try:
                start = edtf_dates.parse(origin.get("date")).earliest
            except (ValueError, TypeError):
                continue
            if published and start > published:
                yield origin.finding(
                    Code.DATED_AFTER_PUBLICATION,
                    f"'{event.id}' is dated {origin.get('date')}, after the source was "
                    f"published ({origin.file.source.get('published')})",
                    "date",
                    "check the year",
                )


CHECK = Check("corroboration", Stage.MERGED,
              frozenset({Code.SINGLE_SOURCE, Code.NO_PARTICIPANTS, Code.DATED_AFTER_PUBLICATION}),
              check)
