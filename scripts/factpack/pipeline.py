"""The build as a pipeline: load → check each file → check across files → merge → rows → files.

Every stage reports findings; rows and files are produced only when there is no error.
"""

import datetime
import hashlib
from dataclasses import dataclass, field

from factpack import metadata, outputs, tables
from factpack.checks import codes, corroboration, dates, evidence, identifiers, schema, similar_names, text
from factpack.context import Context
from factpack.findings import Finding, has_errors, sort_findings
from factpack.merge import merge
from factpack.records import FactFile, collect_records
from factpack.yaml_strict import load_file

CROSS_FILE_CHECKS = (identifiers, dates, codes, evidence)


@dataclass
class Result:
    findings: list = field(default_factory=list)
    files: dict | None = None  # relative path → bytes, when the data is valid
    rows: dict | None = None


def _mark_broken(fact: FactFile):
    by_path = {r.path: r for r in fact.records}
    for broken in fact.broken_paths:
        for length in range(len(broken), 0, -1):
            record = by_path.get(broken[:length])
            if record:
                record.broken = True
                break


def read_fact_file(layout, path) -> tuple:
    fact = FactFile(path=path, name=layout.relative(path))
    fact.loaded, problem = load_file(path, fact.name)
    if problem:
        return fact, [problem]
    if not isinstance(fact.loaded.data, dict):
        fact.loaded = None
        return fact, [Finding("FP109", "the file is not a YAML mapping of source, actors, events …",
                              fact.name, 1, 1, hint="start from the skeleton that `factpack new` writes")]
    findings = list(schema.check_file(fact)) + list(text.check_file(fact))
    fact.records = collect_records(fact)
    _mark_broken(fact)
    return fact, findings


def check(layout, paths, today=None):
    """(findings, context, entities) for the given fact files."""
    findings, files = [], []
    for path in paths:
        fact, found = read_fact_file(layout, path)
        files.append(fact)
        findings += found
    context = Context(layout, files, **({"today": today} if today else {}))
    for family in CROSS_FILE_CHECKS:
        findings += family.check(context)
    entities, merge_findings = merge(context)
    findings += merge_findings
    if not has_errors(findings):
        findings += similar_names.check(entities)
        findings += corroboration.check(entities)
    return sort_findings(findings), context, entities


def _archive_digests(layout, entities) -> dict:
    return {sid: hashlib.sha256(layout.archive_for(sid).read_bytes()).hexdigest() for sid in entities["sources"]}


def run(layout, today: datetime.date | None = None) -> Result:
    """Check every fact file and, if all is valid, render every output file in memory."""
    package_metadata = metadata.read(layout)
    findings, _, entities = check(layout, layout.fact_files(), today)
    result = Result(findings=findings)
    if has_errors(findings):
        return result
    result.rows = tables.build_rows(entities, _archive_digests(layout, entities))
    result.files = outputs.render_all(package_metadata, result.rows)
    return result
