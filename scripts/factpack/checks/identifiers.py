"""Ids and references: unique ids, references that resolve to the right kind of record,
one participant per entity, fact files named after their source."""

from collections import Counter

from factpack.context import reference_fields
from factpack.records import participant_who
from factpack.checks.contract import Check, Stage
from factpack.rule_codes import Code
from factpack.suggest import HINTS_PER_FILE, did_you_mean


def _duplicates_in_file(context):
    for fact in context.files:
        seen: dict = {}
        for record in fact.records:
            if not record.id or record.table == "sources":
                continue
            key = (record.table, record.id)
            if key in seen:
                first = seen[key]
                line = fact.loaded.where(first.path + ("id",))[0]
                yield record.finding(Code.DUPLICATE_ID, f"id '{record.id}' is already used on line {line} of this file",
                                     "id", "give each record its own id")
            else:
                seen[key] = record


def _one_kind_per_id(context):
    for record_id, tables in context.ids.items():
        if len(tables) < 2:
            continue
        # the kind already in use keeps the id: a kind only the contributor's files define is the newcomer
        kinds = sorted(tables, key=lambda kind: (any(r.file.name in context.focus for r in tables[kind]), kind))
        first = tables[kinds[0]][0]
        where = f"{first.file.name}:{first.file.loaded.where(first.path + ('id',))[0]}"
        for kind in kinds[1:]:
            for record in tables[kind]:
                yield record.finding(
                    Code.DUPLICATE_ID, f"id '{record_id}' is also used for {kinds[0]} ({where})",
                    "id", "use a different id for different things", related=(where,) if first.file is not record.file else ())


def _resolve(context, record, key, target, hinted: Counter):
    value = record.get(key)
    if not isinstance(value, str):
        return
    tables = context.kinds(value)
    if target in tables:
        return
    if tables:
        other = sorted(tables)[0]
        yield record.finding(
            Code.WRONG_KIND_OF_REFERENCE, f"'{key}' is '{value}', which is one of the {other}, not the {target}", key
        )
        return
    hint = f"define it under '{target}' in a fact file"
    if hinted[record.file.name] < HINTS_PER_FILE:  # each hint compares with every id: bound the work per file
        hinted[record.file.name] += 1
        hint = did_you_mean(value, context.ids_of(target)) or hint
    else:
        hint += f" (suggestions are given for the first {HINTS_PER_FILE} unknown references of a file)"
    yield record.finding(Code.UNKNOWN_REFERENCE, f"'{key}' refers to '{value}', which is not defined in any fact file", key, hint)


def _references(context):
    hinted: Counter = Counter()
    for table, key, target in reference_fields():
        for record in context.records(table):
            yield from _resolve(context, record, key, target, hinted)


def _identity_problem(participant) -> str:
    named = [k for k in ("actor", "organization") if participant.get(k) is not None]
    if len(named) == 2:
        return "both 'actor' and 'organization'"
    if named == ["actor"] and participant.get("description") is not None:
        return "an 'actor' and a 'description' (a description is for people the source does not name)"
    if not named and participant.get("description") is None:
        return "no 'actor', 'organization' or 'description'"
    return ""


def _participants(context):
    for event in context.records("events"):
        seen = set()
        for participant in event.children("participants"):
            if participant.broken:
                continue
            problem = _identity_problem(participant)
            if problem:
                yield participant.finding(Code.PARTICIPANT_NOT_IDENTIFIED_ONE_WAY, f"participant has {problem}", None,
                                          "give actor: <actor id>, or organization: <organization id>, or describe "
                                          "people the source does not name with description: (and organization: "
                                          "if it says whom they act for)")
                continue
            key = (participant_who(participant.values), participant.get("role"))
            if key in seen:
                shown = participant.get("actor") or participant.get("organization") or participant.get("description")
                yield participant.finding(Code.LISTED_TWICE, f"'{shown}' is listed twice as {key[1]} of this event")
            seen.add(key)


def _self_references(context):
    for event in context.records("events"):
        if event.id and event.get("responds_to") == event.id:
            yield event.finding(Code.REFERS_TO_ITSELF, "an event cannot respond to itself", "responds_to")
    parents = {r.id: r.get("parent") for r in context.records("organizations") if r.id}
    for record in context.records("organizations"):
        seen, current = {record.id}, record.get("parent")
        while current in parents and current not in seen:
            seen.add(current)
            current = parents[current]
        if current in seen and record.get("parent") is not None:
            yield record.finding(
                Code.REFERS_TO_ITSELF, f"'{record.id}' is its own parent through '{record.get('parent')}'", "parent"
            )


def _file_names(context):
    for fact in context.files:
        source = fact.source
        if source and not source.broken and source.id and source.id != fact.stem:
            yield source.finding(
                Code.FILE_NAME_MISMATCH,
                f"source id '{source.id}' does not match the file name '{fact.path.name}'",
                "id",
                f"rename the file to {source.id}.yaml, or set id: {fact.stem}",
            )


def check(context):
    for family in (_duplicates_in_file, _one_kind_per_id, _references, _participants,
                   _self_references, _file_names):
        yield from family(context)


CHECK = Check("identifiers", Stage.DATASET,
              frozenset({Code.DUPLICATE_ID, Code.UNKNOWN_REFERENCE, Code.PARTICIPANT_NOT_IDENTIFIED_ONE_WAY,
                         Code.FILE_NAME_MISMATCH, Code.LISTED_TWICE, Code.REFERS_TO_ITSELF,
                         Code.WRONG_KIND_OF_REFERENCE}),
              check)
