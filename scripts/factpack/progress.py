"""Progress of a long build or validation, shown on a terminal only.

A build of tens of thousands of articles takes minutes; without a sign of life a user cannot tell
work from a hang. The display is rich's, drawn on standard error, and only when standard error is a
terminal and not in CI: logs, pipes and CI output get no extra bytes. It is transient, so what stays
on the screen afterwards is the report alone.
"""

import contextlib
import os
import sys
from collections.abc import Iterator

_current = None  # the display of the running command, if any


def wanted(stream=None) -> bool:
    """A terminal a person watches: not redirected, not CI, not TERM=dumb."""
    stream = stream or sys.stderr
    if os.environ.get("CI") or os.environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


@contextlib.contextmanager
def shown(enabled: bool | None = None) -> Iterator[None]:
    """Show the stages reported inside this block, if a person is watching."""
    global _current
    if not (wanted() if enabled is None else enabled):
        yield
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    display = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                       console=Console(stderr=True), transient=True, redirect_stdout=False, redirect_stderr=False)
    _current = display
    try:
        with display:
            yield
    finally:
        _current = None


class Stage:
    """One stage of the work: `advance` after each of `total` units."""

    def __init__(self, description: str, total: int):
        self.total = total
        self.task = _current.add_task(description, total=total) if _current else None

    def advance(self, units: int = 1) -> None:
        if self.task is not None and _current is not None:
            _current.advance(self.task, units)

    def done(self) -> None:
        if self.task is not None and _current is not None:
            _current.update(self.task, completed=self.total)


def stage(description: str, total: int = 1) -> Stage:
    return Stage(description, total)
