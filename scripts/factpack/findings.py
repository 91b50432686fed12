"""The finding: one problem in the data, located as precisely as we can."""

from operator import itemgetter
from typing import NamedTuple

from factpack.rules import ERROR, RULES, WARNING


class _Fields(NamedTuple):
    code: str
    message: str
    file: str = ""
    line: int = 0
    column: int = 0
    path: str = ""
    hint: str = ""
    severity: str = ""
    related: tuple = ()  # the other files a cross-file finding concerns ("path:line"), named in its message too


class Finding(_Fields):
    """Immutable, and a tuple underneath: a validation at 20,000 articles makes, hashes and sorts about 57,000 of
    them on every run, which took about twice as long with a frozen dataclass."""

    __slots__ = ()

    def __new__(cls, code, message, file="", line=0, column=0, path="", hint="", severity="", related=()):
        # a Code is stored as its plain text, so that findings compare, cache and serialise as text
        code = str(code)
        return tuple.__new__(cls, (code, message, file, line, column, path, hint, severity or RULES[code].severity,
                                   related))

    def as_dict(self) -> dict:
        return dict(zip(self._fields, self))


# file, line, column, code, path, message: in the order of the file; then the other fields, so that the order is
# total and never depends on the order the findings came in
_SORT_KEY = itemgetter(2, 3, 4, 0, 5, 1, 6, 7, 8)


def format_path(path) -> str:
    """`("events", 2, "participants", 0, "actor")` → `events[2].participants[0].actor`."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def escalate(findings, strict: bool):
    """With --strict, warnings count as errors."""
    if not strict:
        return list(findings)
    return [
        Finding(**{**f.as_dict(), "severity": ERROR}) if f.severity == WARNING else f
        for f in findings
    ]


def sort_findings(findings):
    """Without repeats, in a total order. Repeats go by a dict, which keeps the order they came in: most of it is
    the files' order already, which the sort then uses."""
    return sorted(dict.fromkeys(findings), key=_SORT_KEY)


def has_errors(findings) -> bool:
    return any(f.severity == ERROR for f in findings)
