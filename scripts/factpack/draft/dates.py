"""Date expressions of an article, resolved against its publication date into EDTF with a note saying how.

dateparser reads each expression (weekdays, "October 2", "last month", "29 July 2019") relative to the
publication date, preferring the past, since an article reports what has happened; this module finds
the expressions, turns dateparser's period (day, week, month, year) into EDTF, and handles seasons,
which dateparser does not.
"""

import datetime
import re
from dataclasses import dataclass
from functools import lru_cache

_MONTH = (r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|March|Mar\.|April|Apr\.|May|June|July|Aug(?:ust|\.)?|"
          r"Sept(?:ember|\.)?|Sep\.|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)")
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_WEEKDAY = "(?:" + "|".join(_WEEKDAYS) + ")"
_YEAR = r"(?:19|20)\d\d"
_SEASON = r"(?:spring|summer|autumn|fall|winter)"
_PREFIX = r"(?i:in|since|until|by|early|late|mid-)"  # "In February", "since March"
_PATTERNS = [
    ("day", rf"\b\d{{1,2}} {_MONTH}(?:,? {_YEAR})?\b"),
    ("day", rf"\b{_MONTH} \d{{1,2}}(?:st|nd|rd|th)?(?:, {_YEAR})?\b(?!:)"),
    ("month", rf"\b(?:{_PREFIX} ?)?{_MONTH},? {_YEAR}\b"),
    ("weekday", rf"\b{_WEEKDAY}\b"),
    ("relative", r"\b(?:yesterday|(?:last|earlier this|this) (?:week|month|year))\b"),
    ("season", rf"\b(?:(?i:last|this|in the|in|the) )?{_SEASON}(?: of {_YEAR}| {_YEAR})?\b"),
    ("month", rf"\b{_PREFIX} ?{_MONTH}\b"),
    ("year", rf"\b(?:{_PREFIX}|(?i:of)) {_YEAR}\b"),
]
_FOUND = re.compile("|".join(f"(?P<{kind}{i}>{pattern})" for i, (kind, pattern) in enumerate(_PATTERNS)))
_SEASONS = {"spring": (21, 3), "summer": (22, 6), "autumn": (23, 9), "fall": (23, 9), "winter": (24, 12)}


@dataclass(frozen=True)
class FoundDate:
    start: int  # position of the expression in the article
    end: int
    text: str
    edtf: str
    note: str


@lru_cache(maxsize=4)
def _parser(published: datetime.date):
    from dateparser.date import DateDataParser  # imported here: only `factpack draft` needs it

    base = datetime.datetime.combine(published, datetime.time())
    return DateDataParser(languages=["en"], settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past",
                                                      "STRICT_PARSING": False})


def find(text: str, published: datetime.date) -> list[FoundDate]:
    out = []
    for match in _FOUND.finditer(text):
        kind = next(name for name, value in match.groupdict().items() if value).rstrip("0123456789")
        found = _resolve(kind, match.group(), published)
        if found:
            out.append(FoundDate(match.start(), match.end(), match.group(), *found))
    return out


def _resolve(kind: str, expression: str, published: datetime.date) -> tuple[str, str] | None:
    if kind == "season":
        return _season(expression, published)
    if kind == "weekday":
        return _weekday(expression, published)
    words = re.sub(rf"^(?:{_PREFIX}|(?i:of)) ?", "", expression)
    data = _parser(published).get_date_data(words)
    if data.date_obj is None:
        return None
    day = data.date_obj.date()
    if day > published:
        return None
    has_year = re.search(_YEAR, expression) is not None
    return _edtf(kind, data.period, day, has_year, expression, published)


def _edtf(kind: str, period: str, day: datetime.date, has_year: bool, expression: str, published) -> tuple[str, str]:
    said = f"'{expression}' in the article"
    if period == "week":
        monday = day - datetime.timedelta(days=day.weekday())
        return f"{monday}/{monday + datetime.timedelta(days=6)}", f"{said}: the week before publication ({published})"
    if period == "year" or kind == "year":
        return f"{day.year}", f"{said}: the year {day.year}"
    if period == "month":
        if has_year:
            return f"{day:%Y-%m}", f"{said}: as stated"
        note = "the month before publication" if "last" in expression else f"the latest {day:%B} before publication"
        return f"{day:%Y-%m}", f"{said}: {note} ({published})"
    if has_year:
        return f"{day}", f"{said}: as stated"
    if expression == "yesterday":
        return f"{day}", f"{said}: the day before publication ({published})"
    return f"{day}", f"{said}, without a year: the latest such day before publication ({published})"


def _weekday(expression: str, published: datetime.date) -> tuple[str, str]:
    """The latest such day on or before publication: news style names the day of the week for the past seven
    days, the day of publication included ("called her Sunday morning" in a Sunday story)."""
    back = (published.weekday() - _WEEKDAYS.index(expression)) % 7
    day = published - datetime.timedelta(days=back)
    said = f"'{expression}' in the article"
    if back == 0:
        return f"{day}", (f"{said}: the day of publication ({published}), as news style names it; if the article "
                          f"means the week before, use {day - datetime.timedelta(days=7)}")
    return f"{day}", f"{said}: the {expression} before publication ({published})"


def _season(expression: str, published: datetime.date) -> tuple[str, str] | None:
    name = re.search(r"spring|summer|autumn|fall|winter", expression.lower())
    if not name:
        return None
    code, first_month = _SEASONS[name.group()]
    stated = re.search(_YEAR, expression)
    year = int(stated.group()) if stated else published.year
    if not stated and ("last" in expression.lower() or datetime.date(year, first_month, 1) > published):
        year -= 1  # "last spring", or a spring that has not begun yet: the latest one before publication
    if datetime.date(year, first_month, 1) > published:
        return None
    how = "as stated" if stated else f"the latest {name.group()} before publication ({published})"
    return f"{year}-{code}", f"'{expression}' in the article: {how}; EDTF season {code} is the northern {name.group()}"
