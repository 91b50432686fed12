"""The one exception family factpack raises on purpose.

Bad *data* is not an exception: it becomes findings (see findings.py). These
exceptions are for a run that cannot go on: a bad command line, a dataset
folder that is not one, another build holding the lock.
"""


class FactpackError(Exception):
    """Root of every error factpack raises on purpose; the CLI prints it without a traceback."""

    exit_code = 1

    def __init__(self, message: str, hint: str = ""):
        super().__init__(message)
        self.message = message
        self.hint = hint


class UsageError(FactpackError):
    """The command line or the dataset layout is wrong (exit 2)."""

    exit_code = 2


class LockedError(FactpackError):
    """Another factpack process is writing the package."""

    exit_code = 2
