"""EDTF values: parsing, and the derived earliest/latest day, precision and certainty.

The `edtf` package does the parsing; it raises assorted exceptions (even a
TypeError on an open interval such as `2019-03-11/..`), so every failure is
caught here and becomes a plain ValueError with a message for the contributor.
"""

import datetime
import re
from dataclasses import dataclass

import edtf

PRECISIONS = ("day", "month", "season", "year", "decade", "century")
_PART_PRECISION = [
    (re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"), "day"),
    (re.compile(r"^[0-9]{4}-2[1-4]$"), "season"),
    (re.compile(r"^[0-9]{4}-[0-9]{2}(-XX)?$"), "month"),
    (re.compile(r"^[0-9]{4}(-XX){0,2}$"), "year"),
    (re.compile(r"^[0-9]{3}X$"), "decade"),
    (re.compile(r"^[0-9]{2}XX$"), "century"),
]


@dataclass(frozen=True)
class EdtfDate:
    text: str
    start: datetime.date
    end: datetime.date
    precision: str
    certainty: str


def _to_date(struct) -> datetime.date:
    return datetime.date(struct.tm_year, struct.tm_mon, struct.tm_mday)


def _precision(part: str) -> str:
    core = part.strip("?~%")
    for pattern, precision in _PART_PRECISION:
        if pattern.match(core):
            return precision
    raise ValueError(f"'{part}' is a valid EDTF date that factpack does not support yet")


def _certainty(text: str) -> str:
    uncertain, approximate = "?" in text or "%" in text, "~" in text or "%" in text
    if uncertain and approximate:
        return "uncertain-approximate"
    return "uncertain" if uncertain else ("approximate" if approximate else "exact")


def parse(text: str) -> EdtfDate:
    """Parse an EDTF string, or raise ValueError saying what is wrong."""
    if ".." in text or text.startswith("/") or text.endswith("/"):
        raise OpenIntervalError(f"'{text}' has an open or unknown end")
    try:
        parsed = edtf.parse_edtf(text)
        start, end = _to_date(parsed.lower_strict()), _to_date(parsed.upper_strict())
    except Exception as error:  # the edtf package raises many kinds; all mean "not EDTF"
        raise ValueError(f"'{text}' is not an EDTF date") from error
    parts = text.split("/")
    precision = max((_precision(p) for p in parts), key=PRECISIONS.index)
    if len(parts) == 2:
        first, last = parse(parts[0]), parse(parts[1])
        if first.start > last.end:
            raise StartAfterEndError(f"the interval '{text}' starts after it ends")
    return EdtfDate(text, start, end, precision, _certainty(text))


class OpenIntervalError(ValueError):
    pass


class StartAfterEndError(ValueError):
    pass
