"""The files' own rendered rows set aside on disk: read back exactly, joined in one buffer, and kept as bytes."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factpack import row_spool

_PARTS = st.lists(st.tuples(st.binary(max_size=40), st.booleans()), max_size=12)


def _mixed(spool: row_spool.Spool, parts: list) -> list:
    """Each part as bytes, or set aside in the spool."""
    return [spool.put(data) if aside else data for data, aside in parts]


@given(_PARTS, st.binary(max_size=8), st.binary(max_size=4), st.binary(max_size=8))
def test_joined_parts_are_the_parts_joined_whether_set_aside_or_not(parts, separator, head, tail):
    spool = row_spool.Spool()
    joined = row_spool.joined(_mixed(spool, parts), separator=separator, head=head, tail=tail)
    assert joined == head + separator.join(data for data, _ in parts) + tail


def test_a_piece_reads_back_its_own_bytes_among_others():
    spool = row_spool.Spool()
    pieces = [spool.put(data) for data in (b"first", b"", "second\n€".encode())]
    assert [piece.read() for piece in reversed(pieces)] == ["second\n€".encode(), b"", b"first"]


def test_a_result_s_rendered_rows_are_set_aside_and_kept_as_bytes():
    spool = row_spool.Spool()
    rows = {"citations": (b"c,1\n", b'{"c": 1}', 1), "statements": (b"", b"", 0)}
    result = spool.set_aside({"rows": dict(rows), "findings": []})
    assert all(isinstance(part, row_spool.Piece) for csv, json, _ in result["rows"].values() for part in (csv, json))
    assert row_spool.plain_tables(result["rows"]) == rows
    assert spool.set_aside(result)["rows"] == result["rows"]  # pieces are not set aside twice


@pytest.mark.parametrize("rows", [None, False])
def test_a_result_without_rendered_rows_is_left_as_it_is(rows):
    assert row_spool.Spool().set_aside({"rows": rows}) == {"rows": rows}


def test_a_spool_cut_short_is_an_error_not_short_rows():
    spool = row_spool.Spool()
    piece = spool.put(b"0123456789")
    piece.read()  # flushed to the file
    spool._file.truncate(4)
    with pytest.raises(OSError, match="ended early"):
        piece.read()


def test_a_spool_cut_short_is_an_error_when_a_table_is_joined_too():
    spool = row_spool.Spool()
    pieces = [spool.put(b"0123456789"), spool.put(b"abc")]
    pieces[0].read()
    spool._file.truncate(12)
    with pytest.raises(OSError, match="ended early, at byte 12"):
        row_spool.joined(pieces)
