"""The data browser: a timeline with a chart, and a page per actor, organization and source."""

from factpack.site import events_browser
from factpack.site.claims import claims_table, disputed_note
from factpack.site.markdown import anchor, html_table, link, plain, text
from factpack.site.pages import Page

PRECISION_MARK = {"day": "", "month": " (month)", "season": " (season)", "year": " (year)", "decade": " (decade)"}


def entity_link(ds, row, prefix="../") -> str:
    if row.get("actor_id"):
        return anchor(plain(ds.by_id("actors")[row["actor_id"]]["name"]), f"{prefix}actors/{row['actor_id']}.md")
    org = row.get("organization_id")
    link = anchor(plain(ds.by_id("organizations")[org]["name"]), f"{prefix}organizations/{org}.md") if org else ""
    if not row.get("description"):
        return link
    counted = f" ({plain(row['count'])})" if row.get("count") else ""
    return plain(row["description"]) + counted + (f" of {link}" if link else "")


def _source_links(ds, table_name, record_id, prefix="../") -> str:
    return ", ".join(anchor(plain(ds.by_id("sources")[s]["publisher"]), f"{prefix}sources/{s}.md")
                     for s in ds.sources_of(table_name, record_id))


def _first_day(event) -> str:
    """The day an event is filed under: its earliest day, or its end when only the end is known."""
    return event["date_start"] or event["date_end"]


def _date(event) -> str:
    certainty = "" if event["date_certainty"] == "exact" else f" ({event['date_certainty']})"
    kind = {"period": " (period)", "one-of": " (one of)"}.get(event["date_type"], "")
    return f"{plain(event['date'])}{kind}{PRECISION_MARK.get(event['date_precision'], '')}{certainty}"


def event_rows(ds, events, prefix="../"):
    for event in sorted(events, key=lambda e: (_first_day(e), e["event_id"])):
        people = "<br>".join(f"{entity_link(ds, p, prefix)} ({p['role']})" for p in ds.participants_of.get(event["event_id"], []))
        summary = "<br>".join(filter(None, [plain(event["summary"]), disputed_note(ds, "events", event, prefix)]))
        yield [_date(event), plain(event["type"]), summary, people, _source_links(ds, "events", event["event_id"], prefix)]


def chart(event_counts) -> str:
    """Events per year, from the event_counts table, as an inline SVG bar chart: no script, no external asset."""
    counts: dict = {}
    for row in event_counts:
        year = row["period"][:4]
        counts[year] = counts.get(year, 0) + row["events"]
    if not counts:
        return ""
    years = [str(y) for y in range(int(min(counts)), int(max(counts)) + 1)]
    top, width = max(counts.values()), 48
    base, tallest = 145, 120  # the bars' baseline, and room above the tallest for its count (labels are not cut off)
    bars = []
    for i, year in enumerate(years):
        height = tallest * counts.get(year, 0) / top
        x = 10 + i * width
        bars.append(f'<rect x="{x}" y="{base - height:.1f}" width="{width - 8}" height="{height:.1f}" fill="#3f51b5">'
                    f'<title>{year}: {counts.get(year, 0)} events</title></rect>'
                    f'<text x="{x + (width - 8) / 2}" y="{base + 16}" font-size="11" text-anchor="middle">{year}</text>'
                    f'<text x="{x + (width - 8) / 2}" y="{base - height - 5:.1f}" font-size="11" text-anchor="middle">'
                    f'{counts.get(year, 0)}</text>')
    return (f'<svg role="img" aria-label="Events per year" width="{20 + len(years) * width}" height="{base + 24}" '
            f'viewBox="0 0 {20 + len(years) * width} {base + 24}" xmlns="http://www.w3.org/2000/svg">{"".join(bars)}</svg>\n')


EVENT_HEADERS = ["date", "type", "summary", "participants", "sources"]


def timeline(ds) -> list:
    """An overview with the chart and a page per year, so no page grows with the whole dataset."""
    by_year: dict = {}
    for event in ds.rows["events"]:
        by_year.setdefault(_first_day(event)[:4], []).append(event)
    years = sorted(by_year)
    body = ("Every event in the dataset, earliest first, one page per year (the year of the earliest day an "
            "event can fall on). A date marked (month), (season) or (year) is known only to that precision; "
            "(uncertain) or (approximate) dates are inferred.\n\nThe chart counts the events dated to within one year "
            "(the event_counts table); the table below lists every event.\n\n" + chart(ds.rows["event_counts"]) + "\n"
            + html_table(["year", "events"], [[anchor(y, f"timeline/{y}.md"), len(by_year[y])] for y in years]))
    pages = [Page("timeline.md", "Timeline of events", body)]
    for year in years:
        rows = event_rows(ds, by_year[year])
        pages.append(Page(f"timeline/{year}.md", f"Events of {year}", html_table(EVENT_HEADERS, rows)))
    return pages


