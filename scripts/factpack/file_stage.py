"""The checks that need one fact file only: strict YAML, the fact-file schema, text.

Their result is plain data (no objects), so it can be cached by content and computed
in worker processes; `pipeline` turns it back into a FactFile with records.
"""

from pathlib import Path

from factpack.checks import schema, text
from factpack.findings import Finding
from factpack.records import FactFile
from factpack.yaml_strict import Loaded, StrictYamlError, load_bytes

NOT_A_MAPPING = ("FP109", "the file is not a YAML mapping of source, actors, events …")


def run(raw: bytes, name: str) -> dict:
    """{loaded: (data, values, keys) or None, findings: [tuples], broken: [paths]} for one file's bytes."""
    try:
        loaded = load_bytes(raw)
    except StrictYamlError as error:
        return {"loaded": None, "findings": [_as_tuple(Finding(file=name, **error.finding_args))], "broken": []}
    if not isinstance(loaded.data, dict):
        finding = Finding(NOT_A_MAPPING[0], NOT_A_MAPPING[1], name, 1, 1,
                          hint="start from the skeleton that `factpack new` writes")
        return {"loaded": None, "findings": [_as_tuple(finding)], "broken": []}
    fact = FactFile(path=Path(name), name=name, loaded=loaded)
    findings = list(schema.check_file(fact)) + list(text.check_file(fact))
    return {"loaded": (loaded.data, loaded.values, loaded.keys),
            "findings": [_as_tuple(f) for f in findings], "broken": sorted(fact.broken_paths, key=repr)}


def run_path(args) -> dict:
    path, name = args
    return run(Path(path).read_bytes(), name)


def _as_tuple(finding: Finding) -> tuple:
    return (finding.code, finding.message, finding.file, finding.line, finding.column, finding.path,
            finding.hint, finding.severity)


def findings_of(result: dict) -> list:
    return [Finding(*fields) for fields in result["findings"]]


# Positions kept in memory for every file: where the per-file warning FP902 points.
KEPT_POSITIONS = (("source",), ("source", "id"))


def without_positions(result: dict) -> dict:
    """The result with only KEPT_POSITIONS; the rest is reloaded if a finding needs it."""
    if result["loaded"] is None:
        return result
    data, values, keys = result["loaded"]
    kept = lambda table: {p: table[p] for p in KEPT_POSITIONS if p in table}  # noqa: E731
    return {**result, "loaded": (data, kept(values or {}), kept(keys or {}))}


def loaded_of(result: dict):
    if result["loaded"] is None:
        return None
    data, values, keys = result["loaded"]
    return Loaded(data=data, values=values, keys=keys)
