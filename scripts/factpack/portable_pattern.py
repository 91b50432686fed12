"""Descriptor patterns that RE2 and Python's re read alike, and their test in linear time.

frictionless compiles a field's pattern with Python's re as `^pattern$` and calls match(),
which backtracks: `(a|a)+b` against forty a's never ends. RE2 (inside DuckDB) runs in
linear time but reads some patterns differently (`[[:alpha:]]` is a POSIX class in RE2 and
a set of characters in Python; `a{,3}` is a repetition in Python 3.11 and literal text in
RE2; RE2 refuses repetitions over 1000). So a pattern is tested with RE2 only if it stays
within a small grammar both engines read the same way; any other pattern is left to
frictionless itself, under a time limit (package_stock).
"""

import re
from functools import lru_cache

import duckdb

MAX_REPEAT = 1000
_LITERAL = re.compile(r"[^\\^$.|?*+()\[\]{}]")
_ESCAPED = re.compile(r"\\[!-/:-@\[-`{-~]")  # a backslash before ASCII punctuation only: \d, \w, \b … differ
_REPEAT = re.compile(r"\{([0-9]+)(,([0-9]*))?\}")
_CLASS_MEMBER = re.compile(r"\\[!-/:-@\[-`{-~]|[^\\\[\]]")
_SET_OPERATIONS = ("--", "&&", "~~", "||")  # Python warns that these will mean set operations


def _class_end(pattern: str, start: int) -> int | None:
    """The index after a character class opening at `start`, if it is portable."""
    index = start + 1
    if pattern.startswith("^", index):
        index += 1
    if pattern.startswith("]", index):
        return None  # a leading ']' is literal in both, but the rules around it differ: not worth it
    members = 0
    while index < len(pattern) and pattern[index] != "]":
        if pattern.startswith(_SET_OPERATIONS, index):
            return None
        member = _CLASS_MEMBER.match(pattern, index)
        if not member:
            return None
        index, members = member.end(), members + 1
    return index + 1 if index < len(pattern) and members else None


def _quantifier_end(pattern: str, index: int) -> int | None:
    """The index after a quantifier at `index` (or `index` if there is none); None if it is not portable."""
    if index < len(pattern) and pattern[index] in "*+?":
        index += 1
    elif pattern.startswith("{", index):
        repeat = _REPEAT.match(pattern, index)
        if not repeat:
            return None  # `a{,3}` and `{x}`: read differently
        low, high = int(repeat.group(1)), repeat.group(3)
        if low > MAX_REPEAT or (high and (int(high) > MAX_REPEAT or int(high) < low)):
            return None
        index = repeat.end()
    else:
        return index
    if index < len(pattern) and pattern[index] in "*+?{":
        return None  # `a**`, lazy and possessive forms
    return index


def _atom_end(pattern: str, index: int, depth: list) -> int | None:
    char = pattern[index]
    if char == "(":
        if pattern.startswith("?", index + 1):
            return None
        depth[0] += 1
        return index + 1
    if char == "[":
        return _class_end(pattern, index)
    if char == "." or _LITERAL.match(char):
        return index + 1
    escaped = _ESCAPED.match(pattern, index)
    return escaped.end() if escaped else None


def is_portable(pattern) -> bool:
    """Whether RE2 and Python's re agree on every full match of `pattern`."""
    if not isinstance(pattern, str):
        return False
    index, depth, expect_atom = 0, [0], True
    while index < len(pattern):
        char = pattern[index]
        if char == "|":
            index, expect_atom = index + 1, True
            continue
        if char == ")":
            if depth[0] == 0:
                return False
            depth[0] -= 1
            end = _quantifier_end(pattern, index + 1)
        else:
            end = _atom_end(pattern, index, depth)
            if end is not None and char != "(":
                end = _quantifier_end(pattern, end)
        if end is None:
            return False
        index, expect_atom = end, char == "("
    return depth[0] == 0 and not (expect_atom and pattern.endswith("("))


def failures(pattern: str, values) -> set:
    """The values that frictionless's `re.match("^pattern$", value)` would refuse, found with RE2.

    Python's `$` also matches before a final line break, so "x\\n" passes where "x" does."""
    values = sorted({v for v in values if v is not None})
    if not values:
        return set()
    rows = _connection().execute("SELECT v FROM unnest(?) AS t(v) WHERE NOT (regexp_full_match(v, ?) OR "
                                 "(suffix(v, chr(10)) AND regexp_full_match(v[:-2], ?)))",
                             [values, pattern, pattern]).fetchall()
    return {v for (v,) in rows}


@lru_cache(maxsize=1)
def _connection():
    """One in-memory DuckDB for every pattern: opening one costs about 40 ms."""
    return duckdb.connect(":memory:")
