"""The checks that need one fact file (and its archived article) only: strict YAML, the
fact-file schema, text, evidence.

Their result is plain data (no objects), so it can be cached by content and computed
in worker processes; `pipeline` turns it back into a FactFile with records.
"""

import hashlib
from pathlib import Path

from factpack import file_rows, mentions, model, outputs
from factpack.checks import registry
from factpack.checks.contract import Archive, Stage
from factpack.findings import Finding, has_errors
from factpack.records import FactFile, collect_records, mark_broken
from factpack.rule_codes import Code
from factpack.safe_paths import RefusedPath, read_inside
from factpack.yaml_strict import MAX_BYTES, Loaded, StrictYamlError, load_bytes

# An archived article is one article's plain text; anything near this size is not one.
ARCHIVE_MAX_BYTES = 16 * 1024 * 1024

NOT_A_MAPPING = (Code.NOT_A_MAPPING, "the file is not a YAML mapping of source, actors, events …")


def run(raw: bytes, name: str, archive_name: str = "", archive: bytes | RefusedPath | None = None,
        with_rows: bool = True) -> dict:
    """{loaded: (data, values, keys) or None, findings: [tuples], broken: [paths], archive_sha256}
    for one fact file's bytes and its archive's (None when there is no archive, RefusedPath when
    it may not be read)."""
    digest = hashlib.sha256(archive).hexdigest() if isinstance(archive, bytes) else None
    try:
        loaded = load_bytes(raw)
    except StrictYamlError as error:
        return _unread(Finding(file=name, **error.finding_args), digest)
    if not isinstance(loaded.data, dict):
        return _unread(Finding(NOT_A_MAPPING[0], NOT_A_MAPPING[1], name, 1, 1,
                               hint="start from the skeleton that `factpack new` writes"), digest)
    fact = FactFile(path=Path(name), name=name, loaded=loaded)
    findings = registry.run(Stage.DOCUMENT, fact)
    fact.records = collect_records(fact)
    mark_broken(fact)
    findings += registry.run(Stage.FILE, fact, Archive(archive_name, archive))
    return {"loaded": (loaded.data, loaded.values, loaded.keys), "findings": [_as_tuple(f) for f in findings],
            "broken": sorted(fact.broken_paths, key=repr), "archive_sha256": digest, "mentions": mentions.of(fact),
            # rows: None when the file has errors, False when valid but not rendered (validation needs none)
            "rows": None if has_errors(findings) else _rendered_rows(fact) if with_rows else False}


def _rendered_rows(fact) -> dict:
    """table → (CSV bytes, JSON rows as bytes, count) of the rows this file alone decides (file_rows)."""
    return {name: (outputs.csv_rows(model.table(name), rows).encode("utf-8"), outputs.json_rows(rows).encode("utf-8"),
                   len(rows))
            for name, rows in file_rows.build(fact).items()}


def _unread(finding: Finding, digest) -> dict:
    return {**nothing_read(), "findings": [_as_tuple(finding)], "archive_sha256": digest}


def nothing_read() -> dict:
    """The result of a file that gave no records, without findings (for a version of it that is gone)."""
    return {"loaded": None, "findings": [], "broken": [], "archive_sha256": None, "rows": None,
            "mentions": mentions.NOTHING}


def read_archive(root: Path, archive_name: str) -> bytes | RefusedPath | None:
    """The archived article's bytes, None if there is none, or why it may not be read."""
    data, refused = read_inside(root, archive_name, ARCHIVE_MAX_BYTES)
    return refused or data


def read_fact_file(root: Path, name: str) -> bytes | RefusedPath:
    """A fact file's bytes, or why it may not be read. `name` is relative to the dataset, or absolute for
    a file named on the command line outside it (its folders are the user's own choice)."""
    if Path(name).is_absolute():
        data, refused = read_inside(Path(name).parent, Path(name).name, MAX_BYTES)
    else:
        data, refused = read_inside(root, name, MAX_BYTES)
    if data is None and refused is None:
        raise FileNotFoundError(root / name)  # listed a moment ago: removed while factpack runs
    return refused or data or b""


def refused_result(name: str, refused: RefusedPath) -> dict:
    """The result of a fact file that may not be read: too large, or not a regular file."""
    if refused.oversize:
        finding = Finding(Code.FILE_TOO_LARGE, f"file {refused.reason.split(' ', 1)[1]}", name, 1, 1,
                          hint="split the article's facts or remove pasted material")
    else:
        finding = Finding(Code.NOT_A_REGULAR_FILE, f"{refused.reason}: a fact file must be a regular file", name, 0, 0,
                          hint="replace it with the file itself (git rm the link, device or folder if it is committed)")
    return _unread(finding, None)


def run_path(args) -> dict:
    root, name, archive_name, with_rows = args
    raw = read_fact_file(Path(root), name)
    if isinstance(raw, RefusedPath):
        return refused_result(name, raw)
    return run(raw, name, archive_name, read_archive(Path(root), archive_name), with_rows)


def _as_tuple(finding: Finding) -> tuple:
    return (finding.code, finding.message, finding.file, finding.line, finding.column, finding.path,
            finding.hint, finding.severity)


def as_fields(finding: Finding) -> tuple:
    """Every field of a finding, `related` included, as plain values (Finding(*fields) makes it again)."""
    return _as_tuple(finding) + (finding.related,)


def findings_of(result: dict) -> list:
    return [Finding(*fields) for fields in result["findings"]]


# Positions kept in memory for every file: the source (where the per-file warning FP902 points) and
# every id and name, where most cross-file findings point (a duplicate, a look-alike, a reference).
KEPT_POSITIONS = (("source",),)
KEPT_KEYS = frozenset({"id", "name"})


def _kept(table: dict) -> dict:
    return {path: at for path, at in table.items() if path and (path[-1] in KEPT_KEYS or path in KEPT_POSITIONS)}


def split_positions(result: dict) -> tuple:
    """(the result with only the kept positions, (values, keys) with every position).

    The rest is reloaded if a finding needs it (Loaded.reload): at 200,000 articles the
    positions of every node would not fit the memory budget. Reloading them for each file with
    a warning on an id was a seventh of a warm validation at 20,000 articles."""
    if result["loaded"] is None:
        return result, ({}, {})
    data, values, keys = result["loaded"]
    return {**result, "loaded": (data, _kept(values or {}), _kept(keys or {}))}, (values or {}, keys or {})


def loaded_of(result: dict):
    if result["loaded"] is None:
        return None
    data, values, keys = result["loaded"]
    return Loaded(data=data, values=values or {}, keys=keys or {})
