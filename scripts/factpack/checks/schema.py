"""The fact-file JSON Schema, with format checking on, translated into findings.

A file is first checked by jsonschema-rs (compiled, about 20 times faster); only
a file it rejects is walked by jsonschema, whose errors carry the paths and details
the messages need. jsonschema's own messages speak of instances and properties;
each error is rewritten here as one sentence about the contributor's key and value.
"""

from functools import lru_cache
from typing import TYPE_CHECKING

import jsonschema_rs

from factpack import schema_outputs
from factpack.checks.contract import Check, Stage
from factpack.rule_codes import Code
from factpack.suggest import did_you_mean, shown

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator

_KINDS = {"string": "text", "array": "a list", "object": "a mapping", "integer": "a whole number"}


@lru_cache(maxsize=1)
def validator() -> "Draft202012Validator":
    # imported here: only a file that jsonschema-rs rejects needs it, and it takes a sixth of a second to import
    from jsonschema import Draft202012Validator, FormatChecker

    schema = schema_outputs.facts_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FormatChecker())


@lru_cache(maxsize=1)
def fast_validator():
    return jsonschema_rs.validator_for(schema_outputs.facts_schema(), validate_formats=True)


def _kind(value) -> str:
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _name(path) -> str:
    named = [p for p in path if isinstance(p, str)]
    return named[-1] if named else "the file"


def _unknown_keys(fact, error, path):
    allowed = list(error.schema.get("properties", {}))
    for key in sorted(set(error.instance) - set(allowed)):
        hint = did_you_mean(key, allowed) or ""
        hint = (hint + " " if hint else "") + "allowed here: " + ", ".join(allowed)
        yield fact.finding(Code.UNKNOWN_KEY, f"unknown key '{shown(key)}'", path + (key,), hint, key=True)


def _missing_keys(fact, error, path):
    for key in error.validator_value:
        if key not in error.instance:
            where = "the file" if not path else f"this {error.schema.get('title', 'record').lower()}"
            yield fact.finding(Code.MISSING_KEY, f"{where} is missing the required key '{key}'", path,
                               error.schema.get("properties", {}).get(key, {}).get("description", ""), key=bool(path))


def _type(fact, error, path):
    expected = error.validator_value
    expected = " or ".join(_KINDS.get(t, t) for t in ([expected] if isinstance(expected, str) else expected))
    if error.instance is None:
        yield fact.finding(Code.EMPTY_VALUE, f"'{_name(path)}' is empty", path, "give a value or remove the key")
    else:
        yield fact.finding(Code.WRONG_KIND_OF_VALUE, f"'{_name(path)}' must be {expected}, not {_kind(error.instance)}", path)


def _pattern(fact, error, path):
    if error.schema.get("format") == "uri":
        yield from _format(fact, error, path)
        return
    yield fact.finding(Code.BADLY_FORMED_VALUE, f"'{shown(error.instance)}' is not a valid {_name(path)}", path,
                       error.schema.get("description", ""))


def _length(fact, error, path):
    what = "has too few items" if error.validator == "minItems" else (
        "is empty" if error.validator == "minLength" and error.instance == "" else "is too long")
    limit = "" if what == "is empty" else f" (limit {error.validator_value})"
    yield fact.finding(Code.WRONG_LENGTH, f"'{_name(path)}' {what}{limit}", path,
                       "give a value or remove the key" if what == "is empty" else "")


def _enum(fact, error, path):
    options = error.validator_value
    hint = did_you_mean(error.instance, options, show_all_under=20)
    yield fact.finding(Code.UNKNOWN_CODE, f"'{shown(error.instance)}' is not a known {_name(path)} code", path,
                       hint or "see the codelists page for the allowed codes")


def _format(fact, error, path):
    yield fact.finding(Code.NOT_AN_HTTP_URL, f"'{shown(error.instance)}' is not an absolute http(s) URL", path,
                       "write an absolute URL starting with https://")


def _one_of(fact, error, path):
    if all(e.validator == "type" for e in error.context):
        yield fact.finding(Code.WRONG_KIND_OF_VALUE, f"'{_name(path)}' must be a quote or a list of quotes", path)
    else:
        from jsonschema.exceptions import best_match  # imported with validator()

        yield from translate(fact, best_match(error.context))


def _unique(fact, error, path):
    yield fact.finding(Code.LISTED_TWICE, f"'{_name(path)}' lists the same value twice", path)


_HANDLERS = {
    "additionalProperties": _unknown_keys,
    "required": _missing_keys,
    "type": _type,
    "pattern": _pattern,
    "minLength": _length,
    "maxLength": _length,
    "minItems": _length,
    "enum": _enum,
    "format": _format,
    "oneOf": _one_of,
    "uniqueItems": _unique,
}


def translate(fact, error):
    path = tuple(error.absolute_path)
    handler = _HANDLERS.get(error.validator)
    if handler:
        yield from handler(fact, error, path)
    else:
        yield fact.finding(Code.BADLY_FORMED_VALUE, error.message, path)


def check_file(fact):
    """Findings for one loaded fact file; marks the paths that hold errors."""
    if fast_validator().is_valid(fact.loaded.data):
        return
    for error in validator().iter_errors(fact.loaded.data):
        fact.broken_paths.add(tuple(error.absolute_path))
        yield from translate(fact, error)


CHECK = Check("schema", Stage.DOCUMENT, frozenset({Code.UNKNOWN_KEY, Code.MISSING_KEY, Code.WRONG_KIND_OF_VALUE,
                                                   Code.EMPTY_VALUE, Code.BADLY_FORMED_VALUE, Code.WRONG_LENGTH,
                                                   Code.UNKNOWN_CODE, Code.NOT_AN_HTTP_URL, Code.LISTED_TWICE}),
              check_file)
