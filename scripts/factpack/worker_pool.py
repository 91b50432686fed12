"""The worker processes that check fact files in parallel (pipeline.load_results)."""

import gc
from concurrent.futures import ProcessPoolExecutor

# A worker holds a chunk's results until it sends them all at once: a chunk of an eighth of a worker's share was
# 12,500 files at 200,000 articles, and 2.7 GB in each worker. A chunk of this many is about half a second's work.
CHUNK_MOST = 64


def workers(jobs: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=jobs, initializer=_worker_started)


def chunk_size(tasks: int, jobs: int) -> int:
    """How many files a worker takes at a time: an eighth of its share, at most CHUNK_MOST."""
    return max(1, min(CHUNK_MOST, tasks // (jobs * 8)))


def _worker_started() -> None:
    """A worker checks one file after another and keeps nothing of them. But each file's records refer to it and
    back, and a worker starts with the cycle collector paused as its parent's is (cli.py), so every file's objects
    stayed: about 95 KB a file, 1 GB in each worker by the end of 20,000 articles. The collector runs in workers;
    what a worker inherited is frozen, so that it is not scanned."""
    gc.freeze()
    gc.enable()
