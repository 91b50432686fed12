"""Rows → published bytes: each row's JSON text is exactly what the json module writes in the published style."""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factpack import outputs

_VALUES = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text() | st.lists(st.text())


@given(st.lists(st.dictionaries(st.text(), _VALUES)))
def test_each_row_is_written_as_the_json_module_writes_it(rows):
    expected = [json.dumps(row, ensure_ascii=False, separators=(", ", ": ")) for row in rows]
    assert outputs.json_texts(rows) == expected
    assert outputs.json_rows(rows) == ",\n".join(expected)


def test_a_value_json_cannot_write_is_refused_as_json_refuses_it():
    with pytest.raises(TypeError, match="not JSON serializable"):
        outputs.json_texts([{"when": object()}])
