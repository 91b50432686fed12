"""The retired ids (datasets/retired-ids.csv): an id published once is never defined again, and a merged id
names the id that replaced it, so that a consumer's joins survive a release."""

from factpack import model
from factpack.findings import Finding
from factpack.checks.contract import Check, Stage
from factpack.rule_codes import Code


TABLE = "retired_ids"


def check(context, entities: dict) -> list:
    """A retired id is never defined again, and a merged one points at an id of the same table."""
    findings: list = []
    where = model.table(TABLE).meta["curated"]
    for row in context.curated.get(TABLE, []):
        current = entities.get(row["record_type"], {})
        if row["record_id"] in current:
            findings.append(
                Finding(
                    Code.RETIRED_ID_REUSED,
                    f"'{row['record_id']}' was retired ({row['fate']} in {row['version']}) but a fact "
                    f"file defines it again",
                    where,
                    row["_line"],
                    1,
                    "record_id",
                    "give the record another id; ids are never reused",
                )
            )
        merged = row["fate"] == "merged"
        if merged != (row["replaced_by"] is not None) or (merged and row["replaced_by"] not in current):
            findings.append(Finding(Code.RETIRED_ID_WITHOUT_REPLACEMENT, f"'{row['record_id']}' is {row['fate']}: " + (
                f"replaced_by must be an existing id of {row['record_type']}" if merged else "it has no replacement"),
                where, row["_line"], 1, "replaced_by", "see the data dictionary's retired_ids page"))
    return findings


CHECK = Check("retired_ids", Stage.MERGED,
              frozenset({Code.RETIRED_ID_REUSED, Code.RETIRED_ID_WITHOUT_REPLACEMENT}),
              check)
