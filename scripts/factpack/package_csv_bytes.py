"""What Python checks in a CSV file's bytes because DuckDB reads them differently from the csv module.

The package screen (package_screen.py) lets DuckDB read every CSV table. Where DuckDB and Python's csv module,
which the exact pass and frictionless use, would read the same bytes differently (carriage returns, NUL, a
byte-order mark, blank lines, empty cells after the last column), the screen must doubt rather than guess.
"""

import re

# DuckDB drops empty cells after the last column ("x,y,z,," reads as x, y, z) where the csv
# module sees extra cells. So the empty cells that end each row are counted in the bytes and
# compared with the empty columns that end the rows DuckDB read: any surplus is doubted.
# Read backwards, so that the search starts only at line ends (few) rather than at every comma.
_EMPTY_CELLS_ENDING_ROWS = re.compile(rb'\n(?:(?:"")?,)+')


def _trailing_empty_cells(data: bytes) -> int:
    backwards = b"\n" + data[::-1]  # the last row ends here even without a final line break
    return sum(match.group().count(b",") for match in _EMPTY_CELLS_ENDING_ROWS.finditer(backwards))


# A line break after a comma, an empty quoted cell or another line break: what an empty cell ending a row
# or a blank line needs. Python's re finds each line break with memchr and looks behind it: one pass,
# three times faster than searching for each pattern in turn (0.3 s against 1.2 s in a 280 MB file).
_ODD_LINE_END = re.compile(rb'\n(?:(?<=,\n)|(?<=""\n)|(?<=\n\n))')
_BOM = b"\xef\xbb\xbf"


def doubts(data: bytes) -> tuple:
    """(whether the file holds bytes the csv module and DuckDB may read differently: CR, NUL, a BOM, a blank
    line; the number of empty cells that end its rows, counted in the bytes)."""
    odd_ends = bool(_ODD_LINE_END.search(data)) or data.endswith((b",", b'""'))
    doubtful = (b"\r" in data or b"\x00" in data or data.startswith(b"\n") or (odd_ends and b"\n\n" in data)
                or (b"\xef" in data and _BOM in data))  # single bytes are found with memchr, ten times faster
    return doubtful, _trailing_empty_cells(data) if odd_ends else 0  # the count copies the file: only if needed
