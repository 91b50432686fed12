"""Python's cycle collector paused in a test, as the command line pauses it for a build (cli.py)."""

import contextlib
import gc


@contextlib.contextmanager
def paused():
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
