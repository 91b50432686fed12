"""Handing the memory a large build has freed back to the system, between its stages.

A large build frees its records and merged entities once its rows are made (pipeline._let_go), and the rows as
made once they are kept. CPython returns most of that to the C library's heap, which keeps it for the next
allocation of the same kind. But the largest allocations come next and from elsewhere: each table's buffer of
hundreds of megabytes is a mapping of its own, and pyarrow allocates with its own allocator. What the heap kept
only added to the process's peak: 186 MiB of it at 20,000 articles. glibc's `malloc_trim` gives the heap's free
pages back; with another C library, or on another system, nothing is done.
"""

import ctypes
import functools


@functools.cache
def _trim():
    """glibc's malloc_trim, or None."""
    try:
        return ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return None


def hand_back() -> None:
    trim = _trim()
    if trim is not None:
        trim(0)
