"""Matching quotes: only whitespace and typographic quotation marks may differ from the archived article."""

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from factpack.quotes import _QUOTES, _SPACE, normalise

_MARKS = "".join(map(chr, _QUOTES))


def test_typographic_marks_and_runs_of_whitespace_become_plain():
    assert normalise("  He said \u201cwe\u00a0will\n\tnot stop\u201d \u2014 it\u2019s  hers ") == \
        'He said "we will not stop" \u2014 it\'s hers'


def test_a_composed_and_a_decomposed_letter_read_the_same():
    assert normalise("Bila\u0161") == normalise("Bilas\u030c") == "Bila\u0161"


def test_each_typographic_mark_becomes_its_plain_one():
    assert [normalise(f"a{mark}b") for mark in _MARKS] == [f"a{_QUOTES[ord(mark)]}b" for mark in _MARKS]


@given(st.text(alphabet=st.sampled_from(_MARKS + " \n\u00a0ae\u0301\u00e9\u2014")) | st.text())
def test_any_text_reads_as_the_translation_table_says(text):
    assert normalise(text) == _SPACE.sub(" ", unicodedata.normalize("NFC", text).translate(_QUOTES)).strip()
