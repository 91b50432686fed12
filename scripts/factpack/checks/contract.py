"""The contract every check keeps: one signature per stage, and the codes it may report.

| stage    | `run(...)`                  | sees                                                    |
|----------|-----------------------------|---------------------------------------------------------|
| DOCUMENT | `run(fact)`                 | one fact file as parsed YAML, before its records exist   |
| FILE     | `run(fact, archive)`        | one file's records and its archived article (cached)     |
| DATASET  | `run(context)`              | every file's records, before they are merged             |
| MERGED   | `run(context, entities)`    | the records merged across files, with every claim        |

DOCUMENT and FILE checks run in the per-file stage (file_stage), in worker processes, and their
results are cached by the bytes of the file and its archive; they must not look at other files.
"""

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import Enum

from factpack.errors import FactpackError
from factpack.findings import Finding
from factpack.quotes import normalise
from factpack.rule_codes import Code
from factpack.safe_paths import RefusedPath


class Stage(Enum):
    DOCUMENT = "document"
    FILE = "file"
    DATASET = "dataset"
    MERGED = "merged"


class ContractError(FactpackError):
    """A check broke its contract: a fault of factpack, never of the data."""

    exit_code = 3


@dataclass(frozen=True)
class Check:
    name: str
    stage: Stage
    emits: frozenset[Code]
    run: Callable[..., Iterable[Finding]]

    def __post_init__(self):
        if not self.emits or not all(isinstance(code, Code) for code in self.emits):
            raise ContractError(f"check {self.name} must declare the codes it emits as rule_codes.Code names")

    def __call__(self, *args) -> list:
        findings = list(self.run(*args))
        stray = sorted({f.code for f in findings} - self.emits)
        if stray:
            raise ContractError(f"check {self.name} reported {', '.join(stray)}, which it does not declare")
        return findings


@dataclass(frozen=True)
class Archive:
    """A fact file's archived article, as the FILE stage sees it."""

    name: str  # relative to the dataset
    content: bytes | RefusedPath | None  # None when there is none, RefusedPath when it may not be read

    @functools.cached_property
    def text(self) -> str | None:
        """The article's text, whitespace and quote marks normalised as quotes are matched; None if unusable."""
        if not isinstance(self.content, bytes):
            return None
        try:
            return normalise(self.content.decode("utf-8"))
        except UnicodeDecodeError:
            return None
