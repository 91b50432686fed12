"""The worker processes that check fact files: each collects its own garbage, whatever its parent does."""

import gc

from factpack import worker_pool
from collector_support import paused


def _collector_state(_task) -> tuple:
    return gc.isenabled(), gc.get_freeze_count() > 0


def test_a_worker_collects_each_file_s_garbage_though_its_parent_paused_the_collector():
    with paused(), worker_pool.workers(2) as pool:
        assert set(pool.map(_collector_state, range(4))) == {(True, True)}
