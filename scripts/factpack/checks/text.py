"""Text: what may appear in a value, checked on every string of a fact file.

Nothing is silently repaired: text is published exactly as written, so anything
that would display differently from what it says, break a spreadsheet or a
terminal, or differ between CSV and JSON is refused with a message.
"""

import unicodedata
from functools import lru_cache

from factpack import model
from factpack.checks.contract import Check, Stage
from factpack.rule_codes import Code

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Bidi embeddings/overrides/isolates and marks (Trojan Source), zero-width and
# other format characters. ZWJ/ZWNJ are allowed: some scripts need them in names.
_JOINERS = {"\u200c", "\u200d"}


@lru_cache(maxsize=1)
def multiline_keys() -> frozenset:
    """Fact-file keys whose values may span lines (summaries, descriptions, quotes)."""
    keys: set = set()
    for table in model.tables():
        specs = {c.fact_key: c.spec for c in table.fact_columns()}
        specs.update(table.fact_only)
        keys.update(k for k, spec in specs.items() if spec.get("x-multiline"))
    return frozenset(keys)


def _noncharacter(code: int) -> bool:
    return 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE


def _bad_character(text: str, multiline: bool):
    """The first forbidden character as (code, description), or None."""
    if text.isprintable():  # no Cc, Cf, Cs, Co, Cn or separators other than space: nothing to refuse
        return None
    if multiline and text.replace("\n", "").replace("\t", "").isprintable():
        return None  # the usual quote or summary over several lines, without a walk through its characters
    return first_bad_character(text, multiline)


def first_bad_character(text: str, multiline: bool):
    """_bad_character, one character at a time (what its shortcuts must agree with)."""
    for char in text:
        category = unicodedata.category(char)
        name = f"U+{ord(char):04X}"
        if char in "\n\t":
            if not multiline:
                return Code.CONTROL_CHARACTER, f"a {'line break' if char == chr(10) else 'tab'} ({name}) in a one-line field"
        elif category == "Cc":
            return Code.CONTROL_CHARACTER, f"the control character {name}"
        elif category in ("Cs", "Co") or _noncharacter(ord(char)):
            return Code.UNUSABLE_CHARACTER, f"the unusable character {name}"
        elif category == "Cf" and char not in _JOINERS:
            label = unicodedata.name(char, "format character").lower()
            return Code.INVISIBLE_FORMATTING, f"the invisible character {name} ({label})"
    return None


def text_findings(fact, path, text: str):
    key = next((p for p in reversed(path) if isinstance(p, str)), "")
    multiline = key in multiline_keys()
    bad = _bad_character(text, multiline)
    if bad:
        yield fact.finding(
            bad[0],
            f"'{key}' contains {bad[1]}",
            path,
            "retype the value; use '|' or '>' block style for text over several lines"
            if bad[0] == Code.CONTROL_CHARACTER
            else "",
        )
        return
    if text.startswith(FORMULA_STARTS):
        yield fact.finding(Code.FORMULA_START, f"'{key}' starts with '{text[0]}', which spreadsheets run as a formula", path,
                           "reword the start of the text")
    if text != text.strip():
        yield fact.finding(Code.STRAY_SPACES, f"'{key}' has spaces or line breaks at its start or end", path,
                           "remove them; for block text use '|-' or '>-' so the last line break is dropped")
    if not unicodedata.is_normalized("NFC", text):
        composed = unicodedata.normalize("NFC", text)
        yield fact.finding(Code.NOT_NFC, f"'{key}' is not in Unicode NFC form", path,
                           f"write it composed: {composed[:80]!r}")


def _plainly_fine(text: str) -> bool:
    """True for the usual value, which no rule below could refuse (checked without a generator per value)."""
    return (text.isprintable() and not text.startswith(FORMULA_STARTS) and text == text.strip()
            and unicodedata.is_normalized("NFC", text))


def _strings(data):
    """(path, text) of every string in the document, keys excluded (they are checked by the schema)."""
    stack: list[tuple[tuple, object]] = [((), data)]
    while stack:
        path, value = stack.pop()
        if value.__class__ is str:
            yield path, value
        elif value.__class__ is dict:
            stack.extend((path + (key,), item) for key, item in value.items())
        elif value.__class__ is list:
            stack.extend((path + (index,), item) for index, item in enumerate(value))


def check_file(fact):
    for path, text in _strings(fact.loaded.data):
        if _plainly_fine(text):
            continue
        for finding in text_findings(fact, path, text):
            fact.broken_paths.add(path)
            yield finding


CHECK = Check("text", Stage.DOCUMENT, frozenset({Code.CONTROL_CHARACTER, Code.INVISIBLE_FORMATTING, Code.FORMULA_START,
                                                 Code.NOT_NFC, Code.UNUSABLE_CHARACTER, Code.STRAY_SPACES}), check_file)
