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
