"""The event_counts table: how many events per month (or year), type and country, from the events' rows.

An event is counted in the one month its possible dates fall in, or else in the one year; an event the
sources date more loosely is left out rather than put in a month it may not belong to.
"""


FIELDS = ("date_start", "date_end", "type", "country")  # what an event's count reads of its row


def period(event: dict) -> str | None:
    start, end = event["date_start"], event["date_end"]
    if not start:
        return None
    if start[:7] == end[:7]:
        return start[:7]
    return start[:4] if start[:4] == end[:4] else None


def build(events: list) -> list:
    counts: dict = {}
    for event in events:
        when = period(event)
        if when:
            key = (when, event["type"], event["country"])
            counts[key] = counts.get(key, 0) + 1
    rows = [{"count_id": f"{when}/{kind}/{country or 'unknown'}", "period": when, "type": kind, "country": country,
             "events": number} for (when, kind, country), number in counts.items()]
    return sorted(rows, key=lambda row: row["count_id"])
