"""A downloaded package's descriptor, before any of its data is read: which files it may read, and
whether factpack's own checks model everything it declares.

`factpack validate datapackage.json` must give stock frictionless's verdict. Its fast route
(package_screen, then package_check's exact pass) models the subset of Table Schema that
factpack publishes: a package inside that subset is checked there; anything outside it (another
type, constraint or dialect, `missingValues`, a pattern RE2 and Python may read differently, a
path DuckDB would glob) is checked by frictionless itself (package_stock).
"""

import copy
import re
from pathlib import Path
from urllib.parse import urlsplit

from factpack.portable_pattern import is_portable
from factpack.safe_paths import refusal

_RESOURCE_KEYS = {"name", "type", "path", "title", "description", "format", "mediatype", "encoding", "bytes", "hash",
                  "dialect", "schema", "profile", "licenses", "sources"}
_SCHEMA_KEYS = {"fields", "primaryKey", "foreignKeys", "missingValues"}
_FIELD_KEYS = {"name", "type", "title", "description", "example", "constraints", "format", "delimiter", "itemType"}
_CONSTRAINTS = {"string": {"required", "pattern", "enum", "minLength", "maxLength"},
                "integer": {"required", "minimum"}, "date": {"required"}, "list": set()}
# A path the fast route reads as one plain file: no glob characters, variables or home folders.
_PLAIN_PATH = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]*(/[A-Za-z0-9_][A-Za-z0-9_.-]*)*")
_NAME = re.compile(r"[a-z0-9._-]+")


def _as_list(value):
    return [value] if isinstance(value, str) else value


def normalise(descriptor: dict) -> dict:
    """String-form keys as lists, as frictionless reads them (`"primaryKey": "id"` is `["id"]`)."""
    descriptor = copy.deepcopy(descriptor)
    for resource in descriptor.get("resources", []) if isinstance(descriptor.get("resources"), list) else []:
        schema = resource.get("schema") if isinstance(resource, dict) else None
        if not isinstance(schema, dict):
            continue
        if "primaryKey" in schema:
            schema["primaryKey"] = _as_list(schema["primaryKey"])
        for fk in schema.get("foreignKeys", []) if isinstance(schema.get("foreignKeys"), list) else []:
            if isinstance(fk, dict):
                fk["fields"] = _as_list(fk.get("fields"))
                if isinstance(fk.get("reference"), dict):
                    fk["reference"]["fields"] = _as_list(fk["reference"].get("fields"))
    return descriptor


def _is_remote(path: str) -> bool:
    parts = urlsplit(path)
    return bool(parts.scheme and parts.netloc) or "://" in path


def _is_frictionless_safe(path: str) -> bool:
    """frictionless's own rule: it refuses these without reading (and reports "path is not safe")."""
    return not (Path(path).is_absolute() or "../" in path or path.startswith("~") or "$" in path
                or re.match(r"%.+%", path) or urlsplit(path).scheme == "file")


def _local_paths(resource: dict) -> list:
    paths = resource.get("path")
    paths = [paths] if isinstance(paths, str) else paths if isinstance(paths, list) else []
    paths += [resource[k] for k in ("schema", "dialect") if isinstance(resource.get(k), str)]
    return [p for p in paths if isinstance(p, str)]


def refusals(descriptor: dict, root: Path) -> list:
    """(resource name, why) for each file the package names that factpack will not read: a remote URL, or a
    link, device, FIFO or folder where a file should be. Paths frictionless itself calls unsafe are left to it."""
    refused = []
    for resource in descriptor.get("resources", []) if isinstance(descriptor.get("resources"), list) else []:
        if not isinstance(resource, dict):
            continue
        for path in _local_paths(resource):
            if _is_remote(path):
                refused.append((resource.get("name"), f'"{path}" is a remote URL: factpack checks local files only; '
                                                      "download the file into the package folder first"))
            elif _is_frictionless_safe(path):
                reason = refusal(root, path)
                if reason:
                    refused.append((resource.get("name"), f"{reason}: factpack reads only regular files inside the package"))
    return refused


