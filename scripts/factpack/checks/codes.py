"""Codes from international standards: ISO 3166-1 countries, BCP 47 languages, ISO 15924 scripts, ISO 4217 currencies.

Codelists of our own are enums in the fact-file schema (see checks/schema.py)."""

from functools import lru_cache

import langcodes
import pycountry

from factpack.context import fact_keys_with
from factpack.checks.contract import Check, Stage
from factpack.rule_codes import Code
from factpack.suggest import did_you_mean


@lru_cache(maxsize=1)
def _countries() -> frozenset:
    # XK (Kosovo) is user-assigned in ISO 3166-1 but used by the EU, the UN's agencies and ACLED.
    return frozenset({c.alpha_2 for c in pycountry.countries} | {"XK"})


@lru_cache(maxsize=1)
def _scripts() -> frozenset:
    return frozenset(s.alpha_4 for s in pycountry.scripts)


@lru_cache(maxsize=4096)  # the same few codes recur in every file
def _country(value):
    if value in _countries():
        return None
    return Code.UNKNOWN_COUNTRY, f"'{value}' is not an ISO 3166-1 alpha-2 country code", did_you_mean(value, sorted(_countries()))


@lru_cache(maxsize=4096)  # the same few codes recur in every file
def _language(value):
    if langcodes.tag_is_valid(value):
        return None
    return Code.INVALID_LANGUAGE_TAG, f"'{value}' is not a valid BCP 47 language tag", "e.g. en, kk, ru, zh, kk-Cyrl"


@lru_cache(maxsize=4096)  # the same few codes recur in every file
def _script(value):
    if value in _scripts():
        return None
    return (
        Code.UNKNOWN_SCRIPT,
        f"'{value}' is not an ISO 15924 script code",
        did_you_mean(value, sorted(_scripts())) or "e.g. Latn, Cyrl, Arab, Hans",
    )


_UNITS = ("people", "days", "months", "years")


@lru_cache(maxsize=4096)
def _unit(value):
    if value in _UNITS or pycountry.currencies.get(alpha_3=value) is not None:
        return None
    return (Code.UNKNOWN_UNIT, f"'{value}' is neither an ISO 4217 currency code nor one of {', '.join(_UNITS)}",
            did_you_mean(value, sorted(c.alpha_3 for c in pycountry.currencies)) or "e.g. KZT, USD, EUR, people, years")


_CHECKERS = {"iso3166-1": _country, "bcp47": _language, "iso15924": _script, "iso4217-or-unit": _unit}


def _values(record, key):
    value = record.get(key)
    if isinstance(value, str):
        yield (key,), value
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, str):
                yield (key, index), item


def check(context):
    for table, keys in fact_keys_with("x-standard").items():
        for record in context.records(table):
            for key, standard in keys.items():
                for path, value in _values(record, key):
                    problem = _CHECKERS[standard](value)
                    if problem:
                        code, message, hint = problem
                        yield record.file.finding(code, message, record.path + path, hint)


CHECK = Check("codes", Stage.DATASET,
              frozenset({Code.UNKNOWN_COUNTRY, Code.INVALID_LANGUAGE_TAG, Code.UNKNOWN_SCRIPT, Code.UNKNOWN_UNIT}),
              check)
