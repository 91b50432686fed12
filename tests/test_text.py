"""The text check's shortcuts agree with its walk through every character."""

from hypothesis import given
from hypothesis import strategies as st

from factpack.checks.text import _bad_character, first_bad_character

# Characters of every kind the rule tells apart, mixed with ordinary text
SPECIAL = st.sampled_from(["\n", "\t", "\r", "\x00", "\u00a0", "\u200b", "\u200d", "\u202e", "\u2028", "\ufdd0",
                           "\uffff", "\ue000", "\ud800", "é", "e\u0301", " "])
TEXT = st.lists(st.one_of(SPECIAL, st.characters(), st.text(max_size=5)), max_size=12).map("".join)


@given(TEXT, st.booleans())
def test_the_shortcuts_find_what_the_walk_finds(text, multiline):
    assert _bad_character(text, multiline) == first_bad_character(text, multiline)