def _field_reasons(field) -> list:
    if not isinstance(field, dict) or not isinstance(field.get("name"), str) or not set(field) <= _FIELD_KEYS:
        return ["a field with keys the fast route does not model"]
    kind = field.get("type", "string")
    constraints = field.get("constraints", {})
    if kind not in _CONSTRAINTS or field.get("format", "default") != "default" or not isinstance(constraints, dict):
        return [f"field {field['name']}: type or format"]
    if kind == "list" and (field.get("delimiter", ",") != ";" or field.get("itemType", "string") != "string"):
        return [f"field {field['name']}: list"]
    reasons = [f"field {field['name']}: constraint {c}" for c in sorted(set(constraints) - _CONSTRAINTS[kind])]
    return reasons + _constraint_value_reasons(field["name"], constraints)


def _constraint_value_reasons(name: str, c: dict) -> list:
    def whole(value):
        return isinstance(value, int) and not isinstance(value, bool) and abs(value) < 2 ** 62
    checks = {"required": lambda v: isinstance(v, bool), "pattern": is_portable,
              "enum": lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v),
              "minLength": lambda v: whole(v) and v >= 0, "maxLength": lambda v: whole(v) and v >= 0, "minimum": whole}
    return [f"field {name}: constraint {key} = {value!r}" for key, value in c.items() if key in checks and not checks[key](value)]


def _names(value, known: set) -> bool:
    return isinstance(value, list) and value != [] and all(isinstance(n, str) and n in known for n in value)


def _key_reasons(schema: dict, names: dict, own_name: str) -> list:
    own = {f["name"] for f in schema["fields"]}
    reasons = [] if "primaryKey" not in schema or _names(schema["primaryKey"], own) else ["primary key"]
    foreign = schema.get("foreignKeys", [])
    for fk in foreign if isinstance(foreign, list) else [None]:
        reference = fk.get("reference") if isinstance(fk, dict) else None
        target = reference.get("resource", "") if isinstance(reference, dict) else None
        target_fields = names.get(target or own_name) if isinstance(target, str) else None
        if (
            target_fields is None
            or not isinstance(fk, dict)
            or not isinstance(reference, dict)
            or not _names(fk.get("fields"), own)
            or not _names(reference.get("fields"), target_fields)
            or len(fk["fields"]) != len(reference["fields"])
            or set(fk) != {"fields", "reference"}
        ):
            reasons.append("foreign key")
    return reasons


def _resource_reasons(resource, names: dict) -> list:
    if not isinstance(resource, dict) or not set(resource) <= _RESOURCE_KEYS:
        return ["a resource with keys the fast route does not model"]
    path, schema = resource.get("path"), resource.get("schema")
    if not (isinstance(path, str) and _PLAIN_PATH.fullmatch(path) and ".." not in path.split("/")):
        return [f"{resource.get('name')}: path"]
    if not isinstance(schema, dict) or not set(schema) <= _SCHEMA_KEYS or schema.get("missingValues", [""]) != [""]:
        return [f"{resource.get('name')}: schema"]
    fields = schema.get("fields")
    if not isinstance(fields, list) or not fields:
        return [f"{resource.get('name')}: fields"]
    reasons = [r for f in fields for r in _field_reasons(f)]
    if reasons:
        return reasons
    if len({f["name"] for f in fields}) != len(fields):
        return [f"{resource.get('name')}: duplicate field names"]
    integrity = [
        k
        for k in ("bytes",)
        if k in resource and not (isinstance(resource[k], int) and not isinstance(resource[k], bool))
    ]
    return [f"{resource.get('name')}: {k}" for k in integrity] + _key_reasons(schema, names, resource["name"])


def unmodelled(descriptor) -> list:
    """Why the fast route cannot give frictionless's verdict on this (normalised) descriptor; [] if it can."""
    resources = descriptor.get("resources") if isinstance(descriptor, dict) else None
    if not isinstance(resources, list) or not resources or not all(isinstance(r, dict) for r in resources):
        return ["resources"]
    names = [r.get("name") for r in resources]
    if not all(isinstance(n, str) and _NAME.fullmatch(n) for n in names) or len(set(names)) != len(names):
        return ["resource names"]
    fields = {r["name"]: {f.get("name") for f in r.get("schema", {}).get("fields", []) if isinstance(f, dict)}
              for r in resources if isinstance(r.get("schema"), dict) and isinstance(r["schema"].get("fields"), list)}
    return [reason for resource in resources for reason in _resource_reasons(resource, fields)]
