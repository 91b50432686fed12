"""The dataset's own description (datasets/package.json): name, title, version, licences, contributors.

Hand-written by the maintainers, but a pull request can change it like any other file,
and its values reach datapackage.json and the site's pages. So it is read as strictly as
a fact file (a regular file, duplicate keys refused) and checked against
schema/package.schema.json with formats on; each problem is a finding.
"""

import json
from functools import lru_cache
from typing import TYPE_CHECKING

from factpack.errors import UsageError
from factpack.findings import Finding, format_path
from factpack.layout import schema_dir
from factpack.rule_codes import Code
from factpack.safe_paths import read_inside

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator

SCHEMA_NAME = "package.schema.json"
MAX_BYTES = 1024 * 1024
CODE = Code.DATASET_DESCRIPTION_INVALID


@lru_cache(maxsize=1)
def validator() -> "Draft202012Validator":
    from jsonschema import Draft202012Validator, FormatChecker  # imported here: a validation does not read it

    schema = json.loads((schema_dir() / SCHEMA_NAME).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FormatChecker())


def _no_duplicates(pairs):
    keys = [k for k, _ in pairs]
    duplicated = sorted({k for k in keys if keys.count(k) > 1})
    if duplicated:
        raise ValueError(f"duplicate key(s): {', '.join(duplicated)}")
    return dict(pairs)


def _finding(where: str, message: str, path="", hint="") -> Finding:
    return Finding(CODE, message, where, 0, 0, path, hint)


def _schema_findings(where: str, data) -> list:
    found = []
    for error in sorted(validator().iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path]):
        what = error.schema.get("description", "") if isinstance(error.schema, dict) else ""
        found.append(_finding(where, error.message if len(error.message) < 300 else error.message[:297] + "...",
                              format_path(error.absolute_path), what or f"see schema/{SCHEMA_NAME}"))
    return found


def read(layout) -> tuple:
    """(the description, findings); the description is usable only when there are no findings."""
    path = layout.metadata
    where = layout.relative(path)
    raw, refused = read_inside(layout.root, where, MAX_BYTES)
    if refused:
        return {}, [_finding(where, f"{refused.reason}; it was not read", hint="make it an ordinary JSON file")]
    if raw is None:
        raise UsageError(f"{where} is missing", "copy it from the factpack repository and edit name, title and version")
    try:
        data = json.loads(raw.decode("utf-8"), object_pairs_hook=_no_duplicates)
    except (ValueError, UnicodeDecodeError) as error:
        return {}, [_finding(where, f"not valid JSON: {error}", hint="fix the file; it is plain UTF-8 JSON")]
    return data, _schema_findings(where, data)
