"""The registry of diagnostic rules, read from schema/rules.yaml: each code's severity, title, explanation,
an example that breaks it and the fix. The checks, `factpack explain`, the error-code reference page and
its tests all read it.

The codes' names (rule_codes.Code) and the registry are compared when this module loads, so that a code
added to one and not the other stops factpack at once, not when the code would first be reported.
"""

from dataclasses import dataclass, fields

from factpack.errors import FactpackError
from factpack.layout import schema_dir
from factpack.rule_codes import Code
from factpack.yaml_strict import StrictYamlError, load_bytes

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: str
    title: str
    explanation: str
    example: str
    fix: str
    retired: str = ""  # why and when the code stopped being reported; a retired code is never reused


class RegistryError(FactpackError):
    """schema/rules.yaml and the code names disagree: a fault of factpack itself, not of the data."""


_KEYS = {f.name for f in fields(Rule)} - {"code"}
_REQUIRED = _KEYS - {"retired"}


def _rule(code: str, entry: object) -> Rule:
    if not isinstance(entry, dict) or not _REQUIRED <= set(entry) <= _KEYS:
        raise RegistryError(f"schema/rules.yaml: the entry of {code} must have the keys {sorted(_REQUIRED)}"
                            f" (and optionally retired)")
    if entry["severity"] not in (ERROR, WARNING) or not all(isinstance(v, str) and v for v in entry.values()):
        raise RegistryError(f"schema/rules.yaml: {code} needs a severity of error or warning and text in every key")
    return Rule(code=code, **entry)


def _load() -> dict[str, Rule]:
    path = schema_dir() / "rules.yaml"
    try:
        data = load_bytes(path.read_bytes()).data
    except StrictYamlError as error:
        raise RegistryError(f"{path}:{error.finding_args['line']}: {error}") from None
    if not isinstance(data, dict):
        raise RegistryError(f"{path} must be a mapping of code to rule")
    rules = {code: _rule(code, entry) for code, entry in data.items()}
    registered = {code: rule.name for code, rule in rules.items()}
    named = {code.value: code.name for code in Code}
    if registered != named:
        differ = sorted(set(registered.items()) ^ set(named.items()))
        raise RegistryError(f"schema/rules.yaml and factpack/rule_codes.py disagree on {differ}",
                            "give every code the same name in both")
    return rules


RULES = _load()


def rule(code: str) -> Rule:
    return RULES[code]