def _names(ds, table_name, record_id) -> str:
    rows = ds.names_of.get((table_name, record_id), [])
    return (
        html_table(
            ["name", "kind", "language", "script"],
            [[plain(n["name"]), plain(n["kind"]), plain(n["lang"]), plain(n["script"])] for n in rows],
        )
        if rows
        else "None recorded.\n"
    )


def _events_with(ds, record_id):
    events = ds.events_of.get(record_id, []) + [e for e in ds.rows["events"] if e.get("place_id") == record_id]
    return list({e["event_id"]: e for e in events}.values())


def _affiliations(ds, key, record_id):
    rows = [a for a in ds.affiliations_of.get(record_id, []) if a[key] == record_id]
    other = "organization_id" if key == "actor_id" else "actor_id"
    return (
        html_table(["with", "role"], [[entity_link(ds, {other: a[other]}), plain(a["role"])] for a in rows])
        if rows
        else "None recorded.\n"
    )


def _entity_page(ds, table_name, key, row) -> Page:
    record_id = row[key]
    facts = [(label, text(row.get(field))) for label, field in
             (("Description", "description"), ("Kind", "kind"), ("Country", "country"), ("Birthplace", "birthplace"),
              ("GeoNames", "geonames"), ("Wikidata", "wikidata"))
             if row.get(field)]
    if row.get("latitude") and row.get("longitude"):
        facts.append(
            (
                "Coordinates",
                f"{text(row['latitude'])}, {text(row['longitude'])} "
                f"({text(row.get('coordinates_precision') or 'precision not given')})",
            )
        )
    if row.get("citizenship"):
        facts.append(("Citizenship", ", ".join(text(c) for c in row["citizenship"])))
    body = "".join(f"**{label}:** {value}\n\n" for label, value in facts)
    disputes = claims_table(ds, table_name, row)
    body += f"## What each source says\n\n{disputes}\n" if disputes else ""
    body += f"## Names\n\n{_names(ds, table_name, record_id)}\n## Affiliations\n\n{_affiliations(ds, key, record_id)}\n"
    events = _events_with(ds, record_id)
    body += "## Events\n\n" + (html_table(EVENT_HEADERS, event_rows(ds, events))
                               if events else "None recorded.\n")
    body += f"\n## Sources\n\n{_source_links(ds, table_name, record_id)}\n"
    return Page(f"{table_name}/{record_id}.md", row["name"], body)


def _source_page(ds, row) -> Page:
    source_id = row["source_id"]
    body = (f"**Publisher:** {text(row['publisher'])}\n\n**Published:** {text(row['published'])}\n\n"
            f"**Original:** {link(row.get('url') or 'no URL recorded', row.get('url'))}\n\n")
    if row.get("published_note"):
        body += f"**About the date:** {text(row['published_note'])}\n\n"
    quotes = ds.citations_from.get(source_id, [])
    body += "## Everything drawn from it\n\n" + html_table(
        ["record", "quote"], [[f"{plain(c['record_type'])}: {plain(c['record_id'])}", plain(c["quote"])] for c in quotes])
    return Page(f"sources/{source_id}.md", row["title"], body)


def _index(ds, table_name, key, title) -> Page:
    rows = sorted(ds.rows[table_name], key=lambda r: (r.get("name") or r.get("title") or "").casefold())
    label = "title" if table_name == "sources" else "name"
    return Page(f"{table_name}.md", title, html_table(
        [label, "sources" if table_name != "sources" else "publisher"],
        [[anchor(plain(r[label]), f"{table_name}/{r[key]}.md"),
          r.get("source_count", "") if table_name != "sources" else plain(r["publisher"])] for r in rows]))


def pages(ds) -> list:
    out = timeline(ds) + [
        _index(ds, "actors", "actor_id", "People"),
        _index(ds, "organizations", "organization_id", "Organizations"),
        _index(ds, "places", "place_id", "Places"),
        _index(ds, "sources", "source_id", "Sources"),
    ]
    for table_name in ("actors", "organizations", "places"):
        key = ds.key_of(table_name)
        out += [_entity_page(ds, table_name, key, r) for r in ds.rows[table_name]]
    out += [_source_page(ds, r) for r in ds.rows["sources"]]
    return out + [events_browser.page()]
