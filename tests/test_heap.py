"""Freed memory handed back to the system between a large build's stages (glibc's malloc_trim)."""

import os

from factpack import heap


def _resident_bytes() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def test_memory_freed_into_the_heap_goes_back_to_the_system():
    if heap._trim() is None:  # not glibc: handing back does nothing, and must not fail
        heap.hand_back()
        return
    # 100 MB in objects small enough to come from the heap, one in a hundred kept so that the heap cannot shrink by
    # itself from its top when the rest is freed
    objects = [bytes(1000) for _ in range(100_000)]
    kept = objects[::100]
    del objects
    before = _resident_bytes()
    heap.hand_back()
    assert before - _resident_bytes() > 50_000_000
    assert len(kept) == 1_000
