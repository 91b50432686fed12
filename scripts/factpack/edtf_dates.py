"""EDTF values: parsing, and the derived earliest/latest day, precision and certainty.

The forms curators use every day (`2019-03-10`, `2019-03`, `2019`, `2017-21`, `201X`,
a `?`/`~`/`%` qualifier, an interval of two such dates) are read by a small exact
parser here: the `edtf` package's grammar costs about 10 ms a value, which at
100,000 events is the whole build budget. Anything else goes to the `edtf` package,
whose assorted exceptions (even a TypeError on `2019-03-11/..`) all become a plain
ValueError with a message for the contributor. A test checks both agree.
"""

import calendar
import datetime
import re
from dataclasses import dataclass
from functools import lru_cache

PRECISIONS = ("day", "month", "season", "year", "decade", "century")
_PART_PRECISION = [
    (re.compile(r"^[0-9]{4}-(0[1-9]|1[0-2])-[0-9]{2}$"), "day"),
    (re.compile(r"^[0-9]{4}-2[1-4]$"), "season"),
    (re.compile(r"^[0-9]{4}-(0[1-9]|1[0-2])(-XX)?$"), "month"),
    (re.compile(r"^[0-9]{4}(-XX){0,2}$"), "year"),
    (re.compile(r"^[0-9]{3}X$"), "decade"),
    (re.compile(r"^[0-9]{2}XX$"), "century"),
]


@dataclass(frozen=True)
class EdtfDate:
    text: str
    start: datetime.date | None  # None for an open start (`../2019-08-16`)
    end: datetime.date
    precision: str
    certainty: str
    kind: str = "point"  # point: at a time known to `precision`; period: spans start to end; one-of: some time in a set

    @property
    def earliest(self) -> datetime.date:
        return self.start or datetime.date.min


def _containing_unit(start: datetime.date, end: datetime.date) -> str:
    """The smallest unit one of which holds both days: what is known of a date that is one of several."""
    if start == end:
        return "day"
    if (start.year, start.month) == (end.year, end.month):
        return "month"
    for unit, width in (("year", 1), ("decade", 10), ("century", 100)):
        if start.year // width == end.year // width:
            return unit
    return "century"


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


_SIMPLE = re.compile(r"([0-9]{4})(?:-([0-9]{2}))?(?:-([0-9]{2}))?([?~%])?")
_SEASON_MONTHS = {21: (3, 5), 22: (6, 8), 23: (9, 11), 24: (12, 12)}  # northern hemisphere, as the edtf package


def _simple_bounds(part: str):
    """(start, end) of a plain date/month/year/season, or None when the form is not a simple one."""
    match = _SIMPLE.fullmatch(part)
    if not match:
        return None
    year = int(match[1])
    month = int(match[2]) if match[2] is not None else None
    day = int(match[3]) if match[3] is not None else None
    if month in _SEASON_MONTHS and day is None:
        if match[4]:
            return None  # a qualified season is EDTF level 2: the library decides
        first, last = _SEASON_MONTHS[month]
        return datetime.date(year, first, 1), datetime.date(year, last, calendar.monthrange(year, last)[1])
    if month is None:
        return datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    if not 1 <= month <= 12:
        return None  # month 00, 13-20 or a level-2 season code: the library decides
    if day is None:
        return datetime.date(year, month, 1), datetime.date(year, month, calendar.monthrange(year, month)[1])
    return (datetime.date(year, month, day),) * 2


def _fast_bounds(text: str):
    parts = text.split("/")
    if len(parts) > 2 or any("?" in p or "~" in p or "%" in p for p in parts[:-1]):
        return None
    try:
        bounds = [_simple_bounds(p) for p in parts]
    except ValueError:  # e.g. year 0000, month 13, 30 February
        raise ValueError(f"'{text}' is not an EDTF date") from None
    if None in bounds:
        return None
    return bounds[0][0], bounds[-1][1]


# A set of plain calendar dates, as resolution writes them: checked here, since the library's grammar
# takes about a tenth of a second per set. Anything else (qualifiers, seasons, spaces) goes to the grammar.
_PLAIN = r"\d{4}(?:-\d{2}(?:-\d{2})?)?"
_PLAIN_SET = re.compile(rf"\[{_PLAIN}(?:\.\.{_PLAIN})?(?:,{_PLAIN}(?:\.\.{_PLAIN})?)*\]")
_ONE_PLAIN_DATE = re.compile(rf"\[{_PLAIN}\]")  # the grammar wants two dates, or a range of one precision


def _one_of(text: str) -> EdtfDate:
    """`[a,b]` or `[a..b]`: one of the dates listed (EDTF level 2), as written when sources disagree."""
    plain = (_PLAIN_SET.fullmatch(text) and not _ONE_PLAIN_DATE.fullmatch(text)
             and all(len(a) == len(b) for a, _, b in (m.partition("..") for m in text[1:-1].split(",") if ".." in m)))
    if not plain:
        _library_bounds(text)  # the grammar decides whether the set is well formed
    members = []
    try:
        for member in text[1:-1].split(","):
            members += [parse(end) for end in member.split("..")] if member.count("..") == 1 else [parse(member)]
    except ValueError:
        raise ValueError(f"'{text}' is not an EDTF date") from None
    start, end = min(m.earliest for m in members), max(m.end for m in members)
    # which of the dates it is, is not known: a set is uncertain whatever its members' qualifiers
    certainty = _certainty(text).replace("exact", "uncertain").replace("approximate", "uncertain-approximate")
    return EdtfDate(text, start, end, _containing_unit(start, end), certainty, "one-of")


def _open_start(text: str) -> EdtfDate:
    """`../2019-08-16`: it lasted until then; the article does not say since when."""
    last = parse(text[3:])
    if last.kind != "point":
        raise ValueError(f"'{text}' is not an EDTF date")
    return EdtfDate(text, None, last.end, last.precision, last.certainty, "period")


@lru_cache(maxsize=65536)
def parse(text: str) -> EdtfDate:
    """Parse an EDTF string, or raise ValueError saying what is wrong."""
    if text.startswith("[") and text.endswith("]") and "/" not in text:
        return _one_of(text)
    if text.startswith("../") and text.count("..") == 1:
        return _open_start(text)
    if ".." in text or text.startswith("/") or text.endswith("/"):
        raise OpenIntervalError(f"'{text}' has an open or unknown end")
    fast = _fast_bounds(text)
    if fast:
        start, end = fast
    else:
        start, end = _library_bounds(text)
    parts = text.split("/")
    precision = max((_precision(p) for p in parts), key=PRECISIONS.index)
    if len(parts) == 2:
        first, last = parse(parts[0]), parse(parts[1])
        if first.start is not None and first.start > last.end:
            raise StartAfterEndError(f"the interval '{text}' starts after it ends")
    return EdtfDate(text, start, end, precision, _certainty(text), "period" if len(parts) == 2 else "point")


def _library_bounds(text: str):
    import edtf  # imported here: its grammar takes a seventh of a second to import, and most dates never need it

    try:
        parsed = edtf.parse_edtf(text)
        return _to_date(parsed.lower_strict()), _to_date(parsed.upper_strict())
    except Exception as error:  # the edtf package raises many kinds; all mean "not EDTF"
        raise ValueError(f"'{text}' is not an EDTF date") from error


class OpenIntervalError(ValueError):
    pass


class StartAfterEndError(ValueError):
    pass
