"""Every check, in the order it runs: the one place a check is registered (see contract.py)."""

from factpack.checks import (codes, corroboration, dates, disagreements, evidence, identifiers, quote_extent,
                             quote_relevance, retired_ids, schema, similar_events, similar_names, text)
from factpack.checks.contract import Check, Stage

CHECKS: tuple[Check, ...] = (
    schema.CHECK, text.CHECK,  # DOCUMENT
    evidence.CHECK, quote_relevance.CHECK, quote_extent.CHECK,  # FILE
    identifiers.CHECK, dates.CHECK, codes.CHECK,  # DATASET
    retired_ids.CHECK, disagreements.CHECK, similar_names.CHECK, similar_events.CHECK, corroboration.CHECK,  # MERGED
)


def of_stage(stage: Stage) -> tuple[Check, ...]:
    return tuple(check for check in CHECKS if check.stage is stage)


def run(stage: Stage, *args) -> list:
    """The findings of every check of `stage`, each check given `args` (the stage's signature)."""
    return [finding for check in of_stage(stage) for finding in check(*args)]
