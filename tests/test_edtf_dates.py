"""EDTF parsing: the fast parser for everyday forms agrees with the edtf package, and derivations are right."""

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factpack import edtf_dates


@pytest.mark.parametrize("text, start, end, precision, certainty", [
    ("2019-03-10", "2019-03-10", "2019-03-10", "day", "exact"),
    ("2019-03", "2019-03-01", "2019-03-31", "month", "exact"),
    ("2019", "2019-01-01", "2019-12-31", "year", "exact"),
    ("2017-21", "2017-03-01", "2017-05-31", "season", "exact"),
    ("2019-03-10?", "2019-03-10", "2019-03-10", "day", "uncertain"),
    ("2019-03~", "2019-03-01", "2019-03-31", "month", "approximate"),
    ("2019-03%", "2019-03-01", "2019-03-31", "month", "uncertain-approximate"),
    ("2019-03-11/2019-08-17", "2019-03-11", "2019-08-17", "day", "exact"),
    ("2019-03-11/2019-08", "2019-03-11", "2019-08-31", "month", "exact"),
    ("201X", "2010-01-01", "2019-12-31", "decade", "exact"),
    ("2020-02", "2020-02-01", "2020-02-29", "month", "exact"),
])
def test_derived_values(text, start, end, precision, certainty):
    parsed = edtf_dates.parse(text)
    assert (parsed.start.isoformat(), parsed.end.isoformat(), parsed.precision, parsed.certainty) == (
        start, end, precision, certainty)


@pytest.mark.parametrize("text", ["2019-13", "2019-02-30", "2019-00", "0000", "2019-3-1", "hello", "2019-25"])
def test_invalid_dates_raise_value_error(text):
    with pytest.raises(ValueError):
        edtf_dates.parse(text)


def _library(text):
    try:
        return edtf_dates._library_bounds(text)
    except ValueError:
        return None


PART = st.builds(
    lambda y, m, d, q: f"{y:04d}" + (f"-{m:02d}" if m else "") + (f"-{d:02d}" if m and d else "") + q,
    st.integers(1, 2100), st.one_of(st.none(), st.integers(0, 26)), st.one_of(st.none(), st.integers(0, 32)),
    st.sampled_from(["", "", "?", "~", "%"]))


@settings(max_examples=300, deadline=None)
@given(PART, st.one_of(st.none(), PART))
def test_fast_parser_agrees_with_the_edtf_package(first, second):
    text = first if second is None else f"{first}/{second}"
    try:
        fast = edtf_dates._fast_bounds(text)
    except ValueError:
        fast = "rejected"
    if fast is None:
        return  # a form the fast parser leaves to the library
    assert (None if fast == "rejected" else fast) == _library(text), text


def test_today_is_not_in_the_future():
    assert edtf_dates.parse(datetime.date.today().isoformat()).start == datetime.date.today()


def test_a_period_an_uncertain_day_and_an_open_start_are_told_apart():
    period = edtf_dates.parse("2019-03-11/2019-08-16")
    some_day = edtf_dates.parse("[2019-03-10..2019-03-14]")
    until = edtf_dates.parse("../2019-08-16")
    assert (period.kind, period.precision) == ("period", "day")
    # what is known of "some day from 10 to 14 March" is the month, and that it is uncertain which day
    assert (some_day.kind, some_day.precision, some_day.certainty) == ("one-of", "month", "uncertain")
    assert (some_day.start.isoformat(), some_day.end.isoformat()) == ("2019-03-10", "2019-03-14")
    assert (until.kind, until.start, until.end.isoformat()) == ("period", None, "2019-08-16")


def test_an_unknown_start_written_without_dots_and_an_open_end_are_still_refused():
    for text in ("/2019-08-16", "2019-03-11/..", "2019-03-11/"):
        with pytest.raises(edtf_dates.OpenIntervalError):
            edtf_dates.parse(text)


PLAIN = st.builds(
    lambda y, m, d: (
        f"{y:04d}" + (f"-{m:02d}" if m is not None else "") + (f"-{d:02d}" if m is not None and d is not None else "")
    ),
    st.sampled_from([0, 1999, 2019, 2020]),
    st.one_of(st.none(), st.integers(0, 13)),
    st.one_of(st.none(), st.integers(0, 32)),
)
MEMBER = st.one_of(PLAIN, st.builds(lambda a, b: f"{a}..{b}", PLAIN, PLAIN))


@settings(max_examples=300, deadline=None)
@given(st.lists(MEMBER, min_size=1, max_size=3))
def test_a_set_of_plain_dates_is_judged_as_the_edtf_package_judges_it(members):
    """Sets of plain dates skip the package's grammar (it is slow); the verdict and bounds must not change."""
    text = "[" + ",".join(members) + "]"
    edtf_dates.parse.cache_clear()
    try:
        ours = edtf_dates.parse(text)
        verdict = (ours.earliest, ours.end)
    except ValueError:
        verdict = None
    library = _library(text)
    if library is not None:  # the grammar accepts it: the bounds are the union of the members' own
        try:
            members_parsed = [edtf_dates.parse(end) for m in members for end in m.split("..")]
            library = (min(m.earliest for m in members_parsed), max(m.end for m in members_parsed))
        except ValueError:  # year 0000: the package takes it, a calendar date cannot
            library = None
    assert verdict == library, text
