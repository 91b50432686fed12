"""Each column's rule turns the sources' claims into one published value, whatever the order of the files."""

import datetime

from hypothesis import given
from hypothesis import strategies as st

from factpack import edtf_dates, model
from factpack.resolution import Claim, Resolved, resolve, rule_of

NAME = model.table("actors").column("name").spec
DATE = model.table("events").column("date").spec
TYPE = model.table("events").column("type").spec
SUMMARY = model.table("events").column("summary").spec
CITIZENSHIP = model.table("actors").column("citizenship").spec


def claims(*pairs):
    """(value, source published on day n of 2019) → claims, one source each."""
    return [Claim(value, f"source-{day}", (datetime.date(2019, 1, 1) + datetime.timedelta(day), f"source-{day}"), None)
            for value, day in pairs]


def test_each_kind_of_column_has_its_rule():
    assert [rule_of(s) for s in (NAME, DATE, TYPE, SUMMARY, CITIZENSHIP)] == [
        "fullest",
        "date",
        "majority",
        "fullest-text",
        "union",
    ]


def test_a_date_inside_another_resolves_to_the_more_precise():
    assert resolve(DATE, claims(("2017", 1), ("2017-21", 2))) == resolve(DATE, claims(("2017-21", 2), ("2017", 1)))
    resolved = resolve(DATE, claims(("2017", 1), ("2017-21", 2)))
    assert (resolved.value, resolved.disputed) == ("2017-21", False)


def test_a_stated_date_wins_over_the_same_date_marked_uncertain():
    resolved = resolve(DATE, claims(("2019-03-10?", 1), ("2019-03-10", 2)))
    assert (resolved.value, resolved.disputed) == ("2019-03-10", False)


def test_dates_that_cannot_both_be_true_resolve_to_one_of_them_and_are_disputed():
    resolved = resolve(DATE, claims(("2019-03-10", 1), ("2019-03-09", 2)))
    assert (resolved.value, resolved.disputed) == ("[2019-03-09,2019-03-10]", True)


def test_an_interval_that_disagrees_with_a_day_resolves_to_a_range_of_days():
    resolved = resolve(DATE, claims(("2019-03-11/2019-08-16", 1), ("2019-08-17", 2)))
    assert (resolved.value, resolved.disputed) == ("[2019-03-11..2019-08-17]", True)


def test_a_claimed_date_that_is_not_edtf_leaves_the_others_to_resolve_and_is_disputed():
    # the dates check reports it as an error; merging must still finish, so that every other check runs
    assert resolve(DATE, claims(("2019-13", 1), ("2019-03-10", 2))) == Resolved("2019-03-10", True)
    assert resolve(DATE, claims(("2019-13", 1), ("2019-14", 2))) == Resolved("2019-13", True)


def test_the_fullest_name_is_displayed():
    resolved = resolve(NAME, claims(("Omarova", 1), ("Aiman Umarova", 2)))
    assert (resolved.value, resolved.disputed) == ("Aiman Umarova", True)


def test_a_code_follows_the_majority_then_the_most_recent_source():
    assert resolve(TYPE, claims(("arrest", 1), ("arrest", 2), ("house-arrest", 3))).value == "arrest"
    assert resolve(TYPE, claims(("arrest", 1), ("house-arrest", 3))).value == "house-arrest"
    assert resolve(TYPE, claims(("arrest", 1), ("house-arrest", 3))).disputed


def test_prose_is_the_text_that_says_most_and_is_not_a_dispute():
    resolved = resolve(SUMMARY, claims(("She was detained.", 5), ("Police in Almaty detained her.", 2)))
    assert (resolved.value, resolved.disputed) == ("Police in Almaty detained her.", False)


def test_a_sources_own_wording_comes_from_the_most_recent_source():
    location = model.table("events").column("location").spec
    resolved = resolve(location, claims(("the Kazakh city of Almaty", 1), ("Almaty", 3)))
    assert (resolved.value, resolved.disputed) == ("Almaty", False)


def test_lists_are_unioned():
    assert resolve(CITIZENSHIP, claims((["KZ"], 1), (["CN", "KZ"], 2))).value == ["KZ", "CN"]


DAYS = st.dates(datetime.date(2019, 1, 1), datetime.date(2019, 12, 31))
FORMS = st.one_of(
    DAYS.map(datetime.date.isoformat),
    DAYS.map(lambda d: d.isoformat()[:7]),
    st.sampled_from(["2019-21", "2019-23"]),
    DAYS.map(lambda d: d.isoformat() + "?"),
    st.just("2019"),
)


@given(st.lists(st.tuples(FORMS, st.integers(0, 300)), min_size=1, max_size=5), st.randoms())
def test_the_result_never_depends_on_the_order_of_the_files(pairs, random):
    shuffled = list(pairs)
    random.shuffle(shuffled)
    for spec in (DATE, NAME, TYPE):
        assert resolve(spec, claims(*pairs)).value == resolve(spec, claims(*shuffled)).value


def test_a_season_that_disagrees_with_a_day_resolves_to_a_range_of_days():
    resolved = resolve(DATE, claims(("2023-06-30", 1), ("2023-23", 2)))  # autumn 2023 does not hold 30 June
    assert (resolved.value, resolved.disputed) == ("[2023-06-30..2023-11-30]", True)


@given(st.lists(st.tuples(FORMS, st.integers(0, 300)), min_size=1, max_size=5))
def test_a_resolved_date_is_one_factpack_reads_inside_every_claim_or_spanning_them_all(pairs):
    resolved = resolve(DATE, claims(*pairs))
    value, each = edtf_dates.parse(resolved.value), [edtf_dates.parse(v) for v, _ in pairs]
    if resolved.disputed:
        assert value.start <= min(c.start for c in each) and value.end >= max(c.end for c in each)
    else:
        assert all(c.start <= value.start and value.end <= c.end for c in each)
