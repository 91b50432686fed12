"""The bytes of a CSV file that DuckDB and the csv module may read differently, found in one pass."""

from hypothesis import given, settings
from hypothesis import strategies as st

from factpack import package_csv_bytes


def empty_cells_ending(line: bytes) -> int:
    """Empty cells (bare or quoted) at the end of one line, taken off one by one."""
    count = 0
    while line.endswith((b",", b',""')):
        line, count = line[:-3] if line.endswith(b',""') else line[:-1], count + 1
    return count


@settings(max_examples=300)
@given(st.lists(st.sampled_from([b",", b'"', b'""', b"\n", b"\r", b"x", b"\x00", b"\xef", b"\xef\xbb\xbf"]), max_size=30))
def test_the_byte_checks_of_a_csv_file_agree_with_a_search_for_each_pattern(parts):
    """The one-pass search for odd line ends must find what a search for each doubtful pattern finds."""
    data = b"".join(parts)
    doubtful = data.startswith(b"\n") or any(p in data for p in (b"\r", b"\x00", b"\n\n", b"\xef\xbb\xbf"))
    counted = sum(empty_cells_ending(line) for line in data.split(b"\n"))
    assert package_csv_bytes.doubts(data) == (doubtful, counted)
