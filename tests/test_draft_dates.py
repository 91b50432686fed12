"""Dates of an article resolved against its publication date (factpack/draft/dates.py)."""

import datetime

import pytest

from factpack.draft import dates

PUBLISHED = datetime.date(2019, 3, 15)  # a Friday


def resolved(text: str, published=PUBLISHED) -> list[tuple[str, str]]:
    return [(found.text, found.edtf) for found in dates.find(text, published)]


@pytest.mark.parametrize("text, expected", [
    ("He was detained on Thursday.", ("Thursday", "2019-03-14")),
    ("The raid came on Friday.", ("Friday", "2019-03-15")),  # the day of publication: news style names it so
    ("He was fined on October 2.", ("October 2", "2018-10-02")),  # no year: the latest October 2 before publication
    ("She was questioned on March 10.", ("March 10", "2019-03-10")),
    ("Police searched it last month.", ("last month", "2019-02")),
    ("It happened on 29 July 2017.", ("29 July 2017", "2017-07-29")),
    ("It began in August 2018.", ("in August 2018", "2018-08")),
    ("The group was founded in 2017.", ("in 2017", "2017")),
    ("Protests grew last summer.", ("last summer", "2018-22")),  # EDTF season 22: summer
    ("Arrests began in the spring of 2017.", ("in the spring of 2017", "2017-21")),
    ("He said so yesterday.", ("yesterday", "2019-03-14")),
    ("They met last week.", ("last week", "2019-03-04/2019-03-10")),
])
def test_a_date_expression_is_resolved_against_the_publication_date(text, expected):
    assert resolved(text) == [expected]


def test_every_date_says_how_it_was_resolved():
    [weekday, no_year] = dates.find("On Thursday he recalled October 2.", PUBLISHED)
    assert weekday.note == "'Thursday' in the article: the Thursday before publication (2019-03-15)"
    [today] = dates.find("He spoke on Friday.", PUBLISHED)
    assert "the day of publication (2019-03-15)" in today.note and "use 2019-03-08" in today.note
    assert no_year.note == "'October 2' in the article, without a year: the latest such day before publication (2019-03-15)"


def test_a_date_after_publication_is_not_proposed():
    assert resolved("The trial is set for 29 July 2019.") == []
    assert resolved("It will start in the summer.", datetime.date(2019, 3, 15)) == [("in the summer", "2018-22")]


def test_a_sentence_may_start_with_the_date():
    assert resolved("In February he was fined. In 2018, the UN said so.") == [("In February", "2019-02"), ("In 2018", "2018")]
