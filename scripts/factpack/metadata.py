"""The dataset's own description (datasets/package.json): name, title, version, licences, contributors.

Hand-written by the maintainers; read strictly (duplicate keys refused) and
copied into datapackage.json by the build.
"""

import json

from factpack.errors import UsageError

REQUIRED = ("name", "title", "description", "version", "licenses")
ALLOWED = REQUIRED + ("homepage", "keywords", "contributors", "citation")


def _no_duplicates(pairs):
    keys = [k for k, _ in pairs]
    duplicated = sorted({k for k in keys if keys.count(k) > 1})
    if duplicated:
        raise ValueError(f"duplicate key(s): {', '.join(duplicated)}")
    return dict(pairs)


def read(layout) -> dict:
    path = layout.metadata
    where = layout.relative(path)
    if not path.is_file():
        raise UsageError(f"{where} is missing", "copy it from the factpack repository and edit name, title and version")
    try:
        data = json.loads(path.read_text(encoding="utf-8"), object_pairs_hook=_no_duplicates)
    except (ValueError, UnicodeDecodeError) as error:
        raise UsageError(f"{where} is not valid JSON: {error}", "fix the file; it is plain JSON") from None
    missing = [k for k in REQUIRED if k not in data]
    unknown = sorted(set(data) - set(ALLOWED))
    if missing or unknown:
        raise UsageError(f"{where}: missing {missing or 'nothing'}, unknown {unknown or 'nothing'}",
                         f"allowed keys: {', '.join(ALLOWED)}")
    return data
