"""The text report kept file by file, so that a validation after an edit renders only the files it changes.

The text report lists the findings sorted by file first (findings.sort_findings), so it is each file's block of
lines in the order of the files' names, then the closing lines (render.closing_lines), whose counts add up over
the blocks. A validation keeps every file's block with its state (validation_state.py); after an edit, the
blocks of the files whose findings changed are made again, and the report is joined from the blocks. At
20,000 articles and 57,000 findings, rendering and counting them all took about a quarter of a second of every
validation.

Only the plain text report is joined from blocks: in colour (on a terminal), as JSON or annotations, with
--strict, the findings are rendered as they are.
"""

from collections import Counter

from factpack import render
from factpack.findings import Finding, sort_findings
from factpack.rules import ERROR, WARNING

# A block, as the cache keeps it (plain values): (its lines, the number of errors and of warnings, the other
# files its cross-file findings name, and its findings' fields when the file is not a fact file, else None). A
# file other than a fact file (a curated table, or none) may also have findings made outside the state, which
# are then rendered with its own (Shown.with_more).
TEXT, ERRORS, WARNINGS, OTHERS, FIELDS = range(5)


def block_of(fields: list, keep_fields: bool = False) -> tuple | None:
    """The block of one file's findings (as plain fields, repeats included); None when it has none."""
    findings = sort_findings(Finding(*values) for values in fields)
    if not findings:
        return None
    severities = Counter(finding.severity for finding in findings)
    return ("\n".join(render.finding_lines(findings)), severities[ERROR], severities[WARNING],
            tuple(sorted(render.involved(findings))), tuple(fields) if keep_fields else None)


def owned(own: dict) -> bool:
    """Whether every fact file's own findings (None for a removed file) are about that file, so that its block
    holds them all (a block is the findings about one file, whatever made them)."""
    return all(fields[2] == name for name, listed in own.items() for fields in listed or ())


def blocks(own: dict, across: dict) -> dict:
    """file → its block, of every file with findings. own: fact file → its own findings' fields (owned), for
    every fact file; across: file → its cross-file findings' fields."""
    made = {name: block_of([*own.get(name, ()), *across.get(name, ())], keep_fields=name not in own)
            for name in own.keys() | across.keys()}
    return {name: block for name, block in made.items() if block is not None}


class Shown:
    """A validation's findings as its text report, from the kept blocks."""

    def __init__(self, kept: dict):
        self.kept = kept

    def with_more(self, findings) -> "Shown | None":
        """With findings made outside the state (the curated tables'); None if one is about a fact file, whose
        block keeps no fields to render it with (never so today: they are about the curated files)."""
        grouped: dict = {}
        for finding in findings:
            grouped.setdefault(finding.file, []).append(tuple(finding))
        made = dict(self.kept)
        for name, fields in grouped.items():
            kept = made.get(name)
            if kept is not None and kept[FIELDS] is None:
                return None
            made[name] = block_of([*(kept[FIELDS] if kept else ()), *fields], keep_fields=True)
        return Shown(made)

    def only(self, files) -> "Shown":
        """The findings about the named files."""
        return Shown({name: block for name, block in self.kept.items() if name in files})

    @property
    def has_errors(self) -> bool:
        return any(block[ERRORS] for block in self.kept.values())

    def text(self) -> str:
        """What render.render_text writes of the same findings, without colour."""
        files = set(self.kept) - {""}
        others = {other for block in self.kept.values() for other in block[OTHERS]}
        counts = render.counted(sum(block[ERRORS] for block in self.kept.values()),
                                sum(block[WARNINGS] for block in self.kept.values()), files, others)
        lines = [self.kept[name][TEXT] for name in sorted(self.kept)] + render.closing_lines(counts, bool(self.kept))
        return "\n".join(lines) + "\n"
